import { isIP } from "node:net";
import { craft, PacketError } from "../packet/index.js";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { inSubnet, isLabAddress, isLoopback, type Cidr } from "../util/ip.js";

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
    craft(written.replace(/\$\{[^}]*\}/g, (m) => "0".repeat(m.length)));
  } catch (e) {
    if (e instanceof PacketError) return { message: `packet: ${e.message}`, col: e.col };
    throw e;
  }
  let packets;
  try {
    packets = craft(expr.replace(/\$\{[^}]*\}/g, "0"));
  } catch (e) {
    if (e instanceof PacketError) return { message: `packet: ${e.message}`, col: 0 };
    throw e;
  }
  // A destination that is a saved value is checked when the step runs, once the value is known.
  const fromVars = new Set([...written.matchAll(/\b(dst|pdst)\s*=\s*["'][^"']*\$\{/g)].map((m) => m[1]));
  for (const p of packets) {
    for (const [layer, field] of [["IP", "dst"], ["IPv6", "dst"], ["ARP", "pdst"]] as const) {
      const dst = p.get(`${layer}.${field}`);
      if (typeof dst !== "string" || fromVars.has(field)) continue;
      if (!isIP(dst)) {
        const hint = didYouMean(dst, hostNames);
        const hosts = hostNames.length ? `: the hosts are ${listOf([...hostNames])}` : "";
        return { message: `packet: ${layer}.${field} "${dst}" is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}${hosts}`, col: 0 };
      }
      const multicast = /^(22[4-9]|23\d)\./.test(dst) || dst === "255.255.255.255" || /^ff0[12]:/i.test(dst);
      // IPv6 link-local addresses cannot leave the link a host is on.
      const linkLocal = /^fe[89ab][0-9a-f]:/i.test(dst);
      if (!(multicast || linkLocal || isLoopback(dst) || (isLabAddress(dst) && labNets.some((n) => inSubnet(dst, n)))))
        return { message: `packet: ${layer}.${field} ${dst} is outside the lab: packets go only to loopback and the lab's own subnets`, col: 0 };
    }
  }
  return undefined;
}

/** The TCP flows of a packet expression that give their source port (crafted handshakes). */
export function tcpFlows(expr: string): { sport: number; dst: string; dport: number }[] {
  let packets;
  try {
    packets = craft(expr.replace(/\$\{[^}]*\}/g, "0"));
  } catch {
    return [];
  }
  return packets.flatMap((p) => {
    const tcp = p.getLayer("TCP");
    const dst = p.get("IP.dst") ?? p.get("IPv6.dst");
    if (!tcp || !("sport" in tcp.given) || typeof dst !== "string") return [];
    return [{ sport: tcp.get("sport") as number, dst, dport: tcp.get("dport") as number }];
  });
}
