import { spawn } from "node:child_process";

export class LabError extends Error {
  override name = "LabError";
}

/** Runs a command with a time limit; resolves with its output, rejects with a LabError that quotes stderr. */
export function runCommand(cmd: string, args: string[], input?: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (err += d));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new LabError(`cannot run ${cmd}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? `${cmd} is not installed (apt-get install iproute2)` : e.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new LabError(`${cmd} ${args.join(" ")} failed (${signal ?? `exit ${code}`}): ${err.trim() || out.trim()}${input ? `\ninput:\n${input}` : ""}`));
    });
    if (input !== undefined) {
      child.stdin!.on("error", () => undefined); // a command that exits early reports through its status
      child.stdin!.end(input);
    }
  });
}

/** Runs many ip(8) commands in one process: `ip [-n ns] -batch -`. */
export function ipBatch(lines: string[], netns?: string): Promise<string> {
  if (lines.length === 0) return Promise.resolve("");
  return runCommand("ip", [...(netns ? ["-n", netns] : []), "-batch", "-"], lines.join("\n") + "\n");
}
