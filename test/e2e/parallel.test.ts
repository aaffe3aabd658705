// --jobs N: scenarios side by side, each in its own lab; the report equals a sequential run's, the log is one block
// per scenario, and an interrupt still stops everything and leaves nothing behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cli, exited, netns, processesWith, spawnCli, waitFor } from "./helpers.js";
import { readJUnit } from "../../src/report/junit-read.js";

const top = mkdtempSync(join(tmpdir(), "wc-jobs-"));
mkdirSync(join(top, ".git"));
mkdirSync(join(top, "suite"));
// The same host names in every file: side by side, only the labs' own ids keep their namespaces apart.
for (let i = 1; i <= 4; i++)
  writeFileSync(
    join(top, "suite", `p${i}.yaml`),
    `name: side ${i}
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
servers:
  - { name: echo, host: b, tcp: { port: 7, echo: true } }
steps:
  - { name: talk, host: a, tcp: { connect: "b:7", send: "hi ${i}", expect: "hi ${i}" } }
  - { name: hold, wait: 700ms }
  - { name: check, host: a, exec: { run: "echo ${i}", expect: { stdout: "${i === 2 ? "two" : i}" } } }
`,
  );

function run(dir: string, args: string[]) {
  mkdirSync(join(top, dir), { recursive: true });
  const r = spawnSync(process.execPath, [cli, "run", "../suite", ...args], { cwd: join(top, dir), encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}
const cases = (dir: string) => readJUnit(readFileSync(join(top, dir, "reports/junit.xml"), "utf8")).suites.flatMap((s) => s.cases.map((c) => `${c.attrs.classname} › ${c.attrs.name}: ${c.outcome}`));

let seq: ReturnType<typeof run>;
let par: ReturnType<typeof run>;
let byDefault: ReturnType<typeof run>;
beforeAll(() => {
  seq = run("seq", ["--jobs", "1"]);
  par = run("par", ["--jobs", "3"]);
  byDefault = run("default", []);
}, 300_000);
/** When each scenario's `hold` step ran, from the page's data. */
const holds = (dir: string) => {
  const page = JSON.parse(readFileSync(join(top, dir, "reports/index.json"), "utf8")) as { scenarios: { plan: { name: string }; steps: { name: string; startedAtUs: number; timeMs: number }[] }[] };
  return page.scenarios.map((s) => s.steps.find((x) => x.name === "hold")!).map((h) => [h.startedAtUs, h.startedAtUs + h.timeMs * 1000]);
};
const overlap = (spans: number[][]) => spans.some(([a0, a1], i) => spans.some(([b0, b1], j) => i !== j && a0 < b1 && b0 < a1));

describe("--jobs", () => {
  it("reports what a sequential run reports: the same testcases, order, outcomes and exit code", () => {
    expect(seq.code).toBe(1);
    expect(par.code, par.out).toBe(1);
    expect(cases("par")).toEqual(cases("seq"));
    expect(cases("par")).toHaveLength(16);
  });

  it("really runs them side by side: the steps of different scenarios overlap in time", () => {
    expect(overlap(holds("par"))).toBe(true);
    expect(overlap(holds("seq"))).toBe(false);
  });

  it("by default runs one per CPU (at most 8), with the same report as --jobs 1", () => {
    expect(byDefault.code, byDefault.out).toBe(1);
    expect(cases("default")).toEqual(cases("seq"));
    // On a machine of one CPU the default is one at a time.
    expect(overlap(holds("default"))).toBe(Math.min(8, availableParallelism()) > 1);
  });

  it("writes each scenario's lines as one block in a log, never interleaved", () => {
    const lines = par.out.split("\n");
    for (let i = 1; i <= 4; i++) {
      const start = lines.indexOf(`▶ side ${i} (../suite/p${i}.yaml)`);
      expect(start, par.out).toBeGreaterThanOrEqual(0);
      const block = lines.slice(start, start + 5);
      expect(block.slice(1, 4).map((l) => l.trim().split(" ")[1])).toEqual(["talk", "hold", "check"]);
      expect(block[4]).toMatch(new RegExp(`^[✔✖] side ${i} — `));
    }
  });

  it("refuses a --jobs that is not a count", () => {
    const r = run("bad", ["--jobs", "0"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/--jobs 0: a number from 1 to 64, or auto/);
  });
});

describe("an interrupt in a parallel run", () => {
  const started: ReturnType<typeof spawnCli>[] = [];
  afterEach(() => {
    for (const c of started.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  });

  it("SIGINT: every running lab is torn down within 5 s, exit 3, nothing left", async () => {
    const dir = join(top, "slow");
    mkdirSync(dir, { recursive: true });
    for (let i = 1; i <= 3; i++)
      writeFileSync(join(dir, `s${i}.yaml`), `name: slow ${i}\nlab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }\nsteps:\n  - { name: long, host: a, exec: { run: "sleep 97${i}", timeout: 5m } }\n`);
    const before = new Set(netns());
    const child = spawnCli(["run", dir, "--jobs", "3", "--junit", join(dir, "junit.xml")]);
    started.push(child);
    await waitFor(() => [1, 2, 3].every((i) => processesWith(`sleep 97${i}`).length > 0), 30_000, "all three scenarios to be running");
    // This run's labs: the ids registered under its pid (other test files run labs at the same time).
    const ids = readdirSync("/run/wirecheck").filter((id) => !id.startsWith(".") && JSON.parse(readFileSync(join("/run/wirecheck", id), "utf8")).pid === child.pid);
    const mine = netns().filter((n) => !before.has(n) && ids.some((id) => n.startsWith(`wc-${id}-`)));
    expect(ids.length).toBe(4);
    expect(mine.length).toBe(6);
    const t = Date.now();
    child.kill("SIGINT");
    const { code } = await exited(child);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(code).toBe(3);
    expect(netns().filter((n) => mine.includes(n))).toEqual([]);
    for (const i of [1, 2, 3]) expect(processesWith(`sleep 97${i}`)).toEqual([]);
    const suites = readJUnit(readFileSync(join(dir, "junit.xml"), "utf8")).suites;
    expect(suites.map((s) => s.cases.map((c) => c.outcome).join(","))).toEqual(["passed,error", "passed,error", "passed,error"]);
  }, 60_000);
});
