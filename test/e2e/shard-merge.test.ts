// A suite split over two machines' worth of shards and merged equals one run of it, testcase by testcase; and
// --last-failed runs only what failed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./helpers.js";
import { readJUnit } from "../../src/report/junit-read.js";

const top = mkdtempSync(join(tmpdir(), "wc-shard-"));
mkdirSync(join(top, ".git"));
mkdirSync(join(top, "suite"));
for (let i = 1; i <= 5; i++)
  writeFileSync(
    join(top, "suite", `t${i}.yaml`),
    `name: scenario ${i}
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
steps:
  - { name: ping, host: a, ping: { to: b, count: 1 } }
  - { name: check, host: a, exec: { run: "echo ${i}", expect: { stdout: "${i === 3 ? "not 3" : i}" } } }
`,
  );

function run(cwd: string, args: string[]) {
  mkdirSync(cwd, { recursive: true });
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}
const cases = (file: string) => readJUnit(readFileSync(file, "utf8")).suites.flatMap((s) => s.cases.map((c) => `${c.attrs.classname} › ${c.attrs.name}: ${c.outcome}`));

beforeAll(() => {
  expect(run(join(top, "one"), ["run", "../suite"]).code).toBe(1);
  for (const i of [1, 2]) run(join(top, `m${i}`), ["run", "../suite", "--shard", `${i}/2`, "--durations", "../one/reports/junit.xml"]);
}, 240_000);

describe("--shard and merge", () => {
  it("gives each scenario to exactly one shard", () => {
    const a = readJUnit(readFileSync(join(top, "m1/reports/junit.xml"), "utf8")).suites.map((s) => s.attrs.name);
    const b = readJUnit(readFileSync(join(top, "m2/reports/junit.xml"), "utf8")).suites.map((s) => s.attrs.name);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].sort()).toEqual([1, 2, 3, 4, 5].map((i) => `scenario ${i}`));
  });

  it("merges into the single run's testcases, in its order, with its counts", () => {
    const m = run(top, ["merge", "m1/reports", "m2/reports", "--junit", "merged/junit.xml", "--html", "merged/index.html"]);
    expect(m.code, m.out).toBe(0);
    expect(cases(join(top, "merged/junit.xml"))).toEqual(cases(join(top, "one/reports/junit.xml")));
    const [one, merged] = ["one/reports/junit.xml", "merged/junit.xml"].map((f) => readJUnit(readFileSync(join(top, f), "utf8")).attrs);
    for (const k of ["tests", "failures", "errors", "skipped"]) expect(merged[k], k).toBe(one[k]);
    // Readers agree: junitparser counts the same, xmllint finds it well-formed.
    const py = `import sys
from junitparser import JUnitXml
x = JUnitXml.fromfile(sys.argv[1]); x.update_statistics(); print(x.tests, x.failures, x.errors, x.skipped)`;
    const counts = (f: string) => execFileSync("/usr/bin/python3", ["-c", py, join(top, f)], { encoding: "utf8" }).trim();
    expect(counts("merged/junit.xml")).toBe(counts("one/reports/junit.xml"));
    execFileSync("xmllint", ["--noout", join(top, "merged/junit.xml")]);
  });

  it("draws one page from the shards' pages, its pcap links pointing into the shards' folders", () => {
    const page = readFileSync(join(top, "merged/index.html"), "utf8");
    expect([...page.matchAll(/<section class="scenario (\w+)"/g)].map((m) => m[1])).toEqual(["failed", "passed", "passed", "passed", "passed"]);
    const links = [...page.matchAll(/class="pcap" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(existsSync(resolve(top, "merged", l)), l).toBe(true);
  });

  it("refuses two reports that hold the same scenario, and writes nothing", () => {
    const m = run(top, ["merge", "m1/reports", "m1/reports", "--junit", "twice/junit.xml"]);
    expect(m.code).toBe(2);
    expect(m.out).toMatch(/is in 2 of the reports/);
    expect(existsSync(join(top, "twice"))).toBe(false);
  });

  it("a shard past the scenarios passes with an empty report; a bad share is refused", () => {
    expect(run(join(top, "m9"), ["run", "../suite", "--shard", "9/9"]).out).toMatch(/no scenario falls to this shard \(5 in all\)/);
    const bad = run(join(top, "mx"), ["run", "../suite", "--shard", "0/2"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--shard 0\/2: I must be from 1 to N/);
  });
});

describe("--last-failed", () => {
  it("runs only the scenarios that failed in the report given", () => {
    const r = run(join(top, "lf"), ["run", "../suite", "--last-failed", "../one/reports/junit.xml"]);
    expect(r.code, r.out).toBe(1);
    expect(readJUnit(readFileSync(join(top, "lf/reports/junit.xml"), "utf8")).suites.map((s) => s.attrs.name)).toEqual(["scenario 3"]);
    expect(run(join(top, "lf2"), ["run", "../suite", "--last-failed", "../nope.xml"]).out).toMatch(/--last-failed \.\.\/nope\.xml: no such file/);
  });
});
