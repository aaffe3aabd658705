import { isIP } from "node:net";
import { PacketError, type Layer } from "../packet/index.js";
import { parsePacketSet, parsePackets } from "../packet/expr.js";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { inSubnet, isLabAddress, isLoopback, isMulticast, type Cidr } from "../util/ip.js";

/**
 * Replaces lab host names written as string values in a packet expression with their addresses, as DNS would:
 * IP(dst="server") → IP(dst="198.18.0.2"); inside an IPv6 layer the host's IPv6 address is used.
 */
export function resolvePacketHosts(expr: string, addressOf: (host: string, v6: boolean) => string | undefined): string {
  let out = "";
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if ((c === '"' || c === "'") && !/[bB]/.test(expr[i - 1] ?? "")) {
      const end = expr.indexOf(c, i + 1);
      if (end < 0) return out + expr.slice(i);
      const text = expr.slice(i + 1, end);
      const addr = addressOf(text, /6/.test(enclosingCall(expr, i)));
      out += c + (addr ?? text) + c;
      i = end;
    } else out += c;
  }
  return out;
}

/** The name of the call whose parentheses hold position i ("IPv6" in IPv6(dst="x")). */
function enclosingCall(expr: string, i: number): string {
  let depth = 0;
  for (let k = i - 1; k >= 0; k--) {
    if (expr[k] === ")") depth++;
    else if (expr[k] === "(") {
      if (depth === 0) return /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(expr.slice(0, k))?.[1] ?? "";
      depth--;
    }
  }
  return "";
}

/**
 * Checks a packet expression before anything runs: it must parse, and every destination must be inside the lab
 * (its subnets, loopback, IPv6 link-local, or link-local multicast/broadcast). Runtime vars (${seq}) stand as 0 for the check.
 */
export function checkPacketExpr(written: string, expr: string, labNets: Cidr[], hostNames: readonly string[] = []): { message: string; col: number } | undefined {
  // Syntax first, on the text as written (host names are just strings to the parser; ${var} keeps its width as
  // zeros), so a column points where the user looks.
  try {
    representatives(written.replace(/\$\{[^}]*\}/g, (m) => "0".repeat(m.length)));
  } catch (e) {
    if (e instanceof PacketError) return { message: `packet: ${e.message}`, col: e.col };
    throw e;
  }
  let packets;
  try {
    packets = representatives(expr.replace(/\$\{[^}]*\}/g, "0"));
  } catch (e) {
    if (e instanceof PacketError) return { message: `packet: ${e.message}`, col: 0 };
    throw e;
  }
  // A destination that is a saved value is checked when the step runs, once the value is known.
  const fromVars = new Set([...written.matchAll(/\b(dst|pdst)\s*=\s*["'][^"']*\$\{/g)].map((m) => m[1]));
  for (const p of packets) {
    for (const [layer, field] of [["IP", "dst"], ["IPv6", "dst"], ["ARP", "pdst"]] as const) {
      const dst = layerNamed(p, layer)?.get(field);
      if (typeof dst !== "string" || fromVars.has(field)) continue;
      if (!isIP(dst)) {
        const hint = didYouMean(dst, hostNames);
        const hosts = hostNames.length ? `: the hosts are ${listOf([...hostNames])}` : "";
        return { message: `packet: ${layer}.${field} "${dst}" is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}${hosts}`, col: 0 };
      }
      // Nothing leaves a lab namespace, whatever a multicast group's scope.
      const multicast = isMulticast(dst) || dst === "255.255.255.255";
      // IPv6 link-local addresses cannot leave the link a host is on.
      const linkLocal = /^fe[89ab][0-9a-f]:/i.test(dst);
      if (!(multicast || linkLocal || isLoopback(dst) || (isLabAddress(dst) && labNets.some((n) => inSubnet(dst, n)))))
        return { message: `packet: ${layer}.${field} ${dst} is outside the lab: packets go only to loopback and the lab's own subnets`, col: 0 };
    }
  }
  return undefined;
}

/**
 * The packets of an expression that a check needs to see: all of a small set; of a large one (a port scan's
 * 65,535), the first, and one per value of a varying destination, with every varying value parsed by its field
 * (building 65,535 packets to check them took seconds).
 */
function representatives(expr: string): Layer[] {
  const set = parsePacketSet(expr);
  if (set.count <= 1024) return parsePackets(expr);
  const chain = chainOf(set.first);
  const out = [set.first];
  for (const d of set.dims) {
    const layer = chain[d.call];
    const field = layer?.def.byName.get(d.name);
    for (const v of d.values) field?.parse(v);
    if (layer && (d.name === "dst" || d.name === "pdst")) for (const v of d.values) out.push(layer.with({ [d.name]: v }));
  }
  return out;
}

function layerNamed(top: Layer, name: string): Layer | undefined {
  for (let l: Layer | undefined = top; l; l = l.payload) if (l.name === name) return l;
  return undefined;
}

/**
 * The TCP flows of a packet expression that give their source port (crafted handshakes), as few as cover them: one
 * per source port and destination (the destination port only when it is the only one), and a port range where a set
 * varies the source port widely.
 */
export function tcpFlows(expr: string): { sport: string; dst: string; dport?: number }[] {
  let raw: { sport: number; dst: string; dport?: number }[];
  try {
    raw = rawFlows(expr.replace(/\$\{[^}]*\}/g, "0"));
  } catch {
    return [];
  }
  const byDst = new Map<string, Map<number, Set<number | undefined>>>();
  for (const f of raw) {
    const sports = byDst.get(f.dst) ?? byDst.set(f.dst, new Map()).get(f.dst)!;
    (sports.get(f.sport) ?? sports.set(f.sport, new Set()).get(f.sport)!).add(f.dport);
  }
  return [...byDst].flatMap(([dst, sports]) => {
    if (sports.size > 64) return [{ sport: `${Math.min(...sports.keys())}:${Math.max(...sports.keys())}`, dst }];
    return [...sports].map(([sport, dports]) => ({ sport: String(sport), dst, ...(dports.size === 1 && [...dports][0] !== undefined ? { dport: [...dports][0] } : {}) }));
  });
}

function rawFlows(expr: string): { sport: number; dst: string; dport?: number }[] {
  const set = parsePacketSet(expr);
  const small = set.count <= 1024;
  const tops = small ? parsePackets(expr) : [set.first];
  const out: { sport: number; dst: string; dport?: number }[] = [];
  for (const top of tops) {
    const tcp = layerNamed(top, "TCP");
    const ip = layerNamed(top, "IP") ?? layerNamed(top, "IPv6");
    if (!tcp || !ip || !("sport" in tcp.given)) continue;
    const varying = (l: Layer, name: string) => (small ? undefined : set.dims.find((d) => d.name === name && chainOf(set.first)[d.call] === l)?.values);
    const sports = (varying(tcp, "sport") ?? [tcp.get("sport")]) as number[];
    const dsts = (varying(ip, "dst") ?? [ip.get("dst")]) as string[];
    const dport = varying(tcp, "dport") ? undefined : (tcp.get("dport") as number);
    for (const dst of dsts) for (const sport of sports) if (typeof dst === "string") out.push({ sport, dst, dport });
  }
  return out;
}

function chainOf(top: Layer): Layer[] {
  const chain: Layer[] = [];
  for (let l: Layer | undefined = top; l; l = l.payload) chain.push(l);
  return chain;
}
