import { checksum } from "./checksum.js";
import type { BuildContext } from "./layer.js";

/**
 * The checksum of a TCP/UDP/ICMPv6 segment over the pseudo-header of the IPv4 or IPv6 layer under it, read from
 * the bytes already written (so addresses are exactly what is on the wire). undefined when there is no IP under it.
 */
export function pseudoHeaderChecksum(ctx: BuildContext, proto: number): number | undefined {
  const { buf, start, end } = ctx;
  let { under, underStart } = ctx;
  // RFC 8200 §8.1: the pseudo-header is the IPv6 header's, whatever extension headers lie between.
  if (under && ipv6ExtensionHeaders.has(under.name) && ctx.chain && ctx.at !== undefined) {
    const { layers, starts } = ctx.chain;
    let k = ctx.at - 1;
    while (k > 0 && ipv6ExtensionHeaders.has(layers[k].name)) k--;
    under = layers[k];
    underStart = starts[k];
  }
  const len = pseudoLength(ctx);
  let sum: number;
  if (under?.name === "IP" || under?.name === "IPerror") {
    sum = word(buf, underStart + 12) + word(buf, underStart + 14) + word(buf, underStart + 16) + word(buf, underStart + 18);
  } else if (under?.name === "IPv6" || under?.name === "IPerror6") {
    sum = 0;
    for (let i = 8; i < 40; i += 2) sum += word(buf, underStart + i);
  } else return undefined;
  sum += proto + (len >>> 16) + (len & 0xffff);
  return checksum(buf, start, end, sum);
}

/** Names of the IPv6 extension header layers, which a transport checksum looks past to the IPv6 header. */
export const ipv6ExtensionHeaders = new Set<string>();

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

const word = (b: Buffer, o: number) => (b[o] << 8) | b[o + 1];
