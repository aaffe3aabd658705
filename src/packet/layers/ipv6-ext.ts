// IPv6 extension headers (RFC 8200): hop-by-hop options, destination options and the routing header (type 0 as
// Scapy's IPv6ExtHdrRouting; segment routing in ipv6-segment-routing.ts). Each carries the next header's number,
// so the chain continues as after IPv6 itself.
import { bind, boundUpper, fillFor } from "../bind.js";
import { PacketError } from "../errors.js";
import { int, u8, type Field, type Values } from "../field.js";
import { defineLayer, Layer, registry, type BuildContext, type LayerDef } from "../layer.js";
import { acceptedLayers } from "../path.js";
import { addressList } from "./address-list.js";
import { icmpv6Of } from "./icmpv6.js";
import { IPerror6, IPv6 } from "./ipv6.js";
import { isIPv6Option, jumboPayloadLength, layOut, readOptions } from "./ipv6-options.js";
import { pyList, pyReprList } from "./py-repr.js";
import { Raw } from "./raw.js";
import { builtBytes } from "./sequence.js";

// Scapy's names of next headers in extension headers (ipv6nh), not IP's protocol names.
export const ipv6NextHeaders: Record<number, string> = {
  0: "Hop-by-Hop Option Header", 4: "IP", 6: "TCP", 17: "UDP", 41: "IPv6", 43: "Routing Header", 44: "Fragment Header", 47: "GRE",
  50: "ESP Header", 51: "AH Header", 58: "ICMPv6", 59: "No Next Header", 60: "Destination Option Header", 112: "VRRP", 132: "SCTP", 135: "Mobility Header",
};
export const nextHeader = () => u8("nh", 59, { names: ipv6NextHeaders });

/** Scapy's phantom `autopad` switch: not on the wire; 0 lays the options out exactly as given. */
const autopad: Field = {
  ...u8("autopad", 1),
  bits: 0,
  size: () => 0,
  write: () => undefined,
  read: (_buf, off) => [1, off],
  show: (v) => (v ? "On" : "Off"),
};

const options: Field = {
  name: "options",
  bits: 0,
  default: [],
  isList: true,
  elements: acceptedLayers(isIPv6Option),
  size: (value, v) => layOut(value as Layer[], builtBytes, v.autopad !== 0).length,
  write: (buf, off, value, v) => void layOut(value as Layer[], builtBytes, v.autopad !== 0).copy(buf, off),
  read: (buf, off, end, v) => {
    const stop = Math.max(off, Math.min(end, off + 8 * (((v.len as number) ?? 0) + 1) - 2));
    return [readOptions(buf, off, stop), stop];
  },
  parse: (input) => {
    const list = input === null || input === undefined ? [] : Array.isArray(input) ? input : [input];
    for (const item of list) if (!(item instanceof Layer) || !isIPv6Option(item)) throw new PacketError("options takes a list of IPv6 options (Pad1(), PadN(optdata=b\"…\"), RouterAlert(), HBHOptUnknown(otype=…), Jumbo(), HAO())");
    return list;
  },
  show: (v) => pyReprList(v as Layer[]),
};

// Length in 8-byte units, not counting the first 8.
const lenAuto = ({ buf, start, hdrEnd, values }: BuildContext) => {
  if (values.len === undefined) buf[start + 1] = Math.min(255, Math.ceil((hdrEnd - start) / 8) - 1);
};

const withOptions = (name: string) => defineLayer(name, [nextHeader(), u8("len", undefined), autopad, options], { postBuild: lenAuto, guessPayload: afterExtension });

export const IPv6ExtHdrHopByHop = withOptions("IPv6ExtHdrHopByHop");
export const IPv6ExtHdrDestOpt = withOptions("IPv6ExtHdrDestOpt");

export const IPv6ExtHdrRouting = defineLayer(
  "IPv6ExtHdrRouting",
  [nextHeader(), u8("len", undefined), u8("type", 0), u8("segleft", undefined), int("reserved", 32, 0), addressList("addresses", 6, { spaced: true, length: (v) => 8 * (v.len as number) })],
  {
    postBuild: ({ buf, start, values }) => {
      const n = (values.addresses as string[]).length;
      if (values.len === undefined) buf[start + 1] = Math.min(255, 2 * n);
      if (values.segleft === undefined) buf[start + 3] = Math.min(255, n);
    },
    guessPayload: afterExtension,
    json: (l, out) => void (out.addresses = pyList(l.get("addresses") as string[])),
  },
);

const byNumber = new Map<number, string>([[0, "IPv6ExtHdrHopByHop"], [4, "IP"], [6, "TCP"], [17, "UDP"], [43, "IPv6ExtHdrRouting"], [44, "IPv6ExtHdrFragment"], [60, "IPv6ExtHdrDestOpt"]]);

/**
 * What follows an IPv6 header or an extension header, by next header (Scapy's _IPv6GuessPayload): an ICMPv6
 * message by its type, a routing header of type 4 as segment routing, else the header the number names.
 */
export function afterExtension(v: Values, payload: Buffer): LayerDef | undefined {
  const nh = v.nh as number;
  // Scapy reads an extension header's payload by IPv6's own bindings first (its aliastypes).
  const bound = boundUpper(IPv6, v);
  if (bound) return bound;
  if (nh === 58) return payload.length > 0 ? icmpv6Of(payload) : undefined;
  if (nh === 43 && payload.length > 2 && payload[2] === 4) return registry.get("IPv6ExtHdrSegmentRouting");
  const name = byNumber.get(nh);
  return name ? registry.get(name) : Raw;
}

// A jumbogram (payload length 0, hop-by-hop next) is as long as its Jumbo option says, or not IPv6 at all.
const isJumbo = (buf: Buffer, off: number, end: number) => end - off >= 48 && buf[off + 4] === 0 && buf[off + 5] === 0 && buf[off + 6] === 0;
IPv6.dispatch = (buf, off, end) => (isJumbo(buf, off, end) && jumboPayloadLength(buf, off + 40, end) === undefined ? Raw : undefined);
const plainLength = IPv6.payloadLength;
IPv6.payloadLength = (v, hdrLen, available, buf, payloadStart) =>
  v.plen === 0 && v.nh === 0 && available >= 8 ? (jumboPayloadLength(buf, payloadStart, payloadStart + available) ?? available) : (plainLength?.(v, hdrLen, available, buf, payloadStart) ?? -1);

// IPv6 reads extension headers by the same rule; its own bindings (TCP, UDP, GRE, IPv6 in IPv6) come first.
for (const ip of [IPv6, IPerror6]) {
  const before = ip.guessPayload;
  ip.guessPayload = (v, payload) => before?.(v, payload) ?? ([0, 43, 44, 60].includes(v.nh as number) ? afterExtension(v, payload) : undefined);
}
bind(IPv6, IPv6ExtHdrHopByHop, { nh: 0 }, { dissect: false });
bind(IPv6, IPv6ExtHdrDestOpt, { nh: 60 }, { dissect: false });
bind(IPv6, IPv6ExtHdrRouting, { nh: 43 }, { dissect: false });

/**
 * Building, an extension header takes the next header number its payload would give an IPv6 header (Scapy's
 * overloads apply to IPv6 and its extension headers alike). Called once every layer is defined (index.ts).
 */
export function bindUnderExtensionHeaders(): void {
  const exts = [...registry.values()].filter((d) => d.name.startsWith("IPv6ExtHdr") && d.byName.has("nh"));
  for (const ext of exts)
    for (const upper of registry.values()) {
      const fill = fillFor(IPv6, upper);
      if (fill?.nh !== undefined && fillFor(ext, upper) === undefined) bind(ext, upper, { nh: fill.nh }, { dissect: false });
    }
}
