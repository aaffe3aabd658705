import { createSocket, type Socket } from "node:dgram";
import type { UdpServer } from "../scenario/model.js";
import { quoted } from "../util/text.js";
import { ServerLog, type RunningServer } from "./log.js";
import { answer } from "./rules.js";

/** The built-in UDP server: echo or answer rules, one reply per datagram. */
export async function startUdpServer(spec: UdpServer): Promise<RunningServer> {
  const log = new ServerLog();
  const sock = await bind(spec.port);
  sock.on("message", (msg, from) => {
    log.add(`${from.address}:${from.port} sent ${quoted(msg, 120)}`);
    const reply = spec.echo ? msg : answer(spec.rules ?? [], msg)?.reply;
    if (reply) sock.send(reply, from.port, from.address);
  });
  sock.on("error", (e) => log.add(`error: ${e.message}`));
  return { log, stop: () => new Promise<void>((r) => sock.close(() => r())) };
}

function bind(port: number): Promise<Socket> {
  const attempt = (type: "udp6" | "udp4") =>
    new Promise<Socket>((resolve, reject) => {
      const s = createSocket({ type, ipv6Only: false, reuseAddr: false });
      s.once("error", (e) => (s.close(), reject(e)));
      s.bind(port, type === "udp6" ? "::" : "0.0.0.0", () => resolve(s));
    });
  return attempt("udp6").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") throw new Error(`UDP port ${port} is already in use on this host`);
    return attempt("udp4");
  });
}
