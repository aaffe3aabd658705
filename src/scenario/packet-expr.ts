import { isIP } from "node:net";
import { PacketError, type Layer } from "../packet/index.js";
import { parsePacketSet, parsePackets } from "../packet/expr.js";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import type { Cidr } from "../util/ip.js";
import { packetMayGo, scopeText } from "./lab-scope.js";

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
 * Checks a packet expression before anything runs: it must parse, and the destination of every layer that has one
 * (each IP and IPv6 header, inner ones after a tunnel too, and ARP's pdst) must be one a packet may go to. A value
 * that a saved var fills (${seq}) is known only when the step runs: that destination is checked then, the rest now.
 */
export function checkPacketExpr(written: string, expr: string, labNets: Cidr[], hostNames: readonly string[] = []): { message: string; col: number } | undefined {
  // Syntax first, on the text as written (host names are just strings to the parser; ${var} keeps its width as
  // zeros), so a column points where the user looks.
  try {
    representatives(written.replace(/\$\{[^}]*\}/g, (m) => "0".repeat(m.length)));
  } catch (e) {
    if (!(e instanceof PacketError)) throw e;
    // A function that builds its packet (fragment()) needs addresses: with host names resolved it may be fine.
    if (written === expr || !parses(expr.replace(/\$\{[^}]*\}/g, "0"))) return { message: `packet: ${e.message}`, col: e.col };
  }
  let packets: Layer[];
  let other: Layer[] | undefined;
  try {
    packets = representatives(expr.replace(/\$\{[^}]*\}/g, "0"));
    // The same packets with every var as 1: a destination that differs between the two came from a var.
    if (/\$\{/.test(expr)) other = representatives(expr.replace(/\$\{[^}]*\}/g, "1"));
  } catch (e) {
    if (e instanceof PacketError) return { message: `packet: ${e.message}`, col: 0 };
    throw e;
  }
  for (const [n, p] of packets.entries()) {
    const twin = other && other.length === packets.length ? chainOf(other[n]) : undefined;
    for (const [k, layer] of chainOf(p).entries()) {
      const field = destinationField[layer.name];
      if (!field) continue;
      const dst = layer.get(field);
      if (typeof dst !== "string") continue;
      const again = twin?.[k]?.name === layer.name ? twin[k].get(field) : dst;
      if (again !== dst) continue; // filled by a saved var: checked when the step runs
      if (!isIP(dst)) {
        // A lab host left unresolved has no usable address: that is reported where its address is written.
        if (hostNames.includes(dst)) continue;
        const hint = didYouMean(dst, hostNames);
        const hosts = hostNames.length ? `: the hosts are ${listOf([...hostNames])}` : "";
        return { message: `packet: ${layer.name}.${field} "${dst}" is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}${hosts}`, col: 0 };
      }
      if (!packetMayGo(dst, labNets))
        return { message: `packet: ${layer.name}.${field} ${dst}${k > 0 && chainOf(p).slice(0, k).some((l) => destinationField[l.name]) ? " (an inner header)" : ""}${packets.some((q) => chainOf(q)[k]?.get(field) !== dst) ? " (one destination of the packet set)" : ""} is outside the lab: packets go only to ${scopeText(labNets)}, multicast groups and link-local addresses`, col: 0 };
    }
  }
  return undefined;
}

function parses(expr: string): boolean {
  try {
    representatives(expr);
    return true;
  } catch {
    return false;
  }
}

/** The layers that name where a packet goes, and the field that says it. */
const destinationField: Record<string, string> = { IP: "dst", IPv6: "dst", ARP: "pdst" };

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
