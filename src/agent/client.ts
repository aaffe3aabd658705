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

  private constructor(private readonly child: ChildProcess) {
    super();
  }

  /** Sends the agent into a lab host's namespace, with the scenario's folders; it is that host's until `leave`. */
  async enter(host: string, netns: string, env: { dir: string; work: string }): Promise<void> {
    await this.request("enter", { host, netns, dir: env.dir, work: env.work, files: join(env.work, "files", host) }, 10_000);
    this.host = host;
  }

  /** Stops all the host has (servers, sessions, captures, commands) and parks the agent again. */
  async leave(timeoutMs = 2000): Promise<void> {
    await this.request("leave", null, timeoutMs);
    this.host = undefined;
    this.removeAllListeners("event");
  }

  private get who(): string {
    return this.host ? `the agent of ${this.host}` : "a parked agent";
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** The host this agent serves now (undefined while parked). */
  host: string | undefined;

  /**
   * Starts an agent parked in the given namespace (one that holds nothing but loopback) and waits until it says it
   * is ready; `enter` sends it into a lab host.
   */
  static start(park: string, timeoutMs = 10_000): Promise<AgentClient> {
    // "wirecheck-agent" in the command line lets people (and the sweep) see what the process is.
    const child = spawn("ip", ["netns", "exec", park, process.execPath, agentScript, "wirecheck-agent", park], { stdio: ["pipe", "pipe", "pipe"] });
    const agent = new AgentClient(child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new AgentError(`an agent did not start within ${timeoutMs} ms`));
      }, timeoutMs);
      agent.once("ready", () => (clearTimeout(timer), resolve(agent)));
      agent.once("exit", (code: number | null) => {
        clearTimeout(timer);
        reject(new AgentError(`an agent exited at start (${code}): ${agent.stderr.trim()}`));
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
      for (const p of this.pending.values()) p.reject(new AgentError(`${this.who} exited (${code}): ${this.stderr.trim()}`));
      this.pending.clear();
      this.emit("exit", code, this.stderr);
    });
  }

  /** Sends one request; rejects on the agent's error, on its exit, or after timeoutMs. */
  request<T = unknown>(op: string, args: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.exited) return Promise.reject(new AgentError(`${this.who} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AgentError(`${this.who} did not answer ${op} within ${timeoutMs} ms`));
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
