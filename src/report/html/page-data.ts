import { readFileSync } from "node:fs";
import { writeFileAtomically } from "../../util/atomic-write.js";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Plan } from "../../scenario/model.js";
import type { ScenarioResult, Status, StepResult } from "../../run/events.js";
import { reportPath } from "../report-root.js";

/**
 * What the page needs of a scenario's result, and no more: it is also saved beside the page (`index.json`), so
 * `wirecheck merge` can draw one page from the shards' reports.
 */
export interface PageScenario {
  plan: Pick<Plan, "name" | "classname" | "implicitLab" | "hosts" | "segments" | "tunnels"> & { /** As reports show it. */ file: string };
  status: Status;
  timeMs: number;
  steps: StepResult[];
  setupError?: ScenarioResult["setupError"];
  notes: string[];
  /** Its place in the whole selection (the same on every shard): a merged page keeps a single run's order. */
  order?: number;
}

export function pageScenarios(results: readonly ScenarioResult[], order?: ReadonlyMap<string, number>): PageScenario[] {
  return results.map((r) => ({
    plan: { name: r.plan.name, classname: r.plan.classname, file: reportPath(r.plan.file), implicitLab: r.plan.implicitLab, hosts: r.plan.hosts, segments: r.plan.segments, tunnels: r.plan.tunnels },
    status: r.status,
    timeMs: r.timeMs,
    steps: r.steps,
    setupError: r.setupError,
    notes: r.notes,
    order: order?.get(r.plan.classname),
  }));
}

/** Saved with the pcaps' paths relative to the file, so the folder can move (a CI artifact downloaded elsewhere). */
export function writePageData(path: string, scenarios: readonly PageScenario[]): void {
  const here = dirname(resolve(path));
  const rel = (f: string) => relative(here, resolve(f)).split("\\").join("/");
  const data = scenarios.map((s) => ({ ...s, steps: s.steps.map((st) => ({ ...st, attachments: st.attachments?.map(rel) })) }));
  writeFileAtomically(path, JSON.stringify({ wirecheck: 1, scenarios: data }));
}

export function readPageData(path: string): PageScenario[] {
  const here = dirname(resolve(path));
  const data = JSON.parse(readFileSync(path, "utf8")) as { wirecheck?: number; scenarios?: PageScenario[] };
  if (data.wirecheck !== 1 || !Array.isArray(data.scenarios)) throw new Error(`${path}: not a page's data written by wirecheck run`);
  return data.scenarios.map((s) => ({ ...s, steps: s.steps.map((st) => ({ ...st, attachments: st.attachments?.map((f) => (isAbsolute(f) ? f : resolve(here, f))) })) }));
}
