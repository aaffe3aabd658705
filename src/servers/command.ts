import { spawn } from "node:child_process";
import { hostShell } from "../agent/placement.js";
import type { CommandServer } from "../scenario/model.js";
import { durationMs } from "../util/duration.js";
import { isListening } from "./listening.js";
import { ServerLog, type RunningServer } from "./log.js";

export interface CommandServerOptions {
  dir: string;
  work: string;
  onExit(code: number | null, signal: string | null): void;
}

/**
 * Any program as the server under test: run with sh -c in the scenario's folder, in its own process group so that
 * stopping it stops its children too. Resolves once it is ready (port, log line or delay); rejects, with its output,
 * if it exits or times out first.
 */
export function startCommandServer(spec: CommandServer, opts: CommandServerOptions): Promise<RunningServer> {
  const log = new ServerLog();
  const env = { ...process.env, ...Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, String(v)])), WIRECHECK_WORK: opts.work };
  const [cmd, args] = hostShell(spec.run);
  const child = spawn(cmd, args, { cwd: opts.dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let exited = false;
  let ready = false;
  let started = false; // ready and handed to the caller: only then is an exit news
  let stopping = false;
  const readyLog = spec.ready?.log !== undefined ? new RegExp(spec.ready.log) : undefined;
  let pendingLine = "";
  const onOutput = (d: Buffer) => {
    log.raw(d);
    if (!readyLog) return;
    pendingLine += d.toString("utf8");
    const lines = pendingLine.split("\n");
    pendingLine = lines.pop() ?? "";
    if (lines.some((l) => readyLog.test(l)) || readyLog.test(pendingLine)) markReady();
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);

  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (exited) return resolve();
      child.once("exit", () => resolve());
      killGroup("SIGTERM");
      setTimeout(() => (killGroup("SIGKILL"), resolve()), 1500).unref();
    });
  const running: RunningServer = { log, stop };

  let markReady: () => void = () => undefined;
  return new Promise<RunningServer>((resolve, reject) => {
    const timeoutMs = durationMs(spec.ready?.timeout, 10_000);
    const timers: NodeJS.Timeout[] = [];
    const done = (err?: Error) => {
      if (ready) return;
      ready = true;
      timers.forEach(clearTimeout);
      if (err) {
        // The program's own words are usually the diagnosis: keep them with the error.
        const output = log.toString().trim();
        if (output) err.message += `\n--- output of \`${spec.run}\` ---\n${output}`;
        return void stop().then(() => reject(err));
      }
      started = true;
      resolve(running);
    };
    markReady = () => done();
    child.on("error", (e) => done(new Error(`cannot start \`${spec.run}\`: ${e.message}`)));
    child.on("exit", (code, signal) => {
      exited = true;
      log.add(`[exited: ${signal ?? `status ${code}`}]`);
      if (!ready) done(new Error(`\`${spec.run}\` exited (${signal ?? `status ${code}`}) before it was ready`));
      else if (started && !stopping) opts.onExit(code, signal);
    });
    timers.push(setTimeout(() => done(new Error(`\`${spec.run}\` was not ready within ${timeoutMs} ms (${describeReady(spec)})`)), timeoutMs));
    const r = spec.ready;
    if (r?.port !== undefined) {
      const poll = () => {
        if (isListening(r.port!, r.protocol ?? "tcp")) return done();
        timers.push(setTimeout(poll, 15));
      };
      poll();
    } else if (r?.delay !== undefined) timers.push(setTimeout(() => done(), durationMs(r.delay, 0)));
    else if (!readyLog) timers.push(setTimeout(() => done(), 50));
  });
}

function describeReady(spec: CommandServer): string {
  const r = spec.ready;
  if (r?.port !== undefined) return `waiting for ${r.protocol ?? "tcp"} port ${r.port} to listen`;
  if (r?.log !== undefined) return `waiting for a line matching /${r.log}/`;
  return "waiting";
}
