import type { Listener, RunEvents } from "../run/events.js";
import type { PlanStep } from "../scenario/model.js";
import { formatMs } from "../util/duration.js";
import { summary } from "./console.js";

/** Progress as plain lines, for logs (not a TTY, or CI set): one line per step, a note when a step runs long. */
export class PlainReporter implements Listener {
  private slow = new Map<PlanStep, NodeJS.Timeout>();
  private lastProgress = 0;

  /** A long step's progress, at most one line every two seconds (logs stay readable). */
  stepProgress = ({ step, text }: RunEvents["stepProgress"]) => {
    if (Date.now() - this.lastProgress < 2000) return;
    this.lastProgress = Date.now();
    this.line(`  … ${step.name}: ${text}`);
  };

  constructor(
    private readonly o: { verbose?: boolean; out?: NodeJS.WritableStream } = {},
    private readonly out: NodeJS.WritableStream = o.out ?? process.stdout,
  ) {}

  private line(text: string): void {
    this.out.write(text + "\n");
  }

  runStart = ({ plans, runId }: RunEvents["runStart"]) => this.line(`wirecheck run ${runId}: ${plans.length} scenario(s)`);

  scenarioStart = ({ plan }: RunEvents["scenarioStart"]) => this.line(`▶ ${plan.name} (${plan.file})`);

  stepStart = ({ step }: RunEvents["stepStart"]) => {
    this.slow.set(step, setTimeout(() => this.line(`  … ${step.name} (running)`), 1000).unref());
  };

  stepEnd = ({ step, result: r }: RunEvents["stepEnd"]) => {
    clearTimeout(this.slow.get(step));
    this.slow.delete(step);
    const first = (r.message ?? r.status).split("\n")[0];
    if (r.status === "passed") this.line(`  ✔ ${step.name} (${formatMs(r.timeMs)})`);
    else if (r.status === "skipped") this.line(`  ↓ ${step.name} — ${first}`);
    else this.line(`  ✖ ${step.name} (${formatMs(r.timeMs)}) — ${first}`);
  };

  scenarioEnd = ({ result: r }: RunEvents["scenarioEnd"]) => {
    // Scenario-level sniffers are reported after the steps.
    for (const s of r.steps.slice(r.plan.steps.length)) {
      const first = (s.message ?? s.status).split("\n")[0];
      this.line(s.status === "passed" ? `  ✔ ${s.name} (sniffer)` : `  ${s.status === "skipped" ? "↓" : "✖"} ${s.name} (sniffer) — ${first}`);
    }
    if (r.setupError) this.line(`  ✖ setup — ${r.setupError.message.split("\n")[0]}`);
    const bad = r.steps.filter((s) => s.status === "failed" || s.status === "error").length + (r.setupError ? 1 : 0);
    const mark = r.status === "passed" ? "✔" : r.status === "skipped" ? "↓" : "✖";
    this.line(`${mark} ${r.plan.name} — ${r.status}${bad ? ` (${bad} not passed)` : ""} in ${formatMs(r.timeMs)}`);
  };

  runEnd = ({ results, interrupted }: RunEvents["runEnd"]) => {
    this.out.write(summary(results, interrupted, this.o.verbose === true));
  };
}
