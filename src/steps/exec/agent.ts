import { spawn } from "node:child_process";
import { hostShell } from "../../agent/placement.js";
import type { AgentContext } from "../../agent/protocol.js";

export interface ExecStepArgs {
  run: string;
  env?: Record<string, string>;
  timeoutMs: number;
  /** Where it runs (default: the scenario's folder); setup commands run in their host's files folder. */
  cwd?: string;
}

export interface ExecStepResult {
  exit: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  elapsedMs: number;
}

const maxOutput = 1 << 20;

/** Commands still running, so that a stopping agent takes them down with it. */
const running = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* gone */
  }
}

export async function killCommands(): Promise<void> {
  for (const pid of running) killGroup(pid);
  running.clear();
}

/** Runs a command inside the host, in its own process group so a timeout kills all of it. */
export function execStep(a: ExecStepArgs, ctx: AgentContext): Promise<ExecStepResult> {
  const start = Date.now();
  return new Promise((resolve) => {
    const [cmd, args] = hostShell(a.run);
    const child = spawn(cmd, args, {
      cwd: a.cwd ?? ctx.dir,
      env: { ...process.env, ...a.env, WIRECHECK_WORK: ctx.work },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid) running.add(child.pid);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (stdout = (stdout + d).slice(-maxOutput)));
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-maxOutput)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid!);
    }, a.timeoutMs);
    child.on("error", (e) => (clearTimeout(timer), resolve({ exit: null, signal: null, stdout, stderr: `${stderr}${e.message}`, timedOut, elapsedMs: Date.now() - start })));
    child.on("close", (exit, signal) => (clearTimeout(timer), running.delete(child.pid!), resolve({ exit, signal, stdout, stderr, timedOut, elapsedMs: Date.now() - start })));
  });
}
