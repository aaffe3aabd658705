import { writeFileAtomically } from "../../util/atomic-write.js";
import { dirname, relative, resolve } from "node:path";
import type { Status, StepResult } from "../../run/events.js";
import type { PageScenario } from "./page-data.js";
import { orderedAttachments } from "../junit.js";
import { esc } from "./escape.js";
import { ladderOf, type Ladder, type LadderFrame } from "./ladder.js";
import { topologySvg } from "./topology.js";
import { pageStyle } from "./style.js";

const order: Record<Status, number> = { error: 0, failed: 1, passed: 2, skipped: 3 };

/**
 * The run as one self-contained page (no script, no network; styles inline): totals, then every scenario with its
 * failures first, its lab drawn, and its frames as a ladder between the hosts.
 */
export function buildHtml(results: readonly PageScenario[], pagePath: string, at = new Date()): string {
  const here = dirname(resolve(pagePath));
  const link = (file: string) => relative(here, resolve(file)).split("\\").join("/");
  const steps = results.flatMap((r) => r.steps);
  const count = (s: Status) => steps.filter((x) => x.status === s).length + results.filter((r) => s === "error" && r.setupError).length;
  const seconds = results.reduce((n, r) => n + r.timeMs, 0) / 1000;
  const scenarios = [...results].sort((a, b) => order[a.status] - order[b.status]);
  const totals = (["passed", "failed", "error", "skipped"] as const).map((s) => `<span class="total ${s}" data-status="${s}"><b>${count(s)}</b> ${s}</span>`).join("");
  const body = scenarios.map((r, i) => scenarioSection(r, i, link)).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>wirecheck: ${results.filter((r) => r.status === "passed").length}/${results.length} scenarios passed</title>
<style>${pageStyle}</style></head>
<body>
<header><h1>wirecheck run</h1><p class="when">${esc(at.toISOString().replace("T", " ").slice(0, 19))} UTC · ${results.length} scenario(s) · ${seconds.toFixed(2)} s</p>
<p class="totals">${totals}</p>
<nav><ol>${scenarios.map((r, i) => `<li class="${r.status}"><a href="#s${i}">${esc(r.plan.name)}</a> <span class="badge ${r.status}">${r.status}</span></li>`).join("")}</ol></nav></header>
<main>
${body}
</main></body></html>
`;
}

function scenarioSection(r: PageScenario, i: number, link: (f: string) => string): string {
  const rows: string[] = [];
  if (r.setupError) rows.push(stepRow({ name: "setup", line: r.setupError.line ?? 1, status: "error", timeMs: 0, message: r.setupError.message, details: r.setupError.details }, r, link));
  const steps = [...r.steps].sort((a, b) => order[a.status] - order[b.status]);
  for (const s of steps) rows.push(stepRow(s, r, link));
  let ladder: Ladder | undefined;
  let ladderProblem = "";
  try {
    ladder = ladderOf(r);
  } catch (e) {
    ladderProblem = `the pcaps could not be read: ${(e as Error).message}`;
  }
  const hasLab = !r.plan.implicitLab && r.plan.hosts.length > 0;
  return `<section class="scenario ${r.status}" id="s${i}" data-scenario="${esc(r.plan.name)}">
<h2><span class="badge ${r.status}">${r.status}</span> ${esc(r.plan.name)}</h2>
<p class="file">${esc(r.plan.file)} · ${(r.timeMs / 1000).toFixed(2)} s</p>
<table class="steps"><thead><tr><th>step</th><th>status</th><th>time</th><th>what happened</th></tr></thead><tbody>${rows.join("")}</tbody></table>
${r.notes.length ? `<ul class="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : ""}
${hasLab ? `<details class="lab" open><summary>lab</summary>${topologySvg(r.plan)}</details>` : ""}
${ladder ? ladderHtml(ladder) : ladderProblem ? `<p class="problem">${esc(ladderProblem)}</p>` : ""}
</section>`;
}

function stepRow(s: StepResult, r: PageScenario, link: (f: string) => string): string {
  const pcaps = s.status === "failed" || s.status === "error" ? orderedAttachments(s) : [];
  const what = [
    s.message ? `<div class="message">${esc(s.message)}</div>` : "",
    s.details && s.status !== "passed" ? `<pre class="details">${esc(s.details)}</pre>` : "",
    pcaps.length ? `<div class="pcaps">${pcaps.map((p) => `<a class="pcap" href="${esc(link(p))}">${esc(p.split("/").pop()!)}</a>`).join(" ")}</div>` : "",
  ].join("");
  return `<tr class="step ${s.status}" data-step="${esc(s.name)}"><td>${esc(s.name)} <span class="line">${esc(r.plan.file)}:${s.line}</span></td><td><span class="badge ${s.status}">${s.status}</span></td><td>${(s.timeMs / 1000).toFixed(3)} s</td><td>${what}</td></tr>`;
}

function ladderHtml(l: Ladder): string {
  const n = l.columns.length;
  const x = (host: string) => ((l.columns.indexOf(host) + 0.5) / n) * 100;
  const lifelines = l.columns.map((c) => `<div class="lifeline" style="left:${x(c).toFixed(3)}%"></div>`).join("");
  const head = l.columns.map((c) => `<div class="column" data-host="${esc(c)}" style="left:${x(c).toFixed(3)}%">${esc(c)}</div>`).join("");
  const t0 = l.windows.find((w) => w.frames.length)?.frames[0]?.timeUs ?? 0;
  const frame = (f: LadderFrame) => {
    const from = x(f.from);
    // A broadcast spans from its sender to the farthest host of its segment on each side.
    const ends = f.to === "*" ? (f.reach?.length ? f.reach : l.columns.filter((c) => c !== f.from)).map(x) : [x(f.to)];
    const left = Math.min(from, ...ends);
    const right = Math.max(from, ...ends);
    const self = right === left;
    const cls = f.to === "*" ? `all${left < from ? " head-left" : ""}${right > from ? " head-right" : ""}` : self ? "self" : right > from ? "right" : "left";
    const to = f.to === "*" ? `everyone on ${f.iface}'s segment (broadcast)` : f.to;
    return `<details class="frame" data-from="${esc(f.from)}" data-to="${esc(f.to)}"><summary><span class="t">+${((f.timeUs - t0) / 1000).toFixed(3)} ms</span><span class="arrow ${cls}" style="left:${left.toFixed(3)}%;width:${self ? 3 : (right - left).toFixed(3)}%"><span class="label">${esc(f.summary)}</span></span></summary><div class="dissection"><p>${esc(f.from)} → ${esc(to)}, on ${esc(f.iface)}</p><pre>${esc(f.show)}</pre><pre class="hex">${esc(f.hex)}</pre></div></details>`;
  };
  const windows = l.windows
    .map((w) => {
      const rows = w.frames.map(frame);
      if (w.omitted) rows.splice(w.omittedAt, 0, `<div class="omitted">… ${w.omitted} frame(s) of this step left out (the first and last ${w.omittedAt} are shown; the pcaps hold them all) …</div>`);
      return `<section class="window ${w.status}" data-window="${esc(w.name)}"><h4>${esc(w.name)}${w.status === "none" ? "" : ` <span class="badge ${w.status}">${w.status}</span>`} <span class="n">${w.frames.length + w.omitted} frame(s)</span></h4>${rows.join("") || `<div class="omitted">no frames</div>`}</section>`;
    })
    .join("");
  return `<details class="ladder-box" open><summary>packet ladder: ${l.total} frame(s), in the kernel's time order</summary><div class="ladder" style="--columns:${n}"><div class="heads">${head}</div><div class="body">${lifelines}${windows}</div></div></details>`;
}

/** Writes the page next to the reports (by rename: a reader never sees half a page); returns its path. */
export function writeHtml(path: string, results: readonly PageScenario[]): string {
  writeFileAtomically(path, buildHtml(results, path));
  return path;
}
