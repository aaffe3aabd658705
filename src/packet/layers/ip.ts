import { bind } from "../bind.js";
import { buildValues } from "../build.js";
import { checksum } from "../checksum.js";
import { bytes, int, ipv4, pyStr, u16, u8, type Values } from "../field.js";
import { decodeFields, defineLayer, Layer, type LayerDef } from "../layer.js";
import { packetList } from "../packet-list.js";
import { Dot1Q, Ether } from "./ether.js";
import { putWord } from "../word.js";

export const ipProtos: Record<number, string> = {
  0: "hopopt", 1: "icmp", 2: "igmp", 4: "ipencap", 6: "tcp", 17: "udp", 41: "ipv6", 43: "ipv6_route", 44: "ipv6_frag",
  47: "gre", 50: "esp", 51: "ah", 58: "ipv6_icmp", 59: "ipv6_nonxt", 60: "ipv6_opts", 89: "ospf", 103: "pim", 112: "vrrp", 132: "sctp",
};

// IP options: a header byte (copy flag, class, number), then per option its own fields.
const optionNames: Record<number, string> = {
  0: "end_of_list", 1: "nop", 2: "security", 3: "loose_source_route", 4: "timestamp", 5: "extended_security", 6: "commercial_security",
  7: "record_route", 8: "stream_id", 9: "strict_source_route", 10: "experimental_measurement", 11: "mtu_probe", 12: "mtu_reply",
  13: "flow_control", 14: "access_control", 15: "encode", 16: "imi_traffic_descriptor", 17: "extended_IP", 18: "traceroute",
  19: "address_extension", 20: "router_alert", 21: "selective_directed_broadcast_mode", 23: "dynamic_packet_state",
  24: "upstream_multicast_packet", 25: "quick_start", 30: "rfc4727_experiment",
};
export const optHeader = (option: number) => [int("copy_flag", 1, 0), int("optclass", 2, 0, { names: { 0: "control", 2: "debug" } }), int("option", 5, option, { names: optionNames })];
export const lengthAuto = (at: number) => ({ buf, start, hdrEnd, values }: { buf: Buffer; start: number; hdrEnd: number; values: Values }) => {
  if (values.length === undefined) buf[start + at] = hdrEnd - start;
};

export const IPOption_EOL = defineLayer("IPOption_EOL", optHeader(0));
export const IPOption_NOP = defineLayer("IPOption_NOP", optHeader(1));
export const IPOption_RR = defineLayer(
  "IPOption_RR",
  [...optHeader(7), u8("length", undefined), u8("pointer", 4), routerList("routers")],
  { postBuild: lengthAuto(1) },
);
export const IPOption_Router_Alert = defineLayer("IPOption_Router_Alert", [int("copy_flag", 1, 1), ...optHeader(20).slice(1), u8("length", 4), u16("alert", 0, { names: { 0: "router_shall_examine_packet" } })]);
export const IPOption = defineLayer(
  "IPOption",
  [...optHeader(0), u8("length", undefined), { ...bytes("value", Buffer.alloc(0), { length: (v) => (v.length as number) - 2 }), show: (v: unknown) => pyStr(v as Buffer) }],
  { postBuild: lengthAuto(1) },
);
/** IP option classes by option number (ip-options.ts adds more); others read as the generic IPOption. */
export const optionDefs = new Map<number, LayerDef>([[0, IPOption_EOL], [1, IPOption_NOP], [7, IPOption_RR], [20, IPOption_Router_Alert]]);
// IPOption(b"\x83\x03\x10") is read as the option its number names, as Scapy's dispatch_hook does.
IPOption.dispatch = (buf, off, end) => (off < end ? optionDefs.get(buf[off] & 0x1f) : undefined);

const routerAddress = ipv4("router");

export function routerList(name: string) {
  const f = bytes(name);
  return {
    ...f,
    default: [] as string[],
    isList: true,
    tsType: "string[]",
    size: (v: unknown) => (v as string[]).length * 4,
    write: (buf: Buffer, off: number, v: unknown) => (v as string[]).forEach((ip, i) => routerAddress.write!(buf, off + i * 4, ip, {})),
    read: (buf: Buffer, off: number, end: number, values: Values): [unknown, number] => {
      const stop = Math.min(end, off + Math.max(0, ((values.length as number) ?? 3) - 3));
      const out: string[] = [];
      for (let p = off; p + 4 <= stop; p += 4) out.push(`${buf[p]}.${buf[p + 1]}.${buf[p + 2]}.${buf[p + 3]}`);
      return [out, stop];
    },
    parse: (input: unknown) => (Array.isArray(input) ? input.map(String) : [String(input)]),
    show: (v: unknown) => `[${(v as string[]).join(", ")}]`,
  };
}

/** Reads IP options; bounded by the header length, so a lying length cannot loop. */
function readOptions(buf: Buffer, off: number, end: number): Layer[] {
  const out: Layer[] = [];
  while (off < end && out.length < 40) {
    const type = buf[off] & 0x1f;
    const def = optionDefs.get(type) ?? IPOption;
    const len = type <= 1 ? 1 : off + 1 < end ? buf[off + 1] : 0;
    const stop = type <= 1 ? off + 1 : len >= 2 ? Math.min(end, off + len) : end;
    const l = new Layer(def);
    l.buf = buf;
    l.start = off;
    const d = decodeFields(def, buf, off, stop);
    l.hdrEnd = l.end = stop;
    // Scapy reads an option from the bytes left in the list: an empty value at the very end is never read at all.
    if (def === IPOption && stop >= end && Buffer.isBuffer(d.values.value) && d.values.value.length === 0) d.values.value = undefined;
    l.setDecoded(d.values);
    out.push(l);
    off = stop;
  }
  return out;
}

const ipFields = () => [
  int("version", 4, 4),
  int("ihl", 4, undefined),
  u8("tos", 0),
  u16("len", undefined),
  u16("id", 1),
  int("flags", 3, 0, { flags: ["MF", "DF", "evil"] }),
  int("frag", 13, 0),
  u8("ttl", 64),
  u8("proto", 0, { names: ipProtos }),
  u16("chksum", undefined),
  ipv4("src", "127.0.0.1"),
  ipv4("dst", "127.0.0.1"),
  packetList("options", {
    align: 4,
    readItems: readOptions,
    accepts: (l) => l.name.startsWith("IPOption"),
    acceptsText: "a list of IP options (IPOption_NOP(), IPOption_RR(), …)",
    length: (v) => ((v.ihl as number) ?? 5) * 4 - 20,
  }),
];

function ipPostBuild({ buf, start, hdrEnd, end, values }: { buf: Buffer; start: number; hdrEnd: number; end: number; values: Values }) {
  if (values.ihl === undefined) buf[start] = (buf[start] & 0xf0) | (((hdrEnd - start) >> 2) & 0x0f);
  if (values.len === undefined) putWord(buf, start + 2, Math.min(0xffff, end - start));
  if (values.chksum === undefined) {
    putWord(buf, start + 10, 0);
    putWord(buf, start + 10, checksum(buf, start, hdrEnd));
  }
}

const ipSummary = (l: Layer) => {
  const proto = l.get("proto") as number;
  let s = `${l.get("src")} > ${l.get("dst")} ${ipProtos[proto] ?? proto}`;
  if (l.get("frag")) s += ` frag:${l.get("frag")}`;
  return s;
};

/**
 * Scapy's destinations bound to a UDP port (DestIPField.bind_addr): with no dst given, an IP or IPv6 header right
 * under UDP to that port goes to the protocol's group (mDNS 5353; HSRP 1985 on IPv4, 2029 on IPv6).
 */
const groupByPort: Record<4 | 6, Record<number, string>> = { 4: { 5353: "224.0.0.251", 1985: "224.0.0.2" }, 6: { 5353: "ff02::fb", 2029: "ff02::66" } };

export function portGroup(family: 4 | 6): NonNullable<LayerDef["fromPayload"]> {
  return {
    fills: ["dst"],
    reads: ["dport"],
    values: (payload) => {
      if (payload.def.name !== "UDP") return undefined;
      const group = groupByPort[family][buildValues(payload).dport as number];
      return group ? { dst: group } : undefined;
    },
  };
}

export const IP = defineLayer("IP", ipFields(), {
  fromPayload: portGroup(4),
  postBuild: ipPostBuild,
  payloadLength: (v, hdr) => (typeof v.len === "number" && v.len >= hdr ? v.len - hdr : -1),
  summary: ipSummary,
  answers: (reply, req) => {
    if (req.name !== "IP") return false;
    if (req.get("dst") !== reply.get("src")) return false; // ICMP errors are matched through the quoted packet
    const rp = reply.get("proto");
    const qp = req.get("proto");
    return rp === qp || rp === 1;
  },
});

/** The IP header quoted inside an ICMP error: the same fields, its own name (Scapy's IPerror). */
export const IPerror = defineLayer("IPerror", ipFields(), {
  postBuild: ipPostBuild,
  payloadLength: (v, hdr) => (typeof v.len === "number" && v.len >= hdr ? v.len - hdr : -1),
  answers: (quoted, req) => req.name === "IP" && quoted.get("dst") === req.get("dst") && quoted.get("src") === req.get("src") && quoted.get("proto") === req.get("proto"),
});

bind(Ether, IP, { type: 0x0800 });
bind(Dot1Q, IP, { type: 0x0800 });
bind(IP, IP, { proto: 4 });
bind(IPerror, IPerror, { proto: 4 });

IP.span = (buf, off, end) => {
  if (end - off < 20) return undefined;
  const ihl = buf[off] & 0x0f;
  if (ihl < 5 || off + ihl * 4 > end) return undefined;
  return { hdrEnd: off + ihl * 4, key: { ihl, len: (buf[off + 2] << 8) | buf[off + 3], frag: ((buf[off + 6] & 0x1f) << 8) | buf[off + 7], ttl: buf[off + 8], proto: buf[off + 9] } };
};
