import { bind } from "../bind.js";
import { readIPv4, readIPv6, writeIPv4, writeIPv6 } from "../addr.js";
import { PacketError } from "../errors.js";
import { isIP } from "node:net";
import { int, pyBytes, pyStr, toBytes, u16, u32, type Field, type Values } from "../field.js";
import { build } from "../build.js";
import { defineLayer, Layer, type LayerDef } from "../layer.js";
import { dnsClasses, dnsQTypes, dnsTypes } from "./dns-codes.js";
import { encodeName, nameField, nameSize, readNameAsScapy, writeName } from "./dns-name.js";
import { recordDefs, recordKinds } from "./dns-records.js";
import { TCP } from "./tcp.js";
import { UDP, UDPerror } from "./udp.js";

export { dnsTypes };

const nameTypes = new Set([2, 3, 4, 5, 12]);

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

/**
 * A section whose count is more than the bytes after the header, which Scapy reads as no records (b"") and then reads
 * the next section from the start of those bytes again.
 */
export const wrongCount: Layer[] = Object.freeze([]) as unknown as Layer[];

/** Rdata bytes a field of a record needs whole: less is an error, none leaves the field's default. */
const fixedRdata: Record<string, [number, string]> = { A: [4, "0.0.0.0"], AAAA: [16, "::"] };

/** Where the records readRecords read last end (a second result without an array made per section). */
let recordsEnd = 0;

/**
 * Reads `count` records of a section from the message's `body` (the bytes after its header) at `p`, as Scapy 2.5's
 * DNSQRField/DNSRRField do: a record's fixed part that is cut off is an error (the DNS layer becomes Raw), but its
 * data may be shorter than its rdlen (what is there is read), and the next record starts rdlen bytes on, even past
 * the end. `msg`: the whole message, header first; `base`/`baseOff`: where its body lies in the packet's bytes.
 */
function readRecords(msg: Buffer, p: number, count: number, def: LayerDef, base: Buffer, baseOff: number): Layer[] {
  recordsEnd = p;
  if (count === 0) return noRecords;
  const body = msg.subarray(12);
  const out: Layer[] = [];
  for (let i = 0; i < count; i++) {
    const start = p;
    const [name, after] = readNameAsScapy(body, p);
    p = after;
    let v: Values;
    if (def === DNSQR) {
      // Scapy reads DNSQR(b"\x00" + the next 4 bytes): fields past their end keep their defaults, half of one fails.
      const n = Math.max(0, Math.min(4, body.length - p));
      if (n === 1 || n === 3) throw new PacketError("DNS question cut off");
      v = { qname: name, qtype: n >= 2 ? body.readUInt16BE(p) : 1, qclass: n >= 4 ? body.readUInt16BE(p + 2) : 1 };
      p += 4;
    } else {
      if (p + 10 > body.length) throw new PacketError("DNS record cut off");
      const type = body.readUInt16BE(p);
      const rdlen = body.readUInt16BE(p + 8);
      const rstart = p + 10;
      const rend = Math.min(body.length, rstart + rdlen);
      const raw = body.subarray(rstart, rend);
      // A record class read alone reads its own form, whatever its type says (Scapy's DNSRRMX() has type 6).
      const special = def === DNSRR ? recordKinds.get(type) : readerOf.get(def);
      if (special) {
        const l = new Layer(special.def);
        l.buf = base;
        l.start = baseOff + start;
        l.hdrEnd = l.end = baseOff + rend;
        l.setDecoded({ rrname: name, type, rclass: body.readUInt16BE(p + 2), ttl: body.readUInt32BE(p + 4), rdlen, ...special.read(msg, 12 + rstart, 12 + rend, 12 + p) });
        out.push(l);
        p = rstart + rdlen;
        continue;
      }
      let rdata: unknown = raw;
      let compressed = false;
      const kind = rdataFor(type);
      const fixed = fixedRdata[kind];
      if (fixed && raw.length === 0) rdata = fixed[1];
      else if (fixed && raw.length < fixed[0]) throw new PacketError(`DNS ${kind} record data cut off`);
      else if (kind === "A") rdata = readIPv4(raw, 0);
      else if (kind === "AAAA") rdata = readIPv6(raw, 0);
      else if (kind === "name") [rdata, , compressed] = readNameAsScapy(body, rstart);
      else if (kind === "TXT") {
        const list: Buffer[] = [];
        for (let q = 0; q < raw.length && list.length < 1000; ) {
          const n = raw[q];
          list.push(raw.subarray(q + 1, Math.min(raw.length, q + 1 + n)));
          q += 1 + n;
        }
        rdata = list;
      }
      // Scapy forgets rdlen when the data was a compressed name (it would not fit what it rebuilds).
      v = { rrname: name, type, rclass: body.readUInt16BE(p + 2), ttl: body.readUInt32BE(p + 4), rdlen: compressed ? undefined : rdlen, rdata };
      p = rstart + rdlen;
    }
    const l = new Layer(def);
    l.buf = base;
    l.start = baseOff + start;
    l.hdrEnd = l.end = baseOff + Math.min(p, body.length);
    l.setDecoded(v);
    out.push(l);
  }
  recordsEnd = p;
  return out;
}

const sections = ["qd", "an", "ns", "ar"] as const;

function rdataSize(type: number, v: unknown): number {
  const kind = rdataFor(type);
  if (kind === "A") return 4;
  if (kind === "AAAA") return 16;
  if (kind === "name") return nameSize(Buffer.isBuffer(v) ? v.toString("latin1") : String(v ?? ""));
  return encodeRdata(type, v).length;
}

/** A record without the records chained after it with "/" (each is written on its own). */
const alone = (l: Layer): Layer => (l.payload ? new Layer(l.def, l.given) : l);

/** A record's size on the wire: a dissected one as it was, a crafted one measured without building it. */
function recordSize(l: Layer): number {
  if (l.buf && Object.keys(l.given).length === 0) return l.end - l.start;
  if (l.def !== DNSQR && l.def !== DNSRR) return build(alone(l)).length;
  if (l.def === DNSQR) return nameSize(l.get("qname") as string) + 4;
  return nameSize(l.get("rrname") as string) + 10 + rdataSize(l.get("type") as number, l.get("rdata"));
}

/** Writes a record in place (records are a list of the section, not a chain of payloads); returns where it ends. */
function writeRecord(buf: Buffer, off: number, l: Layer): number {
  if (l.buf && Object.keys(l.given).length === 0) return off + l.buf.copy(buf, off, l.start, l.end);
  if (l.def !== DNSQR && l.def !== DNSRR) return off + build(alone(l)).copy(buf, off);
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
    elements: () => (name === "qd" ? [DNSQR] : [DNSRR, ...[...recordKinds.values()].map((k) => k.def)]),
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
          if (r.def !== DNSQR && r.def !== DNSRR && !recordDefs.has(r.def)) throw new PacketError(`${name} takes DNSQR(…) or DNSRR(…) records (or DNSRRMX, DNSRRSOA, DNSRRSRV, DNSRROPT), not ${r.name}`);
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
    // Over TCP only: the message's length (RFC 1035 4.2.2), Scapy's ConditionalField on its underlayer being TCP.
    u16("length", undefined, { when: (v) => v[overTcp] === true }),
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
    // Each count by its name (not looked up through the section table: this runs for every packet built); over TCP
    // the header starts after the length prefix.
    postBuild: ({ buf, start, hdrEnd, values: v }) => {
      const tcp = v[overTcp] === true;
      const at = tcp ? start + 2 : start;
      if (v.qdcount === undefined) writeCount(buf, at + 4, v.qd);
      if (v.ancount === undefined) writeCount(buf, at + 6, v.an);
      if (v.nscount === undefined) writeCount(buf, at + 8, v.ns);
      if (v.arcount === undefined) writeCount(buf, at + 10, v.ar);
      if (tcp && v.length === undefined) buf.writeUInt16BE(Math.min(0xffff, hdrEnd - start - 2), start);
    },
    fromUnder: (under, values) => {
      if (under.name === "TCP") values[overTcp] = true;
    },
    summary: (l: Layer) => {
      const qr = l.get("qr");
      // Scapy names the first record only when the count (as built, or as read) is above 0.
      const counted = (s: string, records: Layer[]) => ((l.get(`${s}count`) as number | undefined) ?? records.length) > 0;
      if (qr) {
        const an = (l.get("an") as Layer[]) ?? [];
        return counted("an", an) && an.length && an[0].def === DNSRR ? `DNS Ans "${answerText(an[0])}" ` : "DNS Ans ";
      }
      const qd = (l.get("qd") as Layer[]) ?? [];
      return counted("qd", qd) && qd.length ? `DNS Qry "${pyBytes(Buffer.from(qd[0].get("qname") as string, "latin1"))}" ` : "DNS Qry ";
    },
    answers: (reply, req) => req.name === "DNS" && reply.get("id") === req.get("id") && reply.get("qr") === 1 && req.get("qr") === 0,
    // Scapy shows a section by its first record's class, an empty one as None.
    json: (l, out) => {
      for (const s of sections) {
        const records = (l.get(s) as Layer[]) ?? [];
        out[s] = records === wrongCount ? "" : records[0]?.name ?? null;
      }
    },
  },
);

/** The key, among a DNS layer's values, saying it is carried over TCP (so it has the length prefix). */
const overTcp = "#overTcp";

/** The first answer's rdata as Scapy's summary shows it: a crafted name as it will be built, crafted TXT text as a list. */
function answerText(rr: Layer): string {
  const v = rr.get("rdata");
  if (typeof v === "string" && !rr.buf && !isIP(v)) {
    if (rr.get("type") === 16) return `[${pyStr(Buffer.from(v, "latin1"))}]`;
    return pyBytes(Buffer.from(v.endsWith(".") ? v : `${v}.`, "latin1"));
  }
  return rdataField.show(v);
}

/** Where each field of DNS's header ends: Scapy reads the header field by field, and bytes ending between two leave the rest at their defaults. */
const headerEnds = new Set([0, 2, 3, 4, 6, 8, 10, 12]);

/**
 * DNS reads its records itself: names are compressed relative to the message, which the generic reader cannot see.
 * It reads as Scapy 2.5 does: a message that ends where a header field ends keeps the defaults of the rest (a bare
 * header keeps the default question); a section whose count is more than the bytes after the header holds no
 * records, and the next is read from the start of those bytes; the bytes after the last section are the payload
 * (all of them after the header when its count was too large).
 */
export function decodeDns(buf: Buffer, start: number, end: number): { values: Values; next: number } {
  const msg = buf.subarray(start, end);
  const n = Math.min(msg.length, 12);
  if (n === 0 || !headerEnds.has(n)) throw new PacketError("DNS header cut off");
  const b2 = n >= 3 ? msg[2] : 1; // rd's default 1
  const b3 = n >= 4 ? msg[3] : 0;
  const count = (at: number) => (n >= at + 2 ? (msg[at] << 8) | msg[at + 1] : undefined);
  const values: Values = {
    id: msg.readUInt16BE(0), qr: b2 >> 7, opcode: (b2 >> 3) & 0xf, aa: (b2 >> 2) & 1, tc: (b2 >> 1) & 1, rd: b2 & 1,
    ra: b3 >> 7, z: (b3 >> 6) & 1, ad: (b3 >> 5) & 1, cd: (b3 >> 4) & 1, rcode: b3 & 0xf,
    qdcount: count(4), ancount: count(6), nscount: count(8), arcount: count(10),
    // The sections in the literal too: one shape for every message's values.
    qd: defaultQuestion, an: noRecords, ns: noRecords, ar: noRecords,
  };
  const body = msg.subarray(12);
  if (body.length === 0) return { values, next: end };
  let p = 0;
  let next = 0;
  // A plain loop over the four sections, their counts read once: this runs for every DNS message dissected.
  const counts = [values.qdcount as number, values.ancount as number, values.nscount as number, values.arcount as number];
  for (let i = 0; i < 4; i++) {
    const c = counts[i];
    if (c > body.length) {
      values[sections[i]] = wrongCount;
      p = 0;
      next = 0;
      continue;
    }
    const records = readRecords(msg, p, c, i === 0 ? DNSQR : DNSRR, buf, start + 12);
    if (i === 0) values.qd = records;
    else if (i === 1) values.an = records;
    else if (i === 2) values.ns = records;
    else values.ar = records;
    p = next = recordsEnd;
  }
  return { values, next: start + 12 + Math.min(next, body.length) };
}

/** The question a message too short to hold its sections keeps: Scapy's default DNSQR(). */
const defaultQuestion: Layer[] = Object.freeze([new Layer(DNSQR)]) as unknown as Layer[];

/**
 * DNS over TCP, as Scapy 2.5 reads it: the 2-byte length first, which must be at least 14 and no more than the bytes
 * there; the message is read from after it (its names point relative to it) to the end of the segment.
 */
function decodeDnsOverTcp(buf: Buffer, start: number, end: number): { values: Values; next: number } {
  if (end - start < 2) throw new PacketError("DNS over TCP: the length prefix is cut off");
  const length = buf.readUInt16BE(start);
  if (length < 14 || end - start < length) throw new PacketError(`DNS over TCP: a length of ${length} does not fit the ${end - start} bytes there`);
  const { values, next } = decodeDns(buf, start + 2, end);
  return { values: { length, [overTcp]: true, ...values }, next };
}

/** The reader of DNS in a TCP segment: DNS itself, with the length prefix (not a layer name of its own). */
const DNSoverTCP: LayerDef = { ...DNS, decode: decodeDnsOverTcp, compiledBuild: undefined };

// Over TCP, port 53 either way is DNS; building TCP/DNS sets sport=53, as Scapy (its last binding wins).
bind(TCP, DNSoverTCP, { dport: 53 }, { build: false });
bind(TCP, DNSoverTCP, { sport: 53 }, { build: false });
bind(TCP, DNS, { sport: 53 }, { dissect: false });

// Dissection tries these in order (Scapy's order: mDNS first); building UDP/DNS sets only sport=53.
bind(UDP, DNS, { dport: 5353 }, { build: false });
bind(UDP, DNS, { sport: 5353 }, { build: false });
bind(UDP, DNS, { dport: 53 }, { build: false });
bind(UDP, DNS, { sport: 53 });
// Quoted inside an ICMP error, as Scapy reads it (UDPerror has UDP's bindings).
for (const port of [{ dport: 5353 }, { sport: 5353 }, { dport: 53 }, { sport: 53 }]) bind(UDPerror, DNS, port, { build: false });

DNS.decode = decodeDns;

const readerOf = new Map([...recordKinds.values()].map((k) => [k.def, k]));

/** A record read on its own (`DNSRR(b"…")`), as the one record of a message: Scapy reads them alone too. */
function decodeRecordAlone(def: LayerDef) {
  return (buf: Buffer, start: number, end: number): { values: Values; next: number } => {
    const msg = Buffer.concat([Buffer.alloc(12), buf.subarray(start, end)]);
    const [record] = readRecords(msg, 0, 1, def, buf, start);
    const p = recordsEnd;
    return { values: record.values(), next: start + Math.min(p, end - start) };
  };
}
for (const def of [DNSQR, DNSRR, ...recordDefs]) def.decode = decodeRecordAlone(def);
