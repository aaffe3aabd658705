import { isIP } from "node:net";
import { pyBytes, pyStr, type Values } from "./field.js";
import type { Layer } from "./layer.js";

/**
 * How Scapy's show() names a layer (its Packet.name, which is not the class name) and which of its integer fields it
 * prints in hex (its X… fields: XShortField, XShortEnumField for a value without a name, …). A layer missing here
 * shows its class name and every number in decimal.
 */
export const scapyTitles: Readonly<Record<string, string>> = {
  Ether: "Ethernet",
  Dot1Q: "802.1Q",
  IPOption_EOL: "IP Option End of Options List",
  IPOption_NOP: "IP Option No Operation",
  IPOption_RR: "IP Option Record Route",
  IPOption_Router_Alert: "IP Option Router Alert",
  IPOption: "IP Option",
  IPerror: "IP in ICMP",
  ICMPerror: "ICMP in ICMP",
  TCPerror: "TCP in ICMP",
  UDPerror: "UDP in ICMP",
  IPerror6: "IPv6 in ICMPv6",
  ICMPv6DestUnreach: "ICMPv6 Destination Unreachable",
  ICMPv6PacketTooBig: "ICMPv6 Packet Too Big",
  ICMPv6TimeExceeded: "ICMPv6 Time Exceeded",
  ICMPv6ParamProblem: "ICMPv6 Parameter Problem",
  ICMPv6EchoRequest: "ICMPv6 Echo Request",
  ICMPv6EchoReply: "ICMPv6 Echo Reply",
  ICMPv6ND_RS: "ICMPv6 Neighbor Discovery - Router Solicitation",
  ICMPv6ND_RA: "ICMPv6 Neighbor Discovery - Router Advertisement",
  ICMPv6ND_NS: "ICMPv6 Neighbor Discovery - Neighbor Solicitation",
  ICMPv6ND_NA: "ICMPv6 Neighbor Discovery - Neighbor Advertisement",
  ICMPv6Unknown: "Scapy6 ICMPv6 fallback class",
  ICMPv6NDOptSrcLLAddr: "ICMPv6 Neighbor Discovery Option - Source Link-Layer Address",
  ICMPv6NDOptDstLLAddr: "ICMPv6 Neighbor Discovery Option - Destination Link-Layer Address",
  ICMPv6NDOptPrefixInfo: "ICMPv6 Neighbor Discovery Option - Prefix Information",
  ICMPv6NDOptMTU: "ICMPv6 Neighbor Discovery Option - MTU",
  DNSQR: "DNS Question Record",
  DNSRR: "DNS Resource Record",
};

export const hexFields: Readonly<Record<string, readonly string[]>> = {
  Ether: ["type"],
  Dot1Q: ["type"],
  ARP: ["hwtype", "ptype"],
  IP: ["tos", "chksum"],
  IPerror: ["tos", "chksum"],
  ICMP: ["chksum", "id", "seq"],
  ICMPerror: ["chksum", "id", "seq"],
  TCP: ["chksum"],
  TCPerror: ["chksum"],
  UDP: ["chksum"],
  UDPerror: ["chksum"],
  ICMPv6DestUnreach: ["cksum", "unused"],
  ICMPv6PacketTooBig: ["cksum"],
  ICMPv6TimeExceeded: ["cksum", "unused"],
  ICMPv6ParamProblem: ["cksum"],
  ICMPv6EchoRequest: ["cksum", "id", "seq"],
  ICMPv6EchoReply: ["cksum", "id", "seq"],
  ICMPv6ND_RS: ["cksum"],
  ICMPv6ND_RA: ["cksum"],
  ICMPv6ND_NS: ["cksum"],
  ICMPv6ND_NA: ["cksum", "res"],
  ICMPv6Unknown: ["cksum"],
  ICMPv6NDOptPrefixInfo: ["validlifetime", "preferredlifetime", "res2"],
  ICMPv6NDOptMTU: ["res"],
  GRE: ["proto", "chksum", "offset", "key", "sequence_number"],
  VXLAN: ["vni", "reserved2"],
  IGMP: ["chksum"],
  IGMPv3: ["chksum"],
  IGMPv3mr: ["res2"],
  GENEVE: ["proto", "vni", "reserved2"],
  LLC: ["dsap", "ssap"],
  SNAP: ["code"],
  Dot1AD: ["type"],
  ICMPv6MLQuery: ["cksum"],
  ICMPv6MLReport: ["cksum"],
  ICMPv6MLDone: ["cksum"],
  ICMPv6MLQuery2: ["cksum"],
  ICMPv6MLReport2: ["cksum"],
  ICMPv6ND_Redirect: ["cksum", "res"],
};

/** Layers Scapy shows without indenting their payload (show_indent = 0). */
export const flatLayers: ReadonlySet<string> = new Set(["DNSQR", "DNSRR"]);

/**
 * Fields whose text Scapy's show() derives from more than the value: a computed count it shows before building, an
 * empty record list it holds as None, a default it keeps as text (b"") until it reads a list. Each entry gives the text, or undefined to show the value as usual.
 */
export type ShowOverride = (l: Layer, values: Values) => string | undefined;

const dnsCount = (list: string): ShowOverride => (l, v) => (l.buf || v[`${list}count`] !== undefined ? undefined : String((v[list] as unknown[] | undefined)?.length ?? 0));
const dnsList = (list: string): ShowOverride => (_l, v) => ((v[list] as unknown[] | undefined)?.length ? undefined : "None");
// TCP options: b"" until given (crafted) or until Scapy reads a list (it reads none when the header ends the bytes).
const tcpOptions: ShowOverride = (l, v) => ((v.options as unknown[]).length === 0 && (l.buf ? l.end <= l.hdrEnd : !("options" in l.given)) ? "''" : undefined);
const nameText = (name: string) => pyStr(Buffer.from(name.endsWith(".") ? name : `${name}.`, "latin1"));
const dnsName = (field: string): ShowOverride => (_l, v) => (typeof v[field] === "string" ? nameText(v[field] as string) : undefined);
// rdata: addresses as they are, names as text ending in a dot, TXT as a list (of bytes; crafted from text, of texts).
const dnsRdata: ShowOverride = (_l, v) => {
  const r = v.rdata;
  if (Array.isArray(r)) return `[${r.map((x) => pyBytes(Buffer.isBuffer(x) ? x : Buffer.from(String(x), "latin1"))).join(", ")}]`;
  if (typeof r !== "string" || isIP(r)) return undefined;
  return v.type === 16 ? `[${pyStr(Buffer.from(r, "latin1"))}]` : nameText(r);
};
// ICMP's timestamps: milliseconds since midnight UTC, shown as h:m:s.ms.
const icmpTime = (field: string): ShowOverride => (_l, v) => {
  const t = v[field];
  if (typeof t !== "number") return undefined;
  return `${Math.floor(t / 3600000)}:${Math.floor(t / 60000) % 60}:${Math.floor(t / 1000) % 60}.${t % 1000}`;
};
// GRE's offset: None until built, unless given.
const unsetNone = (field: string): ShowOverride => (l) => (!l.buf && !(field in l.given) ? "None" : undefined);
// ARP's addresses as the field prints them (bytes without trailing zeros, None for an unset one of bytes form).
const ownShow = (field: string): ShowOverride => (l, v) => l.def.byName.get(field)!.show(v[field], v);
const icmp = { ts_ori: icmpTime("ts_ori"), ts_rx: icmpTime("ts_rx"), ts_tx: icmpTime("ts_tx") };

export const showOverrides: Readonly<Record<string, Readonly<Record<string, ShowOverride>>>> = {
  TCP: { options: tcpOptions },
  TCPerror: { options: tcpOptions },
  ICMP: icmp,
  ICMPerror: icmp,
  GRE: { offset: unsetNone("offset") },
  ARP: { hwsrc: ownShow("hwsrc"), psrc: ownShow("psrc"), hwdst: ownShow("hwdst"), pdst: ownShow("pdst") },
  DNS: {
    qdcount: dnsCount("qd"), ancount: dnsCount("an"), nscount: dnsCount("ns"), arcount: dnsCount("ar"),
    qd: dnsList("qd"), an: dnsList("an"), ns: dnsList("ns"), ar: dnsList("ar"),
  },
  DNSQR: { qname: dnsName("qname") },
  DNSRR: { rrname: dnsName("rrname"), rdata: dnsRdata },
};

/** Fields Scapy shows even where the wire has none, with their text: ICMP's unused is an empty StrFixedLenField then. */
export const keptWhenAbsent: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ICMP: { unused: "''" },
  ICMPerror: { unused: "''" },
};
