import type { Listener, RunEvents } from "../run/events.js";
import type { Plan, PlanStep } from "../scenario/model.js";
import { formatMs } from "../util/duration.js";
import { summary } from "./console.js";

/**
 * Progress as plain lines, for logs (not a TTY, or CI set): one line per step, a note when a step runs long. With
 * scenarios side by side (`blocks`), each scenario's lines are held and written as one block when it ends, so a log
 * never interleaves two scenarios.
 */
export class PlainReporter implements Listener {
  private slow = new Map<PlanStep, NodeJS.Timeout>();
  private lastProgress = 0;
  private held = new Map<Plan, string[]>();

  /** A long step's progress, at most one line every two seconds (logs stay readable); none in blocks. */
  stepProgress = ({ plan, step, text }: RunEvents["stepProgress"]) => {
    if (this.o.blocks || Date.now() - this.lastProgress < 2000) return;
    this.lastProgress = Date.now();
    this.line(`  … ${step.name}: ${text}`, plan);
  };

  constructor(
    private readonly o: { verbose?: boolean; out?: NodeJS.WritableStream; blocks?: boolean } = {},
    private readonly out: NodeJS.WritableStream = o.out ?? process.stdout,
  ) {}

  private line(text: string, plan?: Plan): void {
    const held = plan && this.o.blocks ? this.held.get(plan) : undefined;
    if (held) held.push(text);
    else this.out.write(text + "\n");
  }

  runStart = ({ plans, runId }: RunEvents["runStart"]) => this.line(`wirecheck run ${runId}: ${plans.length} scenario(s)`);

  scenarioStart = ({ plan }: RunEvents["scenarioStart"]) => {
    if (this.o.blocks) this.held.set(plan, []);
    this.line(`▶ ${plan.name} (${plan.file})`, plan);
  };

  stepStart = ({ step }: RunEvents["stepStart"]) => {
    if (!this.o.blocks) this.slow.set(step, setTimeout(() => this.line(`  … ${step.name} (running)`), 1000).unref());
  };

  stepEnd = ({ plan, step, result: r }: RunEvents["stepEnd"]) => {
    clearTimeout(this.slow.get(step));
    this.slow.delete(step);
    const first = (r.message ?? r.status).split("\n")[0];
    if (r.status === "passed") this.line(`  ✔ ${step.name} (${formatMs(r.timeMs)})`, plan);
    else if (r.status === "skipped") this.line(`  ↓ ${step.name} — ${first}`, plan);
    else this.line(`  ✖ ${step.name} (${formatMs(r.timeMs)}) — ${first}`, plan);
  };

  scenarioEnd = ({ result: r }: RunEvents["scenarioEnd"]) => {
    // A scenario passed over (--bail, an interrupt) never started: in blocks it still gets its own.
    if (this.o.blocks && !this.held.has(r.plan)) this.held.set(r.plan, [`▶ ${r.plan.name} (${r.plan.file})`]);
    // Scenario-level sniffers are reported after the steps.
    for (const s of r.steps.slice(r.plan.steps.length)) {
      const first = (s.message ?? s.status).split("\n")[0];
      this.line(s.status === "passed" ? `  ✔ ${s.name} (sniffer)` : `  ${s.status === "skipped" ? "↓" : "✖"} ${s.name} (sniffer) — ${first}`, r.plan);
    }
    if (r.setupError) this.line(`  ✖ setup — ${r.setupError.message.split("\n")[0]}`, r.plan);
    const bad = r.steps.filter((s) => s.status === "failed" || s.status === "error").length + (r.setupError ? 1 : 0);
    const mark = r.status === "passed" ? "✔" : r.status === "skipped" ? "↓" : "✖";
    this.line(`${mark} ${r.plan.name} — ${r.status}${bad ? ` (${bad} not passed)` : ""} in ${formatMs(r.timeMs)}`, r.plan);
    const block = this.held.get(r.plan);
    this.held.delete(r.plan);
    if (block) this.out.write(block.join("\n") + "\n");
  };

  runEnd = ({ results, interrupted }: RunEvents["runEnd"]) => {
    this.out.write(summary(results, interrupted, this.o.verbose === true));
  };
}
