// The run's agents. Starting Node is most of what a small scenario costs (a tenth of a second of CPU per host), so an
// agent is not started per host and scenario: it waits parked in a namespace of the run's own (loopback only), is
// sent into a host for one scenario (agent/placement.ts) and comes back to wait for the next. Each scenario still
// gets fresh namespaces; only the process is reused, and it forgets everything of the host it served.
import { ipBatch } from "../lab/command.js";
import { removeNetns } from "../lab/netns.js";
import { prefix } from "../lab/registry.js";
import { AgentClient } from "./client.js";

export class AgentPool {
  private readonly idle: AgentClient[] = [];
  private readonly all = new Set<AgentClient>();
  private parkReady?: Promise<void>;
  private closed = false;
  readonly park: string;

  constructor(runId: string) {
    this.park = `${prefix}${runId}.park`;
  }

  /** An agent inside the host's namespace: a parked one when there is one, else a new one. */
  async acquire(host: string, netns: string, env: { dir: string; work: string }): Promise<AgentClient> {
    if (this.closed) throw new Error("the run is over: no more agents");
    let agent = this.idle.pop();
    while (agent && !agent.alive) agent = this.idle.pop();
    agent ??= await this.startOne();
    try {
      await agent.enter(host, netns, env);
    } catch (e) {
      await this.discard(agent);
      throw e;
    }
    return agent;
  }

  /**
   * Parks the agent for the next scenario; one that does not come back in time is stopped (and replaced later), as
   * is one not to be kept (an interrupted run stops its agents rather than wait for them).
   */
  async release(agent: AgentClient, keep = true): Promise<void> {
    try {
      if (!keep || this.closed || !agent.alive) throw new Error("not kept");
      await agent.leave();
      this.idle.push(agent);
    } catch {
      await this.discard(agent);
    }
  }

  /** Stops every agent and removes the parking namespace. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((a) => a.stop()));
    this.all.clear();
    this.idle.length = 0;
    if (this.parkReady) await this.parkReady.then(() => removeNetns([this.park])).catch(() => undefined);
  }

  private async startOne(): Promise<AgentClient> {
    this.parkReady ??= ipBatch([`netns add ${this.park}`]).then(() => undefined);
    await this.parkReady;
    const agent = await AgentClient.start(this.park);
    this.all.add(agent);
    agent.once("exit", () => this.all.delete(agent));
    return agent;
  }

  private async discard(agent: AgentClient): Promise<void> {
    this.all.delete(agent);
    await agent.stop();
  }
}
