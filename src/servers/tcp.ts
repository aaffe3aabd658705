import { createWriteStream } from "node:fs";
import { createServer, type Socket } from "node:net";
import type { TcpServer } from "../scenario/model.js";
import { quoted } from "../util/text.js";
import { openInWork } from "../util/work-path.js";
import { listenDualStack } from "./listen.js";
import { ServerLog, type RunningServer } from "./log.js";
import { answer } from "./rules.js";

/** The built-in TCP server: echo, answer rules, chat relay, or save everything received to a file. */
export async function startTcpServer(spec: TcpServer, work: string): Promise<RunningServer> {
  const log = new ServerLog();
  const clients = new Set<Socket>();
  const server = createServer((sock) => {
    const peer = `${sock.remoteAddress}:${sock.remotePort}`;
    clients.add(sock);
    log.add(`connection from ${peer}`);
    sock.on("close", () => (clients.delete(sock), log.add(`${peer} closed`)));
    sock.on("error", (e) => log.add(`${peer}: ${e.message}`));
    if (spec.save_to !== undefined) {
      let file;
      try {
        file = createWriteStream("", { fd: openInWork(work, spec.save_to) });
      } catch (e) {
        log.add(`${peer}: cannot save to ${spec.save_to}: ${(e as Error).message}`);
        return void sock.destroy();
      }
      let bytes = 0;
      sock.on("data", (d) => (bytes += d.length));
      sock.pipe(file);
      // Close our side only once the file is on disk, so a client that waits for the close can check the file.
      file.on("finish", () => (log.add(`${peer}: saved ${bytes} bytes to ${spec.save_to}`), sock.end()));
      return;
    }
    sock.on("data", (data) => {
      log.add(`${peer} sent ${quoted(data, 120)}`);
      if (spec.echo) return void sock.write(data);
      if (spec.chat) {
        for (const other of clients) if (other !== sock && !other.destroyed) other.write(data);
        return;
      }
      const a = answer(spec.rules ?? [], data);
      if (!a) return;
      if (a.reply) sock.write(a.reply);
      if (a.close) sock.end();
    });
    sock.on("end", () => sock.end());
  });
  await listenDualStack(server, spec.port);
  return {
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.destroy();
        server.close(() => resolve());
      }),
  };
}
