// Where a pooled agent serves: the lab host it has entered, or none (parked). An agent starts parked, in a namespace of
// the run's that holds nothing but loopback, enters one host's namespace for a scenario and goes back when it ends, so
// one Node process (and its start-up) serves scenario after scenario.
import { statSync } from "node:fs";
import { native } from "../wire/native.js";
import type { AgentContext } from "./protocol.js";

export interface Placement {
  host: string;
  netns: string;
}

export interface EnterArgs extends Placement {
  dir: string;
  work: string;
  files: string;
}

let current: Placement | undefined;

export function placement(): Placement | undefined {
  return current;
}

/**
 * Moves this agent into a host's namespace, or exits the process: an agent that is not where it was sent must not
 * touch any network. The kernel's answer (the inode of the namespace joined) is checked against the one asked for.
 */
function move(netns: string): void {
  const path = `/run/netns/${netns}`;
  const want = statSync(path).ino;
  let got: number;
  try {
    got = native().netnsEnter(path);
  } catch (e) {
    process.stderr.write(`wirecheck agent: could not enter ${netns}: ${(e as Error).message}\n`);
    process.exit(70);
  }
  if (got !== want) {
    process.stderr.write(`wirecheck agent: asked to enter ${netns} (inode ${want}) but is in inode ${got}\n`);
    process.exit(70);
  }
}

export function enter(a: EnterArgs, ctx: AgentContext): { inode: number } {
  if (current) throw new Error(`this agent already serves ${current.host}`);
  move(a.netns);
  current = { host: a.host, netns: a.netns };
  ctx.dir = a.dir;
  ctx.work = a.work;
  // Every command the agent runs sees them: the work folder, and the host's setup files.
  Object.assign(process.env, { WIRECHECK_DIR: a.dir, WIRECHECK_WORK: a.work, WIRECHECK_FILES: a.files });
  process.chdir(a.dir);
  // What people (and the tests) see in ps: whose agent this is now.
  process.title = `wirecheck-agent ${a.host}`;
  return { inode: statSync(`/run/netns/${a.netns}`).ino };
}

/** Back to the parking namespace; the caller has stopped everything the host had. */
export function leave(park: string): void {
  move(park);
  current = undefined;
  process.title = "wirecheck-agent (parked)";
}

/**
 * A shell command as the host runs it: through `ip netns exec`, which gives the command the host's view of /sys
 * (the agent's own mount of /sys shows the parking namespace, since only its thread moved).
 */
export function hostShell(run: string): [string, string[]] {
  if (!current) throw new Error("this agent serves no host yet");
  return ["ip", ["netns", "exec", current.netns, "sh", "-c", run]];
}
