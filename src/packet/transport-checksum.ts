import { writeIPv6 } from "./addr.js";
import { checksum } from "./checksum.js";
import type { BuildContext, Layer } from "./layer.js";

/**
 * The checksum of a TCP/UDP/ICMPv6 segment over the pseudo-header of the IPv4 or IPv6 layer under it, read from
 * the bytes already written (so addresses are exactly what is on the wire). undefined when there is no IP under it.
 * As in Scapy (in4_chksum, in6_chksum), the destination is the final one: the last hop of a single IPv4 source
 * route, or the one an IPv6 routing header leads to; IPv6 extension headers between are looked through.
 */
export function pseudoHeaderChecksum(ctx: BuildContext, proto: number): number | undefined {
  const { buf, start, end } = ctx;
  let { under, underStart } = ctx;
  let finalDst: string | undefined;
  let homeSrc: string | undefined;
  const chain = ctx.chain;
  if (chain && ctx.index !== undefined && under?.name.startsWith("IPv6ExtHdr")) {
    for (let j = ctx.index - 1; j >= 0; j--) {
      const l = chain.layers[j];
      if (!l.name.startsWith("IPv6ExtHdr")) {
        under = l;
        underStart = chain.starts[j];
        break;
      }
      finalDst ??= routedTo(l.name, chain.values[j]);
      homeSrc = homeAddress(l.name, chain.values[j]) ?? homeSrc;
    }
  }
  const len = pseudoLength(ctx);
  let sum: number;
  if (under?.name === "IP" || under?.name === "IPerror") {
    sum = word(buf, underStart + 12) + word(buf, underStart + 14);
    const route = sourceRouteEnd(under, ctx.underValues);
    if (route && /^\d+\.\d+\.\d+\.\d+$/.test(route)) {
      const o = route.split(".").map(Number);
      sum += ((o[0] << 8) | o[1]) + ((o[2] << 8) | o[3]);
    } else sum += word(buf, underStart + 16) + word(buf, underStart + 18);
  } else if (under?.name === "IPv6" || under?.name === "IPerror6") {
    sum = 0;
    for (let i = 8; i < 40; i += 2) sum += word(buf, underStart + i);
    if (homeSrc !== undefined) sum += addressSum(homeSrc) - addressSum(buf, underStart + 8);
    if (finalDst !== undefined) sum += addressSum(finalDst) - addressSum(buf, underStart + 24);
  } else return undefined;
  sum += proto + (len >>> 16) + (len & 0xffff);
  return checksum(buf, start, end, sum);
}

/**
 * The pseudo-header's length: the segment's, unless the user gave the IPv4 header a total length, which Scapy's
 * in4_pseudoheader then takes (less the header, never below 0).
 */
function pseudoLength({ start, end, under, underValues, underStart }: BuildContext): number {
  const total = underValues?.len;
  if ((under?.name !== "IP" && under?.name !== "IPerror") || typeof total !== "number") return end - start;
  const ihl = typeof underValues?.ihl === "number" ? underValues.ihl : (start - underStart) / 4;
  return Math.max(total - 4 * ihl, 0);
}

/** The address a routing header sends the packet on to, when it still has segments left (Scapy's rule). */
function routedTo(name: string, v: Record<string, unknown>): string | undefined {
  const addresses = v.addresses as string[] | undefined;
  if (!addresses?.length || v.segleft === 0) return undefined;
  if (name === "IPv6ExtHdrRouting") return addresses[addresses.length - 1];
  if (name === "IPv6ExtHdrSegmentRouting") return addresses[0];
  return undefined;
}

/** The last router of the IP header's one loose or strict source route, if it has exactly one with routers. */
function sourceRouteEnd(ip: Layer, values: Record<string, unknown> | undefined): string | undefined {
  const options = (values?.options ?? ip.get("options")) as Layer[] | undefined;
  if (!Array.isArray(options) || options.length === 0) return undefined;
  const routes = options.filter((o) => o.name === "IPOption_LSRR" || o.name === "IPOption_SSRR");
  if (routes.length !== 1) return undefined;
  const routers = routes[0].get("routers") as string[] | undefined;
  return routers?.length ? routers[routers.length - 1] : undefined;
}

/** The destination options header's home address, when it holds that one option only (Scapy's rule). */
function homeAddress(name: string, v: Record<string, unknown>): string | undefined {
  const options = v.options as Layer[] | undefined;
  return name === "IPv6ExtHdrDestOpt" && options?.length === 1 && options[0].name === "HAO" ? (options[0].get("hoa") as string) : undefined;
}

/** The sum of an IPv6 address's 16-bit words, from text or from bytes at an offset. */
function addressSum(a: string | Buffer, off = 0): number {
  let b: Buffer;
  if (typeof a === "string") {
    b = Buffer.alloc(16);
    writeIPv6(b, 0, a);
  } else b = a;
  let s = 0;
  for (let i = 0; i < 16; i += 2) s += word(b, off + i);
  return s;
}

const word = (b: Buffer, o: number) => (b[o] << 8) | b[o + 1];
