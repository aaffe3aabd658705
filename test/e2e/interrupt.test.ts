import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exited, netns, parseJUnit, processesWith, runCli, spawnCli, tempScenario, waitFor } from "./helpers.js";

const slow = `name: a slow scenario
lab:
  hosts:
    slowclient: 198.18.0.1/24
    slowserver: 198.18.0.2/24
servers:
  - { name: echo, host: slowserver, tcp: { port: 7, echo: true } }
  - { name: sleeper, host: slowserver, command: { run: "sleep 301.7", ready: { delay: 10ms } } }
steps:
  - { name: quick, host: slowclient, tcp: { connect: "slowserver:7", send: hi, expect: hi } }
  - { name: long, host: slowclient, exec: { run: "sleep 121.3", timeout: 5m } }
  - { name: never reached, host: slowclient, exec: { run: "true" } }
`;

const started: ReturnType<typeof spawnCli>[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
});

/** Starts a run of the slow scenario and waits until its long step is under way; returns its namespaces. */
async function startSlowRun() {
  const { dir, file } = tempScenario("slow.yaml", slow);
  const junit = join(dir, "junit.xml");
  const child = spawnCli(["run", file, "--junit", junit]);
  started.push(child);
  await waitFor(() => /… long \(running\)/.test(child.out()), 20_000, "the long step to start");
  const runId = /wirecheck run (\w+):/.exec(child.out())![1];
  const mine = netns().filter((n) => n.startsWith(`wc-${runId}-`));
  expect(mine.length).toBe(2);
  return { child, junit, mine, runId: mine[0].split("-")[1] };
}

describe("an interrupted run cleans up and still reports", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal}: exits within 5 s, removes the lab, writes JUnit with the step as error and the rest skipped`, async () => {
      const { child, junit, mine } = await startSlowRun();
      const t = Date.now();
      child.kill(signal);
      const { code } = await exited(child);
      expect(Date.now() - t).toBeLessThan(5000);
      expect(code).toBe(3);
      expect(netns().filter((n) => mine.includes(n))).toEqual([]);
      expect(processesWith("sleep 121.3")).toEqual([]);

      const suite = parseJUnit(readFileSync(junit, "utf8")).suites[0];
      expect(suite.attrs).toMatchObject({ tests: "4", errors: "1", skipped: "1", failures: "0" });
      const [setup, quick, long, never] = suite.cases;
      expect(setup.name).toBe("setup");
      expect(setup.body).toBe("");
      expect(quick.body).toBe("");
      expect(long.body).toMatch(/<error message="interrupted/);
      expect(never.body).toMatch(/<skipped message="not run: interrupted/);
    });
  }

  it("Ctrl-C during a long unpaced send stops the sending and still writes the report", async () => {
    const { dir, file } = tempScenario(
      "flood.yaml",
      `name: a long flood
lab: { hosts: { floodsrc: 198.18.0.1/24, floodsink: 198.18.0.2/24 } }
steps:
  - { name: flood, host: floodsrc, send: { packet: 'IP(dst="floodsink")/UDP(sport=(1, 65535), dport=9)', count: 200 } }
  - { name: never reached, host: floodsrc, exec: { run: "true" } }
`,
    );
    const junit = join(dir, "junit.xml");
    const child = spawnCli(["run", file, "--junit", junit]);
    started.push(child);
    await waitFor(() => /… flood \(running\)/.test(child.out()), 20_000, "the flood to start");
    const runId = /wirecheck run (\w+):/.exec(child.out())![1];
    await new Promise((r) => setTimeout(r, 500));
    const t = Date.now();
    child.kill("SIGINT");
    const { code } = await exited(child);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(code).toBe(3);
    expect(netns().filter((n) => n.startsWith(`wc-${runId}-`))).toEqual([]);
    await waitFor(() => processesWith("wirecheck-agent floodsrc").length === 0, 2000, "the sending agent to exit");
    const [, flood, never] = parseJUnit(readFileSync(junit, "utf8")).suites[0].cases;
    expect(flood.body).toMatch(/<error message="interrupted/);
    expect(never.body).toMatch(/<skipped message="not run: interrupted/);
  });

  it("kill -9: agents and servers exit by themselves; lab clean then removes the namespaces", async () => {
    const { child, mine } = await startSlowRun();
    child.kill("SIGKILL");
    await exited(child);
    // Nothing of the run may keep running: agents notice their controller is gone and take servers and commands down.
    // A bound, not a speed: with the suite's other labs running on two cores the agents have taken over 5 s.
    await waitFor(() => processesWith("sleep 121.3").length === 0 && processesWith("sleep 301.7").length === 0, 15_000, "commands to stop");
    await waitFor(() => !mine.some((n) => processesInNetns(n)), 5000, "agents to exit");
    // The namespaces stay until a sweep: this lab clean, or the start of a run in another test file meanwhile.
    const r = runCli(["lab", "clean"]);
    expect(r.code).toBe(0);
    expect(netns().filter((n) => mine.includes(n))).toEqual([]);
  });

  it("lab clean and a new run's sweep never touch a run that is still alive", async () => {
    const { child, mine } = await startSlowRun();
    try {
      expect(runCli(["lab", "clean"]).code).toBe(0);
      expect(netns().filter((n) => mine.includes(n))).toEqual(mine);
      const { file } = tempScenario("quick.yaml", "name: quick\nsteps:\n  - { name: ok, exec: { run: 'true' } }\n");
      expect(runCli(["run", file, "--junit", "/dev/null"]).code).toBe(0);
      expect(netns().filter((n) => mine.includes(n))).toEqual(mine);
    } finally {
      child.kill("SIGTERM");
      await exited(child);
    }
    expect(netns().filter((n) => mine.includes(n))).toEqual([]);
  });
});

function processesInNetns(name: string): boolean {
  const r = runCmd("ip", ["netns", "pids", name]);
  return r.trim().length > 0;
}

function runCmd(cmd: string, args: string[]): string {
  try {
    return require("node:child_process").execFileSync(cmd, args, { encoding: "utf8" });
  } catch {
    return "";
  }
}
