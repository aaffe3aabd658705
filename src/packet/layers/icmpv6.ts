import { bind } from "../bind.js";
import { build } from "../build.js";
import { bytes, int, ipv6, mac, u16, u32, u8, type Field, type Values } from "../field.js";
import { defineLayer, type BuildContext, type Layer, type LayerDef } from "../layer.js";
import { pseudoHeaderChecksum } from "../transport-checksum.js";
import { IP } from "./ip.js";
import { IPerror6, IPv6 } from "./ipv6.js";
import { Raw } from "./raw.js";
import { TCP, TCPerror } from "./tcp.js";
import { UDP, UDPerror } from "./udp.js";

export const icmpv6Types: Record<number, string> = {
  1: "Destination unreachable", 2: "Packet too big", 3: "Time exceeded", 4: "Parameter problem", 100: "Private Experimentation",
  101: "Private Experimentation", 128: "Echo Request", 129: "Echo Reply", 130: "MLD Query", 131: "MLD Report", 132: "MLD Done",
  133: "Router Solicitation", 134: "Router Advertisement", 135: "Neighbor Solicitation", 136: "Neighbor Advertisement",
  137: "Redirect Message", 138: "Router Renumbering", 139: "ICMP Node Information Query", 140: "ICMP Node Information Response",
  141: "Inverse Neighbor Discovery Solicitation Message", 142: "Inverse Neighbor Discovery Advertisement Message",
  143: "MLD Report Version 2", 144: "Home Agent Address Discovery Request Message", 145: "Home Agent Address Discovery Reply Message",
  146: "Mobile Prefix Solicitation", 147: "Mobile Prefix Advertisement", 148: "Certification Path Solicitation",
  149: "Certification Path Advertisement", 151: "Multicast Router Advertisement", 152: "Multicast Router Solicitation",
  153: "Multicast Router Termination", 200: "Private Experimentation", 201: "Private Experimentation",
};

function icmpv6PostBuild(ctx: BuildContext) {
  const { buf, start, values } = ctx;
  if (values.cksum !== undefined) return;
  buf.writeUInt16BE(0, start + 2);
  const ck = pseudoHeaderChecksum(ctx, 58);
  if (ck !== undefined) buf.writeUInt16BE(ck, start + 2);
}

const head = (type: number, codes?: Record<number, string>): Field[] => [u8("type", type, { names: icmpv6Types }), u8("code", 0, codes ? { names: codes } : {}), u16("cksum", undefined)];

const byType = new Map<number, LayerDef>();
/** An ICMPv6 message kind: registered by its type for dissection, bound under IPv6 (nh 58) for building. */
export function icmpv6(name: string, type: number, fields: Field[], hooks: Omit<Parameters<typeof defineLayer>[2] & object, "postBuild"> = {}, overloads: Values = {}, codes?: Record<number, string>): LayerDef {
  const def = defineLayer(name, [...head(type, codes), ...fields], { postBuild: icmpv6PostBuild, ...hooks });
  byType.set(type, def);
  bind(IPv6, def, { nh: 58, ...overloads }, { dissect: false });
  return def;
}

// Neighbor discovery options follow their message as layers of their own, recognised by their first byte.
const ndOptions = new Map<number, LayerDef>();
export const ndGuess = (_v: Values, payload: Buffer) => (payload.length > 1 ? (ndOptions.get(payload[0]) ?? Raw) : undefined);
export function ndOption(name: string, type: number, fields: Field[], summary?: (l: Layer) => string): LayerDef {
  const def = defineLayer(name, [u8("type", type), ...fields], { guessPayload: ndGuess, summary });
  ndOptions.set(type, def);
  return def;
}

const errorGuess = () => IPerror6;
const errorOf = (name: string, type: number, fields: Field[], codes?: Record<number, string>) => icmpv6(name, type, fields, { guessPayload: errorGuess }, {}, codes);

export const ICMPv6DestUnreach = errorOf("ICMPv6DestUnreach", 1, [u8("length", 0), int("unused", 24, 0)], {
  0: "No route to destination", 1: "Communication with destination administratively prohibited", 2: "Beyond scope of source address",
  3: "Address unreachable", 4: "Port unreachable",
});
export const ICMPv6PacketTooBig = errorOf("ICMPv6PacketTooBig", 2, [u32("mtu", 1280)]);
export const ICMPv6TimeExceeded = errorOf("ICMPv6TimeExceeded", 3, [u8("length", 0), int("unused", 24, 0)], { 0: "hop limit exceeded in transit", 1: "fragment reassembly time exceeded" });
export const ICMPv6ParamProblem = errorOf("ICMPv6ParamProblem", 4, [u32("ptr", 6)], {
  0: "erroneous header field encountered", 1: "unrecognized Next Header type encountered", 2: "unrecognized IPv6 option encountered", 3: "first fragment has incomplete header chain",
});

const hex = (n: unknown) => `0x${Number(n).toString(16)}`;
export const ICMPv6EchoRequest = icmpv6("ICMPv6EchoRequest", 128, [u16("id", 0), u16("seq", 0), bytes("data")], {
  summary: (l) => `ICMPv6 Echo Request (id: ${hex(l.get("id"))} seq: ${hex(l.get("seq"))})`,
});
export const ICMPv6EchoReply = icmpv6("ICMPv6EchoReply", 129, [u16("id", 0), u16("seq", 0), bytes("data")], {
  summary: (l) => `ICMPv6 Echo Reply (id: ${hex(l.get("id"))} seq: ${hex(l.get("seq"))})`,
  answers: (reply, req) =>
    req.name === "ICMPv6EchoRequest" && reply.get("id") === req.get("id") && reply.get("seq") === req.get("seq") && echoData(reply).equals(echoData(req)),
});

/**
 * An echo's data as it is on the wire: its data field and whatever was stacked after it. Scapy compares the data
 * fields alone, so a request written ICMPv6EchoRequest()/Raw(b"x") never matches its reply (whose data field took
 * the bytes); we compare what was sent with what came back.
 */
function echoData(l: Layer): Buffer {
  const data = l.get("data") as Buffer;
  return l.payload ? Buffer.concat([data, build(l.payload)]) : data;
}

export const ICMPv6ND_RS = icmpv6("ICMPv6ND_RS", 133, [u32("res", 0)], { guessPayload: ndGuess }, { dst: "ff02::2", hlim: 255 });
export const ICMPv6ND_RA = icmpv6(
  "ICMPv6ND_RA",
  134,
  [u8("chlim", 0), int("M", 1, 0), int("O", 1, 0), int("H", 1, 0), int("prf", 2, 1, { names: { 0: "Medium (default)", 1: "High", 2: "Reserved", 3: "Low" } }), int("P", 1, 0), int("res", 2, 0), u16("routerlifetime", 1800), u32("reachabletime", 0), u32("retranstimer", 0)],
  {
    guessPayload: ndGuess,
    answers: (reply, req) => req.name === "ICMPv6ND_RS" && reply.name === "ICMPv6ND_RA",
    summary: (l) => {
      const prf = { 0: "Medium (default)", 1: "High", 2: "Reserved", 3: "Low" }[l.get("prf") as 0 | 1 | 2 | 3];
      return `ICMPv6 Neighbor Discovery - Router Advertisement Lifetime ${l.get("routerlifetime")} Hop Limit ${l.get("chlim")} Preference ${prf} Managed ${l.get("M")} Other ${l.get("O")} Home ${l.get("H")}`;
    },
  },
  { dst: "ff02::1", hlim: 255 },
);
const tgtSummary = (what: string) => (l: Layer) => `ICMPv6 Neighbor Discovery - ${what} (tgt: ${l.get("tgt")})`;
export const ICMPv6ND_NS = icmpv6("ICMPv6ND_NS", 135, [u32("res", 0), ipv6("tgt", "::")], { guessPayload: ndGuess, summary: tgtSummary("Neighbor Solicitation") }, { dst: "ff02::1", hlim: 255 });
export const ICMPv6ND_NA = icmpv6(
  "ICMPv6ND_NA",
  136,
  [int("R", 1, 1), int("S", 1, 0), int("O", 1, 1), int("res", 29, 0), ipv6("tgt", "::")],
  { guessPayload: ndGuess, summary: tgtSummary("Neighbor Advertisement"), answers: (reply, req) => req.name === "ICMPv6ND_NS" && reply.get("tgt") === req.get("tgt") },
  { dst: "ff02::1", hlim: 255 },
);
export const ICMPv6Unknown = defineLayer("ICMPv6Unknown", [...head(1), bytes("msgbody")], { postBuild: icmpv6PostBuild });

export const ICMPv6NDOptSrcLLAddr = ndOption("ICMPv6NDOptSrcLLAddr", 1, [u8("len", 1), mac("lladdr")], (l) => `ICMPv6 Neighbor Discovery Option - Source Link-Layer Address ${l.get("lladdr")}`);
export const ICMPv6NDOptDstLLAddr = ndOption("ICMPv6NDOptDstLLAddr", 2, [u8("len", 1), mac("lladdr")], (l) => `ICMPv6 Neighbor Discovery Option - Destination Link-Layer Address ${l.get("lladdr")}`);
export const ICMPv6NDOptPrefixInfo = ndOption(
  "ICMPv6NDOptPrefixInfo",
  3,
  [u8("len", 4), u8("prefixlen", 64), int("L", 1, 1), int("A", 1, 1), int("R", 1, 0), int("res1", 5, 0), u32("validlifetime", 0xffffffff), u32("preferredlifetime", 0xffffffff), u32("res2", 0), ipv6("prefix", "::")],
  (l) => `ICMPv6 Neighbor Discovery Option - Prefix Information ${l.get("prefix")}/${l.get("prefixlen")} On-link ${l.get("L")} Autonomous Address ${l.get("A")} Router Address ${l.get("R")}`,
);
export const ICMPv6NDOptMTU = ndOption("ICMPv6NDOptMTU", 5, [u8("len", 1), u16("res", 0), u32("mtu", 1280)], (l) => `ICMPv6 Neighbor Discovery Option - MTU ${l.get("mtu")}`);

/** IPv6 next header 58: the message kind comes from its type byte. */
export function icmpv6ByType(type: number): LayerDef {
  return byType.get(type) ?? ICMPv6Unknown;
}

/** Message kinds that share a type and are told apart by the message's bytes (MLDv2's query by its length). */
export const icmpv6Variants = new Map<number, (message: Buffer) => LayerDef | undefined>();

// Scapy's shortest message of each type (icmp6typesminhdrlen): shorter, or of a type not listed, it reads Raw.
const minLength: Record<number, number> = {
  1: 8, 2: 8, 3: 8, 4: 8, 128: 8, 129: 8, 130: 24, 131: 24, 132: 24, 133: 8, 134: 16, 135: 24, 136: 24, 137: 40, 141: 8, 142: 8,
  143: 8, 144: 8, 145: 8, 146: 8, 147: 8, 151: 8, 152: 4, 153: 4, 155: 4,
};

/** The message kind of an ICMPv6 message's bytes. */
export function icmpv6Of(message: Buffer): LayerDef {
  if (message.length < (minLength[message[0]] ?? Infinity)) return Raw;
  return icmpv6Variants.get(message[0])?.(message) ?? icmpv6ByType(message[0]);
}

IPv6.guessPayload = (v, payload) => (v.nh === 58 && payload.length > 0 ? icmpv6Of(payload) : undefined);
IPerror6.guessPayload = (v, payload) => (v.nh === 58 && payload.length > 0 ? icmpv6Of(payload) : undefined);
bind(IPv6, TCP, { nh: 6 });
bind(IPv6, UDP, { nh: 17 });
bind(IPerror6, TCPerror, { nh: 6 });
bind(IPerror6, UDPerror, { nh: 17 });
// Building, a quoted header carries what IPv6 would (Scapy's IPerror6 is an IPv6); ICMPv6Unknown is ICMPv6 too.
bind(IPerror6, TCP, { nh: 6 }, { dissect: false });
bind(IPerror6, UDP, { nh: 17 }, { dissect: false });
bind(IPv6, ICMPv6Unknown, { nh: 58 }, { dissect: false });
bind(IPv6, IPv6, { nh: 41 });
// Tunnels as Scapy binds them: IPv6 in IPv4 (6in4, proto 41) and IPv4 in IPv6 (nh 4).
bind(IP, IPv6, { proto: 41 });
bind(IPv6, IP, { nh: 4 });
