import { isIP } from "node:net";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { mappedIPv4, parseEndpoint, type Cidr, type Endpoint } from "../util/ip.js";
import { insideLab, scopeText } from "./lab-scope.js";
import type { PlanHost } from "./model.js";
import { implicitHost } from "./plan-lab.js";

// Where a client step goes (an http URL, a tcp/udp host:port, a ping's host), resolved to an address of the lab.
// The same rules run at load and, for a destination that holds a saved value, again once the value is filled in:
// what load refuses, a run refuses too.

export interface Reach {
  hosts: readonly PlanHost[];
  labNets: readonly Cidr[];
  /** The scenario has no lab: "local" and "localhost" are loopback. */
  implicitLab: boolean;
}

export type Reached<T> = { ok: T } | { problem: string };

/** A host name or address → the address it stands for, inside the lab. */
export function reachHost(name: string, r: Reach): Reached<string> {
  const host = r.hosts.find((h) => h.name === name);
  if (host) return { ok: (host.addrs.find((a) => a.family === 4) ?? host.addrs[0])?.ip ?? "127.0.0.1" };
  if (r.implicitLab && (name === "localhost" || name === implicitHost)) return { ok: "127.0.0.1" };
  const v4 = mappedIPv4(name);
  if (v4) return { problem: `\`${name}\` is an IPv4-mapped IPv6 address: only tcp and udp steps take one (an IPv6 socket reaching ${v4}); here write ${v4}` };
  if (isIP(name)) return insideLab(name, r.labNets) ? { ok: name } : { problem: `\`${name}\` is outside the lab: wirecheck only sends to ${scopeText(r.labNets)}` };
  const names = r.hosts.map((h) => h.name);
  const hint = didYouMean(name, names);
  return { problem: `\`${name}\` is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(names)}` };
}

/**
 * host:port → the lab address and port. An IPv4-mapped IPv6 address (::ffff:198.18.0.2, tcp and udp only) stays as
 * written: the step opens an IPv6 socket, and IPv4 goes on the wire to the address inside it.
 */
export function reachEndpoint(text: string, r: Reach): Reached<Endpoint> {
  const ep = parseEndpoint(text);
  if (typeof ep === "string") return { problem: ep };
  const v4 = mappedIPv4(ep.host);
  if (v4) {
    const inside = reachHost(v4, r);
    return "ok" in inside ? { ok: ep } : { problem: `\`${ep.host}\` maps ${v4}, ${inside.problem.replace(/^`[^`]*` /, "which ")}` };
  }
  const ip = reachHost(ep.host, r);
  return "ok" in ip ? { ok: { host: ip.ok, port: ep.port } } : ip;
}

/** An http:// URL with its host replaced by the lab address it stands for. */
export function reachUrl(text: string, r: Reach): Reached<string> {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { problem: `\`${text}\` is not a URL: write it like http://server/path or http://server:8080/` };
  }
  if (u.protocol !== "http:") return { problem: `\`${u.protocol}\` URLs are not supported: use http://` };
  const ip = reachHost(u.hostname.replace(/^\[|\]$/g, ""), r);
  if (!("ok" in ip)) return ip;
  u.hostname = isIP(ip.ok) === 6 ? `[${ip.ok}]` : ip.ok;
  return { ok: u.toString() };
}

/**
 * The host part of a destination written with ${…} (each masked as \0), when it is literal and can be checked at
 * load; undefined when a saved value stands in it, or the shape is only known once the values are in.
 */
export function literalHost(masked: string, kind: "url" | "endpoint" | "to"): { host?: string; scheme?: string } {
  if (kind === "to") return masked.includes("\0") ? {} : { host: masked };
  if (kind === "endpoint") {
    const m = /^\[([^\]]*)\]:/.exec(masked) ?? /^([^:[\]]*):[^:]*$/.exec(masked);
    return m && !m[1].includes("\0") ? { host: m[1] } : {};
  }
  const m = /^([^:/?#]*):\/\/(\[[^\]]*\]|[^/?#:]*)/.exec(masked);
  if (!m) return {};
  const scheme = m[1].includes("\0") ? undefined : m[1];
  const host = m[2].includes("\0") ? undefined : m[2].replace(/^\[|\]$/g, "");
  return { scheme, host };
}
