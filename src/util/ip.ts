import { BlockList, isIP } from "node:net";
import { writeIPv6 } from "../packet/addr.js";

export interface Cidr {
  ip: string;
  prefix: number;
  family: 4 | 6;
  text: string;
  /** A network an attached device may be reached at (the scenario's `scope:`), which may lie outside the lab ranges. */
  scope?: true;
}

/** Parses "198.18.0.2/24" or "2001:db8::2/64"; a message saying what is wrong otherwise. */
export function parseCidr(text: string): Cidr | string {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return `\`${text}\` is not an address with a prefix length: write it like 198.18.0.2/24 or 2001:db8::2/64`;
  const family = isIP(m[1]);
  if (family === 0) return `\`${m[1]}\` is not an IPv4 or IPv6 address`;
  const prefix = Number(m[2]);
  const max = family === 4 ? 32 : 128;
  if (prefix > max) return `prefix length /${prefix} is impossible for IPv${family} (at most /${max})`;
  return { ip: m[1], prefix, family: family as 4 | 6, text: `${m[1]}/${prefix}` };
}

const labRanges = new BlockList();
labRanges.addSubnet("198.18.0.0", 15, "ipv4");
labRanges.addSubnet("2001:db8::", 32, "ipv6");

/** Lab addresses come only from the ranges set aside for testing: 198.18.0.0/15 (RFC 2544) and 2001:db8::/32. */
export function isLabAddress(ip: string): boolean {
  const family = isIP(ip);
  return family !== 0 && labRanges.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** A multicast group (224.0.0.0/4, ff00::/8): one frame for every member, to a MAC the group maps to. */
export function isMulticast(ip: string): boolean {
  if (ip.includes(":")) return /^ff/i.test(ip);
  const first = Number(ip.split(".")[0]);
  return first >= 224 && first <= 239;
}

/** The MAC a multicast group maps to: 01:00:5e and the low 23 bits (IPv4), 33:33 and the low 32 bits (IPv6). */
export function multicastMac(group: string): string {
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  if (!group.includes(":")) {
    const [, b, c, d] = group.split(".").map(Number);
    return ["01", "00", "5e", hex(b & 0x7f), hex(c), hex(d)].join(":");
  }
  const bytes = Buffer.alloc(16);
  writeIPv6(bytes, 0, group);
  return ["33", "33", ...[...bytes.subarray(12)].map(hex)].join(":");
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:198.18.0.2, or its hex form ::ffff:c612:2), or undefined. */
export function mappedIPv4(ip: string): string | undefined {
  if (isIP(ip) !== 6) return undefined;
  const bytes = Buffer.alloc(16);
  writeIPv6(bytes, 0, ip);
  if (!bytes.subarray(0, 10).every((b) => b === 0) || bytes.readUInt16BE(10) !== 0xffff) return undefined;
  return [...bytes.subarray(12)].join(".");
}

export function isLoopback(ip: string): boolean {
  return (isIP(ip) === 4 && ip.startsWith("127.")) || ip === "::1";
}

/** True when ip lies in the subnet of cidr. */
export function inSubnet(ip: string, cidr: Cidr): boolean {
  const family = isIP(ip);
  if (family !== cidr.family) return false;
  const list = new BlockList();
  list.addSubnet(cidr.ip, cidr.prefix, family === 4 ? "ipv4" : "ipv6");
  return list.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** The network part of an address with all host bits cleared and all set (IPv4 only; for network/broadcast checks). */
export function hostBitsV4(cidr: Cidr): "network" | "broadcast" | "host" {
  if (cidr.family !== 4 || cidr.prefix >= 31) return "host";
  const n = cidr.ip.split(".").reduce((a, b) => (a << 8) + Number(b), 0) >>> 0;
  const mask = cidr.prefix === 0 ? 0 : (0xffffffff << (32 - cidr.prefix)) >>> 0;
  if ((n & ~mask) >>> 0 === 0) return "network";
  if ((n | mask) >>> 0 === 0xffffffff) return "broadcast";
  return "host";
}

export interface Endpoint {
  host: string;
  port: number;
}

/** Splits "host:port" or "[v6]:port"; a message otherwise. */
export function parseEndpoint(text: string): Endpoint | string {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(text) ?? /^([^\s:[\]]+):(\d+)$/.exec(text);
  if (!m) return `\`${text}\` is not host:port (IPv6 in brackets: [2001:db8::2]:80)`;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return `port ${m[2]} is out of range: it must be 1 to 65535`;
  return { host: m[1], port };
}

/** The network a CIDR lies in, host bits cleared: 198.18.3.7/24 → 198.18.3.0/24 (what a route is written to). */
export function networkOf(c: Cidr): Cidr {
  const bits = c.family === 4 ? 32 : 128;
  let n = 0n;
  if (c.family === 4) for (const part of c.ip.split(".")) n = (n << 8n) | BigInt(part);
  else {
    const bytes = Buffer.alloc(16);
    writeIPv6(bytes, 0, c.ip);
    for (const b of bytes) n = (n << 8n) | BigInt(b);
  }
  const mask = c.prefix === 0 ? 0n : ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - c.prefix)) - 1n);
  n &= mask;
  let ip: string;
  if (c.family === 4) ip = [24n, 16n, 8n, 0n].map((sh) => String((n >> sh) & 255n)).join(".");
  else {
    const groups: string[] = [];
    for (let i = 7; i >= 0; i--) groups.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
    // The URL parser writes an IPv6 address in its shortest form.
    ip = new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1);
  }
  return { ...c, ip, text: `${ip}/${c.prefix}` };
}
