import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import junitModule, { type Builder, type TestCase } from "junit-report-builder";
import type { ScenarioResult, StepResult } from "../run/events.js";
import { xmlSafe } from "./xml-safe.js";
import { reportPath } from "./report-root.js";

export interface JUnitOptions {
  /** Jenkins xUnit's schema: no file/line on testcases, no skipped count on the root. */
  strict?: boolean;
  /** Each scenario's place in the whole selection, by classname: `wirecheck merge` puts shards back in this order. */
  order?: ReadonlyMap<string, number>;
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
 * The JUnit report: one <testsuite> per scenario, a <testcase> for its setup and one per step and sniffer, `failure`
 * for an expectation that did not hold, `error` for a step that could not run, `skipped` for steps never reached.
 */
export function buildJUnit(results: ScenarioResult[], o: JUnitOptions = {}): string {
  const builder = junitBuilder.newBuilder();
  builder.name("wirecheck");
  for (const r of results) {
    const file = reportPath(r.plan.file);
    // Each suite's own start (a skipped one: when it was passed over), in UTC as ISO 8601 without a zone, as JUnit has it.
    const suite = builder.testSuite().name(xmlSafe(r.plan.name)).time(seconds(r.timeMs)).timestamp(isoSeconds(r.startedAt));
    // Notes no testcase carries (a pcap cut short) travel as the suite's properties.
    r.notes.forEach((n, i) => suite.property(`wirecheck.note.${i + 1}`, xmlSafe(n)));
    const place = o.order?.get(r.plan.classname);
    if (place !== undefined) suite.property("wirecheck.order", String(place));
    // Every scenario's first testcase is its setup (lab, agents, setup items, servers), in every run: passed, an error
    // at the item that failed, or skipped with the scenario. A testcase that exists in one run exists in every run.
    const t = r.timings;
    const tc = suite.testCase().className(r.plan.classname).name("setup").time(seconds(Math.min(r.timeMs, t.lab + t.agents + t.setup + t.servers)));
    if (!o.strict) (tc.file(file), setLine(tc, r.setupError?.line ?? setupLine(r)));
    const logs = [...(r.setupLog ? [`--- setup ---\n${r.setupLog}`] : []), ...(r.setupError ? Object.entries(r.serverLogs).map(([name, log]) => `--- server ${name} ---\n${log}`) : [])].join("\n");
    if (r.setupError) tc.error(xmlSafe(oneLine(r.setupError.message)), "SetupError", xmlSafe(r.setupError.details ?? r.setupError.message));
    else if (r.status === "skipped") tc.skipped();
    if (logs) tc.standardOutput(xmlSafe(logs));
    ownBuild(tc, r.status === "skipped" && !r.setupError ? xmlSafe(r.steps[0]?.message ?? "not run") : undefined);
    for (const s of r.steps) addStep(suite.testCase(), r, s, file, o);
  }
  let xml = builder.build();
  // The run's own time on the root: readers that add the suites up otherwise disagree with those that do not.
  const start = Math.min(...results.map((r) => r.startedAt.getTime()));
  const end = Math.max(...results.map((r) => r.startedAt.getTime() + r.timeMs));
  if (results.length) xml = xml.replace(/^<testsuites\b/m, `<testsuites time="${seconds(end - start)}"`);
  if (o.strict) xml = xml.replace(/^(<testsuites\b[^>]*?) skipped="\d+"/m, "$1");
  return xml;
}

/** Where a reader looks for a scenario's setup: its first setup item, else its first server, else the top of the file. */
function setupLine(r: ScenarioResult): number {
  return r.plan.setup[0]?.line ?? r.plan.servers[0]?.line ?? 1;
}

function isoSeconds(d: Date): string {
  return d.toISOString().slice(0, 19);
}

type XmlElement = { ele(name: string, attrs?: Record<string, unknown>): XmlElement; raw(text: string): XmlElement; txt(text: string): XmlElement };
type CaseInternals = {
  build(parent: XmlElement): XmlElement;
  buildNode(el: XmlElement): XmlElement;
  createElement(parent: XmlElement): XmlElement;
  _failure: boolean;
  _failureAttributes: Record<string, unknown>;
  _stacktrace?: string;
  _error: boolean;
  _errorAttributes: Record<string, unknown>;
  _errorContent?: string;
  _skipped: boolean;
  _standardOutput?: string;
  _standardError?: string;
};

/**
 * A testcase's element as every reader gets it right. junit-report-builder writes `<skipped/>` with no reason (GitLab
 * shows only the text inside it) and leaves "]]>" in content to xmlbuilder, which splits only the first; here the
 * reason is the skipped element's message and text, and every "]]>" is split across two CDATA sections, the
 * standard way, so the bytes a reader gets back are the ones the server sent.
 */
function ownBuild(tc: TestCase, skippedReason: string | undefined): void {
  const c = tc as unknown as CaseInternals;
  c.build = (parent) => {
    const el = c.buildNode(c.createElement(parent));
    const content = (node: XmlElement, text: string) => node.raw(`<![CDATA[${text.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`);
    if (c._failure) {
      const f = el.ele("failure", c._failureAttributes);
      if (c._stacktrace) content(f, c._stacktrace);
    }
    if (c._error) {
      const e = el.ele("error", c._errorAttributes);
      if (c._errorContent) content(e, c._errorContent);
    }
    if (c._skipped) {
      const sk = el.ele("skipped", skippedReason ? { message: skippedReason } : {});
      if (skippedReason) sk.txt(skippedReason);
    }
    if (c._standardOutput) content(el.ele("system-out"), c._standardOutput);
    if (c._standardError) content(el.ele("system-err"), c._standardError);
    return el;
  };
}

function addStep(tc: TestCase, r: ScenarioResult, s: StepResult, file: string, o: JUnitOptions): void {
  tc.className(r.plan.classname).name(xmlSafe(s.name)).time(seconds(s.timeMs));
  if (!o.strict) (tc.file(file), setLine(tc, s.line));
  const message = xmlSafe(oneLine(s.message ?? s.status));
  if (s.status === "failed") tc.failure(message, "AssertionFailure").stacktrace(xmlSafe(s.details ?? s.message ?? ""));
  else if (s.status === "error") tc.error(message, "StepError", xmlSafe(s.details ?? s.message ?? ""));
  else if (s.status === "skipped") tc.skipped();
  // Jenkins and GitLab pick up attachments written this way in system-out; GitLab links only the first, so the pcap of
  // the host the step ran or sniffed on comes first.
  const links = s.status === "failed" || s.status === "error" ? orderedAttachments(s).map((a) => `[[ATTACHMENT|${reportPath(a)}]]`) : [];
  const out = [s.output, ...links].filter(Boolean).join("\n");
  if (out) tc.standardOutput(xmlSafe(out));
  ownBuild(tc, s.status === "skipped" ? xmlSafe(s.message ?? "not run") : undefined);
}

/** The step's own hosts' pcaps first, then the others, each in the order saved. */
export function orderedAttachments(s: StepResult): string[] {
  const mine = (a: string) => (s.hosts ?? []).findIndex((h) => basename(a).startsWith(`${h}.`));
  const all = s.attachments ?? [];
  return [...all.filter((a) => mine(a) >= 0).sort((a, b) => mine(a) - mine(b)), ...all.filter((a) => mine(a) < 0)];
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
  const tc = builder.testSuite().name("wirecheck").timestamp(isoSeconds(new Date())).testCase().className("wirecheck").name(name).time(0 as unknown as number);
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
