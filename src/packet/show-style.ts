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
  DHCP6: "DHCPv6 Generic Message",
  DHCP6_Solicit: "DHCPv6 Solicit Message",
  DHCP6_Advertise: "DHCPv6 Advertise Message",
  DHCP6_Request: "DHCPv6 Request Message",
  DHCP6_Confirm: "DHCPv6 Confirm Message",
  DHCP6_Renew: "DHCPv6 Renew Message",
  DHCP6_Rebind: "DHCPv6 Rebind Message",
  DHCP6_Reply: "DHCPv6 Reply Message",
  DHCP6_Release: "DHCPv6 Release Message",
  DHCP6_Decline: "DHCPv6 Decline Message",
  DHCP6_Reconf: "DHCPv6 Reconfigure Message",
  DHCP6_InfoRequest: "DHCPv6 Information Request Message",
  DHCP6_RelayForward: "DHCPv6 Relay Forward Message (Relay Agent/Server Message)",
  DHCP6_RelayReply: "DHCPv6 Relay Reply Message (Relay Agent/Server Message)",
  DUID_LLT: "DUID - Link-layer address plus time",
  DUID_EN: "DUID - Assigned by Vendor Based on Enterprise Number",
  DUID_LL: "DUID - Based on Link-layer Address",
  DUID_UUID: "DUID - Based on UUID",
  DHCP6OptUnknown: "Unknown DHCPv6 Option",
  DHCP6OptClientId: "DHCP6 Client Identifier Option",
  DHCP6OptServerId: "DHCP6 Server Identifier Option",
  DHCP6OptIAAddress: "DHCP6 IA Address Option (IA_TA or IA_NA suboption)",
  DHCP6OptIA_NA: "DHCP6 Identity Association for Non-temporary Addresses Option",
  DHCP6OptIA_TA: "DHCP6 Identity Association for Temporary Addresses Option",
  DHCP6OptOptReq: "DHCP6 Option Request Option",
  DHCP6OptPref: "DHCP6 Preference Option",
  DHCP6OptElapsedTime: "DHCP6 Elapsed Time Option",
  DHCP6OptStatusCode: "DHCP6 Status Code Option",
  DHCP6OptRapidCommit: "DHCP6 Rapid Commit Option",
  DHCP6OptIfaceId: "DHCP6 Interface-Id Option",
  DHCP6OptDNSServers: "DHCP6 Option - DNS Recursive Name Server",
  DHCP6OptDNSDomains: "DHCP6 Option - Domain Search List option",
  DHCP6OptIAPrefix: "DHCP6 Option - IA Prefix option",
  DHCP6OptIA_PD: "DHCP6 Option - Identity Association for Prefix Delegation",
  DHCP6OptRelayMsg: "DHCP6 Relay Message Option",
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
  DHCP6: ["trid"],
  DHCP6_Solicit: ["trid"],
  DHCP6_Advertise: ["trid"],
  DHCP6_Request: ["trid"],
  DHCP6_Confirm: ["trid"],
  DHCP6_Renew: ["trid"],
  DHCP6_Rebind: ["trid"],
  DHCP6_Reply: ["trid"],
  DHCP6_Release: ["trid"],
  DHCP6_Decline: ["trid"],
  DHCP6_Reconf: ["trid"],
  DHCP6_InfoRequest: ["trid"],
  DHCP6OptIA_NA: ["iaid"],
  DHCP6OptIA_TA: ["iaid"],
  DHCP6OptIA_PD: ["iaid"],
  DUID_LLT: ["hwtype"],
  DUID_LL: ["hwtype"],
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
