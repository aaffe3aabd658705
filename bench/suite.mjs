// npm run bench:suite — a suite of 200 small scenarios (two hosts, one server, three steps, as bench/two-host.yaml),
// run by the CLI one after another and with --jobs 2 and 4; prints wall time, time per scenario and, from the
// results, where a scenario's fixed cost goes. Needs root. Nothing here asserts a speed.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runPlans, loadScenario } from "../dist/index.js";

const count = Number(process.env.SUITE_SIZE ?? 200);
const cli = resolve("dist/cli.js");
const template = readFileSync("bench/two-host.yaml", "utf8");
const dir = mkdtempSync(join(tmpdir(), "wc-suite-"));
mkdirSync(join(dir, "suite"));
for (let i = 0; i < count; i++) writeFileSync(join(dir, "suite", `s${String(i).padStart(3, "0")}.yaml`), template.replace(/^name: .*$/m, `name: small ${i}`));

const rows = [];
for (const jobs of [1, 2, 4]) {
  const work = join(dir, `j${jobs}`);
  mkdirSync(work);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, "run", "../suite", "--jobs", String(jobs)], { cwd: work, encoding: "utf8", env: { ...process.env, CI: "1" } });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`--jobs ${jobs}: exit ${r.status}\n${r.stdout.slice(-2000)}${r.stderr}`);
  rows.push([`${count} scenarios, --jobs ${jobs}`, `${wall.toFixed(1)} s`, `${((wall * 1000) / count).toFixed(0)} ms per scenario`]);
}

// Where one scenario's time goes (in-process, sequential, median of 20 scenarios of one run, whose agents are pooled).
const plan = loadScenario("bench/two-host.yaml");
const reportsDir = join(dir, "inproc");
const runs = (await runPlans(Array.from({ length: 21 }, () => plan), { reportsDir })).results.slice(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const phases = ["lab", "agents", "setup", "servers", "steps", "teardown"].map((k) => `${k} ${median(runs.map((r) => r.timings[k])).toFixed(0)}`);
rows.push(["one scenario in-process (median of 20, after the first)", `${median(runs.map((r) => r.timeMs)).toFixed(0)} ms`, `ms: ${phases.join(", ")}`]);
rmSync(dir, { recursive: true, force: true });

const w = [0, 1].map((c) => Math.max(...rows.map((r) => r[c].length)));
console.log("\nsuite at scale");
for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2]}`);
