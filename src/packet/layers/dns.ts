import { bind } from "../bind.js";
import { readIPv4, readIPv6, writeIPv4, writeIPv6 } from "../addr.js";
import { PacketError } from "../errors.js";
import { isIP } from "node:net";
import { int, pyBytes, pyStr, toBytes, u16, u32, type Field, type Values } from "../field.js";
import { defineLayer, Layer, type LayerDef } from "../layer.js";
import { UDP } from "./udp.js";

export const dnsTypes: Record<number, string> = {
  0: "ANY", 1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR", 10: "NULL", 11: "WKS", 12: "PTR",
  13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP", 18: "AFSDB", 19: "X25", 20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP-PTR",
  24: "SIG", 25: "KEY", 26: "PX", 27: "GPOS", 28: "AAAA", 29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC", 33: "SRV", 34: "ATMA",
  35: "NAPTR", 36: "KX", 37: "CERT", 38: "A6", 39: "DNAME", 40: "SINK", 41: "OPT", 42: "APL", 43: "DS", 44: "SSHFP", 45: "IPSECKEY",
  46: "RRSIG", 47: "NSEC", 48: "DNSKEY", 49: "DHCID", 50: "NSEC3", 51: "NSEC3PARAM", 52: "TLSA", 53: "SMIMEA", 55: "HIP", 56: "NINFO",
  57: "RKEY", 58: "TALINK", 59: "CDS", 60: "CDNSKEY", 61: "OPENPGPKEY", 62: "CSYNC", 63: "ZONEMD", 64: "SVCB", 65: "HTTPS", 99: "SPF",
  100: "UINFO", 101: "UID", 102: "GID", 103: "UNSPEC", 104: "NID", 105: "L32", 106: "L64", 107: "LP", 108: "EUI48", 109: "EUI64",
  249: "TKEY", 250: "TSIG", 256: "URI", 257: "CAA", 258: "AVC", 259: "DOA", 260: "AMTRELAY", 32768: "TA", 32769: "DLV", 65535: "RESERVED",
};
const dnsQTypes = { ...dnsTypes, 251: "IXFR", 252: "AXFR", 253: "MAILB", 254: "MAILA", 255: "ALL" };
const dnsClasses = { 1: "IN", 2: "CS", 3: "CH", 4: "HS", 255: "ANY" };
const nameTypes = new Set([2, 3, 4, 5, 12]);

/** A name as Scapy keeps it: text ending in "." ("www.example.com."); the root is ".". */
function normName(s: string): string {
  return s === "" || s === "." ? "." : s.endsWith(".") ? s : `${s}.`;
}

/** Wire size of a name: a length byte and up to 63 bytes per label, then the root's 0. */
function nameSize(name: string): number {
  const n = normName(name);
  if (n === ".") return 1;
  let size = 1;
  let label = 0;
  for (let i = 0; i < n.length; i++) {
    if (n.charCodeAt(i) === 46) {
      size += 1 + Math.min(label, 63);
      label = 0;
    } else label++;
  }
  return size;
}

/** Writes a name uncompressed, as Scapy builds it; returns where it ends. */
function writeName(buf: Buffer, off: number, name: string): number {
  const n = normName(name);
  if (n !== ".") {
    let start = 0;
    for (let i = 0; i < n.length; i++) {
      if (n.charCodeAt(i) !== 46) continue;
      const len = Math.min(i - start, 63);
      buf[off++] = len;
      for (let k = 0; k < len; k++) buf[off++] = n.charCodeAt(start + k) & 0xff;
      start = i + 1;
    }
  }
  buf[off++] = 0;
  return off;
}

function encodeName(name: string): Buffer {
  const b = Buffer.alloc(nameSize(name));
  writeName(b, 0, name);
  return b;
}

/**
 * Reads a possibly compressed name of the message `msg` (offsets relative to its start) at `off`. Pointer loops and
 * overlong names are errors, so hostile bytes cannot make it spin.
 */
export function decodeName(msg: Buffer, off: number): [string, number] {
  let name = "";
  let next = -1;
  let jumps = 0;
  let length = 0;
  for (;;) {
    if (off >= msg.length) throw new PacketError("DNS name runs past the message");
    const len = msg[off];
    if (len === 0) {
      if (next < 0) next = off + 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (off + 1 >= msg.length) throw new PacketError("DNS name pointer is cut off");
      const target = ((len & 0x3f) << 8) | msg[off + 1];
      if (next < 0) next = off + 2;
      if (++jumps > 64 || target >= msg.length) throw new PacketError("DNS name pointers loop or point outside the message");
      off = target;
      continue;
    }
    if (len & 0xc0) throw new PacketError("DNS label type not supported");
    if (off + 1 + len > msg.length) throw new PacketError("DNS label runs past the message");
    length += len + 1;
    if (length > 255) throw new PacketError("DNS name longer than 255 bytes");
    // Byte by byte (latin1): names are short, and this avoids a string and an array per label.
    for (let i = off + 1; i <= off + len; i++) name += String.fromCharCode(msg[i]);
    name += ".";
    off += 1 + len;
  }
  return [name || ".", next];
}

function nameField(name: string, dflt: string): Field {
  return {
    name,
    bits: 0,
    default: normName(dflt),
    size: (v) => nameSize(v as string),
    write: (buf, off, v) => void writeName(buf, off, v as string),
    read: () => {
      throw new Error("names are read with the message");
    },
    parse: (input) => {
      if (typeof input !== "string" && !Buffer.isBuffer(input)) throw new PacketError(`${name} takes a name, e.g. "www.example.com"`);
      return normName(Buffer.isBuffer(input) ? input.toString("latin1") : input);
    },
    show: (v) => pyBytes(Buffer.from(v as string, "latin1")),
  };
}

const rdataFor = (type: number) => (type === 1 ? "A" : type === 28 ? "AAAA" : nameTypes.has(type) ? "name" : type === 16 ? "TXT" : "raw");

function encodeTxt(v: unknown): Buffer {
  const items = Array.isArray(v) ? v : [v];
  const parts: Buffer[] = [];
  for (const item of items) {
    const b = toBytes("rdata", item);
    for (let i = 0; i < b.length; i += 255) {
      const chunk = b.subarray(i, i + 255);
      parts.push(Buffer.from([chunk.length]), chunk);
    }
  }
  return Buffer.concat(parts);
}

function encodeRdata(type: number, v: unknown): Buffer {
  switch (rdataFor(type)) {
    case "A": {
      const b = Buffer.alloc(4);
      writeIPv4(b, 0, String(v ?? "0.0.0.0"));
      return b;
    }
    case "AAAA": {
      const b = Buffer.alloc(16);
      writeIPv6(b, 0, String(v ?? "::"));
      return b;
    }
    case "name":
      return encodeName(Buffer.isBuffer(v) ? v.toString("latin1") : String(v ?? ""));
    case "TXT":
      return encodeTxt(v ?? []);
    default:
      return toBytes("rdata", v ?? Buffer.alloc(0));
  }
}

const rdataField: Field = {
  name: "rdata",
  bits: 0,
  default: undefined,
  // TXT data is a list of strings: a list here is the value, not a packet set (Scapy's islist).
  isList: true,
  tsType: "string | Buffer | (string | Buffer)[]",
  size: (v, values) => encodeRdata(values.type as number, v).length,
  write: (buf, off, v, values) => void encodeRdata(values.type as number, v).copy(buf, off),
  read: () => {
    throw new Error("rdata is read with the message");
  },
  // The type decides the form: checked at build time, when the type is known.
  parse: (input) => (Array.isArray(input) ? input.map((x) => toBytes("rdata", x)) : input),
  show: (v) => (Buffer.isBuffer(v) ? pyBytes(v) : Array.isArray(v) ? `[${v.map((x) => pyBytes(x as Buffer)).join(", ")}]` : typeof v === "string" && v.endsWith(".") ? pyBytes(Buffer.from(v, "latin1")) : String(v)),
};

export const DNSQR = defineLayer("DNSQR", [nameField("qname", "www.example.com"), u16("qtype", 1, { names: dnsQTypes }), u16("qclass", 1, { names: dnsClasses })]);

export const DNSRR = defineLayer(
  "DNSRR",
  [nameField("rrname", ""), u16("type", 1, { names: dnsTypes }), u16("rclass", 1, { names: dnsClasses }), u32("ttl", 0), u16("rdlen", undefined), rdataField],
  {
    postBuild: ({ buf, hdrEnd, values, given }) => {
      if (values.rdlen !== undefined || "rdlen" in given) return;
      const len = encodeRdata(values.type as number, values.rdata).length;
      buf.writeUInt16BE(len, hdrEnd - len - 2);
    },
  },
);

/** An empty section, shared by every message that has one (frozen: nobody can add to it). */
const noRecords: Layer[] = Object.freeze([]) as unknown as Layer[];

/** Reads `count` records of a section; a record that does not fit is an error (the DNS layer becomes Raw). */
function readRecords(msg: Buffer, off: number, count: number, def: LayerDef, base: Buffer, baseOff: number): [Layer[], number] {
  if (count === 0) return [noRecords, off];
  const out: Layer[] = [];
  for (let i = 0; i < count; i++) {
    if (off >= msg.length) throw new PacketError(`DNS says ${count} records, the message holds ${i}`);
    const start = off;
    const [name, after] = decodeName(msg, off);
    off = after;
    let v: Values;
    if (def === DNSQR) {
      if (off + 4 > msg.length) throw new PacketError("DNS question cut off");
      v = { qname: name, qtype: (msg[off] << 8) | msg[off + 1], qclass: (msg[off + 2] << 8) | msg[off + 3] };
      off += 4;
    } else {
      if (off + 10 > msg.length) throw new PacketError("DNS record cut off");
      const type = msg.readUInt16BE(off);
      const rdlen = msg.readUInt16BE(off + 8);
      const rstart = off + 10;
      if (rstart + rdlen > msg.length) throw new PacketError("DNS record data cut off");
      const raw = msg.subarray(rstart, rstart + rdlen);
      let rdata: unknown = raw;
      const kind = rdataFor(type);
      if (kind === "A" && rdlen === 4) rdata = readIPv4(raw, 0);
      else if (kind === "AAAA" && rdlen === 16) rdata = readIPv6(raw, 0);
      else if (kind === "name") rdata = decodeName(msg, rstart)[0];
      else if (kind === "TXT") {
        const list: Buffer[] = [];
        for (let p = 0; p < raw.length && list.length < 1000; ) {
          const n = raw[p];
          list.push(raw.subarray(p + 1, Math.min(raw.length, p + 1 + n)));
          p += 1 + n;
        }
        rdata = list;
      }
      v = { rrname: name, type, rclass: msg.readUInt16BE(off + 2), ttl: msg.readUInt32BE(off + 4), rdlen, rdata };
      off = rstart + rdlen;
    }
    const l = new Layer(def);
    l.buf = base;
    l.start = baseOff + start;
    l.hdrEnd = l.end = baseOff + off;
    l.setDecoded(v);
    out.push(l);
  }
  return [out, off];
}

const sections = ["qd", "an", "ns", "ar"] as const;

function rdataSize(type: number, v: unknown): number {
  const kind = rdataFor(type);
  if (kind === "A") return 4;
  if (kind === "AAAA") return 16;
  if (kind === "name") return nameSize(Buffer.isBuffer(v) ? v.toString("latin1") : String(v ?? ""));
  return encodeRdata(type, v).length;
}

/** A record's size on the wire: a dissected one as it was, a crafted one measured without building it. */
function recordSize(l: Layer): number {
  if (l.buf && Object.keys(l.given).length === 0) return l.end - l.start;
  if (l.def === DNSQR) return nameSize(l.get("qname") as string) + 4;
  return nameSize(l.get("rrname") as string) + 10 + rdataSize(l.get("type") as number, l.get("rdata"));
}

/** Writes a record in place (records are a list of the section, not a chain of payloads); returns where it ends. */
function writeRecord(buf: Buffer, off: number, l: Layer): number {
  if (l.buf && Object.keys(l.given).length === 0) return off + l.buf.copy(buf, off, l.start, l.end);
  if (l.def === DNSQR) {
    off = writeName(buf, off, l.get("qname") as string);
    buf.writeUInt16BE(l.get("qtype") as number, off);
    buf.writeUInt16BE(l.get("qclass") as number, off + 2);
    return off + 4;
  }
  const type = l.get("type") as number;
  off = writeName(buf, off, l.get("rrname") as string);
  buf.writeUInt16BE(type, off);
  buf.writeUInt16BE(l.get("rclass") as number, off + 2);
  buf.writeUInt32BE((l.get("ttl") as number) >>> 0, off + 4);
  const rdata = l.get("rdata");
  const kind = rdataFor(type);
  const start = off + 10;
  let end: number;
  if (kind === "A") (writeIPv4(buf, start, String(rdata ?? "0.0.0.0")), (end = start + 4));
  else if (kind === "AAAA") (writeIPv6(buf, start, String(rdata ?? "::")), (end = start + 16));
  else if (kind === "name") end = writeName(buf, start, Buffer.isBuffer(rdata) ? rdata.toString("latin1") : String(rdata ?? ""));
  else end = start + encodeRdata(type, rdata).copy(buf, start);
  const rdlen = l.get("rdlen");
  buf.writeUInt16BE(typeof rdlen === "number" ? rdlen : end - start, off + 8);
  return end;
}

function recordsField(name: (typeof sections)[number]): Field {
  return {
    name,
    bits: 0,
    default: name === "qd" ? [new Layer(DNSQR)] : [],
    isList: true,
    elements: () => [name === "qd" ? DNSQR : DNSRR],
    size: (v) => {
      let n = 0;
      for (const l of (v as Layer[]) ?? []) n += recordSize(l);
      return n;
    },
    write: (buf, off, v) => {
      for (const l of (v as Layer[]) ?? []) off = writeRecord(buf, off, l);
    },
    read: () => {
      throw new Error("records are read with the message");
    },
    parse: (input) => {
      const list = input === null || input === undefined ? [] : Array.isArray(input) ? input : [input];
      // Records chained with "/" (Scapy's way) and lists both count as several records.
      const flat: Layer[] = [];
      for (const x of list) {
        if (!(x instanceof Layer)) throw new PacketError(`${name} takes DNSQR(…) or DNSRR(…) records`);
        for (let r: Layer | undefined = x; r; r = r.payload) {
          if (r.def !== DNSQR && r.def !== DNSRR) throw new PacketError(`${name} takes DNSQR(…) or DNSRR(…) records, not ${r.name}`);
          // Each record stands alone in the list (a crafted one is copied without the records chained after it),
          // so a parsed list parses to itself.
          flat.push(r.payload && !r.buf ? new Layer(r.def, r.given) : r);
        }
      }
      return flat;
    },
    show: (v) => `[${(v as Layer[]).map((l) => l.name).join(", ")}]`,
  };
}

function writeCount(buf: Buffer, at: number, records: unknown): void {
  const n = ((records as Layer[] | undefined) ?? []).length;
  buf[at] = n >> 8;
  buf[at + 1] = n & 0xff;
}

export const DNS: LayerDef = defineLayer(
  "DNS",
  [
    u16("id", 0),
    int("qr", 1, 0),
    int("opcode", 4, 0, { names: { 0: "QUERY", 1: "IQUERY", 2: "STATUS" } }),
    int("aa", 1, 0),
    int("tc", 1, 0),
    int("rd", 1, 1),
    int("ra", 1, 0),
    int("z", 1, 0),
    int("ad", 1, 0),
    int("cd", 1, 0),
    int("rcode", 4, 0, { names: { 0: "ok", 1: "format-error", 2: "server-failure", 3: "name-error", 4: "not-implemented", 5: "refused" } }),
    u16("qdcount", undefined),
    u16("ancount", undefined),
    u16("nscount", undefined),
    u16("arcount", undefined),
    ...sections.map(recordsField),
  ],
  {
    // Each count by its name (not looked up through the section table: this runs for every packet built).
    postBuild: ({ buf, start, values: v }) => {
      if (v.qdcount === undefined) writeCount(buf, start + 4, v.qd);
      if (v.ancount === undefined) writeCount(buf, start + 6, v.an);
      if (v.nscount === undefined) writeCount(buf, start + 8, v.ns);
      if (v.arcount === undefined) writeCount(buf, start + 10, v.ar);
    },
    summary: (l: Layer) => {
      const qr = l.get("qr");
      if (qr) {
        const an = (l.get("an") as Layer[]) ?? [];
        return an.length && an[0].def === DNSRR ? `DNS Ans "${answerText(an[0])}" ` : "DNS Ans ";
      }
      const qd = (l.get("qd") as Layer[]) ?? [];
      return qd.length ? `DNS Qry "${pyBytes(Buffer.from(qd[0].get("qname") as string, "latin1"))}" ` : "DNS Qry ";
    },
    answers: (reply, req) => req.name === "DNS" && reply.get("id") === req.get("id") && reply.get("qr") === 1 && req.get("qr") === 0,
    // Scapy shows a section by its first record's class, an empty one as None.
    json: (l, out) => {
      for (const s of sections) out[s] = ((l.get(s) as Layer[]) ?? [])[0]?.name ?? null;
    },
  },
);

/** The first answer's rdata as Scapy's summary shows it: a crafted name as it will be built, crafted TXT text as a list. */
function answerText(rr: Layer): string {
  const v = rr.get("rdata");
  if (typeof v === "string" && !rr.buf && !isIP(v)) {
    if (rr.get("type") === 16) return `[${pyStr(Buffer.from(v, "latin1"))}]`;
    return pyBytes(Buffer.from(v.endsWith(".") ? v : `${v}.`, "latin1"));
  }
  return rdataField.show(v);
}

/** DNS reads its records itself: names are compressed relative to the message, which the generic reader cannot see. */
export function decodeDns(buf: Buffer, start: number, end: number): { values: Values; next: number } {
  const msg = buf.subarray(start, end);
  if (msg.length < 12) throw new PacketError("DNS header cut off");
  const b2 = msg[2];
  const b3 = msg[3];
  const values: Values = {
    id: msg.readUInt16BE(0), qr: b2 >> 7, opcode: (b2 >> 3) & 0xf, aa: (b2 >> 2) & 1, tc: (b2 >> 1) & 1, rd: b2 & 1,
    ra: b3 >> 7, z: (b3 >> 6) & 1, ad: (b3 >> 5) & 1, cd: (b3 >> 4) & 1, rcode: b3 & 0xf,
    qdcount: (msg[4] << 8) | msg[5], ancount: (msg[6] << 8) | msg[7], nscount: (msg[8] << 8) | msg[9], arcount: (msg[10] << 8) | msg[11],
    // The sections in the literal too: one shape for every message's values.
    qd: noRecords, an: noRecords, ns: noRecords, ar: noRecords,
  };
  let off = 12;
  [values.qd, off] = readRecords(msg, off, values.qdcount as number, DNSQR, buf, start);
  [values.an, off] = readRecords(msg, off, values.ancount as number, DNSRR, buf, start);
  [values.ns, off] = readRecords(msg, off, values.nscount as number, DNSRR, buf, start);
  [values.ar, off] = readRecords(msg, off, values.arcount as number, DNSRR, buf, start);
  return { values, next: start + off };
}

// Dissection tries these in order (Scapy's order: mDNS first); building UDP/DNS sets only sport=53.
// DNS over TCP (with its length prefix) is not modelled yet: such segments stay Raw.
bind(UDP, DNS, { dport: 5353 }, { build: false });
bind(UDP, DNS, { sport: 5353 }, { build: false });
bind(UDP, DNS, { dport: 53 }, { build: false });
bind(UDP, DNS, { sport: 53 });

DNS.decode = decodeDns;
