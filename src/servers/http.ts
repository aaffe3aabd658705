import { createServer } from "node:http";
import type { HttpServer } from "../scenario/model.js";
import { listenDualStack } from "./listen.js";
import { ServerLog, type RunningServer } from "./log.js";

/** The built-in HTTP/1.1 server: the routes given, 404 for anything else. */
export async function startHttpServer(spec: HttpServer): Promise<RunningServer> {
  const log = new ServerLog();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const route = spec.routes?.[path];
    const status = route ? (route.status ?? 200) : 404;
    log.add(`${req.socket.remoteAddress} ${req.method} ${req.url} → ${status}`);
    req.resume();
    const headers = Object.fromEntries(Object.entries(route?.headers ?? {}).map(([k, v]) => [k, String(v)]));
    res.writeHead(status, headers);
    res.end(route ? (route.body ?? "") : "not found\n");
  });
  await listenDualStack(server, spec.port);
  return {
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
