import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

/** Every name a run creates starts with this prefix and its run id, so a later sweep can tell whose it is. */
export const prefix = "wc-";
const runsDir = "/run/wirecheck";

export function newRunId(): string {
  return randomBytes(4).toString("hex").slice(0, 6);
}

/** The start time of a process in clock ticks since boot: with the pid, it identifies a process across pid reuse. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Marks a run as alive: the sweep leaves its names alone while this process lives. */
const ownRuns = new Set<string>();

export function registerRun(runId: string): void {
  mkdirSync(runsDir, { recursive: true });
  // Written aside and renamed into place: a sweep never reads a half-written record.
  const tmp = join(runsDir, `.${runId}.${process.pid}`);
  writeFileSync(tmp, JSON.stringify({ pid: process.pid, start: startTime(process.pid) }));
  renameSync(tmp, join(runsDir, runId));
  ownRuns.add(runId);
}

/** Drops this process's run records, so a last-resort sweep (a second Ctrl-C) removes its own lab too. */
export function forgetOwnRuns(): void {
  for (const r of ownRuns) unregisterRun(r);
}

export function unregisterRun(runId: string): void {
  rmSync(join(runsDir, runId), { force: true });
  ownRuns.delete(runId);
}

export function isRunAlive(runId: string): boolean {
  const file = join(runsDir, runId);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return false; // no record: the run is gone
  }
  try {
    const { pid, start } = JSON.parse(text) as { pid: number; start?: string };
    return start !== undefined && startTime(pid) === start;
  } catch {
    // A record that cannot be read is given the benefit of the doubt while it is young.
    try {
      return Date.now() - statSync(file).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
}

export function registeredRuns(): string[] {
  try {
    return readdirSync(runsDir).filter((f) => !f.startsWith("."));
  } catch {
    return [];
  }
}
