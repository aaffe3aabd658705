import { closeSync, fchmodSync, mkdirSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { AgentClient } from "../agent/client.js";
import type { Plan, PlanSetupItem } from "../scenario/model.js";
import type { ExecStepArgs, ExecStepResult } from "../steps/exec/agent.js";
import { printable } from "../util/text.js";
import { openInWork } from "../util/work-path.js";

/** A setup item that failed: the scenario's setup error, at the item's own line, with its output. */
export class SetupFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly output: string,
  ) {
    super(message);
  }
}

/** The folder a host's setup files are written to, and every command on the host sees as $WIRECHECK_FILES. */
export function filesDir(work: string, host: string): string {
  return join(work, "files", host);
}

/** Runs the setup items in order; returns what each did (its output), or throws SetupFailure at the first that fails. */
export async function runSetup(plan: Plan, work: string, agent: (host: string) => AgentClient): Promise<string> {
  const log: string[] = [];
  for (const h of new Set(plan.setup.map((i) => i.host))) mkdirSync(filesDir(work, h), { recursive: true });
  for (const item of plan.setup) {
    const done = await runItem(item, work, agent(item.host));
    log.push(`[${item.host}] ${item.label}${done.output ? `\n${done.output}` : ""}`);
    if (done.problem) throw new SetupFailure(`setup of ${item.host} failed at line ${item.line}: ${item.label.split("\n")[0]}: ${done.problem}`, item.line, log.join("\n"));
  }
  return log.join("\n");
}

async function runItem(item: PlanSetupItem, work: string, agent: AgentClient): Promise<{ problem?: string; output?: string }> {
  if (item.file) {
    try {
      const fd = openInWork(work, join("files", item.host, item.file.name));
      try {
        writeSync(fd, item.file.text);
        fchmodSync(fd, item.file.mode);
      } finally {
        closeSync(fd);
      }
      return { output: `(${Buffer.byteLength(item.file.text)} bytes)` };
    } catch (e) {
      return { problem: `cannot write it: ${(e as Error).message}` };
    }
  }
  const command = item.run ? item.run.command : `sysctl -w ${Object.entries(item.sysctl!).map(([k, v]) => `'${k}=${v.replace(/'/g, `'\\''`)}'`).join(" ")}`;
  const timeoutMs = item.run?.timeoutMs ?? 10_000;
  const args: ExecStepArgs = { run: command, timeoutMs, cwd: filesDir(work, item.host) };
  const r = await agent.request<ExecStepResult>("exec", args, timeoutMs + 5000);
  const output = [r.stdout && `--- stdout ---\n${printable(r.stdout).trimEnd()}`, r.stderr && `--- stderr ---\n${printable(r.stderr).trimEnd()}`].filter(Boolean).join("\n");
  if (r.timedOut) return { problem: `it did not finish within ${timeoutMs} ms`, output };
  if (r.exit !== 0) return { problem: `it exited with ${r.signal ?? `status ${r.exit}`}${r.stderr.trim() ? `: ${printable(r.stderr.trim().split("\n").pop()!)}` : ""}`, output };
  return { output };
}
