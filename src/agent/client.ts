import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { packageRoot } from "../util/paths.js";
import type { AgentEvent, AgentMessage } from "./protocol.js";

const agentScript = join(packageRoot, "dist", "agent", "main.js");

export class AgentError extends Error {
  override name = "AgentError";
}

/** The controller's handle on one host's agent. Events: "event" (AgentEvent), "exit" (code, stderr). */
export class AgentClient extends EventEmitter {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stderr = "";
  private exited = false;

  private constructor(
    readonly host: string,
    private readonly child: ChildProcess,
  ) {
    super();
  }

  /** Starts the agent inside a namespace and waits until it says it is ready. */
  static start(host: string, netns: string, env: { dir: string; work: string }, timeoutMs = 10_000): Promise<AgentClient> {
    // "wirecheck-agent" in the command line lets people (and the sweep) see what the process is.
    const child = spawn("ip", ["netns", "exec", netns, process.execPath, agentScript, "wirecheck-agent", host], {
      stdio: ["pipe", "pipe", "pipe"],
      cwd: env.dir,
      // Every command the agent runs sees them: the work folder, and the host's setup files.
      env: { ...process.env, WIRECHECK_DIR: env.dir, WIRECHECK_WORK: env.work, WIRECHECK_FILES: join(env.work, "files", host) },
    });
    const agent = new AgentClient(host, child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new AgentError(`the agent of ${host} did not start within ${timeoutMs} ms`));
      }, timeoutMs);
      agent.once("ready", () => (clearTimeout(timer), resolve(agent)));
      agent.once("exit", (code: number | null) => {
        clearTimeout(timer);
        reject(new AgentError(`the agent of ${host} exited at start (${code}): ${agent.stderr.trim()}`));
      });
      agent.listen();
    });
  }

  private listen(): void {
    createInterface({ input: this.child.stdout! }).on("line", (line) => {
      let m: AgentMessage;
      try {
        m = JSON.parse(line) as AgentMessage;
      } catch {
        return;
      }
      if ("event" in m) {
        if (m.event === "log" && m.message === "ready") this.emit("ready");
        else this.emit("event", m as AgentEvent);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new AgentError(m.error));
    });
    this.child.stderr!.on("data", (d) => (this.stderr = (this.stderr + d).slice(-20_000)));
    this.child.stdin!.on("error", () => undefined);
    this.child.on("exit", (code) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new AgentError(`the agent of ${this.host} exited (${code}): ${this.stderr.trim()}`));
      this.pending.clear();
      this.emit("exit", code, this.stderr);
    });
  }

  /** Sends one request; rejects on the agent's error, on its exit, or after timeoutMs. */
  request<T = unknown>(op: string, args: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.exited) return Promise.reject(new AgentError(`the agent of ${this.host} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AgentError(`the agent of ${this.host} did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.child.stdin!.write(JSON.stringify({ id, op, args }) + "\n");
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks the agent to stop its servers and exit; kills it if it does not within graceMs. */
  async stop(graceMs = 2000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.once("exit", () => r()));
    this.request("shutdown", null, graceMs).catch(() => undefined);
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await gone;
    clearTimeout(timer);
  }
}
