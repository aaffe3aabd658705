// Safety (black box): hostile or odd input gets `file:line:col: message` and exit 2, quickly and in bounded memory;
// never a stack trace, a hang or a step that silently vanishes. Usage errors exit 2 and stderr carries no Node
// warnings. Every command runs in a throwaway folder with a watchdog on its time and memory.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, root } from "./helpers.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-safety-input-"));
  temps.push(dir);
  mkdirSync(join(dir, "reports"));
  return dir;
}

/** Writes a scenario into a fresh throwaway folder; returns the folder and the file's name. */
function scenario(text: string, name = "scenario.yaml") {
  const dir = sandbox();
  writeFileSync(join(dir, name), text);
  return { dir, name };
}

interface Watched {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  out: string;
  ms: number;
  peakMb: number;
  /** Why the watchdog killed it, if it did. */
  killed?: string;
}

/**
 * The CLI in `cwd`, killed when it runs longer than maxMs or holds more than maxMb of memory (a loader that reads
 * /dev/zero must not take the machine down with it).
 */
function watched(cwd: string, args: string[], o: { maxMs?: number; maxMb?: number } = {}): Promise<Watched> {
  const maxMs = o.maxMs ?? 10_000;
  const maxMb = o.maxMb ?? 1024;
  const t = Date.now();
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  let peakMb = 0;
  let killed: string | undefined;
  const poll = setInterval(() => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (rss) peakMb = Math.max(peakMb, Number(rss[1]) / 1024);
    } catch {
      /* gone */
    }
    if (!killed && peakMb > maxMb) killed = `over ${maxMb} MB`;
    if (!killed && Date.now() - t > maxMs) killed = `over ${maxMs} ms`;
    if (killed) child.kill("SIGKILL");
  }, 20);
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, out: stdout + stderr, ms: Date.now() - t, peakMb: Math.round(peakMb), killed });
    }),
  );
}

function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`test bug: ${needle} not in the scenario`);
}

/** The messages stderr reports for `file` at `line` (text after `file:line:col:` up to the end of its line). */
function messagesAt(stderr: string, file: string, line?: number): string[] {
  const re = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+):(.*)`, "g");
  return [...stderr.matchAll(re)].filter((m) => line === undefined || Number(m[1]) === line).map((m) => m[3]);
}

/** Exit 2, no stack trace, the watchdog did not fire, and a `file:line:col:` report (at `line` if given). */
function expectInvalid(r: Watched, file: string, line?: number): string[] {
  expect(r.killed, `${r.killed} (peak ${r.peakMb} MB)`).toBeUndefined();
  expect(r.code, r.out.slice(0, 4000)).toBe(2);
  expect(r.out, "no stack trace").not.toMatch(/^ {4}at /m);
  const msgs = messagesAt(r.stderr, file, line);
  expect(msgs.length, `a report at ${file}:${line ?? "LINE"}:COL:\n${r.stderr.slice(0, 4000)}`).toBeGreaterThan(0);
  return msgs;
}

const oneStep = `steps:\n  - { name: a, exec: { run: "true" } }\n`;

describe("item 7: the loader reports odd YAML as input errors, never a crash", () => {
  it("an alias without its anchor", async () => {
    const text = "name: dangling alias\nsteps: *nope\n";
    const { dir, name } = scenario(text);
    const msgs = expectInvalid(await watched(dir, ["validate", name]), name, lineOf(text, "*nope"));
    expect(msgs.join("\n")).toMatch(/nope/);
  });

  it("a self-referencing anchor `x: &s [*s]`", async () => {
    const text = `name: self reference\nx: &s [*s]\n${oneStep}`;
    const { dir, name } = scenario(text);
    expectInvalid(await watched(dir, ["validate", name]), name, lineOf(text, "&s"));
  });

  it("billion laughs: refused quickly, in little memory, naming the alias limit", async () => {
    let text = 'name: laughs\nvars:\n  l0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) text += `  l${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]\n`;
    text += oneStep;
    const { dir, name } = scenario(text);
    const r = await watched(dir, ["validate", name], { maxMs: 5000, maxMb: 512 });
    const msgs = expectInvalid(r, name);
    expect(msgs.join("\n"), "the error says which limit").toMatch(/alias/i);
    expect(msgs.join("\n"), "the error gives the limit").toMatch(/\d/);
  });

  it("`%YAML 1.1` with `<<: [1, 2]`", async () => {
    const text = `%YAML 1.1\n---\nname: merge of scalars\n<<: [1, 2]\n${oneStep}`;
    const { dir, name } = scenario(text);
    expectInvalid(await watched(dir, ["validate", name]), name, lineOf(text, "<<"));
  });

  it("a packet nested 3,000 parentheses deep is an error at its step for validate, list and run", async () => {
    const n = 3000;
    const text = [
      "name: deep packet",
      "lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }",
      "steps:",
      "  - name: shallow",
      "    host: client",
      `    send: { packet: 'IP(dst="server")/ICMP()' }`,
      "  - name: deep",
      "    host: client",
      `    send: { packet: 'IP(dst="server")/Raw(load=${"(".repeat(n)}1${")".repeat(n)})' }`,
      "",
    ].join("\n");
    const { dir, name } = scenario(text);
    const at = lineOf(text, "load=");
    expectInvalid(await watched(dir, ["validate", name]), name, at);
    const list = await watched(dir, ["list", name]);
    expect(list.out).not.toMatch(/^ {4}at /m);
    // list either refuses the file or shows the step: it never just leaves it out
    if (list.code !== 2) expect(list.stdout, list.out).toMatch(/- deep\b/);
    expectInvalid(await watched(dir, ["run", name, "--junit", join(dir, "junit.xml")], { maxMs: 20_000 }), name, at);
  });
});

describe("item 8: limits no real scenario meets, said in the error; validate stays linear", () => {
  it("a 43 KB file with a wide alias fan-out is refused within 5 s, naming the alias limit", async () => {
    const keys = Array.from({ length: 2400 }, (_, i) => `k${i}:[]`).join(",");
    let text = `name: fan-out\nvars: &v {${keys}}\nsteps:\n`;
    for (let i = 0; i < 560; i++) text += `- {name: s${i}, exec: {run: x, env: *v}}\n`;
    expect(text.length).toBeGreaterThan(40_000);
    expect(text.length).toBeLessThan(46_000);
    const { dir, name } = scenario(text);
    const r = await watched(dir, ["validate", name], { maxMs: 10_000, maxMb: 1024 });
    const msgs = expectInvalid(r, name);
    expect(r.ms).toBeLessThan(5000);
    expect(msgs.join("\n")).toMatch(/alias/i);
  });

  it("40,000 keys in one mapping validate within 5 s", async () => {
    const text = `name: many vars\nvars:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1\n`).join("")}${oneStep}`;
    const { dir, name } = scenario(text);
    const r = await watched(dir, ["validate", name], { maxMs: 10_000 });
    expect(r.killed, r.killed).toBeUndefined();
    expect(r.ms).toBeLessThan(5000);
    expect(r.out).not.toMatch(/^ {4}at /m);
    // valid as it stands; a file-size limit may refuse it, but then it says so
    if (r.code !== 0) {
      expect(r.code, r.out.slice(0, 2000)).toBe(2);
      expect(messagesAt(r.stderr, name).join("\n"), r.stderr.slice(0, 2000)).toMatch(/\d+\s*(KB|KiB|MB|MiB|bytes|keys)/i);
    }
  });

  it("260,000 steps in 10 MB are refused within 5 s and under 512 MB, naming the limit", async () => {
    const dir = sandbox();
    const name = "huge.yaml";
    const body = Array.from({ length: 260_000 }, (_, i) => `- {name: s${i}, exec: {run: "true"}}\n`).join("");
    writeFileSync(join(dir, name), `name: many steps\nsteps:\n${body}`);
    const r = await watched(dir, ["validate", name], { maxMs: 10_000, maxMb: 512 });
    const msgs = expectInvalid(r, name);
    expect(r.ms).toBeLessThan(5000);
    expect(msgs.join("\n"), "the error gives the limit").toMatch(/\d/);
    expect(msgs.join("\n")).toMatch(/steps|size|bytes|KB|KiB|MB|MiB/i);
  });

  it("a FIFO named on the command line is refused at once by validate, list and run", async () => {
    const dir = sandbox();
    spawnSync("mkfifo", [join(dir, "pipe.yaml")]);
    for (const args of [["validate", "pipe.yaml"], ["list", "pipe.yaml"], ["run", "pipe.yaml", "--junit", join(dir, "junit.xml")]]) {
      const r = await watched(dir, args, { maxMs: 5000 });
      expect(r.killed, `${args[0]}: ${r.killed}`).toBeUndefined();
      expect(r.code, `${args[0]}: ${r.out}`).toBe(2);
      expect(r.stderr).toContain("pipe.yaml");
      expect(r.out).not.toMatch(/^ {4}at /m);
    }
  });

  it("/dev/zero named on the command line is refused at once, in little memory", async () => {
    const dir = sandbox();
    const r = await watched(dir, ["validate", "/dev/zero"], { maxMs: 5000, maxMb: 512 });
    expect(r.killed, `${r.killed} (peak ${r.peakMb} MB)`).toBeUndefined();
    expect(r.code, r.out.slice(0, 2000)).toBe(2);
    expect(r.stderr).toContain("/dev/zero");
    expect(r.out).not.toMatch(/^ {4}at /m);
  });
});

describe("item 9: one right message per mistake, and clean usage errors", () => {
  it('`links: ["client r1"]` gets one message, not one per character', async () => {
    const text = [
      "name: a link written as text",
      "lab:",
      "  hosts:",
      "    client: { gateway: 198.18.1.1 }",
      "    r1: { router: true }",
      '  links: ["client r1"]',
      "steps:",
      "  - { name: a, host: client, exec: { run: 'true' } }",
      "",
    ].join("\n");
    const { dir, name } = scenario(text);
    const r = await watched(dir, ["validate", name]);
    const msgs = expectInvalid(r, name, lineOf(text, "links:"));
    expect(msgs.join("\n")).toMatch(/mapping/);
    expect(r.stderr, "no message about hosts `0`, `1`, …").not.toMatch(/host `\d+`/);
    expect(messagesAt(r.stderr, name, lineOf(text, "links:")).length, r.stderr).toBe(1);
  });

  it("`${constructor}` and `${toString}` are unknown vars", async () => {
    const text = [
      "name: inherited names",
      "vars: { known: 1 }",
      "steps:",
      '  - { name: a, exec: { run: "echo ${constructor}" } }',
      '  - { name: b, exec: { run: "echo ${toString}" } }',
      "",
    ].join("\n");
    const { dir, name } = scenario(text);
    const r = await watched(dir, ["validate", name]);
    expect(expectInvalid(r, name, lineOf(text, "${constructor}")).join("\n")).toMatch(/constructor/);
    expect(expectInvalid(r, name, lineOf(text, "${toString}")).join("\n")).toMatch(/toString/);
  });

  for (const args of [["run", "--bogus"], ["run", "--junit"], ["lab", "bogus"], ["validate", "--bogus"], ["list", "--bogus"]]) {
    it(`usage error \`${args.join(" ")}\` exits 2`, async () => {
      const dir = sandbox();
      const r = await watched(dir, args);
      expect(r.code, r.out).toBe(2);
      expect(r.stderr).toMatch(/bogus|argument missing/);
      expect(r.out).not.toMatch(/^ {4}at /m);
    });
  }

  it("no `(node:…)` warning lines on stderr: validate scenarios/echo.yaml", async () => {
    const r = await watched(sandbox(), ["validate", join(root, "scenarios/echo.yaml")]);
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).not.toMatch(/\(node:\d+\)/);
  });

  it("no `(node:…)` warning lines on stderr: a mapping key that is a list", async () => {
    const text = 'name: odd key\nsteps:\n  - name: a\n    exec: { run: "true" }\n    ? [x, y]\n    : 1\n';
    const { dir, name } = scenario(text);
    const r = await watched(dir, ["validate", name]);
    expectInvalid(r, name);
    expect(r.stderr).not.toMatch(/\(node:\d+\)|Warning:/);
  });
});
