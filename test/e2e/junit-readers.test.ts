// JUnit as the readers CI systems use read it: Jenkins' schema (xmllint), junitparser (what
// publish-unit-test-result-action runs on), xunit-viewer; and GitHub's workflow commands and job summary.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, parseJUnit, root } from "./helpers.js";

const XSD = join(root, "test/fixtures/jenkins-xunit-junit-10.xsd");

/** A folder that is a repository (it has .git), with the scenarios in a sub-folder and the run started from another. */
const repo = mkdtempSync(join(tmpdir(), "wc-readers-"));
mkdirSync(join(repo, ".git"));
mkdirSync(join(repo, "net", "tests"), { recursive: true });
mkdirSync(join(repo, "ci"));
const put = (name: string, text: string) => writeFileSync(join(repo, "net", "tests", name), text);
put(
  "a-fails.yaml",
  `name: alpha fails
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
servers:
  - { name: s, host: b, tcp: { port: 7, echo: true } }
steps:
  - { name: passes, host: a, tcp: { connect: b:7, send: "hi\\n", expect: "hi\\n" } }
  - name: the server's bytes hold the end of a CDATA section
    host: a
    tcp: { connect: "b:7", send: "x]]>y]]>z\\n", expect: "nope", timeout: 300ms }
  - name: sniffed on b
    sniff:
      host: b
      filter: icmp
      while: [ { host: a, ping: { to: b, count: 1 } } ]
      expect: { count: 0 }
`,
);
put(
  "b-server.yaml",
  `name: beta cannot start
lab: { hosts: { a: 198.18.0.1/24 } }
servers:
  - { name: broken, host: a, command: { run: "exit 3", ready: { port: 9 } } }
steps:
  - { name: never runs, host: a, ping: { to: a, count: 1 } }
`,
);
put(
  "c-skipped.yaml",
  `name: gamma skipped
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
sniffers:
  - { name: all icmp, host: b, filter: icmp, expect: { count: ">= 0" } }
steps:
  - { name: p, host: a, ping: { to: b, count: 1 } }
`,
);

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, "run", ...args], { cwd: join(repo, "ci"), encoding: "utf8", env: { ...process.env, CI: "1", ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("JUnit read by the readers CI systems use", () => {
  let xml: string;
  let strict: string;
  let gh: ReturnType<typeof run>;
  let summary: string;
  beforeAll(() => {
    // From a sub-folder of the repository (a CI job with a working directory), with --bail after the first scenario
    // that does not pass: b cannot start, c is skipped.
    // One after another: the root's time is then the suites' times summed, and their starts come in order.
    const all = run(["../net/tests", "--jobs", "1", "--junit", join(repo, "all.xml")]);
    expect(all.code, all.stdout + all.stderr).toBe(3);
    xml = readFileSync(join(repo, "all.xml"), "utf8");
    run(["../net/tests/a-fails.yaml", "--junit", join(repo, "strict.xml"), "--junit-strict"]);
    strict = readFileSync(join(repo, "strict.xml"), "utf8");
    writeFileSync(join(repo, "summary.md"), "");
    run(["../net/tests", "--bail", "--junit", join(repo, "bail.xml")]);
    gh = run(["../net/tests", "--junit", join(repo, "gh.xml")], { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: join(repo, "summary.md") });
    summary = readFileSync(join(repo, "summary.md"), "utf8");
  }, 240_000);

  it("is valid for Jenkins' xUnit schema, and well formed with file and line", () => {
    writeFileSync(join(repo, "strict-copy.xml"), strict);
    const lint = spawnSync("xmllint", ["--noout", "--schema", XSD, join(repo, "strict-copy.xml")], { encoding: "utf8" });
    expect(lint.status, lint.stderr).toBe(0);
    const wf = spawnSync("xmllint", ["--noout", join(repo, "all.xml")], { encoding: "utf8" });
    expect(wf.status, wf.stderr).toBe(0);
  });

  it("junitparser (publish-unit-test-result-action) reads the counts, the reasons of skips and the server's bytes unchanged", () => {
    const py = `
import json, sys
from junitparser import JUnitXml, Failure, Error, Skipped
out = {"suites": []}
for f in sys.argv[1:]:
    for s in JUnitXml.fromfile(f):
        cases = []
        for c in s:
            r = c.result[0] if c.result else None
            cases.append({"name": c.name, "kind": type(r).__name__ if r else "passed", "message": r.message if r is not None else None, "text": r.text if r is not None else None, "classname": c.classname})
        out["suites"].append({"name": s.name, "tests": s.tests, "failures": s.failures, "errors": s.errors, "skipped": s.skipped, "timestamp": s.timestamp, "cases": cases})
print(json.dumps(out))
`;
    const read = (f: string) => {
      const r = spawnSync("/usr/bin/python3", ["-c", py, join(repo, f)], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).suites;
    };
    const [a, b] = read("all.xml");
    expect([a.name, b.name]).toEqual(["alpha fails", "beta cannot start"]);
    expect([a.tests, a.failures, a.errors, a.skipped]).toEqual([4, 2, 0, 0]);
    const bytes = a.cases.find((x: { name: string }) => x.name.includes("CDATA"));
    expect(bytes.kind).toBe("Failure");
    expect(bytes.text).toContain('"x]]>y]]>z\\n"');
    expect(bytes.text).toContain("78 5d 5d 3e 79 5d 5d 3e 7a 0a                    x]]>y]]>z.");
    expect(bytes.text).not.toContain("]] >");
    // A scenario that could not start: its setup is the error, its step skipped with the reason.
    expect([b.tests, b.errors, b.skipped]).toEqual([2, 1, 1]);
    expect(b.cases[0]).toMatchObject({ name: "setup", kind: "Error" });
    expect(b.cases[1]).toMatchObject({ name: "never runs", kind: "Skipped", message: "not run: the scenario could not start", text: "not run: the scenario could not start" });
    // After --bail: the scenarios passed over are there whole, setup, steps and sniffers, each with the reason.
    const c = read("bail.xml")[2];
    expect(c.cases.map((x: { name: string }) => x.name)).toEqual(["setup", "p", "all icmp"]);
    for (const x of c.cases) expect([x.kind, x.message, x.text]).toEqual(["Skipped", "not run: --bail after a failure", "not run: --bail after a failure"]);
  });

  it("xunit-viewer renders the same counts", () => {
    const out = join(repo, "viewer.html");
    const r = spawnSync(join(root, "node_modules/.bin/xunit-viewer"), ["-r", join(repo, "all.xml"), "-c", "-n", "-C", "false", "-o", out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout, r.stdout).toMatch(/\b5 passed\b/);
    expect(r.stdout).toMatch(/\b1 skipped\b/);
    expect(r.stdout).toMatch(/\b2 failures?\b/);
    expect(r.stdout).toMatch(/\b1 errors?\b/);
    expect(r.stdout).toContain("x]]>y]]>z");
  });

  it("a --bail run has the testcases a full run has, in the same order", () => {
    const names = (text: string) => parseJUnit(text).suites.flatMap((s) => s.cases.map((c) => `${s.attrs.name} › ${c.name}`));
    expect(names(readFileSync(join(repo, "bail.xml"), "utf8"))).toEqual(names(xml));
  });

  it("file and classname are relative to the repository root, not to the folder the run started in", () => {
    const { suites } = parseJUnit(xml);
    expect(suites[0].cases.length).toBe(4);
    for (const c of suites[0].cases) {
      expect(c.attrs.file).toBe("net/tests/a-fails.yaml");
      expect(c.attrs.classname).toBe("net.tests.a-fails");
    }
    expect(xml).toContain("[[ATTACHMENT|");
    expect(xml).not.toContain("[[ATTACHMENT|../");
  });

  it("--report-root chooses another root", () => {
    const r = run(["../net/tests/c-skipped.yaml", "--junit", join(repo, "rooted.xml"), "--report-root", join(repo, "net")]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const { suites } = parseJUnit(readFileSync(join(repo, "rooted.xml"), "utf8"));
    expect(suites[0].cases[1].attrs.file).toBe("tests/c-skipped.yaml");
    expect(suites[0].cases[1].attrs.classname).toBe("tests.c-skipped");
  });

  it("the failing server's setup error points at the server, and no setup testcase outlasts its suite", () => {
    const { suites } = parseJUnit(xml);
    const b = suites.find((s) => s.attrs.name === "beta cannot start")!;
    const setup = b.cases.find((c) => c.name === "setup")!;
    expect(setup.attrs.line).toBe("4");
    for (const s of suites) for (const c of s.cases) expect(Number(c.attrs.time)).toBeLessThanOrEqual(Number(s.attrs.time) + 0.001);
  });

  it("each suite carries its own start time, and the root the run's time", () => {
    const root = /<testsuites ([^>]*)>/.exec(xml)![1];
    const time = Number(/time="([\d.]+)"/.exec(root)![1]);
    const { suites } = parseJUnit(xml);
    const sum = suites.reduce((t, s) => t + Number(s.attrs.time), 0);
    expect(time).toBeGreaterThanOrEqual(sum - 0.01);
    expect(time).toBeLessThan(sum + 2);
    const starts = suites.map((s) => Date.parse(`${s.attrs.timestamp}Z`));
    expect(starts.every((t) => Number.isFinite(t))).toBe(true);
    // In order, and not all one moment: each is the suite's own start.
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]);
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(Math.floor(Number(suites[0].attrs.time)) * 1000);
  });

  it("the pcap of the host a step sniffed on is linked first", () => {
    const sniffed = /name="sniffed on b"[\s\S]*?<\/testcase>/.exec(xml)![0];
    const links = [...sniffed.matchAll(/\[\[ATTACHMENT\|([^\]]+)\]\]/g)].map((m) => m[1]);
    expect(links[0]).toMatch(/\/b\.pcapng$/);
    const bytes = /name="the server's bytes hold the end of a CDATA section"[\s\S]*?<\/testcase>/.exec(xml)![0];
    expect([...bytes.matchAll(/\[\[ATTACHMENT\|([^\]]+)\]\]/g)].map((m) => m[1])[0]).toMatch(/\/a\.pcapng$/);
  });

  it("under GitHub Actions: an ::error workflow command per failure and error, at its file and line, and a summary table", () => {
    const cmds = gh.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(cmds.length).toBe(3);
    for (const c of cmds) expect(c).toMatch(/^::error file=net\/tests\/[a-z-]+\.yaml,line=\d+,title=[^:]+::\S/);
    expect(cmds[0]).toContain("line=7");
    // Escaped as GitHub's toolkit does: no raw newline, % as %25, newlines as %0A; commas and colons in properties.
    expect(cmds.join("\n").split("\n").length).toBe(3);
    expect(cmds[0]).toContain("%0A");
    expect(cmds.find((c) => c.includes("title=beta cannot start › setup"))).toMatch(/line=4,/);
    expect(summary).toMatch(/\| 3 \| 9 \| 5 \| 2 \| 1 \| 1 \|/);
    expect(summary).toContain("`net/tests/a-fails.yaml:7`");
  });
});

describe("two files whose names give one classname (a/x.yaml and a.x.yaml)", () => {
  it("stay two scenarios: distinct classnames in path order, their own work folders and pcaps, read apart by junitparser", () => {
    const top = mkdtempSync(join(tmpdir(), "wc-collide-"));
    mkdirSync(join(top, ".git"));
    mkdirSync(join(top, "a"));
    const scenario = (name: string, host: string, addr: string) => `name: ${name}
lab: { hosts: { ${host}: ${addr}/24, peer: 198.18.0.9/24 } }
steps:
  - { name: ping, host: ${host}, ping: { to: peer, count: 1 } }
`;
    writeFileSync(join(top, "a", "x.yaml"), scenario("nested", "n1", "198.18.0.1"));
    writeFileSync(join(top, "a.x.yaml"), scenario("dotted", "d1", "198.18.0.2"));
    const r = spawnSync(process.execPath, [cli, "run", "a/x.yaml", "a.x.yaml", "--junit", "out.xml"], { cwd: top, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const suites = parseJUnit(readFileSync(join(top, "out.xml"), "utf8")).suites;
    const classOf = (suite: string) => suites.find((s) => s.attrs.name === suite)!.cases.map((c) => c.attrs.classname);
    // a.x.yaml comes first in path order ("." sorts before "/"), whichever order the command line gives.
    expect(new Set(classOf("dotted"))).toEqual(new Set(["a.x"]));
    expect(new Set(classOf("nested"))).toEqual(new Set(["a.x~2"]));
    expect(readdirSync(join(top, "reports", "a.x"))).toContain("d1.pcapng");
    expect(readdirSync(join(top, "reports", "a.x~2"))).toContain("n1.pcapng");
    const py = `import sys
from junitparser import JUnitXml
print(len({(c.classname, c.name) for s in JUnitXml.fromfile(sys.argv[1]) for c in s}))`;
    const jp = spawnSync("/usr/bin/python3", ["-c", py, join(top, "out.xml")], { encoding: "utf8" });
    expect(jp.stdout.trim(), jp.stderr).toBe("4");
  });
});
