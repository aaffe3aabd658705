import { appendFileSync } from "node:fs";
import type { ScenarioResult } from "../run/events.js";
import { orderedAttachments } from "./junit.js";
import { reportPath } from "./report-root.js";

// GitHub Actions' own way to show results, with no reporter action: workflow commands that annotate the file and line
// of each failure, and a summary table for the job's page. Escaped as GitHub's toolkit escapes them.
const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=…,line=…,title=…::message` for every failed or errored testcase (a setup error included). */
export function workflowCommands(results: ScenarioResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const file = reportPath(r.plan.file);
    if (r.setupError) out.push(`::error file=${prop(file)},line=${r.setupError.line ?? 1},title=${prop(`${r.plan.name} › setup`)}::${data(r.setupError.details ?? r.setupError.message)}`);
    for (const s of r.steps) {
      if (s.status !== "failed" && s.status !== "error") continue;
      const pcaps = orderedAttachments(s).map(reportPath);
      const text = [s.message ?? s.status, s.details, pcaps.length ? `pcaps: ${pcaps.join(", ")}` : ""].filter(Boolean).join("\n");
      out.push(`::error file=${prop(file)},line=${s.line},title=${prop(`${r.plan.name} › ${s.name}${s.status === "error" ? " (error)" : ""}`)}::${data(text)}`);
    }
  }
  return out;
}

/** A Markdown table of the run for $GITHUB_STEP_SUMMARY: totals, then every testcase that did not pass. */
export function stepSummary(results: ScenarioResult[]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ").slice(0, 300);
  // The testcases the JUnit report has: each scenario's setup, then its steps and sniffers.
  const cases = results.flatMap((r) => [
    { r, name: "setup", status: r.setupError ? "error" : r.status === "skipped" ? "skipped" : "passed", line: r.setupError?.line ?? 1, message: r.setupError?.message ?? "" },
    ...r.steps.map((s) => ({ r, name: s.name, status: s.status, line: s.line, message: s.message ?? "" })),
  ]);
  const count = (st: string) => cases.filter((c) => c.status === st).length;
  const icon = { passed: "✅", failed: "❌", error: "💥", skipped: "⏭️" } as Record<string, string>;
  const lines = [
    "### wirecheck",
    "",
    `| scenarios | testcases | passed | failed | errors | skipped |`,
    `| --- | --- | --- | --- | --- | --- |`,
    `| ${results.length} | ${cases.length} | ${count("passed")} | ${count("failed")} | ${count("error")} | ${count("skipped")} |`,
    "",
  ];
  const bad = cases.filter((c) => c.status === "failed" || c.status === "error");
  if (bad.length) {
    lines.push("| | scenario | step | where | why |", "| --- | --- | --- | --- | --- |");
    for (const c of bad) lines.push(`| ${icon[c.status]} | ${cell(c.r.plan.name)} | ${cell(c.name)} | \`${cell(reportPath(c.r.plan.file))}:${c.line}\` | ${cell(c.message.split("\n")[0])} |`);
    lines.push("");
  }
  lines.push("| scenario | result | time |", "| --- | --- | --- |");
  for (const r of results) lines.push(`| ${cell(r.plan.name)} | ${icon[r.status] ?? ""} ${r.status} | ${(r.timeMs / 1000).toFixed(2)} s |`);
  return lines.join("\n") + "\n";
}

/** Under GitHub Actions (GITHUB_ACTIONS=true): the annotations on stdout and the summary appended to its file. */
export function reportToGitHub(results: ScenarioResult[], out: NodeJS.WritableStream = process.stdout): void {
  if (process.env.GITHUB_ACTIONS !== "true") return;
  for (const line of workflowCommands(results)) out.write(line + "\n");
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    try {
      appendFileSync(summary, stepSummary(results));
    } catch (e) {
      out.write(`::warning::wirecheck could not write the job summary to ${data(summary)}: ${data((e as Error).message)}\n`);
    }
  }
}
