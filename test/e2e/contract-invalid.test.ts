// Contract tests (black box): bad input exits 2 with `file:line:col: message`, names what is valid,
// never prints a stack trace, and `run` creates no namespace, starts no agent and writes no JUnit file.
// Contract: issue 2 ("Bad input gets a clear error and nothing runs") and DESIGN.md "Exit codes".
import { describe, it, expect, afterAll } from "vitest";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { randomUUID } from "node:crypto";

const ROOT = resolve(__dirname, "../..");
const CLI = "dist/cli.js";

const tempDirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-contract-invalid-"));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  // our temp folders, and any work folder a run made for them under reports/ (only the self-checks should)
  const reports = join(ROOT, "reports");
  for (const dir of tempDirs) {
    if (existsSync(reports)) {
      for (const e of readdirSync(reports)) if (e.includes(basename(dir))) rmSync(join(reports, e), { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes `content` as a scenario file in a fresh temp folder; returns its absolute path. */
function scenario(content: string | Buffer, fileName = "scenario.yaml"): string {
  const dir = tempDir();
  const file = join(dir, fileName);
  writeFileSync(file, content);
  return file;
}

/** 1-based line of the nth line containing `needle` in `text`. */
function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split("\n");
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`test bug: ${JSON.stringify(needle)} (#${nth}) not in the scenario`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The messages reported for `file` at `line`: the text after each `file:line:col:` up to the next report. */
function messagesAt(stderr: string, file: string, line: number): string[] {
  const re = new RegExp(`${escapeRe(file)}:(\\d+):(\\d+):([\\s\\S]*?)(?=${escapeRe(file)}:\\d+:\\d+:|$)`, "g");
  const out: string[] = [];
  for (const m of stderr.matchAll(re)) if (Number(m[1]) === line) out.push(m[3]);
  return out;
}

/** The lines reported for `file` (every `file:LINE:COL:` in stderr). */
function reportedLines(stderr: string, file: string): number[] {
  const re = new RegExp(`${escapeRe(file)}:(\\d+):\\d+:`, "g");
  return [...stderr.matchAll(re)].map((m) => Number(m[1]));
}

function netnsNames(): Set<string> {
  const out = execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
  return new Set(out.split("\n").map((l) => l.trim().split(/\s+/)[0]).filter(Boolean));
}

/** Namespace names as `ip netns list` reads them (/run/netns), cheap enough to poll while a run goes. */
function netnsDir(): string[] {
  try {
    return readdirSync("/run/netns");
  } catch {
    return [];
  }
}

/** PIDs of wirecheck agents whose environment carries our marker (so only processes of our own run). */
function markedAgents(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "latin1");
      if (!cmd.includes("wirecheck-agent")) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "latin1");
      if (env.includes(marker)) pids.push(Number(entry));
    } catch {
      /* process ended meanwhile */
    }
  }
  return pids;
}

function netnsOf(pid: number): string | undefined {
  try {
    return execFileSync("ip", ["netns", "identify", String(pid)], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function validate(...args: string[]): CliResult {
  const r = spawnSync("node", [CLI, "validate", ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface RunResult extends CliResult {
  /** wc-* namespaces that appeared while the run was going (ending in one of our host names). */
  namespacesSeen: string[];
  /** wirecheck agents started by this run. */
  agentsSeen: number[];
  newNamespacesAfter: string[];
}

/**
 * `wirecheck run` on `file`, watching /run/netns and /proc while it runs: a namespace or agent that
 * exists only for a moment would not show in a before/after comparison.
 * `hosts`: the host names of the scenario's lab (namespace names end in `-<host>`).
 */
async function run(args: string[], hosts: string[]): Promise<RunResult> {
  const marker = `WC_CONTRACT_MARK=${randomUUID()}`;
  const [key, value] = marker.split("=");
  const before = netnsNames();
  // `local` (the implicit host) is every lab-less run's host, ours or a parallel test's: such namespaces are
  // attributed through the agents only (an agent carrying our marker is already a failure).
  const named = hosts.filter((h) => h !== "local");
  const ours = (n: string) => n.startsWith("wc-") && !before.has(n) && named.some((h) => n.endsWith(`-${h}`));
  const namespacesSeen = new Set<string>();
  const agentsSeen = new Set<number>();
  const placed = new Set<number>();
  const child = spawn("node", [CLI, "run", ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: "1", [key]: value },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const poll = setInterval(() => {
    for (const n of netnsDir()) if (ours(n)) namespacesSeen.add(n);
    // An agent starts parked (wc-<run>.park) and is then sent into a host: followed until it is seen in one.
    for (const p of markedAgents(value)) {
      if (placed.has(p)) continue;
      agentsSeen.add(p);
      const ns = netnsOf(p);
      if (ns) namespacesSeen.add(ns);
      if (ns && !ns.endsWith(".park")) placed.add(p);
    }
  }, 10);
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  clearInterval(poll);
  clearTimeout(killer);
  const newNamespacesAfter = [...netnsNames()].filter(ours);
  return { status, stdout, stderr, namespacesSeen: [...namespacesSeen], agentsSeen: [...agentsSeen], newNamespacesAfter };
}

interface Expected {
  /** Lines that must each carry a report; each entry lists the acceptable lines for one error. */
  lines: number[][];
  /** What the message at that line must say (one regex list per entry of `lines`). */
  says: RegExp[][];
}

function checkReport(r: CliResult, file: string, want: Expected): void {
  const all = r.stdout + r.stderr;
  expect(r.status, `exit code; stderr:\n${r.stderr}`).toBe(2);
  expect(all, "no stack trace").not.toContain("    at ");
  want.lines.forEach((acceptable, i) => {
    const msgs = acceptable.flatMap((l) => messagesAt(r.stderr, file, l));
    expect(msgs.length, `a report at ${file}:${acceptable.join(" or ")}:COL: in stderr:\n${r.stderr}`).toBeGreaterThan(0);
    for (const re of want.says[i]) {
      expect(msgs.some((m) => re.test(m)), `message at line ${acceptable.join("/")} matches ${re}; stderr:\n${r.stderr}`).toBe(true);
    }
  });
}

/** Runs both `validate FILE` and `run FILE --junit DIR/j.xml` and checks the contract on each. */
async function expectInvalid(file: string, want: Expected, hosts: string[] = []): Promise<void> {
  checkReport(validate(file), file, want);

  const junit = join(file, "..", "j.xml");
  const r = await run([file, "--junit", junit], hosts);
  checkReport(r, file, want);
  expect(existsSync(junit), "run wrote no JUnit file for invalid input").toBe(false);
  expect(r.namespacesSeen, "run created no namespace").toEqual([]);
  expect(r.newNamespacesAfter, "run left no namespace").toEqual([]);
  expect(r.agentsSeen, "run started no agent").toEqual([]);
}

const ONE_STEP = `steps:\n  - name: only step\n    exec: { run: echo hi }\n`;

describe("contract: invalid scenarios exit 2 with file:line:col and nothing runs", () => {
  it("tab indentation", async () => {
    const text = `name: tabs\nsteps:\n\t- name: a\n\t  exec: { run: echo hi }\n`;
    const f = scenario(text);
    await expectInvalid(f, { lines: [[3]], says: [[/tab/i, /space/i]] });
  });

  it("unclosed quote (reported where the quote opens)", async () => {
    const text = `name: "unclosed\ndescription: the quote above never closes\n${ONE_STEP}`;
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, 'name: "unclosed')]], says: [[/quot/i]] });
  });

  it("duplicate key (names the key)", async () => {
    const text = `name: dup\nsteps:\n  - name: a\n    exec: { run: echo a }\n    exec: { run: echo b }\n`;
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "exec:", 2)]], says: [[/duplicate/i, /\bexec\b/]] });
  });

  it("unknown top-level key gets a did-you-mean and the valid keys", async () => {
    const text = `name: typo\ntagz: [smoke]\n${ONE_STEP}`;
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "tagz")]],
      says: [[/tagz/, /did you mean/i, /\btags\b/, /\bsteps\b/, /\bservers\b/]],
    });
  });

  it("unknown step key gets a did-you-mean", async () => {
    const text = `name: typo in step\nsteps:\n  - name: a\n    hots: local\n    exec: { run: echo hi }\n`;
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "hots:")]], says: [[/hots/, /did you mean/i, /\bhost\b/]] });
  });

  it("wrong type: timeout: 5 (a duration is text)", async () => {
    const text = `name: wrong type\ntimeout: 5\n${ONE_STEP}`;
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "timeout: 5")]], says: [[/timeout/, /duration|\d(ms|s)\b/i]] });
  });

  it("ports 0 and 70000 are out of range, each reported at its own line", async () => {
    const text = [
      "name: bad ports",
      "servers:",
      "  - name: zero",
      "    tcp: { port: 0, echo: true }",
      "  - name: huge",
      "    udp: { port: 70000, echo: true }",
      ONE_STEP,
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "port: 0")], [lineOf(text, "port: 70000")]],
      says: [[/\b1\b.*65535/], [/\b1\b.*65535/]],
    });
  });

  it("impossible addresses: 198.18.0.300/24 and 198.18.0.1/99", async () => {
    const text = [
      "name: impossible addresses",
      "lab:",
      "  hosts:",
      "    ipbadoctet: 198.18.0.300/24",
      "    ipbadprefix: 198.18.0.1/99",
      "steps:",
      "  - name: a",
      "    exec: { run: echo hi }",
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(
      f,
      {
        lines: [[lineOf(text, "198.18.0.300")], [lineOf(text, "/99")]],
        says: [[/198\.18\.0\.300/, /IPv4|address/i], [/99/, /32/]],
      },
      ["ipbadoctet", "ipbadprefix"],
    );
  });

  it("a non-lab address (10.0.0.1/24) names the lab ranges", async () => {
    const text = "name: not a lab address\nlab:\n  hosts:\n    ipnonlab: 10.0.0.1/24\n" + ONE_STEP;
    const f = scenario(text);
    await expectInvalid(
      f,
      { lines: [[lineOf(text, "10.0.0.1")]], says: [[/10\.0\.0\.1/, /198\.18\.0\.0\/15/, /2001:db8::\/32/]] },
      ["ipnonlab"],
    );
  });

  it("a step on a host the lab lacks names the lab's hosts", async () => {
    const text = [
      "name: missing host",
      "lab:",
      "  hosts:",
      "    hmclient: 198.18.0.1/24",
      "    hmserver: 198.18.0.2/24",
      "steps:",
      "  - name: a",
      "    host: hmnowhere",
      "    exec: { run: echo hi }",
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(
      f,
      { lines: [[lineOf(text, "host: hmnowhere")]], says: [[/hmnowhere/, /hmclient/, /hmserver/]] },
      ["hmclient", "hmserver", "hmnowhere"],
    );
  });

  it("a session used before it is opened", async () => {
    const text = [
      "name: session too early",
      "steps:",
      "  - { name: use it, tcp: { session: early, send: hello } }",
      '  - { name: open it, tcp: { connect: "127.0.0.1:7", as: early } }',
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "session: early")]], says: [[/early/, /\bas\b|open/i]] });
  });

  it("a step with zero actions names the actions", async () => {
    const text = "name: idle step\nsteps:\n  - name: idle\n    description: does nothing\n";
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "- name: idle"), lineOf(text, "description:")]],
      says: [[/idle/, /tcp/, /udp/, /http/, /exec/, /file/]],
    });
  });

  it("a step with two actions names both", async () => {
    const text = [
      "name: busy step",
      "steps:",
      "  - name: busy",
      "    exec: { run: echo hi }",
      '    tcp: { connect: "127.0.0.1:7", send: x }',
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "- name: busy"), lineOf(text, "exec:"), lineOf(text, "tcp:")]],
      says: [[/exec/, /tcp/]],
    });
  });

  it("an empty file", async () => {
    const f = scenario("");
    await expectInvalid(f, { lines: [[1]], says: [[/empty/i, /steps/]] });
  });

  it("a binary (non-text) file", async () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x03, 0x00, 0x3e, 0x00, 0x9c, 0x80]);
    const f = scenario(bytes);
    await expectInvalid(f, { lines: [[1]], says: [[/text/i]] });
  });

  it("a scenario without steps", async () => {
    const text = "name: no steps\ndescription: forgot them\n";
    const f = scenario(text);
    await expectInvalid(f, { lines: [[1]], says: [[/\bsteps\b/]] });
  });

  it("steps: [] (at least one step)", async () => {
    const text = "name: empty steps\nsteps: []\n";
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "steps: []")]], says: [[/steps/, /at least (1|one)/i]] });
  });

  it("duplicate step names", async () => {
    const text = [
      "name: same names",
      "steps:",
      "  - name: twin",
      "    exec: { run: echo a }",
      "  - name: twin",
      "    exec: { run: echo b }",
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "- name: twin", 2)]], says: [[/twin/, /unique|twice|duplicate/i]] });
  });

  it("an unknown var ${nope}", async () => {
    const text = 'name: unknown var\nvars:\n  known: 1\nsteps:\n  - name: a\n    exec: { run: "echo ${nope}" }\n';
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "${nope}")]], says: [[/nope/, /\bknown\b|vars|--var/]] });
  });

  it("misspelt layers, fields and symbolic values in packet expectations and save: are caught before anything runs", async () => {
    const text = [
      "name: expectation typos",
      "lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }",
      "steps:",
      "  - name: field",
      "    host: a",
      "    sr1:",
      '      packet: IP(dst="b")/ICMP()',
      "      expect: { ICMP.tpye: echo-reply }",
      "      save: { s: ICMP.sequ }",
      "  - name: layer and value",
      "    sniff:",
      "      host: b",
      "      while: [ { host: a, ping: { to: b, count: 1 } } ]",
      "      expect:",
      "        none: { ICMPP.type: 8 }",
      "        sequence: [ { ICMP.type: echo-replyy } ]",
      "sniffers:",
      "  - { name: whole run, host: b, expect: { each: { TCP.flagz: S } } }",
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "ICMP.tpye")], [lineOf(text, "ICMP.sequ")], [lineOf(text, "ICMPP.type")], [lineOf(text, "echo-replyy")], [lineOf(text, "TCP.flagz")]],
      says: [[/no field `tpye`/, /did you mean `type`/], [/no field `sequ`/, /`seq`/], [/`ICMPP` is not a layer/, /did you mean `ICMP`/], [/echo-replyy/, /echo-reply,/], [/no field `flagz`/, /`flags`/]],
    }, ["a", "b"]);
  });

  it("a capture filter libpcap cannot compile, a count that is not one, and rate with interval are caught before anything runs", async () => {
    const text = [
      "name: wire input errors",
      "lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }",
      "sniffers:",
      '  - { name: whole run, host: b, filter: "tcp prot 80", expect: { count: 0 } }',
      "steps:",
      "  - name: count",
      '    sniff: { host: b, timeout: 100ms, expect: { count: ">= x" } }',
      "  - name: pace",
      "    host: a",
      "    send: { packet: 'IP(dst=\"b\")/UDP()', rate: 10, interval: 1s }",
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "tcp prot 80")], [lineOf(text, ">= x")], [lineOf(text, "rate: 10")]],
      says: [[/not a valid capture filter/, /syntax error/, /tcp port 80/], [/not a count/, />= 3/], [/rate or interval, not both/]],
    }, ["a", "b"]);
  });

  it("an invalid regex in an expect", async () => {
    const text = 'name: bad regex\nsteps:\n  - name: a\n    exec:\n      run: echo hi\n      expect: { stdout: { regex: "([a-z" } }\n';
    const f = scenario(text);
    await expectInvalid(f, { lines: [[lineOf(text, "regex:")]], says: [[/regular expression|regex/i]] });
  });

  it("several schema errors in one file are all reported, each at its own line", async () => {
    const text = [
      "name: many schema mistakes",
      "tagz: [a]",
      "timeout: 5",
      "servers:",
      "  - name: s",
      "    tcp: { port: 0, echo: true }",
      "steps:",
      "  - name: one",
      "    hots: local",
      "    exec: { run: echo hi }",
      "",
    ].join("\n");
    const f = scenario(text);
    await expectInvalid(f, {
      lines: [[lineOf(text, "tagz")], [lineOf(text, "timeout: 5")], [lineOf(text, "port: 0")], [lineOf(text, "hots:")]],
      says: [[/did you mean/i], [/timeout/], [/65535/], [/did you mean/i]],
    });
  });

  it("schema and lab/session/var errors in one file are all reported, each at its own line", async () => {
    const text = [
      "name: many mistakes",
      "timeout: 5",
      "lab:",
      "  hosts:",
      "    mxclient: 198.18.0.1/24",
      "    mxother: 10.0.0.2/24",
      "servers:",
      "  - name: s",
      "    host: mxclient",
      "    tcp: { port: 0, echo: true }",
      "steps:",
      "  - name: one",
      "    host: mxnowhere",
      '    exec: { run: "echo ${nope}" }',
      "  - { name: two, tcp: { session: ghost, send: x } }",
      "",
    ].join("\n");
    const f = scenario(text);
    const want: Expected = {
      lines: [
        [lineOf(text, "timeout: 5")],
        [lineOf(text, "10.0.0.2")],
        [lineOf(text, "port: 0")],
        [lineOf(text, "host: mxnowhere")],
        [lineOf(text, "${nope}")],
        [lineOf(text, "session: ghost")],
      ],
      says: [[/timeout/], [/198\.18\.0\.0\/15/], [/65535/], [/mxnowhere/], [/nope/], [/ghost/]],
    };
    await expectInvalid(f, want, ["mxclient", "mxother", "mxnowhere"]);
    // every error at its own line, not one line for all
    const lines = reportedLines(validate(f).stderr, f);
    expect(new Set(lines).size).toBeGreaterThanOrEqual(6);
  });

  it("a path that does not exist exits 2", async () => {
    const dir = tempDir();
    const missing = join(dir, "no-such-scenario.yaml");
    const v = validate(missing);
    expect(v.status).toBe(2);
    expect(v.stderr).toContain("no-such-scenario.yaml");
    expect(v.stdout + v.stderr).not.toContain("    at ");
    const r = await run([missing, "--junit", join(dir, "j.xml")], []);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no-such-scenario.yaml");
    expect(r.stdout + r.stderr).not.toContain("    at ");
    expect(existsSync(join(dir, "j.xml"))).toBe(false);
    expect(r.agentsSeen).toEqual([]);
  });

  it("--var without = exits 2", async () => {
    const f = scenario(`name: fine\n${ONE_STEP}`);
    const v = validate(f, "--var", "novalue");
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(/novalue/);
    expect(v.stderr).toMatch(/=/);
    expect(v.stdout + v.stderr).not.toContain("    at ");
    const junit = join(f, "..", "j.xml");
    const r = await run([f, "--var", "novalue", "--junit", junit], []);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/novalue/);
    expect(r.stdout + r.stderr).not.toContain("    at ");
    expect(existsSync(junit)).toBe(false);
    expect(r.namespacesSeen).toEqual([]);
    expect(r.agentsSeen).toEqual([]);
  });
});

describe("harness self-check", () => {
  it("a valid scenario does bring up a namespace and an agent, so the checks above can see one", async () => {
    const dir = tempDir();
    const f = join(dir, "valid.yaml");
    writeFileSync(f, "name: valid control\nlab:\n  hosts:\n    ctlhost: 198.18.0.1/24\n    ctlpeer: 198.18.0.2/24\nsteps:\n  - name: a\n    exec: { run: sleep 0.3 }\n");
    const r = await run([f, "--junit", join(dir, "j.xml")], ["ctlhost", "ctlpeer"]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.namespacesSeen.length).toBeGreaterThan(0);
    expect(r.agentsSeen.length).toBeGreaterThan(0);
    expect(r.newNamespacesAfter).toEqual([]);
  });
});

describe("harness self-check (lab-less)", () => {
  it("a valid scenario without lab is seen through its agent in its namespace", async () => {
    const dir = tempDir();
    const f = join(dir, "valid-local.yaml");
    writeFileSync(f, "name: valid local control\nsteps:\n  - name: a\n    exec: { run: sleep 0.3 }\n");
    const r = await run([f, "--junit", join(dir, "j.xml")], []);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.agentsSeen.length).toBeGreaterThan(0);
    expect(r.namespacesSeen.some((n) => /^wc-.+-local$/.test(n)), `seen: ${r.namespacesSeen}`).toBe(true);
  });
});
