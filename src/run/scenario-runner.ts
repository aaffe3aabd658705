import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { AgentClient } from "../agent/client.js";
import { labUp, type Lab } from "../lab/lab.js";
import type { Plan, PlanStep } from "../scenario/model.js";
import { stepRunners } from "../steps/registry.js";
import type { Verdict } from "../steps/types.js";
import { formatMs } from "../util/duration.js";
import type { RunEvents, ScenarioResult, StepResult } from "./events.js";

export interface ScenarioRunOptions {
  runId: string;
  reportsDir: string;
  signal: AbortSignal;
  emit<K extends keyof RunEvents>(name: K, e: RunEvents[K]): void;
}

class Interrupted extends Error {}

/** The work folder of a scenario: reports/<classname>/, fresh for every run. */
export function workDirOf(plan: Plan, reportsDir: string): string {
  return join(reportsDir, plan.classname.replace(/[^A-Za-z0-9._-]/g, "_"));
}

/**
 * One scenario's lifecycle: lab up ▸ agents ▸ servers ▸ steps ▸ teardown. Teardown always runs; a failure of the lab,
 * an agent or a server is a setup error and the steps that could not run are skipped.
 */
export async function runScenario(plan: Plan, o: ScenarioRunOptions): Promise<ScenarioResult> {
  const start = performance.now();
  const timings = { lab: 0, agents: 0, servers: 0, steps: 0, teardown: 0 };
  const results: StepResult[] = [];
  const serverLogs: Record<string, string> = {};
  let setupError: ScenarioResult["setupError"];
  let lab: Lab | undefined;
  const agents = new Map<string, AgentClient>();
  const work = workDirOf(plan, o.reportsDir);

  // The scenario's own time limit and the user's Ctrl-C both end the run the same way: through this signal.
  const stop = new AbortController();
  let stopReason = "";
  const abort = (why: string) => {
    if (!stop.signal.aborted) (stopReason = why), stop.abort();
  };
  const onOuterAbort = () => abort("interrupted (the run was stopped)");
  o.signal.addEventListener("abort", onOuterAbort);
  if (o.signal.aborted) onOuterAbort();
  const timer = setTimeout(() => abort(`the scenario's timeout of ${formatMs(plan.timeoutMs)} ran out`), plan.timeoutMs);
  const guard = <T>(p: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (stop.signal.aborted) return reject(new Interrupted(stopReason));
      const onAbort = () => reject(new Interrupted(stopReason));
      stop.signal.addEventListener("abort", onAbort, { once: true });
      p.then(resolve, reject).finally(() => stop.signal.removeEventListener("abort", onAbort));
    });
  const timed = async <T>(key: keyof typeof timings, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      timings[key] += performance.now() - t;
    }
  };

  let diedServer: string | undefined;
  let inSteps = false;
  try {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    o.emit("phase", { plan, phase: "lab" });
    const startAgents = (l: Lab) =>
      timed("agents", () =>
        Promise.all(
          [...l.hosts.values()].map(async (h) => {
            const agent = await AgentClient.start(h.name, h.netns, { dir: plan.dir, work });
            agents.set(h.name, agent);
            agent.on("event", (ev: { event: string; server?: string; output?: string; code?: number; signal?: string }) => {
              if (ev.event !== "server-exit") return;
              serverLogs[ev.server!] = ev.output ?? "";
              diedServer = ev.server;
              abort(`server ${ev.server} exited (${ev.signal ?? `status ${ev.code}`}) during the scenario`);
            });
          }),
        ),
      );
    // Agents start as soon as the namespaces exist, while the links are wired; "lab" and "agents" overlap.
    // Not cut short by an interrupt: it takes milliseconds, and what it is creating must be known to be removed.
    lab = await timed("lab", () => labUp(plan, o.runId, { whileWiring: (l) => ((lab = l), startAgents(l).then(() => undefined)) }));
    await guard(Promise.resolve());
    o.emit("phase", { plan, phase: "servers" });
    await timed("servers", async () => {
      for (const s of plan.servers) {
        try {
          await guard(agents.get(s.host)!.request("server.start", { name: s.name, kind: s.kind, spec: s.spec }, 60_000));
        } catch (e) {
          if (e instanceof Interrupted) throw e;
          throw new Error(`server ${s.name} on ${s.host} did not start: ${(e as Error).message}`);
        }
      }
    });
    o.emit("phase", { plan, phase: "steps" });
    inSteps = true;
    await timed("steps", async () => {
      for (const step of plan.steps) {
        if (stop.signal.aborted) break;
        results.push(await runStep(plan, step, agents, work, o, guard));
      }
    });
  } catch (e) {
    if (!(e instanceof Interrupted)) setupError = { message: (e as Error).message };
    else if (!inSteps) setupError = { message: stopReason };
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener("abort", onOuterAbort);
    o.emit("phase", { plan, phase: "teardown" });
    await timed("teardown", async () => {
      await Promise.all(
        [...agents.values()].map(async (a) => {
          const logs = await a.request<Record<string, string>>("server.stopAll", null, 3000).catch(() => ({}));
          Object.assign(serverLogs, logs, diedServer ? { [diedServer]: serverLogs[diedServer] } : {});
          await a.stop();
        }),
      );
      await lab?.down();
    });
  }

  // Steps that never ran are skipped; an interrupted step is already an error.
  for (const step of plan.steps.slice(results.length)) {
    const r: StepResult = { name: step.name, line: step.line, status: "skipped", timeMs: 0, message: setupError ? "not run: the scenario could not start" : `not run: ${stopReason}` };
    results.push(r);
    o.emit("stepEnd", { plan, step, result: r });
  }
  if (diedServer && serverLogs[diedServer] !== undefined) {
    const hit = results.find((r) => r.status === "error");
    if (hit) hit.output = `--- server ${diedServer} ---\n${serverLogs[diedServer]}`;
  }
  const status = setupError || results.some((r) => r.status === "error") ? "error" : results.some((r) => r.status === "failed") ? "failed" : "passed";
  return { plan, status, timeMs: performance.now() - start, steps: results, setupError, serverLogs, timings };
}

async function runStep(
  plan: Plan,
  step: PlanStep,
  agents: Map<string, AgentClient>,
  work: string,
  o: ScenarioRunOptions,
  guard: <T>(p: Promise<T>) => Promise<T>,
): Promise<StepResult> {
  o.emit("stepStart", { plan, step });
  const t = performance.now();
  let v: Verdict;
  try {
    v = await guard(stepRunners[step.kind]({ plan, step, work, agent: (h) => agents.get(h)! }));
  } catch (e) {
    v = { status: "error", message: e instanceof Interrupted ? `interrupted: ${e.message}` : `could not run: ${(e as Error).message}` };
  }
  const result: StepResult = { name: step.name, line: step.line, status: v.status, timeMs: performance.now() - t, message: v.message, details: v.details };
  o.emit("stepEnd", { plan, step, result });
  return result;
}
