import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Plan } from "../scenario/model.js";
import { distinctClassnames } from "../run/work-dir.js";
import { parseShard, shardPlans } from "../run/shard.js";
import { readJUnit, type ReadReport } from "../report/junit-read.js";
import { pageScenarios, writePageData } from "../report/html/page-data.js";
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
import { attachmentsNeedRoot, insideUserNamespace, prepareUserNamespace } from "../lab/user-namespace.js";

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
  shard?: string;
  durations?: string;
  lastFailed?: string;
  jobs?: string;
}

/** wirecheck run: load all (exit 2 if any is invalid), run, write JUnit even when interrupted, pick the exit code. */
export async function runCommand(paths: string[], o: RunCommandOptions): Promise<number> {
  // A signal while Node starts or the files load (large packet sets take a moment) is heard once loading is done:
  // nothing runs, and the report still says so.
  handleSignals(undefined);
  // The run a user without root started inside a user namespace of its own (lab/user-namespace.ts) makes its mounts.
  if (insideUserNamespace()) {
    const problem = prepareUserNamespace();
    if (problem) {
      process.stderr.write(`${problem}\n`);
      return 3;
    }
  }
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
  const chosen = choose(distinctClassnames(plans), o);
  if (typeof chosen === "string") {
    process.stderr.write(`${chosen}\n`);
    removeReport(o.junit);
    return 2;
  }
  const { selected, order } = chosen;
  if (selected.length === 0) {
    // A shard with nothing to do passes: the other shards have it all (more shards than scenarios).
    if (o.shard && order.size > 0) {
      process.stdout.write(`--shard ${o.shard}: no scenario falls to this shard (${order.size} in all)\n`);
      writeJUnit(o.junit, [], { strict: o.junitStrict });
      return 0;
    }
    process.stderr.write(o.lastFailed ? `--last-failed ${o.lastFailed}: nothing failed there that is among these scenarios\n` : "no scenario matches --grep/--tag\n");
    removeReport(o.junit);
    return 2;
  }
  const needRoot = insideUserNamespace() ? attachmentsNeedRoot(selected) : [];
  if (needRoot.length) {
    process.stderr.write(`${needRoot.join("\n")}\nnothing was run\n`);
    removeReport(o.junit);
    return 3;
  }
  // An attachment to a machine interface needs the user's word on the command line, checked before anything runs.
  const attach = parseAttachOptions(o.attach);
  const attachProblems = typeof attach === "string" ? [attach] : attachmentProblems(selected, attach);
  if (attachProblems.length) {
    process.stderr.write(`${attachProblems.join("\n")}\nnothing was run\n`);
    removeReport(o.junit);
    return 2;
  }

  const asked = parseJobs(o.jobs);
  if (typeof asked === "string") {
    process.stderr.write(`${asked}\n`);
    removeReport(o.junit);
    return 2;
  }
  // One scenario runs alone whatever was asked: its lines stream as they happen rather than as one block at its end.
  const jobs = Math.min(asked, selected.length);

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
      jobs,
      listeners: [plain ? new PlainReporter({ verbose: o.verbose, blocks: jobs > 1 }) : new ConsoleReporter({ verbose: o.verbose, jobs })],
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
  writeJUnit(o.junit, results, { strict: o.junitStrict, order });
  reportToGitHub(results);
  process.stdout.write(`JUnit report: ${o.junit}\n`);
  try {
    const page = pageScenarios(results, order);
    writePageData(join("reports", "index.json"), page);
    process.stdout.write(`HTML report: ${writeHtml(join("reports", "index.html"), page)}\n`);
  } catch (e) {
    process.stderr.write(`wirecheck: the HTML report could not be written: ${(e as Error).message}\n`);
  }
  const statuses = results.flatMap((r) => [r.setupError ? "error" : "", ...r.steps.map((s) => s.status)]);
  if (interrupted || statuses.includes("error")) return 3;
  return statuses.includes("failed") ? 1 : 0;
}

/**
 * The scenarios this run takes: --grep and --tag, then --last-failed (those with a failure or an error in that
 * report), then this machine's --shard of them; and each one's place in the selection before sharding.
 */
function choose(plans: Plan[], o: RunCommandOptions): { selected: Plan[]; order: Map<string, number> } | string {
  let selected = plans.filter(
    (p) =>
      (!o.grep || p.name.toLowerCase().includes(o.grep.toLowerCase()) || p.file.includes(o.grep)) &&
      (!o.tag?.length || o.tag.some((t) => p.tags.includes(t))),
  );
  if (o.lastFailed) {
    const report = readReport(o.lastFailed, "--last-failed");
    if (typeof report === "string") return report;
    const failed = new Set(report.suites.filter((s) => s.cases.some((c) => c.outcome === "failed" || c.outcome === "error")).flatMap((s) => s.cases.map((c) => c.attrs.classname)));
    selected = selected.filter((p) => failed.has(p.classname));
  }
  const order = new Map(selected.map((p, i) => [p.classname, i]));
  if (!o.shard) return { selected, order };
  const shard = parseShard(o.shard);
  if (typeof shard === "string") return shard;
  let durations = new Map<string, number>();
  if (o.durations) {
    const report = readReport(o.durations, "--durations");
    if (typeof report === "string") return report;
    durations = new Map(report.suites.map((s) => [s.cases[0]?.attrs.classname ?? "", Number(s.attrs.time) * 1000]));
  }
  return { selected: shardPlans(selected, shard, durations), order };
}

function readReport(path: string, option: string): ReadReport | string {
  try {
    return readJUnit(readFileSync(path, "utf8"));
  } catch (e) {
    return `${option} ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not a JUnit report wirecheck can read (${(e as Error).message})`}`;
  }
}

/**
 * Scenarios side by side when --jobs is not given or is `auto`: one per CPU, at most 8 (a lab's namespaces and links
 * are made under the kernel's one network lock, so past a few at once more labs wait rather than work).
 */
export const autoJobs = () => Math.max(1, Math.min(8, availableParallelism()));

/** --jobs: a number from 1 to 64, or `auto`, which is also the default. */
function parseJobs(text: string | undefined): number | string {
  if (text === undefined || text === "auto") return autoJobs();
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : `--jobs ${text}: a number from 1 to 64, or auto (one per CPU, at most 8: ${autoJobs()} here)`;
}
