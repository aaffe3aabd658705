// npm run bench — where a scenario's time goes, and how fast the CLI answers. Needs root (it builds real labs).
// Figures are medians over repeated runs on this machine; nothing here asserts a speed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenario, runPlans } from "../dist/index.js";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];

// 1. A two-host scenario with one server and three steps, lab up and down included, in-process.
{
  const plan = loadScenario("bench/two-host.yaml");
  const reportsDir = mkdtempSync(join(tmpdir(), "wc-bench-"));
  const runs = [];
  for (let i = 0; i < 15; i++) {
    const { results } = await runPlans([plan], { reportsDir });
    if (results[0].status !== "passed") throw new Error(`bench scenario did not pass: ${JSON.stringify(results[0].steps)}`);
    runs.push(results[0]);
  }
  rmSync(reportsDir, { recursive: true, force: true });
  const t = (k) => median(runs.map((r) => r.timings[k]));
  rows.push(["two-host scenario, 1 server, 3 steps (median of 15)", ms(median(runs.map((r) => r.timeMs)))]);
  for (const k of ["lab", "agents", "servers", "steps", "teardown"]) rows.push([`  of which ${k}`, ms(t(k))]);
}

// 2. wirecheck validate of 100 scenario files (one process, start-up included).
{
  const dir = mkdtempSync(join(tmpdir(), "wc-bench-validate-"));
  const text = readFileSync("scenarios/chat.yaml", "utf8");
  for (let i = 0; i < 100; i++) writeFileSync(join(dir, `s${String(i).padStart(3, "0")}.yaml`), text.replace(/^name: .*$/m, `name: copy ${i}`));
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ["dist/cli.js", "validate", dir], { encoding: "utf8" });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  rmSync(dir, { recursive: true, force: true });
  rows.push(["wirecheck validate, 100 files (median of 5)", ms(median(times))]);
}

// 3. wirecheck --help, and bare node for reference (what no CLI can go below).
for (const [label, args] of [["wirecheck --help (median of 10)", ["dist/cli.js", "--help"]], ["  bare `node -e 0`, for reference", ["-e", "0"]]]) {
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args);
    times.push(performance.now() - t);
  }
  rows.push([label, ms(median(times))]);
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`wirecheck bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.padStart(10)}`);
