// Pooled agents: one Node process serves a host in one scenario and another host in the next. What it learnt of the
// first (neighbours' MACs, routes) must not leak into the second, and commands still see their own host's /sys.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readJUnit } from "../../src/report/junit-read.js";
import { spawn } from "node:child_process";
import { cli, netns } from "./helpers.js";

const top = mkdtempSync(join(tmpdir(), "wc-pool-"));
mkdirSync(join(top, ".git"));
mkdirSync(join(top, "suite"));
const addr: Record<string, string> = { a: "198.18.0.1", b: "198.18.0.2", c: "198.18.0.3" };
// The hosts in another order in each file: MACs follow the order (02:77:00:0N:…), so every address has another
// MAC in the next scenario, and every agent has asked for the MACs of the two addresses that are not its host's.
const orders = [["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a"]];
for (const [i, order] of orders.entries()) {
  const steps = order.flatMap((h) =>
    order
      .filter((o) => o !== h)
      .map((o) => `  - { name: ${h} asks ${o}, host: ${h}, sr1: { packet: 'IP(dst="${addr[o]}")/ICMP(id=${i + 1})', timeout: 1s, expect: { ICMP.type: echo-reply, IP.src: ${addr[o]} } } }`),
  );
  writeFileSync(
    join(top, "suite", `s${i}.yaml`),
    `name: pooled ${i}
lab: { hosts: { ${order.map((h) => `${h}: ${addr[h]}/24`).join(", ")} } }
steps:
${steps.join("\n")}
  - { name: sys is the host's, host: ${order[0]}, exec: { run: "cat /sys/class/net/eth0/address", expect: { stdout: { contains: "\${lab.${order[0]}.eth0.mac}" } } } }
${order.map((h) => `  - { name: agent of ${h}, host: ${h}, exec: { run: 'echo $PPID >> "$WIRECHECK_WORK/agents"' } }`).join("\n")}
`,
  );
}

let out: { code: number | null; stdout: string; stderr: string };
beforeAll(async () => {
  out = await new Promise((done) => {
    // One after another: scenarios side by side (the default on more than one CPU) each need agents of their own.
    const child = spawn(process.execPath, [cli, "run", "suite", "--jobs", "1"], { cwd: top, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), 120_000);
    child.on("close", (code) => (clearTimeout(timer), done({ code, stdout, stderr })));
  });
}, 130_000);

describe("pooled agents", () => {
  it("every scenario passes: no MAC, route or address of an earlier scenario's host is used", () => {
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const cases = readJUnit(readFileSync(join(top, "reports/junit.xml"), "utf8")).suites.flatMap((s) => s.cases);
    expect(cases.filter((c) => c.outcome === "passed")).toHaveLength(3 * (1 + 6 + 1 + 3));
  });

  it("the same agents served every scenario (one process per host of the largest lab, not one per host and scenario)", () => {
    const pids = orders.map((_, i) => readFileSync(join(top, `reports/suite.s${i}/agents`), "utf8").trim().split("\n").sort());
    for (const p of pids) expect(new Set(p).size).toBe(3);
    expect(pids[1]).toEqual(pids[0]);
    expect(pids[2]).toEqual(pids[0]);
  });

  it("leaves no namespace behind, parked agents' included", () => {
    const runId = /wirecheck run (\w+):/.exec(out.stdout)![1];
    expect(netns().filter((n) => n.startsWith(`wc-${runId}`))).toEqual([]);
  });
});
