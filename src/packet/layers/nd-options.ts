// The neighbour discovery options beyond link-layer addresses, prefixes and MTU: recursive DNS servers (RFC 8106),
// DNS search list, route information (RFC 4191), the redirected header, and the redirect message that carries it.
import { writeIPv6 } from "../addr.js";
import { build } from "../build.js";
import { dissectLayers } from "../dissect.js";
import { PacketError } from "../errors.js";
import { bytes, int, ipv6, u16, u32, u8, type Field } from "../field.js";
import { Layer, type BuildContext } from "../layer.js";
import { addressList } from "./address-list.js";
import { icmpv6, ndGuess, ndOption } from "./icmpv6.js";
import { IPv6 } from "./ipv6.js";
import { pyList } from "./py-repr.js";

const lenAuto = (units: (ctx: BuildContext) => number) => (ctx: BuildContext) => {
  if (ctx.values.len === undefined) ctx.buf[ctx.start + 1] = Math.min(255, units(ctx));
};
const octets = ({ start, hdrEnd }: BuildContext) => Math.floor((hdrEnd - start) / 8);
/** Scapy leaves `res` unset (None): written as zero, shown as None. */
const res = () => u16("res", undefined, { auto: false });

export const ICMPv6NDOptRDNSS = ndOption("ICMPv6NDOptRDNSS", 25, [
  u8("len", undefined),
  res(),
  u32("lifetime", 0xffffffff),
  addressList("dns", 6, { spaced: true, length: (v) => 8 * ((v.len as number) - 1) }),
], (l) => `ICMPv6 Neighbor Discovery Option - Recursive DNS Server Option ${((l.get("dns") as string[]) ?? []).join(", ")}`);
ICMPv6NDOptRDNSS.postBuild = lenAuto(({ values }) => 2 * (values.dns as string[]).length + 1);
ICMPv6NDOptRDNSS.json = (l, out) => void (out.dns = pyList(l.get("dns") as string[]));

/** Domain names as DNS labels, each ending in a zero byte, padded with zeros to a multiple of 8 bytes. */
function encodeNames(names: string[]): Buffer {
  const parts: Buffer[] = [];
  for (const name of names) {
    const labels = name.split(".").map((z) => Buffer.from(z, "utf8"));
    const enc = Buffer.concat(labels.map((z) => Buffer.concat([Buffer.from([z.length & 0xff]), z])));
    parts.push(enc.length && enc[enc.length - 1] === 0 ? enc : Buffer.concat([enc, Buffer.from([0])]));
  }
  const b = Buffer.concat(parts);
  return b.length % 8 ? Buffer.concat([b, Buffer.alloc(8 - (b.length % 8))]) : b;
}

function decodeNames(b: Buffer): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < b.length && out.length < 256) {
    const labels: string[] = [];
    while (i < b.length && b[i] !== 0) {
      const n = b[i];
      labels.push(b.subarray(i + 1, i + 1 + n).toString("latin1"));
      i += n + 1;
    }
    if (labels.length) out.push(`${labels.join(".")}.`);
    if (i < b.length && b[i] === 0) i++;
  }
  return out;
}

const searchlist: Field = {
  name: "searchlist",
  bits: 0,
  default: [],
  isList: true,
  size: (v) => encodeNames(v as string[]).length,
  write: (buf, off, v) => void encodeNames(v as string[]).copy(buf, off),
  read: (buf, off, end, v) => {
    const stop = Math.max(off, Math.min(end, off + 8 * (v.len as number) - 8));
    return [decodeNames(buf.subarray(off, stop)), stop];
  },
  parse: (input) => {
    const list = Array.isArray(input) ? input : [input];
    for (const n of list) if (typeof n !== "string") throw new PacketError('searchlist takes a list of domain names, e.g. ["lab.example."]');
    return list;
  },
  show: (v) => pyList(v as string[]),
};

export const ICMPv6NDOptDNSSL = ndOption("ICMPv6NDOptDNSSL", 31, [u8("len", undefined), res(), u32("lifetime", 0xffffffff), searchlist], (l) => `ICMPv6 Neighbor Discovery Option - DNS Search List Option ${((l.get("searchlist") as string[]) ?? []).join(", ")}`);
ICMPv6NDOptDNSSL.postBuild = lenAuto(octets);

/** The prefix of a route information option: 0, 8 or 16 bytes as the option's length says (Scapy's _IP6PrefixField). */
function prefixBytes(value: unknown, len: unknown): Buffer {
  const addr = Buffer.alloc(16);
  writeIPv6(addr, 0, typeof value === "string" ? value : "::");
  const n = typeof len === "number" ? len : value === undefined ? 1 : undefined;
  if (n === undefined) return addr;
  if (n <= 1) return Buffer.alloc(0);
  if (n <= 3) return addr.subarray(0, 8 * (n - 1));
  return Buffer.concat([addr, Buffer.alloc(8 * (n - 3))]);
}

const prefix: Field = {
  ...ipv6("prefix", "::"),
  default: undefined,
  fixedSize: undefined,
  size: (value, v) => prefixBytes(value, v.len).length,
  write: (buf, off, value, v) => void prefixBytes(value, v.len).copy(buf, off),
  read: (buf, off, end, v) => {
    if (off >= end) return [undefined, off];
    const n = Math.max(0, 8 * ((v.len as number) - 1));
    const stop = Math.min(end, off + n);
    const addr = Buffer.alloc(16);
    buf.copy(addr, 0, off, Math.min(stop, off + 16));
    const ipv6Text = ipv6("x").read!(addr, 0, 16, {})[0];
    return [ipv6Text, stop];
  },
};

const preferences = { 0: "Medium (default)", 1: "High", 2: "Reserved", 3: "Low" };
export const ICMPv6NDOptRouteInfo = ndOption(
  "ICMPv6NDOptRouteInfo",
  24,
  [u8("len", undefined), u8("plen", undefined, { auto: false }), int("res1", 3, 0), int("prf", 2, 0, { names: preferences }), int("res2", 3, 0), u32("rtlifetime", 0xffffffff), prefix],
  (l) => `ICMPv6 Neighbor Discovery Option - Route Information Option ${l.get("prefix") ?? "None"}/${l.get("plen") ?? "None"} Preference ${preferences[l.get("prf") as 0]}`,
);
ICMPv6NDOptRouteInfo.postBuild = lenAuto(({ values }) => Math.floor(prefixBytes(values.prefix, undefined).length / 8) + 1);

/** The start of the packet that caused the redirect, cut to a whole number of 8-byte units (with the option's 8). */
function truncated(value: unknown): Buffer {
  const b = value instanceof Layer ? build(value) : (value as Buffer);
  return b.subarray(0, b.length - ((b.length + 8) % 8));
}

const redirected: Field = {
  name: "pkt",
  bits: 0,
  default: Buffer.alloc(0),
  elements: () => [IPv6],
  size: (v) => truncated(v).length,
  write: (buf, off, v) => void truncated(v).copy(buf, off),
  read: (buf, off, end, v) => {
    const stop = Math.max(off, Math.min(end, off + 8 * (v.len as number) - 8));
    return [stop > off ? dissectLayers(IPv6, buf, off, stop) : Buffer.alloc(0), stop];
  },
  parse: (input) => {
    if (input instanceof Layer || Buffer.isBuffer(input)) return input;
    if (typeof input === "string") return Buffer.from(input, "latin1");
    throw new PacketError("pkt takes the redirected packet: IPv6(…)/…, or bytes");
  },
  show: (v) => (v instanceof Layer ? v.name : bytes("pkt").show(v)),
};

export const ICMPv6NDOptRedirectedHdr = ndOption("ICMPv6NDOptRedirectedHdr", 4, [u8("len", undefined), bytes("res", Buffer.alloc(6), { length: () => 6 }), redirected]);
ICMPv6NDOptRedirectedHdr.postBuild = lenAuto(octets);

export const ICMPv6ND_Redirect = icmpv6("ICMPv6ND_Redirect", 137, [u32("res", 0), ipv6("tgt", "::"), ipv6("dst", "::")], { guessPayload: ndGuess }, { dst: "ff02::1", hlim: 255 });

