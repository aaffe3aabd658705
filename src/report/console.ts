import { orderedAttachments } from "./junit.js";
import { reportPath } from "./report-root.js";
import { Listr, type ListrTask } from "listr2";
import type { Listener, RunEvents, ScenarioResult, StepResult } from "../run/events.js";
import type { Plan, PlanStep } from "../scenario/model.js";
import { formatMs } from "../util/duration.js";

type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void };
const deferred = <T>(): Deferred<T> => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

export interface ConsoleOptions {
  verbose?: boolean;
  out?: NodeJS.WritableStream;
  /** Scenarios run side by side: as many show as running at once. */
  jobs?: number;
}

/**
 * Live progress on a terminal with listr2: scenario → setup → steps. It only follows the runner's events: each task waits for the
 * event that ends it. After the run it prints every failure in full (expected, got, dumps) and the totals.
 */
export class ConsoleReporter implements Listener {
  private setups = new Map<Plan, Deferred<ScenarioResult | "ready">>();
  private steps = new Map<PlanStep, Deferred<StepResult>>();
  private done?: Promise<unknown>;
  private readonly out: NodeJS.WritableStream;
  private outputs = new Map<PlanStep, (text: string) => void>();

  stepProgress = ({ step, text }: RunEvents["stepProgress"]): void => void this.outputs.get(step)?.(text);

  constructor(private readonly o: ConsoleOptions = {}) {
    this.out = o.out ?? process.stdout;
  }

  runStart = ({ plans }: RunEvents["runStart"]) => {
    const tasks: ListrTask[] = plans.map((plan) => {
      this.setups.set(plan, deferred());
      for (const s of plan.steps) this.steps.set(s, deferred());
      return {
        title: plan.name,
        task: (_ctx, task) =>
          task.newListr(
            [
              {
                title: "lab and servers",
                task: async (_c, t) => {
                  const r = await this.setups.get(plan)!.promise;
                  if (r !== "ready") {
                    if (r.setupError) throw new Error(r.setupError.message.split("\n")[0]);
                    if (r.status === "skipped") t.skip(r.steps[0]?.message ?? "not run");
                  }
                },
              },
              ...plan.steps.map(
                (step): ListrTask => ({
                  title: step.name,
                  task: async (_c, t) => {
                    this.outputs.set(step, (text) => (t.output = text));
                    const r = await this.steps.get(step)!.promise;
                    t.title = `${step.name} ${dim(`(${formatMs(r.timeMs)})`)}`;
                    if (r.status === "skipped") return t.skip(`${step.name}: ${r.message ?? "skipped"}`);
                    if (r.status !== "passed") throw new Error(`${step.name}: ${(r.message ?? r.status).split("\n")[0]}`);
                  },
                }),
              ),
            ],
            { concurrent: false, exitOnError: false },
          ),
      };
    });
    const listr = new Listr(tasks, {
      concurrent: (this.o.jobs ?? 1) > 1 ? this.o.jobs! : false,
      exitOnError: false,
      registerSignalListeners: false,
      renderer: "default",
      rendererOptions: { collapseSubtasks: false, collapseErrors: false },
    });
    this.done = listr.run().catch(() => undefined);
  };

  phase = ({ plan, phase }: RunEvents["phase"]) => {
    if (phase === "steps") this.setups.get(plan)?.resolve("ready");
  };

  stepEnd = ({ step, result }: RunEvents["stepEnd"]) => this.steps.get(step)?.resolve(result);

  scenarioEnd = ({ result }: RunEvents["scenarioEnd"]) => {
    this.setups.get(result.plan)?.resolve(result);
    result.plan.steps.forEach((s, i) => this.steps.get(s)?.resolve(result.steps[i]));
  };

  runEnd = async ({ results, interrupted }: RunEvents["runEnd"]) => {
    await this.done;
    this.out.write(summary(results, interrupted, this.o.verbose === true));
  };
}

function dim(s: string): string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${s}\x1b[22m` : s;
}

/** Every failure in full, then one line of totals. */
export function summary(results: ScenarioResult[], interrupted: boolean, verbose: boolean): string {
  const out: string[] = [];
  for (const r of results) {
    const file = r.plan.file;
    if (r.setupError) {
      out.push(`\n✖ ${r.plan.name} — setup error (${file}${r.setupError.line ? `:${r.setupError.line}` : ""})\n${indent(r.setupError.message)}`);
      if (r.setupLog) out.push(indent(`--- setup ---\n${r.setupLog}`, 4));
      for (const [name, log] of Object.entries(r.serverLogs)) if (log) out.push(indent(`--- server ${name} ---\n${log}`));
    }
    for (const s of r.steps) {
      const show = s.status === "failed" || s.status === "error" || (verbose && s.details);
      if (!show) continue;
      const mark = s.status === "passed" ? "✔" : "✖";
      out.push(`\n${mark} ${r.plan.name} › ${s.name} (${file}:${s.line})\n${indent(s.message ?? s.status)}`);
      if (s.details) out.push(indent(s.details, 4));
      if (s.output) out.push(indent(s.output, 4));
      if ((s.status === "failed" || s.status === "error") && s.attachments?.length) out.push(indent(`pcaps: ${orderedAttachments(s).map(reportPath).join(", ")}`, 4));
    }
    for (const n of r.notes) out.push(`\n! ${r.plan.name}: ${n}`);
    if (verbose && r.setupLog && !r.setupError) out.push(indent(`--- setup of ${r.plan.name} ---\n${r.setupLog}`));
    if (verbose) {
      const t = r.timings;
      out.push(`\n${r.plan.name}: ${formatMs(r.timeMs)} (lab ${formatMs(t.lab)}, agents ${formatMs(t.agents)}, ${t.setup ? `setup ${formatMs(t.setup)}, ` : ""}servers ${formatMs(t.servers)}, steps ${formatMs(t.steps)}, teardown ${formatMs(t.teardown)})`);
      for (const [name, log] of Object.entries(r.serverLogs)) if (log && !r.setupError) out.push(indent(`--- server ${name} ---\n${log}`));
    }
  }
  const all = results.flatMap((r) => [...(r.setupError ? [{ status: "error" }] : []), ...r.steps]);
  const count = (s: string) => all.filter((x) => x.status === s).length;
  const total = results.reduce((a, r) => a + r.timeMs, 0);
  out.push(
    `\n${interrupted ? "interrupted — " : ""}${results.length} scenario(s): ${count("passed")} passed, ${count("failed")} failed, ${count("error")} errors, ${count("skipped")} skipped (${formatMs(total)})\n`,
  );
  return out.join("\n");
}

function indent(text: string, n = 2): string {
  return text
    .split("\n")
    .map((l) => " ".repeat(n) + l)
    .join("\n");
}
