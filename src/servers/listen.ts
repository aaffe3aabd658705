import type { Server } from "node:net";

/** Listens on every address of the host, IPv6 and IPv4 alike (IPv4 alone where the host has no IPv6). */
export function listenDualStack(server: Pick<Server, "listen" | "once" | "off">, port: number): Promise<void> {
  const attempt = (host: string) =>
    new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      server.once("error", onError);
      server.listen({ port, host, ipv6Only: false }, () => {
        server.off("error", onError);
        resolve();
      });
    });
  return attempt("::").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") throw new Error(`port ${port} is already in use on this host`);
    return attempt("0.0.0.0");
  });
}
