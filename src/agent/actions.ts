import { serverLog, startServer, stopServers } from "../servers/manager.js";
import { execStep, killCommands } from "../steps/exec/agent.js";
import { fileStep } from "../steps/file/agent.js";
import { httpStep } from "../steps/http/agent.js";
import { closeSessions, tcpStep } from "../steps/tcp/agent.js";
import { udpStep } from "../steps/udp/agent.js";
import type { AgentAction } from "./protocol.js";

// The wire actions (libpcap, the packet model) are loaded once the agent has said it is ready, while the lab is still
// being wired: every scenario captures its hosts' traffic, and the load then costs no time of its own.
let wire: Promise<typeof import("../wire/agent-actions.js")> | undefined;
export function preloadWire(): void {
  wire ??= import("../wire/agent-actions.js");
  wire.catch(() => undefined);
}
const wireAction =
  (name: string): AgentAction =>
  async (args, ctx) => {
    preloadWire();
    return (await wire!).wireActions[name](args, ctx);
  };

/** Every operation an agent performs, by name: one line per step kind or server operation. */
export const actions: Record<string, AgentAction> = {
  "server.start": startServer,
  "server.log": serverLog,
  "server.stopAll": stopServers,
  "tcp": tcpStep,
  "udp": udpStep,
  "http": httpStep,
  "exec": execStep,
  "file": fileStep,
  ...Object.fromEntries(["wire.open", "wire.save", "wire.sr", "wire.send", "wire.sniffStart", "wire.sniffStop", "wire.sniffPeek"].map((n) => [n, wireAction(n)])),
};

export async function shutdownAll(): Promise<void> {
  await killCommands();
  if (wire) (await wire.catch(() => undefined))?.closeWire();
  await closeSessions();
  await stopServers();
}

/** Stops everything, as shutdownAll, and forgets the host: its routes, MACs and neighbours (the next host is another). */
export async function resetAll(): Promise<void> {
  await shutdownAll();
  if (wire) (await wire.catch(() => undefined))?.forgetHost();
}
