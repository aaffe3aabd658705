import { bind } from "../bind.js";
import { readIPv4, writeIPv4 } from "../addr.js";
import { PacketError } from "../errors.js";
import { bytes, int, ipv4, pyBytes, u16, u32, u8, type Field } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { pyRepr } from "../python-repr.js";
import { UDP, UDPerror } from "./udp.js";

export const dhcpMagic = Buffer.from([0x63, 0x82, 0x53, 0x63]);

const hardwareTypes = {
  1: "Ethernet (10Mb)", 2: "Ethernet (3Mb)", 3: "AX.25", 4: "Proteon ProNET Token Ring", 5: "Chaos", 6: "IEEE 802 Networks", 7: "ARCNET",
  8: "Hyperchannel", 9: "Lanstar", 10: "Autonet Short Address", 11: "LocalTalk", 12: "LocalNet", 13: "Ultra link", 14: "SMDS",
  15: "Frame relay", 16: "ATM", 17: "HDLC", 18: "Fibre Channel", 19: "ATM", 20: "Serial Line", 21: "ATM",
};

/** A fixed-length byte field (Scapy's StrFixedLenField): shorter values are padded with zeros, longer ones cut. */
function fixedStr(name: string, length: number): Field {
  const base = bytes(name, Buffer.alloc(0), { length: () => length });
  return {
    ...base,
    size: () => length,
    write: (buf, off, v) => void (v as Buffer).copy(buf, off, 0, Math.min(length, (v as Buffer).length)),
  };
}

// Bit 15 is the broadcast flag; Scapy names the other bits "?".
const bootpFlags = [..."???????????????B"];

export const BOOTP = defineLayer(
  "BOOTP",
  [
    u8("op", 1, { names: { 1: "BOOTREQUEST", 2: "BOOTREPLY" } }),
    u8("htype", 1, { names: hardwareTypes }),
    u8("hlen", 6),
    u8("hops", 0),
    { ...u32("xid", 0), show: (v) => `0x${(v as number).toString(16)}` },
    u16("secs", 0),
    int("flags", 16, 0, { flags: bootpFlags }),
    ipv4("ciaddr"),
    ipv4("yiaddr"),
    ipv4("siaddr"),
    ipv4("giaddr"),
    {
      ...fixedStr("chaddr", 16),
      // Scapy shows an Ethernet chaddr as its MAC and what pads it.
      show: (v, values) => {
        const b = v as Buffer;
        if (values?.htype !== 1) return pyBytes(b);
        const mac = [...b.subarray(0, 6)].map((x) => x.toString(16).padStart(2, "0")).join(":");
        const pad = b.subarray(6);
        return pad.length === 10 && pad.every((x) => x === 0) ? `${mac} (+ 10 nul pad)` : `${mac} (pad: ${pyBytes(pad)})`;
      },
    },
    fixedStr("sname", 64),
    fixedStr("file", 128),
    {
      // The DHCP magic cookie when DHCP options follow (they are the DHCP layer), else every byte left.
      ...bytes("options"),
      read: (buf, off, end) => {
        const stop = end - off >= 4 && buf.subarray(off, off + 4).equals(dhcpMagic) ? off + 4 : end;
        return [buf.subarray(off, stop), stop];
      },
    },
  ],
  {
    guessPayload: (v) => (Buffer.isBuffer(v.options) && v.options.equals(dhcpMagic) ? DHCP : undefined),
    // Scapy's BOOTP.answers: the same transaction id; it does not look into the options.
    answers: (reply, req) => req.name === "BOOTP" && reply.get("xid") === req.get("xid"),
  },
);

/** How an option's values are written (Scapy's field for that option code), or "raw" for bytes as given. */
type Kind = "ip" | "int" | "short" | "byte" | "type" | "str" | "raw" | "bytelist" | "routes";

export const dhcpMessageTypes: Record<number, string> = {
  1: "discover", 2: "offer", 3: "request", 4: "decline", 5: "ack", 6: "nak", 7: "release", 8: "inform", 9: "force_renew",
  10: "lease_query", 11: "lease_unassigned", 12: "lease_unknown", 13: "lease_active",
};

// Scapy 2.5's DHCPOptions: code → name and kind.
const optionTable: [number, string, Kind][] = [
  [1, "subnet_mask", "ip"], [2, "time_zone", "int"], [3, "router", "ip"], [4, "time_server", "ip"], [5, "IEN_name_server", "ip"],
  [6, "name_server", "ip"], [7, "log_server", "ip"], [8, "cookie_server", "ip"], [9, "lpr_server", "ip"], [10, "impress-servers", "ip"],
  [11, "resource-location-servers", "ip"], [12, "hostname", "raw"], [13, "boot-size", "short"], [14, "dump_path", "raw"],
  [15, "domain", "raw"], [16, "swap-server", "ip"], [17, "root_disk_path", "raw"], [18, "extensions-path", "raw"],
  [19, "ip-forwarding", "byte"], [20, "non-local-source-routing", "byte"], [21, "policy-filter", "ip"], [22, "max_dgram_reass_size", "short"],
  [23, "default_ttl", "byte"], [24, "pmtu_timeout", "int"], [25, "path-mtu-plateau-table", "short"], [26, "interface-mtu", "short"],
  [27, "all-subnets-local", "byte"], [28, "broadcast_address", "ip"], [29, "perform-mask-discovery", "byte"], [30, "mask-supplier", "byte"],
  [31, "router-discovery", "byte"], [32, "router-solicitation-address", "ip"], [33, "static-routes", "ip"], [34, "trailer-encapsulation", "byte"],
  [35, "arp_cache_timeout", "int"], [36, "ieee802-3-encapsulation", "byte"], [37, "tcp_ttl", "byte"], [38, "tcp_keepalive_interval", "int"],
  [39, "tcp_keepalive_garbage", "byte"], [40, "NIS_domain", "str"], [41, "NIS_server", "ip"], [42, "NTP_server", "ip"],
  [43, "vendor_specific", "raw"], [44, "NetBIOS_server", "ip"], [45, "NetBIOS_dist_server", "ip"], [46, "NetBIOS_node_type", "byte"],
  [47, "netbios-scope", "raw"], [48, "font-servers", "ip"], [49, "x-display-manager", "ip"], [50, "requested_addr", "ip"],
  [51, "lease_time", "int"], [52, "dhcp-option-overload", "byte"], [53, "message-type", "type"], [54, "server_id", "ip"],
  [55, "param_req_list", "bytelist"], [56, "error_message", "raw"], [57, "max_dhcp_size", "short"], [58, "renewal_time", "int"],
  [59, "rebinding_time", "int"], [60, "vendor_class_id", "str"], [61, "client_id", "str"], [62, "nwip-domain-name", "raw"],
  [64, "NISplus_domain", "raw"], [65, "NISplus_server", "ip"], [66, "tftp_server_name", "raw"], [67, "boot-file-name", "str"],
  [68, "mobile-ip-home-agent", "ip"], [69, "SMTP_server", "ip"], [70, "POP3_server", "ip"], [71, "NNTP_server", "ip"],
  [72, "WWW_server", "ip"], [73, "Finger_server", "ip"], [74, "IRC_server", "ip"], [75, "StreetTalk_server", "ip"],
  [76, "StreetTalk_Dir_Assistance", "ip"], [77, "user_class", "raw"], [78, "slp_service_agent", "raw"], [79, "slp_service_scope", "raw"],
  [81, "client_FQDN", "raw"], [82, "relay_agent_information", "raw"], [85, "nds-server", "ip"], [86, "nds-tree-name", "str"],
  [87, "nds-context", "str"], [88, "bcms-controller-namesi", "raw"], [89, "bcms-controller-address", "ip"],
  [91, "client-last-transaction-time", "int"], [92, "associated-ip", "ip"], [93, "pxe_client_architecture", "raw"],
  [94, "pxe_client_network_interface", "raw"], [97, "pxe_client_machine_identifier", "raw"], [98, "uap-servers", "str"],
  [100, "pcode", "str"], [101, "tcode", "str"], [112, "netinfo-server-address", "ip"], [113, "netinfo-server-tag", "str"],
  [114, "default-url", "str"], [116, "auto-config", "byte"], [117, "name-service-search", "short"], [118, "subnet-selection", "ip"],
  [121, "classless_static_routes", "routes"], [124, "vendor_class", "raw"], [125, "vendor_specific_information", "raw"],
  [128, "tftp_server_ip_address", "ip"], [136, "pana-agent", "ip"], [137, "v4-lost", "raw"], [138, "capwap-ac-v4", "ip"],
  [141, "sip_ua_service_domains", "raw"], [146, "rdnss-selection", "raw"], [150, "tftp_server_address", "ip"], [159, "v4-portparams", "raw"],
  [160, "v4-captive-portal", "str"], [161, "mud-url", "str"], [208, "pxelinux_magic", "raw"], [209, "pxelinux_configuration_file", "raw"],
  [210, "pxelinux_path_prefix", "raw"], [211, "pxelinux_reboot_time", "raw"], [212, "option-6rd", "raw"], [213, "v4-access-domain", "raw"],
];

interface OptionDef {
  code: number;
  name: string;
  kind: Kind;
  /** The value as a field: what paths such as DHCP.options.message-type read and compare with. */
  field: Field;
}

function valueField(name: string, kind: Kind): Field {
  switch (kind) {
    case "ip":
      return ipv4(name);
    case "int":
      return u32(name, 0);
    case "short":
      return u16(name, 0);
    case "byte":
      return u8(name, 0);
    case "type":
      return u8(name, 1, { names: dhcpMessageTypes });
    case "bytelist":
      return { ...bytes(name), isList: true, parse: (x) => x, show: (v) => pyRepr(v) };
    case "routes":
      return { ...bytes(name), isList: true, parse: (x) => x, show: (v) => pyRepr(v) };
    default:
      return bytes(name);
  }
}

const byCode = new Map<number, OptionDef>();
const byName = new Map<string, OptionDef>();
for (const [code, name, kind] of optionTable) {
  const d = { code, name, kind, field: valueField(name, kind) };
  byCode.set(code, d);
  byName.set(name, d);
}

/** One option as Scapy lists them: "pad", "end", a name alone, raw bytes, or (name or code, value, …). */
export type DhcpOption = string | number | Buffer | unknown[];

const textBytes = (v: unknown, what: string): Buffer => {
  if (Buffer.isBuffer(v)) return v;
  if (typeof v === "string") return Buffer.from(v, "utf8");
  throw new PacketError(`${what} takes bytes (b"…") or text`);
};

function intBytes(n: unknown, size: number, what: string, names?: Record<number, string>): Buffer {
  let v = n;
  if (typeof v === "string" && names) v = Number(Object.entries(names).find(([, s]) => s === n)?.[0] ?? NaN);
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= 2 ** (size * 8))
    throw new PacketError(`${what} takes a number of ${size * 8} bits${names ? ` or one of ${Object.values(names).join(", ")}` : ""}, not ${JSON.stringify(n)}`);
  const b = Buffer.alloc(size);
  b.writeUIntBE(v, 0, size);
  return b;
}

/** RFC 3442 route "198.18.0.0/24:198.18.0.1": the prefix length, the significant bytes of the network, the router. */
function routeBytes(v: unknown): Buffer {
  const m = typeof v === "string" ? /^([\d.]+)\/(\d+):([\d.]+)$/.exec(v) : null;
  if (!m || Number(m[2]) > 32) throw new PacketError(`classless_static_routes takes routes like "198.18.0.0/24:198.18.0.1", not ${JSON.stringify(v)}`);
  const prefix = Number(m[2]);
  const net = Buffer.alloc(4);
  const router = Buffer.alloc(4);
  writeIPv4(net, 0, m[1]);
  writeIPv4(router, 0, m[3]);
  return Buffer.concat([Buffer.from([prefix]), net.subarray(0, (prefix + 7) >> 3), router]);
}

/** The bytes of one value of an option, as Scapy's field for it writes them (a list is several values). */
function valueBytes(d: OptionDef, v: unknown, lenient: boolean): Buffer {
  const what = `DHCP option ${d.name}`;
  switch (d.kind) {
    case "ip": {
      if (typeof v !== "string") throw new PacketError(`${what} takes an IPv4 address as text`);
      const b = Buffer.alloc(4);
      // Checking an expression, the text may still hold a saved value's place: the address is checked when built.
      if (!lenient) writeIPv4(b, 0, v);
      return b;
    }
    case "int":
      return intBytes(v, 4, what);
    case "short":
      return intBytes(v, 2, what);
    case "byte":
      return intBytes(v, 1, what);
    case "type":
      return intBytes(v, 1, what, dhcpMessageTypes);
    case "bytelist":
      return Buffer.concat((Array.isArray(v) ? v : [v]).map((x) => intBytes(x, 1, what)));
    case "routes":
      return Buffer.concat((Array.isArray(v) ? v : [v]).map(routeBytes));
    default:
      return textBytes(v, what);
  }
}

/** The bytes of an options list, as Scapy's DHCPOptionsField.i2m builds them. */
export function encodeDhcpOptions(opts: DhcpOption[], lenient = false): Buffer {
  const parts: Buffer[] = [];
  for (const o of opts) {
    if (Array.isArray(o)) {
      // A tuple of one item is skipped, as Scapy skips it (with a warning).
      if (o.length < 2) continue;
      const [name, ...values] = o;
      let code: number;
      let value: Buffer;
      if (typeof name === "number") {
        code = name;
        value = Buffer.concat(values.map((v) => textBytes(v, `DHCP option ${name}`)));
      } else {
        const d = typeof name === "string" ? (name === "pad" ? { code: 0 } : name === "end" ? { code: 255 } : byName.get(name)) : undefined;
        if (!d) throw new PacketError(`DHCP option ${JSON.stringify(name)} is unknown: use a name such as message-type, server_id, lease_time, requested_addr, or (code, b"…")`);
        code = d.code;
        value = "kind" in d ? Buffer.concat(values.map((v) => valueBytes(d, v, lenient))) : Buffer.concat(values.map((v) => textBytes(v, String(name))));
      }
      if (code > 255 || value.length > 255) throw new PacketError(`DHCP option ${String(name)}: its value is ${value.length} bytes, at most 255 fit`);
      parts.push(Buffer.from([code, value.length]), value);
    } else if (o === "pad") parts.push(Buffer.from([0]));
    else if (o === "end") parts.push(Buffer.from([255]));
    // A name of an option whose value is plain bytes stands for its code alone; any other text is written as it is.
    else if (typeof o === "string") parts.push(byName.get(o)?.kind === "raw" ? Buffer.from([byName.get(o)!.code]) : Buffer.from(o, "utf8"));
    else if (typeof o === "number") parts.push(Buffer.from([o & 0xff, 0]));
    else if (Buffer.isBuffer(o)) parts.push(o);
  }
  return Buffer.concat(parts);
}

/** One value of an option from its bytes, as Scapy's field reads it; undefined when the bytes do not fit. */
function readValue(d: OptionDef, b: Buffer, off: number): [unknown, number] | undefined {
  const left = b.length - off;
  switch (d.kind) {
    case "ip":
      return left >= 4 ? [readIPv4(b, off), off + 4] : undefined;
    case "int":
      return left >= 4 ? [b.readUInt32BE(off), off + 4] : undefined;
    case "short":
      return left >= 2 ? [b.readUInt16BE(off), off + 2] : undefined;
    case "byte":
    case "type":
      return [b[off], off + 1];
    case "bytelist":
      return [[...b.subarray(off)], b.length];
    case "routes": {
      const routes: string[] = [];
      while (off < b.length) {
        const prefix = b[off];
        const octets = (prefix + 7) >> 3;
        if (prefix > 32 || off + 1 + octets + 4 > b.length) return undefined;
        const net = Buffer.alloc(4);
        b.copy(net, 0, off + 1, off + 1 + octets);
        routes.push(`${readIPv4(net, 0)}/${prefix}:${readIPv4(b, off + 1 + octets)}`);
        off += 5 + octets;
      }
      return [routes, off];
    }
    default:
      return [b.subarray(off), b.length];
  }
}

/** Reads options as Scapy's DHCPOptionsField.m2i: what does not parse ends the list as raw bytes. */
export function decodeDhcpOptions(x: Buffer): DhcpOption[] {
  const out: DhcpOption[] = [];
  let off = 0;
  while (off < x.length) {
    const o = x[off];
    if (o === 255 || o === 0) {
      out.push(o === 255 ? "end" : "pad");
      off++;
      continue;
    }
    if (x.length - off < 2 || x.length - off < x[off + 1] + 2) {
      out.push(x.subarray(off));
      break;
    }
    const len = x[off + 1];
    const value = x.subarray(off + 2, off + 2 + len);
    const d = byCode.get(o);
    if (!d) out.push([o, value]);
    else if (d.kind === "raw") out.push([d.name, value]);
    else {
      const item: unknown[] = [d.name];
      let p = 0;
      let ok = true;
      while (p < value.length) {
        const r = readValue(d, value, p);
        if (!r) {
          ok = false;
          break;
        }
        item.push(r[0]);
        p = r[1];
      }
      if (!ok) {
        out.push(x.subarray(off));
        break;
      }
      out.push(item);
    }
    off += 2 + len;
  }
  return out;
}

/** Scapy's sane(): printable ASCII as it is, anything else as ".". */
const sane = (b: Buffer) => [...b].map((c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ".")).join("");

/** Scapy's DHCPOptionsField.i2repr: [message-type=discover server_id=198.18.0.1 end]. */
function showOptions(opts: DhcpOption[]): string {
  const parts = opts.map((o) => {
    if (!Array.isArray(o) || o.length < 2) return Array.isArray(o) ? pyRepr(o) : Buffer.isBuffer(o) ? sane(o) : String(o);
    const [name, ...values] = o;
    const d = typeof name === "string" ? byName.get(name) : undefined;
    const one = (v: unknown) => {
      if (!d || d.kind === "raw") return pyRepr(v);
      if (d.kind === "type") return `'${dhcpMessageTypes[v as number] ?? v}'`;
      if (d.kind === "str") return Buffer.isBuffer(v) ? pyBytes(v) : pyRepr(v);
      return d.kind === "ip" ? String(v) : pyRepr(v);
    };
    return `${String(name)}=${values.map(one).join(",")}`;
  });
  return `[${parts.join(" ")}]`;
}

const optionsField: Field = {
  name: "options",
  bits: 0,
  default: [],
  // A Python list here is the options themselves, not a packet set.
  isList: true,
  size: (v) => encodeDhcpOptions(v as DhcpOption[]).length,
  write: (buf, off, v) => void encodeDhcpOptions(v as DhcpOption[]).copy(buf, off),
  read: (buf, off, end) => [decodeDhcpOptions(buf.subarray(off, end)), end],
  parse: (input) => {
    if (Buffer.isBuffer(input)) return [input];
    if (!Array.isArray(input)) throw new PacketError(`options takes a list such as [("message-type", "discover"), "end"]`);
    const opts = input as DhcpOption[];
    encodeDhcpOptions(opts, true); // checked now, so a mistake is reported where the expression is
    return opts;
  },
  show: (v) => showOptions(v as DhcpOption[]),
  // DHCP.options.message-type, DHCP.options.server_id: the values of the options of that name.
  keys: {
    names: () => [...byName.keys()],
    field: (key) => byName.get(key)?.field,
    values: (list, key) => ((list as DhcpOption[]) ?? []).flatMap((o) => (Array.isArray(o) && o[0] === key ? o.slice(1) : [])),
  },
};

export const DHCP = defineLayer("DHCP", [optionsField], {
  summary: (l: Layer) => {
    for (const o of (l.get("options") as DhcpOption[]) ?? [])
      if (Array.isArray(o) && o[0] === "message-type") {
        const t = dhcpMessageTypes[o[1] as number] ?? "";
        return `DHCP ${t.charAt(0).toUpperCase()}${t.slice(1)}`;
      }
    return "";
  },
  json: (l, out) => {
    out.options = pyRepr(l.get("options"));
  },
});

// Building UDP/BOOTP sets the server's ports, as Scapy (its last binding wins); either direction is read as BOOTP.
bind(UDP, BOOTP, { sport: 67, dport: 68 });
bind(UDP, BOOTP, { sport: 68, dport: 67 });
bind(UDP, BOOTP, { sport: 67, dport: 67 }, { build: false });
for (const ports of [{ sport: 67, dport: 68 }, { sport: 68, dport: 67 }, { sport: 67, dport: 67 }]) bind(UDPerror, BOOTP, ports, { build: false });
// Read by the cookie (guessPayload: a Buffer is not compared by the binding table); built with it.
bind(BOOTP, DHCP, { options: dhcpMagic }, { dissect: false });
