import { join } from "node:path";
import { ConsoleReporter } from "../report/console.js";
import { PlainReporter } from "../report/plain.js";
import { removeReport, writeErrorJUnit, writeJUnit } from "../report/junit.js";
import { writeHtml } from "../report/html/page.js";
import { handleSignals, takeEarlySignal } from "../early-signals.js";
import type { ScenarioResult } from "../run/events.js";
import { EnvironmentError, runPlans } from "../run/run.js";
import { forgetOwnRuns } from "../lab/registry.js";
import { sweepStale } from "../lab/sweep.js";
import { loadAll } from "./load-all.js";
import { attachmentProblems, parseAttachOptions } from "../lab/attach.js";
import { reportToGitHub } from "../report/github.js";
import { setReportRoot } from "../report/report-root.js";

export interface RunCommandOptions {
  junit: string;
  junitStrict?: boolean;
  grep?: string;
  tag?: string[];
  bail?: boolean;
  var?: string[];
  verbose?: boolean;
  attach?: string[];
  reportRoot?: string;
}

/** wirecheck run: load all (exit 2 if any is invalid), run, write JUnit even when interrupted, pick the exit code. */
export async function runCommand(paths: string[], o: RunCommandOptions): Promise<number> {
  // A signal while Node starts or the files load (large packet sets take a moment) is heard once loading is done:
  // nothing runs, and the report still says so.
  handleSignals(undefined);
  // Before anything else, the report path says the run is not finished: a run killed with -9 (or by a second signal)
  // leaves a red report, never the previous run's green one; and a path that cannot take a report is refused now.
  // When nothing runs (invalid input, nothing selected, no root) there is no report at all, as before.
  try {
    writeErrorJUnit(o.junit, "run incomplete", "the run has not finished: it is still running, or it was stopped before it could write its report", { placeholder: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`--junit ${o.junit}: the report cannot be written there (${code === "EISDIR" ? "it is a folder" : code === "ENOTDIR" || code === "EEXIST" ? "a part of the path is a file" : (code ?? (e as Error).message)}): name a file in a folder wirecheck can write\n`);
    return 2;
  }
  if (o.reportRoot !== undefined) setReportRoot(o.reportRoot);
  const { plans, ok } = loadAll(paths, o.var);
  // A signal that came while loading held the thread is dispatched on a later turn of the event loop.
  await new Promise((r) => setImmediate(r));
  if (!ok) {
    process.stderr.write("invalid input: nothing was run\n");
    removeReport(o.junit);
    return 2;
  }
  const selected = plans.filter(
    (p) =>
      (!o.grep || p.name.toLowerCase().includes(o.grep.toLowerCase()) || p.file.includes(o.grep)) &&
      (!o.tag?.length || o.tag.some((t) => p.tags.includes(t))),
  );
  if (selected.length === 0) {
    process.stderr.write("no scenario matches --grep/--tag\n");
    removeReport(o.junit);
    return 2;
  }
  // An attachment to a machine interface needs the user's word on the command line, checked before anything runs.
  const attach = parseAttachOptions(o.attach);
  const attachProblems = typeof attach === "string" ? [attach] : attachmentProblems(selected, attach);
  if (attachProblems.length) {
    process.stderr.write(`${attachProblems.join("\n")}\nnothing was run\n`);
    removeReport(o.junit);
    return 2;
  }

  const abort = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    process.stderr.write(`\n${sig}: stopping — tearing the lab down and writing the report\n`);
    abort.abort();
    // A second signal, or a teardown that hangs, must not leave the user waiting: clean up and leave.
    // The last resort removes this run's own lab too: its records go first, so the sweep sees it as gone.
    const hard = () => {
      forgetOwnRuns();
      void sweepStale().finally(() => process.exit(3));
    };
    if (signals > 1) hard();
    else setTimeout(hard, 4500).unref();
  };
  // A signal kept so far (while Node started or files loaded) is heard now; any later one goes straight to onSignal.
  handleSignals(onSignal);
  const early = takeEarlySignal();
  if (early) onSignal(early);

  // A terminal that reports no width (script -qc, some CI runners) would get one character per line from the live view.
  const plain = !process.stdout.isTTY || !!process.env.CI || !(process.stdout.columns >= 20);
  let results: ScenarioResult[];
  let interrupted: boolean;
  try {
    ({ results, interrupted } = await runPlans(selected, {
      reportsDir: "reports",
      signal: abort.signal,
      bail: o.bail,
      attach: attach as Record<string, string>,
      listeners: [plain ? new PlainReporter({ verbose: o.verbose }) : new ConsoleReporter({ verbose: o.verbose })],
    }));
  } catch (e) {
    if (e instanceof EnvironmentError) {
      process.stderr.write(`wirecheck: ${e.message}\n`);
      removeReport(o.junit);
      return 3;
    }
    throw e;
  } finally {
    handleSignals(undefined);
  }
  writeJUnit(o.junit, results, { strict: o.junitStrict });
  reportToGitHub(results);
  process.stdout.write(`JUnit report: ${o.junit}\n`);
  try {
    process.stdout.write(`HTML report: ${writeHtml(join("reports", "index.html"), results)}\n`);
  } catch (e) {
    process.stderr.write(`wirecheck: the HTML report could not be written: ${(e as Error).message}\n`);
  }
  const statuses = results.flatMap((r) => [r.setupError ? "error" : "", ...r.steps.map((s) => s.status)]);
  if (interrupted || statuses.includes("error")) return 3;
  return statuses.includes("failed") ? 1 : 0;
}
