import { resolve } from "node:path";
import type { AgentClient } from "../agent/client.js";
import type { AgentPool } from "../agent/pool.js";
import { runCommand } from "../lab/command.js";
import { labUp, type Lab } from "../lab/lab.js";
import type { Plan, PlanStep } from "../scenario/model.js";
import { stepRunners } from "../steps/registry.js";
import { judgeCapture } from "../steps/sniff/judge.js";
import type { SniffResult } from "../wire/sniff.js";
import { fillSaved } from "./saved-vars.js";
import { resolveLate } from "./saved-destination.js";
import { freshWorkDir } from "./work-dir.js";
import { runSetup, SetupFailure } from "./setup.js";
import { missingRequirements } from "../lab/requires.js";
import { describeLinkReport } from "../lab/links.js";
import type { Verdict } from "../steps/types.js";
import { formatMs } from "../util/duration.js";
import { nowUs } from "../wire/recording.js";
import type { RunEvents, ScenarioResult, StepResult } from "./events.js";

export interface ScenarioRunOptions {
  runId: string;
  reportsDir: string;
  /** The scenario's work folder under reportsDir (absolute: agents and commands run from the scenario's folder). */
  workName: string;
  signal: AbortSignal;
  /** --attach: attachment name → the machine's interface. */
  attach?: Record<string, string>;
  /** The run's agents: each host takes one for the scenario and gives it back at teardown. */
  agents: AgentPool;
  emit<K extends keyof RunEvents>(name: K, e: RunEvents[K]): void;
}

class Interrupted extends Error {}

/**
 * Whether the hosts' traffic is captured (their pcaps, linked from failing testcases): in every scenario with a lab
 * step that touches the network; only a scenario of commands and file checks alone goes without.
 */
function usesWire(plan: Plan): boolean {
  const quiet = new Set<string>(["exec", "file", "wait", "link"]);
  const any = (steps: PlanStep[]): boolean => steps.some((s) => !quiet.has(s.kind) || any(s.children));
  return plan.sniffers.length > 0 || plan.servers.length > 0 || any(plan.steps);
}

/** Stops a scenario-level sniffer and checks what it saw. */
async function checkSniffer(sn: Plan["sniffers"][number], agent: AgentClient, id: number, attachments: string[], saved: () => Plan["sniffers"][number]["expect"]): Promise<StepResult> {
  const t = performance.now();
  const capture = await agent.request<SniffResult>("wire.sniffStop", { id }, 10_000);
  let expect: Plan["sniffers"][number]["expect"];
  try {
    expect = saved();
  } catch (e) {
    return { name: sn.name, line: sn.line, status: "error", timeMs: performance.now() - t, message: (e as Error).message, attachments, hosts: [sn.host] };
  }
  const { problems, details } = judgeCapture(capture, expect, `${sn.host}${sn.filter ? ` (filter: ${sn.filter})` : ""} during the scenario`, { reassemble: sn.reassemble });
  return {
    name: sn.name,
    line: sn.line,
    status: problems.length ? "failed" : "passed",
    timeMs: performance.now() - t,
    message: problems.length ? problems.join("; ") : undefined,
    details,
    attachments,
    hosts: [sn.host],
  };
}

/** Crafted TCP flows: the sending host's kernel knows no such connection and would reset it; drop those resets only. */
async function protectFlows(plan: Plan, lab: Lab): Promise<void> {
  // One rule set per host and address family: IPv6 flows go to ip6tables.
  const sets = new Map<string, { host: string; tool: string; rules: Set<string> }>();
  for (const f of plan.flows) {
    const tool = f.dst.includes(":") ? "ip6tables-restore" : "iptables-restore";
    const key = `${f.host} ${tool}`;
    if (!sets.has(key)) sets.set(key, { host: f.host, tool, rules: new Set() });
    sets.get(key)!.rules.add(`-A OUTPUT -p tcp --sport ${f.sport} -d ${f.dst}${f.dport === undefined ? "" : ` --dport ${f.dport}`} --tcp-flags RST RST -j DROP`);
  }
  await Promise.all(
    [...sets.values()].map(({ host, tool, rules }) =>
      runCommand("ip", ["netns", "exec", lab.hosts.get(host)!.netns, tool, "--noflush"], `*filter\n${[...rules].join("\n")}\nCOMMIT\n`).catch((e: Error) => {
        throw new Error(`cannot keep the kernel of ${host} from resetting crafted TCP flows with ${tool}: ${e.message}`);
      }),
    ),
  );
}

/**
 * One scenario's lifecycle: lab up ▸ agents ▸ servers ▸ steps ▸ teardown. Teardown always runs; a failure of the lab,
 * an agent or a server is a setup error and the steps that could not run are skipped.
 */
export async function runScenario(plan: Plan, o: ScenarioRunOptions): Promise<ScenarioResult> {
  const start = performance.now();
  const startedAt = new Date();
  const timings = { lab: 0, agents: 0, setup: 0, servers: 0, steps: 0, teardown: 0 };
  const results: StepResult[] = [];
  const serverLogs: Record<string, string> = {};
  const notes: string[] = [];
  let setupError: ScenarioResult["setupError"];
  let setupLog = "";
  let lab: Lab | undefined;
  const agents = new Map<string, AgentClient>();
  let work = resolve(o.reportsDir, o.workName);

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
  const vars = new Map<string, string | number>();
  // Filled at teardown (the pcaps are written last); the results hold the same array, so they see the paths.
  const attachments: string[] = [];
  const wire = usesWire(plan);
  const sniffResults: StepResult[] = [];
  try {
    work = freshWorkDir(o.reportsDir, o.workName);
    const missing = missingRequirements(plan.requires);
    if (missing.length) throw new SetupFailure(`the scenario needs what this machine lacks: ${missing.join("; ")}`, plan.requires.line, "");
    o.emit("phase", { plan, phase: "lab" });
    const startAgents = (l: Lab) =>
      timed("agents", () =>
        Promise.all(
          [...l.hosts.values()].map(async (h) => {
            const agent = await o.agents.acquire(h.name, h.netns, { dir: plan.dir, work });
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
    lab = await timed("lab", () => labUp(plan, o.runId, { attach: o.attach, whileWiring: (l) => ((lab = l), startAgents(l).then(() => undefined)) }));
    await guard(Promise.resolve());
    if (wire) {
      // Every host's capture starts before the servers do, and crafted TCP flows are kept from kernel resets.
      await guard(Promise.all([...agents.values()].map((a) => a.request("wire.open", null, 10_000))));
      await guard(protectFlows(plan, lab!));
    }
    if (plan.setup.length) {
      o.emit("phase", { plan, phase: "setup" });
      setupLog = await timed("setup", () => guard(runSetup(plan, work, (h) => agents.get(h)!)));
    }
    o.emit("phase", { plan, phase: "servers" });
    await timed("servers", async () => {
      for (const s of plan.servers) {
        try {
          await guard(agents.get(s.host)!.request("server.start", { name: s.name, kind: s.kind, spec: s.spec }, 60_000));
        } catch (e) {
          if (e instanceof Interrupted) throw e;
          // At the server's own line: that is where a reader of the report has to look.
          throw new SetupFailure(`server ${s.name} on ${s.host} did not start: ${(e as Error).message}`, s.line, "");
        }
      }
    });
    o.emit("phase", { plan, phase: "steps" });
    inSteps = true;
    const armed = await guard(Promise.all(plan.sniffers.map((sn) => agents.get(sn.host)!.request<{ id: number }>("wire.sniffStart", { filter: sn.filter, quiet: true }, 10_000))));
    await timed("steps", async () => {
      for (const step of plan.steps) {
        if (stop.signal.aborted) break;
        results.push(await runStep(plan, step, agents, lab!, work, o, guard, vars, attachments));
      }
    });
    for (const [i, sn] of plan.sniffers.entries()) {
      if (stop.signal.aborted) break;
      sniffResults.push(await checkSniffer(sn, agents.get(sn.host)!, armed[i].id, attachments, () => fillSaved(sn.expect, vars, plan.savedVars)));
    }
  } catch (e) {
    if (e instanceof SetupFailure) (setupError = { message: e.message, details: e.output ? `${e.message}\n\n${e.output}` : undefined, line: e.line }), (setupLog = e.output);
    else if (!(e instanceof Interrupted)) setupError = { message: (e as Error).message };
    else if (!inSteps) setupError = { message: stopReason };
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener("abort", onOuterAbort);
    o.emit("phase", { plan, phase: "teardown" });
    await timed("teardown", async () => {
      // Interrupted: whatever an agent is still doing (a flood) stops first, so saving its capture is quick.
      if (stop.signal.aborted) await Promise.all([...agents.values()].map((a) => a.request("halt", null, 1000).catch(() => undefined)));
      await Promise.all(
        [...agents].map(async ([name, a]) => {
          if (wire) {
            const saved = await a.request<{ file?: string; missed?: string[] }>("wire.save", { file: `${name}.pcapng` }, 10_000).catch(() => ({ file: undefined, missed: [] }));
            if (saved.file) attachments.push(saved.file);
            for (const m of saved.missed ?? []) notes.push(`${name}.pcapng does not hold everything: ${m} were not kept`);
          }
          const logs = await a.request<Record<string, string>>("server.stopAll", null, 3000).catch(() => ({}));
          Object.assign(serverLogs, logs, diedServer ? { [diedServer]: serverLogs[diedServer] } : {});
          // Out of the host's namespace before it goes (removing it kills what is still inside).
          await o.agents.release(a, !stop.signal.aborted);
        }),
      );
      // What each emulated link did, before the lab (and its emulators) goes.
      for (const l of lab?.links.values() ?? []) if (l.emulated) notes.push(...describeLinkReport(l.seg.name, l.seg.emulated!.seed, l.report()));
      await lab?.down();
    });
  }

  // Steps that never ran are skipped; an interrupted step is already an error.
  for (const step of plan.steps.slice(results.length)) {
    const r: StepResult = { name: step.name, line: step.line, status: "skipped", timeMs: 0, message: setupError ? "not run: the scenario could not start" : `not run: ${stopReason}` };
    results.push(r);
    o.emit("stepEnd", { plan, step, result: r });
  }
  // Scenario-level sniffers come after the steps, as testcases of their own.
  for (const sn of plan.sniffers.slice(sniffResults.length))
    sniffResults.push({ name: sn.name, line: sn.line, status: "skipped", timeMs: 0, message: setupError ? "not run: the scenario could not start" : `not run: ${stopReason}` });
  for (const r of sniffResults) results.push(r);
  if (diedServer && serverLogs[diedServer] !== undefined) {
    const hit = results.find((r) => r.status === "error");
    if (hit) hit.output = `--- server ${diedServer} ---\n${serverLogs[diedServer]}`;
  }
  const status = setupError || results.some((r) => r.status === "error") ? "error" : results.some((r) => r.status === "failed") ? "failed" : "passed";
  return { plan, status, startedAt, timeMs: performance.now() - start, steps: results, work, setupError, setupLog, serverLogs, notes, timings };
}

async function runStep(
  plan: Plan,
  step: PlanStep,
  agents: Map<string, AgentClient>,
  lab: Lab,
  work: string,
  o: ScenarioRunOptions,
  guard: <T>(p: Promise<T>) => Promise<T>,
  vars: Map<string, string | number>,
  attachments: string[],
): Promise<StepResult> {
  o.emit("stepStart", { plan, step });
  const t = performance.now();
  const startedAtUs = nowUs();
  const onProgress = (ev: { event: string; text?: string }) => {
    if (ev.event === "progress" && ev.text) o.emit("stepProgress", { plan, step, text: ev.text });
  };
  for (const a of agents.values()) a.on("event", onProgress);
  const execute = (s: PlanStep): Promise<Verdict> => (s.retry ? retried(s, s.retry) : once(s));
  // Tried again until it passes or the time is up, the pause between attempts cut short by an interrupt.
  const retried = async (s: PlanStep, r: NonNullable<PlanStep["retry"]>): Promise<Verdict> => {
    const start = performance.now();
    for (let attempt = 1; ; attempt++) {
      const v = await once(s);
      const spent = performance.now() - start;
      const took = `attempt ${attempt}${attempt > 1 ? ` of retries over ${formatMs(spent)}` : ""}`;
      if (v.status === "passed") return { ...v, details: `passed on ${took}${v.details ? `\n${v.details}` : ""}` };
      if (spent + r.everyMs > r.forMs) return { ...v, message: `${v.message ?? v.status} (still, after ${attempt} attempt${attempt > 1 ? "s" : ""} over ${formatMs(spent)})` };
      await guard(new Promise((ok) => setTimeout(ok, r.everyMs)));
    }
  };
  const once = async (s: PlanStep): Promise<Verdict> => {
    try {
      const filled = resolveLate(plan, { ...s, spec: fillSaved(s.spec, vars, plan.savedVars), resolved: fillSaved(s.resolved, vars, plan.savedVars) });
      if (typeof filled === "string") return { status: "failed", message: filled };
      return await guard(stepRunners[s.kind]({ plan, step: filled, work, vars, agent: (h) => agents.get(h)!, link: (n) => lab.links.get(n)!, runChild: execute }));
    } catch (e) {
      if (e instanceof Interrupted) throw e;
      return { status: "error", message: `could not run: ${(e as Error).message}` };
    }
  };
  let v: Verdict;
  try {
    v = await execute(step);
  } catch (e) {
    const why = (e as Error).message;
    v = { status: "error", message: why.startsWith("interrupted") ? why : `interrupted: ${why}` };
  }
  for (const a of agents.values()) a.off("event", onProgress);
  // Every step links the hosts' pcaps (a connection that timed out through a firewall is when they matter most), its
  // own hosts' first: where it ran, where it sniffed.
  const hosts = [...new Set([step.host, ...(step.kind === "sniff" ? [(step.spec as { host?: string }).host ?? step.host] : []), ...step.children.map((c) => c.host)])];
  const result: StepResult = { name: step.name, line: step.line, status: v.status, timeMs: performance.now() - t, startedAtUs, message: v.message, details: v.details, attachments, hosts };
  o.emit("stepEnd", { plan, step, result });
  return result;
}
