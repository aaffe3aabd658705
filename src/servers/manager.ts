import type { AgentContext } from "../agent/protocol.js";
import type { CommandServer, HttpServer, TcpServer, UdpServer } from "../scenario/model.js";
import { startCommandServer } from "./command.js";
import { startHttpServer } from "./http.js";
import type { RunningServer } from "./log.js";
import { startTcpServer } from "./tcp.js";
import { startUdpServer } from "./udp.js";

/** The servers running on this agent's host, by name. */
const running = new Map<string, RunningServer>();

export interface StartArgs {
  name: string;
  kind: "tcp" | "udp" | "http" | "command";
  spec: unknown;
}

export async function startServer(args: StartArgs, ctx: AgentContext): Promise<{ ok: true }> {
  let server: RunningServer;
  switch (args.kind) {
    case "tcp":
      server = await startTcpServer(args.spec as TcpServer, ctx.work);
      break;
    case "udp":
      server = await startUdpServer(args.spec as UdpServer);
      break;
    case "http":
      server = await startHttpServer(args.spec as HttpServer);
      break;
    case "command":
      server = await startCommandServer(args.spec as CommandServer, {
        dir: ctx.dir,
        work: ctx.work,
        onExit: (code, signal) => ctx.emit({ event: "server-exit", server: args.name, code, signal, output: server.log.toString() }),
      });
      break;
  }
  running.set(args.name, server);
  return { ok: true };
}

export function serverLog(args: { name: string }): Promise<string> {
  return Promise.resolve(running.get(args.name)?.log.toString() ?? "");
}

export async function stopServers(): Promise<Record<string, string>> {
  const logs: Record<string, string> = {};
  await Promise.all(
    [...running].map(async ([name, s]) => {
      await s.stop();
      logs[name] = s.log.toString();
    }),
  );
  running.clear();
  return logs;
}
