import { build } from "../build.js";
import { PacketError } from "../errors.js";
import { bytes, pyStr, u16, u32, u8, type Field, type Values } from "../field.js";
import { defineLayer, Layer, type BuildContext, type LayerDef } from "../layer.js";
import { dnsClasses, dnsTypes } from "./dns-codes.js";
import { decodeName, nameField, nameSize } from "./dns-name.js";

// The resource records Scapy gives classes of their own (its DNSRR_DISPATCHER): MX, SOA, SRV and EDNS0's OPT. DNS
// writes and reads them inside its sections; here are their fields and how their data is read.

/** rdlen, unless given: the bytes after it (Scapy's _DNSRRdummy.post_build). */
function rdlenPostBuild({ buf, start, hdrEnd, values }: BuildContext): void {
  if (values.rdlen !== undefined) return;
  const at = start + nameSize(values.rrname as string) + 8;
  buf.writeUInt16BE(hdrEnd - at - 2, at);
}

const head = (type: number, rclass: Field = u16("rclass", 1, { names: dnsClasses })): Field[] => [
  nameField("rrname", ""),
  u16("type", type, { names: dnsTypes }),
  rclass,
  ...(type === 41 ? [] : [u32("ttl", 0)]),
];

export const DNSRRMX = defineLayer(
  "DNSRRMX",
  // Scapy 2.5's default type here is 6 (SOA), not 15: DNSRRMX() without type= is read back as an SOA record.
  [...head(6), u16("rdlen", undefined), u16("preference", 0), nameField("exchange", "")],
  { postBuild: rdlenPostBuild },
);

export const DNSRRSOA = defineLayer(
  "DNSRRSOA",
  [
    ...head(6), u16("rdlen", undefined), nameField("mname", ""), nameField("rname", ""),
    u32("serial", 0), u32("refresh", 0), u32("retry", 0), u32("expire", 0), u32("minimum", 0),
  ],
  { postBuild: rdlenPostBuild },
);

export const DNSRRSRV = defineLayer(
  "DNSRRSRV",
  [...head(33), u16("rdlen", undefined), u16("priority", 0), u16("weight", 0), u16("port", 0), nameField("target", "")],
  { postBuild: rdlenPostBuild },
);

const edns0Types = { 0: "Reserved", 1: "LLQ", 2: "UL", 3: "NSID", 4: "Reserved", 5: "PING", 8: "edns-client-subnet" };

/** One option of an OPT record: code, length, data. */
// Scapy shows optdata as text (its StrField repr).
export const EDNS0TLV = defineLayer("EDNS0TLV", [u16("optcode", 0, { names: edns0Types }), u16("optlen", undefined), { ...bytes("optdata"), show: (v) => pyStr(v as Buffer) }], {
  postBuild: ({ buf, start, values }) => {
    if (values.optlen === undefined) buf.writeUInt16BE((values.optdata as Buffer).length, start + 2);
  },
});

const tlvList: Field = {
  name: "rdata",
  bits: 0,
  default: [],
  isList: true,
  elements: () => [EDNS0TLV],
  size: (v) => (v as Layer[]).reduce((n, l) => n + build(l).length, 0),
  write: (buf, off, v) => {
    for (const l of v as Layer[]) off += build(l).copy(buf, off);
  },
  parse: (input) => {
    const list = Array.isArray(input) ? input : [input];
    // Each option stands alone: a chain given with "/" is cut into its links.
    const out: Layer[] = [];
    for (const x of list) {
      if (!(x instanceof Layer)) throw new PacketError("rdata of DNSRROPT takes EDNS0TLV(…) options");
      for (let l: Layer | undefined = x; l; l = l.payload) {
        if (l.def !== EDNS0TLV) throw new PacketError(`rdata of DNSRROPT takes EDNS0TLV(…) options, not ${l.name}`);
        out.push(new Layer(l.def, l.given));
      }
    }
    return out;
  },
  show: (v) => `[${(v as Layer[]).map((l) => l.name).join(", ")}]`,
};

export const DNSRROPT = defineLayer(
  "DNSRROPT",
  [...head(41, u16("rclass", 4096)), u8("extrcode", 0), u8("version", 0), u16("z", 32768, { names: { 32768: "D0" } }), u16("rdlen", undefined), tlvList],
  {
    postBuild: ({ buf, start, hdrEnd, values }) => {
      if (values.rdlen !== undefined) return;
      const at = start + nameSize(values.rrname as string) + 8;
      buf.writeUInt16BE(hdrEnd - at - 2, at);
    },
  },
);

/** Reads a record's data from the message (names may point anywhere in it) as Scapy does; throws when it does not fit. */
type RdataReader = (msg: Buffer, start: number, end: number, typeAt: number) => Values;

const need = (off: number, n: number, end: number, what: string) => {
  if (off + n > end) throw new PacketError(`DNS ${what} record data cut off`);
};

/** A name inside record data; `compressed` remembers whether a pointer was followed. */
function nameIn(msg: Buffer, off: number, end: number, what: string, state: { compressed: boolean }): [string, number] {
  if (off >= end) throw new PacketError(`DNS ${what} record data cut off`);
  const [name, next, jumped] = decodeName(msg, off);
  if (jumped) state.compressed = true;
  return [name, next];
}

const readMX: RdataReader = (msg, start, end) => {
  need(start, 2, end, "MX");
  const state = { compressed: false };
  const [exchange] = nameIn(msg, start + 2, end, "MX", state);
  return { preference: msg.readUInt16BE(start), exchange, ...(state.compressed ? { rdlen: undefined } : {}) };
};

const readSRV: RdataReader = (msg, start, end) => {
  need(start, 6, end, "SRV");
  const state = { compressed: false };
  const [target] = nameIn(msg, start + 6, end, "SRV", state);
  return { priority: msg.readUInt16BE(start), weight: msg.readUInt16BE(start + 2), port: msg.readUInt16BE(start + 4), target, ...(state.compressed ? { rdlen: undefined } : {}) };
};

const readSOA: RdataReader = (msg, start, end) => {
  const state = { compressed: false };
  const [mname, a] = nameIn(msg, start, end, "SOA", state);
  const [rname, b] = nameIn(msg, a, end, "SOA", state);
  need(b, 20, end, "SOA");
  const n = (i: number) => msg.readUInt32BE(b + 4 * i);
  return { mname, rname, serial: n(0), refresh: n(1), retry: n(2), expire: n(3), minimum: n(4), ...(state.compressed ? { rdlen: undefined } : {}) };
};

const readOPT: RdataReader = (msg, start, end, typeAt) => {
  const rdata: Layer[] = [];
  for (let off = start; off < end && rdata.length < 1000; ) {
    need(off, 4, end, "OPT option");
    const optlen = msg.readUInt16BE(off + 2);
    const stop = Math.min(end, off + 4 + optlen);
    const l = new Layer(EDNS0TLV);
    l.buf = msg;
    l.start = off;
    l.hdrEnd = l.end = stop;
    // Scapy reads no field once the record's bytes run out: the last option's empty optdata is never read (its
    // repr leaves it out), while an earlier one's is.
    l.setDecoded({ optcode: msg.readUInt16BE(off), optlen, optdata: off + 4 < end ? msg.subarray(off + 4, stop) : undefined });
    rdata.push(l);
    off = stop;
  }
  // OPT's class is the UDP payload size and its TTL the extended rcode, version and flags.
  return { rclass: msg.readUInt16BE(typeAt + 2), extrcode: msg[typeAt + 4], version: msg[typeAt + 5], z: msg.readUInt16BE(typeAt + 6), rdata };
};

/** Record type → its layer and reader (Scapy's DNSRR_DISPATCHER, for the kinds modelled). */
export const recordKinds = new Map<number, { def: LayerDef; read: RdataReader }>([
  [6, { def: DNSRRSOA, read: readSOA }],
  [15, { def: DNSRRMX, read: readMX }],
  [33, { def: DNSRRSRV, read: readSRV }],
  [41, { def: DNSRROPT, read: readOPT }],
]);
export const recordDefs = new Set<LayerDef>([...recordKinds.values()].map((k) => k.def));
