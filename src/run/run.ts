import { spawnSync } from "node:child_process";
import { registerRun, newRunId, unregisterRun } from "../lab/registry.js";
import { sweepStale } from "../lab/sweep.js";
import { native } from "../wire/native.js";
import type { Plan } from "../scenario/model.js";
import type { Listener, RunEvents, ScenarioResult } from "./events.js";
import { runScenario } from "./scenario-runner.js";
import { AgentPool } from "../agent/pool.js";
import { distinctClassnames, workDirNames } from "./work-dir.js";

export interface RunOptions {
  reportsDir: string;
  signal?: AbortSignal;
  /** Stop after the first scenario that does not pass; the rest are reported as skipped. */
  bail?: boolean;
  listeners?: Listener[];
  /** --attach: attachment name → the machine's interface (checked by checkAttachments). */
  attach?: Record<string, string>;
  /** Scenarios run side by side, each in a lab of its own (1: one after another). */
  jobs?: number;
}

/** The machine cannot host a lab: not root, or ip(8) missing. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

export function checkEnvironment(): void {
  if (process.getuid?.() !== 0) throw new EnvironmentError("wirecheck run needs root: it creates network namespaces (try sudo, or `wirecheck validate` to check files without running them)");
  const ip = spawnSync("ip", ["-V"], { encoding: "utf8" });
  if (ip.error) throw new EnvironmentError("ip(8) is not installed: apt-get install iproute2");
  // Said once, before any lab, not as an error inside every step that captures.
  try {
    native();
  } catch (e) {
    throw new EnvironmentError((e as Error).message);
  }
}

/**
 * Runs planned scenarios, up to `jobs` at once in the order given, telling the listeners; the lab of each is gone
 * when it ends, and the results come in the order given whatever order they finished in. Side by side, each
 * scenario's namespaces are named by an id of its own, registered like a run's, so no two labs share a name; those
 * that attach to a machine interface still run one at a time (they share the device behind it).
 */
export async function runPlans(given: Plan[], o: RunOptions): Promise<{ results: ScenarioResult[]; interrupted: boolean }> {
  checkEnvironment();
  const plans = distinctClassnames(given);
  const listeners = o.listeners ?? [];
  const pending: Promise<void>[] = [];
  const emit = <K extends keyof RunEvents>(name: K, e: RunEvents[K]) => {
    for (const l of listeners) {
      const r: unknown = (l[name] as ((e: RunEvents[K]) => void | Promise<void>) | undefined)?.(e);
      // Only a listener's promise is waited for (a listener that happens to return a value is not one).
      if (r instanceof Promise) pending.push(r.catch(() => undefined));
    }
  };
  const signal = o.signal ?? new AbortController().signal;
  const jobs = Math.max(1, Math.min(o.jobs ?? 1, plans.length));
  const runId = newRunId();
  registerRun(runId);
  const results: ScenarioResult[] = new Array(plans.length);
  const agents = new AgentPool(runId);
  let attachLock: Promise<void> = Promise.resolve();
  try {
    await sweepStale();
    emit("runStart", { plans, runId });
    let stopRest = false;
    const workNames = workDirNames(plans);
    let next = 0;
    const one = async (i: number) => {
      const plan = plans[i];
      if (stopRest || signal.aborted) {
        results[i] = skippedScenario(plan, signal.aborted ? "not run: the run was interrupted" : "not run: --bail after a failure");
        emit("scenarioEnd", { result: results[i] });
        return;
      }
      let release = () => {};
      if (jobs > 1 && plan.segments.some((s) => s.attach)) {
        const before = attachLock;
        attachLock = new Promise((ok) => (release = ok));
        await before;
      }
      const labId = jobs > 1 ? newRunId() : runId;
      if (labId !== runId) registerRun(labId);
      try {
        emit("scenarioStart", { plan });
        results[i] = await runScenario(plan, { runId: labId, reportsDir: o.reportsDir, workName: workNames[i], signal, emit, attach: o.attach, agents });
        emit("scenarioEnd", { result: results[i] });
        if (o.bail && results[i].status !== "passed") stopRest = true;
      } finally {
        if (labId !== runId) unregisterRun(labId);
        release();
      }
    };
    await Promise.all(
      Array.from({ length: jobs }, async () => {
        while (next < plans.length) await one(next++);
      }),
    );
  } finally {
    await agents.close();
    unregisterRun(runId);
  }
  emit("runEnd", { results, interrupted: signal.aborted });
  await Promise.all(pending);
  return { results, interrupted: signal.aborted };
}

function skippedScenario(plan: Plan, why: string): ScenarioResult {
  return {
    plan,
    status: "skipped",
    startedAt: new Date(),
    timeMs: 0,
    // The same testcases as a run of it would have: its steps, then its scenario sniffers.
    steps: [...plan.steps, ...plan.sniffers].map((s) => ({ name: s.name, line: s.line, status: "skipped" as const, timeMs: 0, message: why })),
    serverLogs: {},
    notes: [],
    timings: { lab: 0, agents: 0, setup: 0, servers: 0, steps: 0, teardown: 0 },
  };
}
