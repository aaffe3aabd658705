import { isIP } from "node:net";
import { inSubnet, isLabAddress, isLoopback, isMulticast, type Cidr } from "../util/ip.js";

// The one place that says where a scenario may send. The lab's subnets are themselves inside the lab ranges
// (load refuses a host address whose prefix reaches outside them), and an address must be in both: a subnet alone
// never lets a destination out.

/** A client step's destination (tcp, udp, http, ping, traceroute, port_scan): loopback, or an address of a lab subnet. */
export function insideLab(ip: string, labNets: readonly Cidr[]): boolean {
  if (!isIP(ip)) return false;
  // A scope the scenario declares for an attached device may lie outside the lab ranges; nothing else may.
  return isLoopback(ip) || labNets.some((n) => inSubnet(ip, n) && (n.scope || isLabAddress(ip)));
}

/**
 * A crafted packet's destination: what a client may reach, and also multicast groups, the limited broadcast and
 * IPv6 link-local addresses, none of which a lab namespace can route anywhere (it has no route out).
 */
export function packetMayGo(ip: string, labNets: readonly Cidr[]): boolean {
  if (!isIP(ip)) return false;
  return insideLab(ip, labNets) || isMulticast(ip) || ip === "255.255.255.255" || /^fe[89ab][0-9a-f]:/i.test(ip);
}

/** Why a host address cannot be in the lab, or undefined: the address and its whole subnet come from the lab ranges. */
export function labAddressProblem(c: Cidr): string | undefined {
  const ranges = "use 198.18.0.0/15 (IPv4) or 2001:db8::/32 (IPv6), the ranges set aside for tests";
  if (!isLabAddress(c.ip)) return `${c.text} is not a lab address: ${ranges}`;
  const widest = c.family === 4 ? 15 : 32;
  if (c.prefix < widest) return `${c.text}: a /${c.prefix} subnet reaches outside the lab ranges (${ranges}): give a prefix of /${widest} or longer, such as /24${c.family === 6 ? " or /64" : ""}`;
  return undefined;
}

export function scopeText(labNets: readonly Cidr[]): string {
  const nets = [...new Set(labNets.filter((n) => !n.scope).map((n) => n.text))];
  const scope = [...new Set(labNets.filter((n) => n.scope).map((n) => n.text))];
  return `loopback and the lab's own subnets (${nets.join(", ") || "none"})${scope.length ? ` and the attached device's scope (${scope.join(", ")})` : ""}`;
}
