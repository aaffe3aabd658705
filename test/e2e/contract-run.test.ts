// Contract tests (black box): scenarios that run in real namespaces, their exit codes and their JUnit report.
// Contract: issue 2 (scenario language, servers, steps, CLI) and DESIGN.md ("JUnit, as CI systems read it", "Exit codes").
import { describe, it, expect, afterAll } from "vitest";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { decodeXml } from "./helpers.js";

const ROOT = resolve(__dirname, "../..");
const CLI = "dist/cli.js";
const XSD = "test/fixtures/jenkins-xunit-junit-10.xsd";
const tempDirs: string[] = [];

afterAll(() => {
  // our temp folders, and the work folders the runs made for them under reports/
  const reports = join(ROOT, "reports");
  for (const dir of tempDirs) {
    const tag = basename(dir);
    if (existsSync(reports)) {
      for (const entry of readdirSync(reports)) if (entry.includes(tag)) rmSync(join(reports, entry), { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-contract-run-"));
  tempDirs.push(dir);
  return dir;
}

/** Writes a scenario file (in `dir`, or a fresh temp folder); returns its absolute path. */
function scenario(text: string, fileName = "scenario.yaml", dir = tempDir()): string {
  const file = join(dir, fileName);
  writeFileSync(file, text);
  return file;
}

/** 1-based line of the `- name: STEP` (or `- { name: STEP`) item in `text`. */
function stepLine(text: string, step: string): number {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => new RegExp(`^\\s*-\\s+(\\{\\s*)?name:\\s*${step.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*(,|$)`).test(l));
  if (i < 0) throw new Error(`test bug: step ${step} not in the scenario`);
  return i + 1;
}

// ---------- processes and namespaces of one run ----------

function netnsNames(): string[] {
  const out = execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
  return out.split("\n").map((l) => l.trim().split(/\s+/)[0]).filter(Boolean);
}

function netnsDir(): string[] {
  try {
    return readdirSync("/run/netns");
  } catch {
    return [];
  }
}

/** Processes whose environment carries our marker: everything this run started (agents, servers, commands). */
function markedProcesses(markerValue: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, "latin1");
      if (!env.includes(markerValue)) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "latin1").replace(/\0/g, " ").trim();
      found.push({ pid: Number(entry), cmd });
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

function netnsOf(pid: number): string | undefined {
  try {
    return execFileSync("ip", ["netns", "identify", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `node dist/cli.js ARGS` (cwd: the repository, CI=1) and, for `run`, checks that it left nothing behind:
 * no namespace of this run (learnt while it ran, from its agents and from new wc-* names ending in one of
 * `hosts`) and no process it started (found by an env marker the run's children inherit).
 */
async function wirecheck(args: string[], hosts: string[] = []): Promise<RunResult> {
  const markerValue = randomUUID();
  const before = new Set(netnsNames());
  // `local` is every lab-less run's host name (ours or a parallel test's): those are learnt from our agents only
  const named = hosts.filter((h) => h !== "local");
  const mine = (n: string) => n.startsWith("wc-") && !before.has(n) && named.some((h) => n.endsWith(`-${h}`));
  const seenNs = new Set<string>();
  const agentPids = new Set<number>();
  const started = Date.now();
  const child = spawn("node", [CLI, ...args], { cwd: ROOT, env: { ...process.env, CI: "1", WC_CONTRACT_MARK: markerValue } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const poll = setInterval(() => {
    for (const n of netnsDir()) if (mine(n)) seenNs.add(n);
    for (const p of markedProcesses(markerValue)) {
      if (p.cmd.includes("wirecheck-agent") && !agentPids.has(p.pid)) {
        agentPids.add(p.pid);
        const ns = netnsOf(p.pid);
        if (ns) seenNs.add(ns);
      }
    }
  }, 20);
  const killer = setTimeout(() => child.kill("SIGKILL"), 50_000);
  const status = await new Promise<number | null>((res) => child.on("close", (code) => res(code)));
  const ms = Date.now() - started;
  clearInterval(poll);
  clearTimeout(killer);

  // The run names itself on its first line (wirecheck run <id>: …): its namespaces are wc-<id>-<host>.
  const runId = /^wirecheck run ([0-9a-f]+):/m.exec(stdout)?.[1];
  if (args[0] === "run" && (status === 0 || status === 1)) {
    // the scenario ran, so we must know its namespaces (seen, or by its id); otherwise the leak check proves nothing
    expect(seenNs.size > 0 || runId !== undefined, "the run's namespaces were observed or named while it ran").toBe(true);
  }
  // what this run's namespaces are called: wc-<run id>-<host>
  const prefixes = new Set([...seenNs].map((n) => n.slice(0, n.lastIndexOf("-") + 1)).filter((p) => /^wc-[^-]+-$/.test(p)));
  if (runId) prefixes.add(`wc-${runId}-`);
  const leftovers = () => {
    const ns = netnsNames().filter((n) => seenNs.has(n) || mine(n) || [...prefixes].some((p) => n.startsWith(p)));
    const procs = markedProcesses(markerValue);
    return { ns, procs };
  };
  // a short grace for processes to finish exiting; anything still there after it is left behind
  let left = leftovers();
  for (let i = 0; i < 20 && (left.ns.length || left.procs.length); i++) {
    await sleep(100);
    left = leftovers();
  }
  expect(left.ns, `namespaces left by \`wirecheck ${args.join(" ")}\``).toEqual([]);
  expect(left.procs.filter((p) => p.cmd.includes("wirecheck-agent")), "wirecheck-agent processes left").toEqual([]);
  expect(left.procs, "processes started by the run and left").toEqual([]);
  return { status, stdout, stderr, ms };
}

// ---------- a small XML reader for JUnit ----------

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string; // text and CDATA directly inside, decoded
}


function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const re = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(xml))) {
    if (m.index !== consumed) throw new Error(`XML: unexpected text at ${consumed}: ${xml.slice(consumed, consumed + 40)}`);
    consumed = re.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2]) {
      const closed = stack.pop();
      if (!closed || closed.name !== m[2]) throw new Error(`XML: </${m[2]}> closes <${closed?.name}>`);
    } else if (m[3]) {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeXml(a[2] ?? a[3]);
      const node: XmlNode = { name: m[3], attrs, children: [], text: "" };
      top.children.push(node);
      if (!m[5]) stack.push(node);
    } else if (m[6] !== undefined) top.text += decodeXml(m[6]);
  }
  if (consumed !== xml.length || stack.length !== 1) throw new Error("XML: not well formed");
  const elements = root.children;
  if (elements.length !== 1) throw new Error(`XML: ${elements.length} root elements`);
  return elements[0];
}

const kids = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const allText = (n: XmlNode): string => n.text + n.children.map(allText).join("");

function readJunit(path: string): XmlNode {
  expect(existsSync(path), `JUnit file ${path} written`).toBe(true);
  const root = parseXml(readFileSync(path, "utf8"));
  expect(root.name).toBe("testsuites");
  return root;
}

/**
 * Checks the one <testsuite> of a scenario as DESIGN.md describes it and returns its testcases by name.
 * `exactSteps`: the scenario's setup is the first testcase, then every step is one testcase, and there is no other.
 */
function checkSuite(root: XmlNode, file: string, text: string, steps: string[], exactSteps = true): { suite: XmlNode; cases: Map<string, XmlNode> } {
  const name = /^name:\s*(.+)$/m.exec(text)![1].trim();
  const suites = kids(root, "testsuite").filter((s) => s.attrs.name === name);
  expect(suites.length, `one <testsuite name="${name}">`).toBe(1);
  const suite = suites[0];
  for (const a of ["tests", "failures", "errors", "skipped", "time"]) expect(suite.attrs, `testsuite has ${a}`).toHaveProperty(a);
  expect(suite.attrs.time).toMatch(/^\d+\.\d{3}$/);
  const testcases = kids(suite, "testcase");
  const count = (child: string) => testcases.filter((t) => kids(t, child).length > 0).length;
  expect(Number(suite.attrs.tests)).toBe(testcases.length);
  expect(Number(suite.attrs.failures)).toBe(count("failure"));
  expect(Number(suite.attrs.errors)).toBe(count("error"));
  expect(Number(suite.attrs.skipped)).toBe(count("skipped"));
  expect(testcases[0]?.attrs.name, "the first testcase is the scenario's setup").toBe("setup");
  if (exactSteps) expect(testcases.map((t) => t.attrs.name)).toEqual(["setup", ...steps]);
  const cases = new Map<string, XmlNode>();
  const stem = `${basename(dirname(file))}.${basename(file).replace(/\.ya?ml$/, "")}`;
  for (const step of steps) {
    const mine = testcases.filter((t) => t.attrs.name === step);
    expect(mine.length, `one <testcase name="${step}">`).toBe(1);
    const tc = mine[0];
    expect(tc.attrs.classname, "classname: scenario path, dots for slashes").not.toContain("/");
    expect(tc.attrs.classname.endsWith(stem), `classname ${tc.attrs.classname} ends with ${stem}`).toBe(true);
    expect(resolve(ROOT, tc.attrs.file ?? ""), "file attribute").toBe(file);
    expect(tc.attrs.line, `line of step ${step}`).toBe(String(stepLine(text, step)));
    cases.set(step, tc);
  }
  return { suite, cases };
}

function failureOf(tc: XmlNode): XmlNode {
  const f = kids(tc, "failure");
  expect(f.length, `<failure> in testcase ${tc.attrs.name}`).toBe(1);
  expect(kids(tc, "error").length).toBe(0);
  expect(f[0].attrs.message, "failure has a message").toBeTruthy();
  return f[0];
}

function passed(tc: XmlNode): void {
  expect(kids(tc, "failure").length + kids(tc, "error").length + kids(tc, "skipped").length, `testcase ${tc.attrs.name} passed`).toBe(0);
}

/** Runs one scenario file with --junit and returns the run and its parsed report. */
async function runScenario(file: string, hosts: string[], extra: string[] = []) {
  const junit = join(dirname(file), "junit.xml");
  const r = await wirecheck(["run", file, "--junit", junit, ...extra], hosts);
  return { ...r, junit, output: r.stdout + r.stderr };
}

// ---------- the tests ----------

describe("contract: scenarios that pass", () => {
  it("a TCP rules server answers by regex; exit 0 and a clean report", async () => {
    const text = `name: contract tcp rules
lab:
  hosts:
    rcli: 198.18.0.1/24
    rsrv: 198.18.0.2/24
servers:
  - name: rules
    host: rsrv
    tcp:
      port: 12345
      rules:
        - { match: { regex: "^GET /[a-z]+$" }, reply: "route matched" }
        - { reply: "fallback" }
steps:
  - name: regex rule answers
    host: rcli
    tcp: { connect: "rsrv:12345", send: "GET /abc", expect: "route matched" }
  - name: other text gets the fallback
    host: rcli
    tcp: { connect: "rsrv:12345", send: "POST 123", expect: "fallback" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["rcli", "rsrv"]);
    expect(r.status, r.output).toBe(0);
    const { suite, cases } = checkSuite(readJunit(r.junit), f, text, ["regex rule answers", "other text gets the fallback"]);
    expect(suite.attrs.failures).toBe("0");
    expect(suite.attrs.errors).toBe("0");
    expect(suite.attrs.skipped).toBe("0");
    for (const tc of cases.values()) passed(tc);
  });

  it("a UDP echo server", async () => {
    const text = `name: contract udp echo
lab:
  hosts:
    ucli: 198.18.0.1/24
    usrv: 198.18.0.2/24
servers:
  - { name: echo, host: usrv, udp: { port: 5353, echo: true } }
steps:
  - name: datagram comes back
    host: ucli
    udp: { to: "usrv:5353", send: "datagram 42", expect: "datagram 42" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["ucli", "usrv"]);
    expect(r.status, r.output).toBe(0);
    const { cases } = checkSuite(readJunit(r.junit), f, text, ["datagram comes back"]);
    passed(cases.get("datagram comes back")!);
  });

  it("an http server with a custom header answers a POST request", async () => {
    const text = `name: contract http post
lab:
  hosts:
    hcli: 198.18.0.1/24
    hsrv: 198.18.0.2/24
servers:
  - name: web
    host: hsrv
    http:
      port: 8080
      routes:
        /submit: { status: 201, body: "created it", headers: { x-contract: yes-sir } }
steps:
  - name: post is answered
    host: hcli
    http:
      request: { method: POST, url: "http://hsrv:8080/submit", body: "a=1", headers: { content-type: text/plain } }
      expect: { status: 201, body: { contains: "created" }, headers: { x-contract: yes-sir } }
  - name: unknown path is 404
    host: hcli
    http: { get: "http://hsrv:8080/nothing", expect: { status: 404 } }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["hcli", "hsrv"]);
    expect(r.status, r.output).toBe(0);
    const { cases } = checkSuite(readJunit(r.junit), f, text, ["post is answered", "unknown path is 404"]);
    for (const tc of cases.values()) passed(tc);
  });

  it("expect_error: refused passes when nothing listens", async () => {
    const text = `name: contract refused
lab:
  hosts:
    fcli: 198.18.0.1/24
    fsrv: 198.18.0.2/24
steps:
  - name: closed port refuses
    host: fcli
    tcp: { connect: "fsrv:4444", expect_error: refused }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["fcli", "fsrv"]);
    expect(r.status, r.output).toBe(0);
    passed(checkSuite(readJunit(r.junit), f, text, ["closed port refuses"]).cases.get("closed port refuses")!);
  });

  it("--var overrides a var used in a server port", async () => {
    // vars say 7071, the client dials 7070: only the override makes the server listen where the client goes
    const text = `name: contract var port
vars:
  port: 7071
lab:
  hosts:
    vcli: 198.18.0.1/24
    vsrv: 198.18.0.2/24
servers:
  - name: echo
    host: vsrv
    tcp:
      port: \${port}
      echo: true
steps:
  - name: server listens on the overridden port
    host: vcli
    tcp: { connect: "vsrv:7070", send: "over", expect: "over" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["vcli", "vsrv"], ["--var", "port=7070"]);
    expect(r.status, r.output).toBe(0);
    passed(checkSuite(readJunit(r.junit), f, text, ["server listens on the overridden port"]).cases.get("server listens on the overridden port")!);
  });

  it("vars: expand inside a send string", async () => {
    const text = `name: contract vars in send
vars:
  who: contract
lab:
  hosts:
    scli: 198.18.0.1/24
    ssrv: 198.18.0.2/24
servers:
  - name: exact
    host: ssrv
    tcp:
      port: 6001
      rules:
        - { match: "hello contract", reply: "expanded" }
        - { reply: "not expanded" }
steps:
  - name: the var is expanded
    host: scli
    tcp: { connect: "ssrv:6001", send: "hello \${who}", expect: "expanded" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["scli", "ssrv"]);
    expect(r.status, r.output).toBe(0);
    passed(checkSuite(readJunit(r.junit), f, text, ["the var is expanded"]).cases.get("the var is expanded")!);
  });

  it("a scenario without lab: runs on host local, servers reachable at 127.0.0.1 and localhost", async () => {
    const text = `name: contract no lab
servers:
  - { name: echo, tcp: { port: 7000, echo: true } }
  - name: web
    http:
      port: 8081
      routes:
        /: { body: "local web" }
steps:
  - name: tcp on loopback
    tcp: { connect: "127.0.0.1:7000", send: "loop", expect: "loop" }
  - name: http on localhost
    host: local
    http: { get: "http://localhost:8081/", expect: { status: 200, body: "local web" } }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["local"]);
    expect(r.status, r.output).toBe(0);
    const { cases } = checkSuite(readJunit(r.junit), f, text, ["tcp on loopback", "http on localhost"]);
    for (const tc of cases.values()) passed(tc);
  });

  it("a lab with a single host runs", async () => {
    const text = `name: contract single host
lab:
  hosts:
    solo: 198.18.0.5/24
steps:
  - name: solo has its address
    exec: { run: "ip -brief addr", expect: { stdout: { contains: "198.18.0.5" } } }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["solo"]);
    expect(r.status, r.output).toBe(0);
    passed(checkSuite(readJunit(r.junit), f, text, ["solo has its address"]).cases.get("solo has its address")!);
  });
});

describe("contract: failures are <failure>, exit 1", () => {
  it("a failing tcp expect: exit 1, the failure shows expected and got", async () => {
    const text = `name: contract tcp mismatch
lab:
  hosts:
    mcli: 198.18.0.1/24
    msrv: 198.18.0.2/24
servers:
  - { name: echo, host: msrv, tcp: { port: 7, echo: true } }
steps:
  - name: echo sends back something else
    host: mcli
    tcp: { connect: "msrv:7", send: "bravo-sent", expect: "alpha-expected", timeout: 500ms }
  - name: a later step still runs
    host: mcli
    tcp: { connect: "msrv:7", send: "same", expect: "same" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["mcli", "msrv"]);
    expect(r.status, r.output).toBe(1);
    const { suite, cases } = checkSuite(readJunit(r.junit), f, text, ["echo sends back something else", "a later step still runs"]);
    expect(suite.attrs.failures).toBe("1");
    expect(suite.attrs.errors).toBe("0");
    const failure = failureOf(cases.get("echo sends back something else")!);
    const body = allText(failure);
    expect(body).toContain("alpha-expected");
    expect(body).toContain("bravo-sent");
    passed(cases.get("a later step still runs")!);
  });

  it("exec: stdout regex passes, a wrong exit code fails with expected and got", async () => {
    const text = `name: contract exec
lab:
  hosts:
    ecli: 198.18.0.1/24
    esrv: 198.18.0.2/24
steps:
  - name: stdout matches
    host: ecli
    exec: { run: "echo version 12.7", expect: { stdout: { regex: "^version [0-9]+\\\\.[0-9]+" } } }
  - name: exit code is wrong
    host: ecli
    exec: { run: "exit 3", expect: { exit: 0 } }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["ecli", "esrv"]);
    expect(r.status, r.output).toBe(1);
    const { cases } = checkSuite(readJunit(r.junit), f, text, ["stdout matches", "exit code is wrong"]);
    passed(cases.get("stdout matches")!);
    const body = allText(failureOf(cases.get("exit code is wrong")!));
    expect(body).toMatch(/expected[^\n]*\b0\b/i);
    expect(body).toMatch(/got[^\n]*\b3\b/i);
  });

  it("JUnit stays valid XML when a server sends bytes 0x00-0x1f and ]]>", async () => {
    const text = `name: contract junk bytes
lab:
  hosts:
    jcli: 198.18.0.1/24
    jsrv: 198.18.0.2/24
servers:
  - name: junk
    host: jsrv
    tcp:
      port: 4000
      rules:
        - reply: { hex: "00015d5d3e41" }
steps:
  - name: junk lands in the report
    host: jcli
    tcp: { connect: "jsrv:4000", send: "go", expect: "clean text", timeout: 500ms }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["jcli", "jsrv"]);
    expect(r.status, r.output).toBe(1);
    const lint = spawnSync("xmllint", ["--noout", r.junit], { encoding: "utf8" });
    expect(lint.status, lint.stderr).toBe(0);
    const raw = readFileSync(r.junit);
    expect([...raw].some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d), "no raw control bytes").toBe(false);
    const { cases } = checkSuite(readJunit(r.junit), f, text, ["junk lands in the report"]);
    const failure = failureOf(cases.get("junk lands in the report")!);
    const shown = failure.attrs.message + allText(failure);
    // the bytes are escaped or hex-encoded, not dropped
    expect(shown).toMatch(/5d ?5d ?3e|\]\]>/i);
    expect(shown).toMatch(/00 ?01|\\x00|\\u0000/i);
  });
});

describe("contract: runtime problems are <error>, exit 3, the rest skipped", () => {
  it("a server that never becomes ready", async () => {
    const text = `name: contract never ready
servers:
  - name: sleeper
    command:
      run: sleep 30
      ready: { port: 9999, timeout: 1s }
steps:
  - name: first step
    exec: { run: "true" }
  - name: second step
    exec: { run: "true" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["local"]);
    expect(r.status, r.output).toBe(3);
    expect(r.ms, "gives up after the ready timeout, not the command's 30 s").toBeLessThan(20_000);
    const { suite, cases } = checkSuite(readJunit(r.junit), f, text, ["first step", "second step"], false);
    const errors = kids(suite, "testcase").flatMap((t) => kids(t, "error"));
    expect(errors.length).toBe(1);
    expect(suite.attrs.failures).toBe("0");
    const said = errors[0].attrs.message + allText(errors[0]);
    expect(said).toContain("sleeper");
    expect(said).toMatch(/ready|9999/i);
    expect(said, "no stack trace in the report").not.toContain("    at ");
    for (const step of ["first step", "second step"]) {
      const tc = cases.get(step)!;
      if (kids(tc, "error").length === 0) expect(kids(tc, "skipped").length, `${step} skipped`).toBe(1);
    }
    expect(kids(cases.get("second step")!, "skipped").length).toBe(1);
  });

  it("a server command that exits at once: the error holds its output", async () => {
    const text = `name: contract boom
servers:
  - name: boomer
    command:
      run: "echo boom; exit 4"
      ready: { port: 9998 }
steps:
  - name: never runs
    exec: { run: "true" }
`;
    const f = scenario(text);
    const r = await runScenario(f, ["local"]);
    expect(r.status, r.output).toBe(3);
    const { suite, cases } = checkSuite(readJunit(r.junit), f, text, ["never runs"], false);
    const withError = kids(suite, "testcase").filter((t) => kids(t, "error").length > 0);
    expect(withError.length).toBe(1);
    const tc = withError[0];
    const out = allText(kids(tc, "error")[0]) + kids(tc, "system-out").map(allText).join("") + kids(suite, "system-out").map(allText).join("");
    expect(out).toContain("boom");
    expect(kids(cases.get("never runs")!, "skipped").length).toBe(1);
  });
});

describe("contract: CLI", () => {
  it("--junit-strict validates against the Jenkins xUnit schema and drops file/line", async () => {
    const dir = tempDir();
    const passFail = scenario(
      `name: contract strict one
lab:
  hosts:
    kcli: 198.18.0.1/24
    ksrv: 198.18.0.2/24
servers:
  - { name: junk, host: ksrv, tcp: { port: 4001, rules: [ { reply: { hex: "00015d5d3e41" } } ] } }
steps:
  - name: passes
    host: kcli
    exec: { run: "true" }
  - name: fails with junk
    host: kcli
    tcp: { connect: "ksrv:4001", send: "go", expect: "clean", timeout: 500ms }
`,
      "one.yaml",
      dir,
    );
    const erroring = scenario(
      `name: contract strict two
servers:
  - { name: boomer, command: { run: "echo boom; exit 4", ready: { port: 9997 } } }
steps:
  - name: skipped step
    exec: { run: "true" }
`,
      "two.yaml",
      dir,
    );
    const junit = join(dir, "strict.xml");
    const r = await wirecheck(["run", passFail, erroring, "--junit", junit, "--junit-strict"], ["kcli", "ksrv", "local"]);
    expect([1, 3], r.stdout + r.stderr).toContain(r.status);
    const lint = spawnSync("xmllint", ["--noout", "--schema", XSD, junit], { cwd: ROOT, encoding: "utf8" });
    expect(lint.status, lint.stderr).toBe(0);
    const root = readJunit(junit);
    const cases = kids(root, "testsuite").flatMap((s) => kids(s, "testcase"));
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const tc of cases) {
      expect(tc.attrs).not.toHaveProperty("file");
      expect(tc.attrs).not.toHaveProperty("line");
    }
  });

  it("--grep and --tag select scenarios from a folder", async () => {
    const dir = tempDir();
    scenario(`name: alpha contract\ntags: [fast]\nsteps:\n  - name: alpha step\n    exec: { run: "true" }\n`, "alpha.yaml", dir);
    scenario(`name: beta contract\ntags: [slow, nightly]\nsteps:\n  - name: beta step\n    exec: { run: "true" }\n`, "beta.yaml", dir);
    const suitesOf = (p: string) => kids(readJunit(p), "testsuite").map((s) => s.attrs.name).sort();

    const all = await wirecheck(["run", dir, "--junit", join(dir, "all.xml")], ["local"]);
    expect(all.status, all.stdout + all.stderr).toBe(0);
    expect(suitesOf(join(dir, "all.xml"))).toEqual(["alpha contract", "beta contract"]);

    const grep = await wirecheck(["run", dir, "--grep", "alpha", "--junit", join(dir, "grep.xml")], ["local"]);
    expect(grep.status, grep.stdout + grep.stderr).toBe(0);
    expect(suitesOf(join(dir, "grep.xml"))).toEqual(["alpha contract"]);

    const tag = await wirecheck(["run", dir, "--tag", "nightly", "--junit", join(dir, "tag.xml")], ["local"]);
    expect(tag.status, tag.stdout + tag.stderr).toBe(0);
    expect(suitesOf(join(dir, "tag.xml"))).toEqual(["beta contract"]);

    const tags = await wirecheck(["run", dir, "--tag", "fast", "--tag", "slow", "--junit", join(dir, "tags.xml")], ["local"]);
    expect(tags.status, tags.stdout + tags.stderr).toBe(0);
    expect(suitesOf(join(dir, "tags.xml"))).toEqual(["alpha contract", "beta contract"]);
  });

  it("list shows scenarios, their steps and tags", async () => {
    const dir = tempDir();
    scenario(
      `name: listed contract\ntags: [listtag-one, listtag-two]\nsteps:\n  - name: first listed step\n    exec: { run: "true" }\n  - name: second listed step\n    exec: { run: "true" }\n`,
      "listed.yaml",
      dir,
    );
    const r = await wirecheck(["list", dir]);
    expect(r.status, r.stderr).toBe(0);
    for (const s of ["listed contract", "first listed step", "second listed step", "listtag-one", "listtag-two"]) expect(r.stdout).toContain(s);
    expect(r.stdout.indexOf("first listed step")).toBeLessThan(r.stdout.indexOf("second listed step"));
  });

  it("schema prints the path of an existing schema file", async () => {
    const r = await wirecheck(["schema"]);
    expect(r.status, r.stderr).toBe(0);
    const path = r.stdout.trim();
    expect(path).toMatch(/\.json$/);
    const full = resolve(ROOT, path);
    expect(existsSync(full)).toBe(true);
    expect(JSON.parse(readFileSync(full, "utf8"))).toHaveProperty("$schema");
  });

  it("--help on every command exits 0 and shows an example", () => {
    for (const cmd of [[], ["run"], ["validate"], ["list"], ["schema"], ["lab"], ["lab", "clean"]]) {
      const r = spawnSync("node", [CLI, ...cmd, "--help"], { cwd: ROOT, encoding: "utf8" });
      const label = `wirecheck ${[...cmd, "--help"].join(" ")}`;
      expect(r.status, label).toBe(0);
      expect(r.stdout, `${label} shows an example`).toMatch(/example/i);
      expect(r.stdout, `${label} example is a wirecheck command line`).toMatch(/^\s+(sudo )?wirecheck\b/m);
    }
  });
});
