import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import junitModule, { type Builder, type TestCase } from "junit-report-builder";
import type { ScenarioResult, StepResult } from "../run/events.js";
import { xmlSafe } from "./xml-safe.js";

export interface JUnitOptions {
  /** Jenkins xUnit's schema: no file/line on testcases, no skipped count on the root. */
  strict?: boolean;
}

// The package is CommonJS (module.exports = builder) while its types describe an ES default export.
const junitBuilder = junitModule as unknown as Builder;

/** Seconds with three decimals, as every JUnit reader parses them. */
function seconds(ms: number): number {
  return (ms / 1000).toFixed(3) as unknown as number;
}

/** junit-report-builder has no setter for `line`; GitLab and GitHub's reporters read it beside `file`. */
function setLine(tc: TestCase, line: number): void {
  (tc as unknown as { _attributes: Record<string, unknown> })._attributes.line = line;
}

/**
 * The JUnit report: one <testsuite> per scenario, one <testcase> per step (plus one for a setup error), `failure`
 * for an expectation that did not hold, `error` for a step that could not run, `skipped` for steps never reached.
 */
export function buildJUnit(results: ScenarioResult[], o: JUnitOptions = {}): string {
  const builder = junitBuilder.newBuilder();
  builder.name("wirecheck");
  for (const r of results) {
    const file = relative(process.cwd(), r.plan.file);
    const suite = builder.testSuite().name(xmlSafe(r.plan.name)).time(seconds(r.timeMs)).timestamp(new Date());
    // Notes no testcase carries (a pcap cut short) travel as the suite's properties.
    r.notes.forEach((n, i) => suite.property(`wirecheck.note.${i + 1}`, xmlSafe(n)));
    // A scenario with setup items has a setup testcase in every run (its output, or its error); any other scenario
    // gets one only when its lab or servers could not start.
    if (r.setupError || r.plan.setup.length) {
      const t = r.timings;
      const tc = suite.testCase().className(r.plan.classname).name("setup").time(seconds(Math.min(r.timeMs, t.lab + t.agents + t.setup + t.servers)));
      if (!o.strict) (tc.file(file), setLine(tc, r.setupError?.line ?? r.plan.setup[0]?.line ?? 1));
      const logs = [...(r.setupLog ? [`--- setup ---\n${r.setupLog}`] : []), ...(r.setupError ? Object.entries(r.serverLogs).map(([name, log]) => `--- server ${name} ---\n${log}`) : [])].join("\n");
      if (r.setupError) tc.error(xmlSafe(oneLine(r.setupError.message)), "SetupError", xmlSafe(r.setupError.details ?? r.setupError.message));
      else if (r.status === "skipped") tc.skipped();
      if (logs) tc.standardOutput(xmlSafe(logs));
    }
    for (const s of r.steps) addStep(suite.testCase(), r, s, file, o);
  }
  let xml = builder.build();
  if (o.strict) xml = xml.replace(/^(<testsuites\b[^>]*?) skipped="\d+"/m, "$1");
  return xml;
}

function addStep(tc: TestCase, r: ScenarioResult, s: StepResult, file: string, o: JUnitOptions): void {
  tc.className(r.plan.classname).name(xmlSafe(s.name)).time(seconds(s.timeMs));
  if (!o.strict) (tc.file(file), setLine(tc, s.line));
  const message = xmlSafe(oneLine(s.message ?? s.status));
  if (s.status === "failed") tc.failure(message, "AssertionFailure").stacktrace(xmlSafe(s.details ?? s.message ?? ""));
  else if (s.status === "error") tc.error(message, "StepError", xmlSafe(s.details ?? s.message ?? ""));
  else if (s.status === "skipped") tc.skipped();
  // A skipped testcase cannot carry a message here, so its reason goes to system-out.
  // Jenkins (and GitLab) pick up attachments written this way in system-out.
  const links = s.status === "failed" || s.status === "error" ? (s.attachments ?? []).map((a) => `[[ATTACHMENT|${relative(process.cwd(), a)}]]`) : [];
  const out = [s.status === "skipped" ? s.message : undefined, s.output, ...links].filter(Boolean).join("\n");
  if (out) tc.standardOutput(xmlSafe(out));
}

function oneLine(text: string): string {
  const line = text.split("\n")[0];
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

export function writeJUnit(path: string, results: ScenarioResult[], o: JUnitOptions = {}): void {
  writeAtomically(path, buildJUnit(results, o));
}

/**
 * A report of one error and nothing else: what the report path says before a run starts (so a run killed with -9,
 * or stopped by a second signal, leaves a red report rather than the previous run's green one), and after input
 * that could not run. Throws when the path cannot be written, which the run checks before anything else.
 */
export function writeErrorJUnit(path: string, name: string, message: string, o: { placeholder?: boolean } = {}): void {
  const builder = junitBuilder.newBuilder();
  builder.name("wirecheck");
  const tc = builder.testSuite().name("wirecheck").timestamp(new Date()).testCase().className("wirecheck").name(name).time(0 as unknown as number);
  tc.error(xmlSafe(message), "RunIncomplete");
  writeAtomically(path, builder.build(), o.placeholder);
}

/** No report: what a run that ran nothing leaves (a CI reader then says the report is missing, never green). */
export function removeReport(path: string): void {
  if (existsSync(path) && statSync(path).isFile()) rmSync(path);
}

/** Written beside and renamed into place: a reader never sees half a report. */
function writeAtomically(path: string, text: string, placeholder = false): void {
  mkdirSync(dirname(path), { recursive: true });
  const st = existsSync(path) ? statSync(path) : undefined;
  if (st?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: "EISDIR" });
  // /dev/null, a pipe: written as they are, and only with the final report (a stream cannot be taken back).
  if (st && !st.isFile()) return placeholder ? undefined : writeFileSync(path, text);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
