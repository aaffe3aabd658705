import { serverLog, startServer, stopServers } from "../servers/manager.js";
import { execStep, killCommands } from "../steps/exec/agent.js";
import { fileStep } from "../steps/file/agent.js";
import { httpStep } from "../steps/http/agent.js";
import { closeSessions, tcpStep } from "../steps/tcp/agent.js";
import { udpStep } from "../steps/udp/agent.js";
import type { AgentAction } from "./protocol.js";

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
};

export async function shutdownAll(): Promise<void> {
  await killCommands();
  await closeSessions();
  await stopServers();
}
