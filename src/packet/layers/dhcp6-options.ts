// DHCPv6 options (RFC 8415, 3646, 3633) and DUIDs, as Scapy 2.5's dhcp6.py declares them. Options follow their
// message as layers of their own, each naming the next by its code; those inside an IA are lists of options.
import { PacketError } from "../errors.js";
import { bytes, ipv6, mac, u16, u32, u8, type Field, type Values } from "../field.js";
import { defineLayer, Layer, type LayerDef } from "../layer.js";
import { addressList } from "./address-list.js";
import { domainNames, optionList, optlen, optlenAuto, packetLen, strLen } from "./dhcp6-fields.js";
import { pyList } from "./py-repr.js";
import { Padding, Raw } from "./raw.js";

export const dhcp6OptionNames: Record<number, string> = {
  1: "CLIENTID", 2: "SERVERID", 3: "IA_NA", 4: "IA_TA", 5: "IAADDR", 6: "ORO", 7: "PREFERENCE", 8: "ELAPSED_TIME", 9: "RELAY_MSG", 11: "AUTH",
  12: "UNICAST", 13: "STATUS_CODE", 14: "RAPID_COMMIT", 15: "USER_CLASS", 16: "VENDOR_CLASS", 17: "VENDOR_OPTS", 18: "INTERFACE_ID", 19: "RECONF_MSG",
  20: "RECONF_ACCEPT", 21: "SIP Servers Domain Name List", 22: "SIP Servers IPv6 Address List", 23: "DNS Recursive Name Server Option",
  24: "Domain Search List option", 25: "OPTION_IA_PD", 26: "OPTION_IAPREFIX", 27: "OPTION_NIS_SERVERS", 28: "OPTION_NISP_SERVERS",
  29: "OPTION_NIS_DOMAIN_NAME", 30: "OPTION_NISP_DOMAIN_NAME", 31: "OPTION_SNTP_SERVERS", 32: "OPTION_INFORMATION_REFRESH_TIME",
  33: "OPTION_BCMCS_SERVER_D", 34: "OPTION_BCMCS_SERVER_A", 36: "OPTION_GEOCONF_CIVIC", 37: "OPTION_REMOTE_ID", 38: "OPTION_SUBSCRIBER_ID",
  39: "OPTION_CLIENT_FQDN", 40: "OPTION_PANA_AGENT", 41: "OPTION_NEW_POSIX_TIMEZONE", 42: "OPTION_NEW_TZDB_TIMEZONE", 48: "OPTION_LQ_CLIENT_LINK",
  59: "OPT_BOOTFILE_URL", 60: "OPT_BOOTFILE_PARAM", 61: "OPTION_CLIENT_ARCH_TYPE", 62: "OPTION_NII", 65: "OPTION_ERP_LOCAL_DOMAIN_NAME",
  66: "OPTION_RELAY_SUPPLIED_OPTIONS", 68: "OPTION_VSS", 79: "OPTION_CLIENT_LINKLAYER_ADDR", 112: "OPTION_MUD_URL",
};

/**
 * The codes Scapy reads as an option class of its own. Those wirecheck does not model yet are read as Raw, never
 * as DHCP6OptUnknown (Scapy would name them otherwise); see `optionKind`.
 */
const scapyOptionCodes = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 37, 38, 39, 40, 41, 42, 43, 48, 59, 60, 61, 62, 65, 66, 68, 79, 112]);

export const duidTypes: Record<number, string> = {
  1: "Link-layer address plus time", 2: "Vendor-assigned unique ID based on Enterprise Number", 3: "Link-layer Address", 4: "UUID",
};

export const duidHardwareTypes: Record<number, string> = {
  0: "NET/ROM pseudo", 1: "Ethernet (10Mb)", 2: "Experimental Ethernet (3Mb)", 3: "Amateur Radio AX.25", 4: "Proteon ProNET Token Ring", 5: "Chaos",
  6: "IEEE 802 Networks", 7: "ARCNET", 8: "Hyperchannel", 9: "Lanstar", 10: "Autonet Short Address", 11: "LocalTalk",
  12: "LocalNet (IBM PCNet or SYTEK LocalNET)", 13: "Ultra link", 14: "SMDS", 15: "Frame Relay", 16: "Asynchronous Transmission Mode (ATM)", 17: "HDLC",
  18: "Fibre Channel", 19: "Asynchronous Transmission Mode (ATM)", 20: "Serial Line", 21: "Asynchronous Transmission Mode (ATM)", 22: "MIL-STD-188-220",
  23: "Metricom", 24: "IEEE 1394.1995", 25: "MAPOS", 26: "Twinaxial", 27: "EUI-64", 28: "HIPARP", 29: "IP and ARP over ISO 7816-3", 30: "ARPSec",
  31: "IPsec tunnel", 32: "InfiniBand (TM)", 33: "TIA-102 Project 25 Common Air Interface (CAI)",
};

// Scapy 2.5's IANA_ENTERPRISE_NUMBERS as it ships (the short built-in table, not IANA's whole registry).
const enterpriseNumbers: Record<number, string> = {
  9: "ciscoSystems", 35: "Nortel Networks", 43: "3Com", 311: "Microsoft", 2636: "Juniper Networks, Inc.", 4526: "Netgear", 5771: "Cisco Systems, Inc.",
  5842: "Cisco Systems", 11129: "Google, Inc", 16885: "Nortel Networks",
};

export const dhcp6StatusCodes: Record<number, string> = { 0: "Success", 1: "UnspecFail", 2: "NoAddrsAvail", 3: "NoBinding", 4: "NotOnLink", 5: "UseMulticast", 6: "NoPrefixAvail" };

const lifetimes = { 0xffffffff: "infinity" };

/** DUID_LLT's time: seconds since 2000-01-01 UTC, shown as Scapy's UTCTimeField shows it. */
const epoch2000 = 946684800;
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function utcTime(v: unknown): string {
  if (typeof v !== "number") return "None";
  const t = v + epoch2000;
  const d = new Date(t * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000 (${t})`;
}

/** Scapy's UUIDField (big-endian): text as 8-4-4-4-12 hex digits; None is written as 16 zero bytes. */
const uuidText = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const uuidField: Field = {
  name: "uuid",
  bits: 0,
  default: null,
  fixedSize: 16,
  size: () => 16,
  write: (buf, off, v) => void (typeof v === "string" ? Buffer.from(v.replace(/-/g, ""), "hex") : Buffer.alloc(16)).copy(buf, off),
  read: (buf, off, end) => {
    if (off + 16 > end) return [undefined, end];
    const h = buf.subarray(off, off + 16).toString("hex");
    return [`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, off + 16];
  },
  parse: (input) => {
    if (input === null) return null;
    if (typeof input !== "string" || !uuidText.test(input)) throw new PacketError('uuid takes a UUID as text, e.g. "12345678-1234-5678-9abc-def012345678"');
    const h = input.replace(/-/g, "").toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  },
  show: (v) => (typeof v === "string" ? `UUID('${v}')` : "None"),
};

const duidType = (n: number) => u16("type", n, { names: duidTypes });
const hwtype = () => u16("hwtype", 1, { names: duidHardwareTypes });

export const DUID_LLT = defineLayer("DUID_LLT", [duidType(1), hwtype(), { ...u32("timeval", 0), show: utcTime }, mac("lladdr")]);
export const DUID_EN = defineLayer("DUID_EN", [duidType(2), u32("enterprisenum", 311, { names: enterpriseNumbers }), bytes("id")]);
export const DUID_LL = defineLayer("DUID_LL", [duidType(3), hwtype(), mac("lladdr")]);
export const DUID_UUID = defineLayer("DUID_UUID", [duidType(4), uuidField]);

const duidByType = new Map<number, LayerDef>([[1, DUID_LLT], [2, DUID_EN], [3, DUID_LL], [4, DUID_UUID]]);
/** Scapy's _duid_dispatcher: more than 4 bytes of a known DUID type, else Raw. */
const duidKind = (buf: Buffer, off: number, end: number) => (end - off > 4 ? (duidByType.get(buf.readUInt16BE(off)) ?? Raw) : Raw);
const duidKinds = () => [...duidByType.values()];

const optionByCode = new Map<number, LayerDef>();

/** What Scapy's _DHCP6OptGuessPayload reads next: Raw for 2 bytes or less, the option of the code, else `unknown`. */
function optionKind(payload: Buffer, off: number, end: number, unknown: LayerDef): LayerDef {
  if (end - off <= 2) return Raw;
  const code = payload.readUInt16BE(off);
  return optionByCode.get(code) ?? (scapyOptionCodes.has(code) ? Raw : unknown);
}

/** The options after a message or an option (DHCP6OptUnknown for a code Scapy has no class for). */
export const nextOption = (_v: Values, payload: Buffer): LayerDef => optionKind(payload, 0, payload.length, DHCP6OptUnknown);
/** An item of an option list (unknown codes as Raw, as Scapy's _DHCP6OptGuessPayloadElt). */
const listItemKind = (buf: Buffer, off: number, end: number): LayerDef => optionKind(buf, off, end, Raw);

const dhcp6Options = new Set<LayerDef>();
export const isDhcp6Option = (l: Layer) => dhcp6Options.has(l.def) || l.def === Raw;

/** An option: its code (named as Scapy names it), then its fields; optlen is computed unless the fields fix it. */
export function option(name: string, code: number, fields: Field[], o: { fixedLength?: number; guessPayload?: LayerDef["guessPayload"] } = {}): LayerDef {
  const len = o.fixedLength === undefined ? optlen() : u16("optlen", o.fixedLength);
  const def = defineLayer(name, [u16("optcode", code, { names: dhcp6OptionNames }), len, ...fields], {
    postBuild: o.fixedLength === undefined ? optlenAuto : undefined,
    guessPayload: o.guessPayload ?? nextOption,
  });
  if (code) optionByCode.set(code, def);
  dhcp6Options.add(def);
  return def;
}

const list = (name: string, fixed: number) => optionList(name, fixed, listItemKind, isDhcp6Option);
const afterAddress = () => Padding;

export const DHCP6OptUnknown = option("DHCP6OptUnknown", 0, [strLen("data", 0)]);
export const DHCP6OptClientId = option("DHCP6OptClientId", 1, [packetLen("duid", 0, undefined, duidKind, duidKinds, "a DUID (DUID_LLT(), DUID_EN(), DUID_LL(), DUID_UUID()) or bytes")]);
export const DHCP6OptServerId = option("DHCP6OptServerId", 2, [packetLen("duid", 0, undefined, duidKind, duidKinds, "a DUID (DUID_LLT(), DUID_EN(), DUID_LL(), DUID_UUID()) or bytes")]);
const iaid = () => u32("iaid", undefined, { auto: false });
const time = (name: string) => u32(name, undefined, { auto: false });
export const DHCP6OptIA_NA = option("DHCP6OptIA_NA", 3, [iaid(), time("T1"), time("T2"), list("ianaopts", 12)]);
export const DHCP6OptIA_TA = option("DHCP6OptIA_TA", 4, [iaid(), list("iataopts", 4)]);
export const DHCP6OptIAAddress = option(
  "DHCP6OptIAAddress",
  5,
  [ipv6("addr", "::"), u32("preflft", 0, { names: lifetimes }), u32("validlft", 0, { names: lifetimes }), list("iaaddropts", 24)],
  { guessPayload: afterAddress },
);

/** Scapy's _OptReqListField: option codes, 2 bytes each (an odd last byte is dropped), shown by their names. */
const reqopts: Field = {
  name: "reqopts",
  bits: 0,
  default: [23, 24],
  isList: true,
  tsType: "number[]",
  size: (v) => 2 * (v as number[]).length,
  write: (buf, off, v) => (v as number[]).forEach((c, i) => buf.writeUInt16BE(c & 0xffff, off + 2 * i)),
  read: (buf, off, end, v) => {
    const n = v.optlen as number;
    const stop = off + Math.min(n, end - off);
    const codes: number[] = [];
    for (let p = off; p + 2 <= stop; p += 2) codes.push(buf.readUInt16BE(p));
    return [codes, stop];
  },
  parse: (input) => {
    const codes = Array.isArray(input) ? input : [input];
    for (const c of codes) if (!Number.isInteger(c) || (c as number) < 0 || (c as number) > 0xffff) throw new PacketError("reqopts takes a list of option codes, e.g. [23, 24]");
    return codes;
  },
  show: (v) => `[${(v as number[]).map((c) => dhcp6OptionNames[c] ?? String(c)).join(", ")}]`,
};
export const DHCP6OptOptReq = option("DHCP6OptOptReq", 6, [reqopts]);
// In JSON as Scapy holds it: the list of numbers.
DHCP6OptOptReq.json = (l, out) => void (out.reqopts = `[${((l.get("reqopts") as number[]) ?? []).join(", ")}]`);
export const DHCP6OptPref = option("DHCP6OptPref", 7, [u8("prefval", 255)], { fixedLength: 1 });
const elapsed: Field = { ...u16("elapsedtime", 0), show: (v) => (v === 0xffff ? "infinity (0xffff)" : `${((v as number) / 100).toFixed(2)} sec`) };
export const DHCP6OptElapsedTime = option("DHCP6OptElapsedTime", 8, [elapsed], { fixedLength: 2 });
export const DHCP6OptStatusCode = option("DHCP6OptStatusCode", 13, [u16("statuscode", undefined, { names: dhcp6StatusCodes, auto: false }), strLen("statusmsg", 2)]);
export const DHCP6OptRapidCommit = option("DHCP6OptRapidCommit", 14, [], { fixedLength: 0 });
export const DHCP6OptIfaceId = option("DHCP6OptIfaceId", 18, [strLen("ifaceid", 0)]);
export const DHCP6OptDNSServers = option("DHCP6OptDNSServers", 23, [addressList("dnsservers", 6, { spaced: true, length: (v) => v.optlen as number })]);
DHCP6OptDNSServers.json = (l, out) => void (out.dnsservers = pyList(l.get("dnsservers") as string[]));
export const DHCP6OptDNSDomains = option("DHCP6OptDNSDomains", 24, [domainNames("dnsdomains")]);
export const DHCP6OptIA_PD = option("DHCP6OptIA_PD", 25, [iaid(), time("T1"), time("T2"), list("iapdopt", 12)]);
export const DHCP6OptIAPrefix = option(
  "DHCP6OptIAPrefix",
  26,
  [u32("preflft", 0, { names: lifetimes }), u32("validlft", 0, { names: lifetimes }), u8("plen", 48), ipv6("prefix", "2001:db8::"), list("iaprefopts", 25)],
  { guessPayload: afterAddress },
);
