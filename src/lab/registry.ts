import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
export function registerRun(runId: string): void {
  mkdirSync(runsDir, { recursive: true });
  writeFileSync(join(runsDir, runId), JSON.stringify({ pid: process.pid, start: startTime(process.pid) }));
}

export function unregisterRun(runId: string): void {
  rmSync(join(runsDir, runId), { force: true });
}

export function isRunAlive(runId: string): boolean {
  try {
    const { pid, start } = JSON.parse(readFileSync(join(runsDir, runId), "utf8")) as { pid: number; start?: string };
    return start !== undefined && startTime(pid) === start;
  } catch {
    return false;
  }
}

export function registeredRuns(): string[] {
  try {
    return readdirSync(runsDir);
  } catch {
    return [];
  }
}
