// GENEVE (RFC 8926) on UDP 6081, as Scapy's contrib GENEVE, with its variable-length options.
import { bind } from "../bind.js";
import { bytes, int, pyStr, u16, u8, type Field } from "../field.js";
import { pyRepr } from "../json.js";
import { strShown } from "./py-repr.js";
import { unreadAtEnd } from "./sequence.js";
import { Raw } from "./raw.js";
import { decodeFields, defineLayer, Layer } from "../layer.js";
import { packetList } from "../packet-list.js";
import { Ether, etherTypes } from "./ether.js";
import { IP } from "./ip.js";
import { IPv6 } from "./ipv6.js";
import { UDP } from "./udp.js";

const classIds: Record<number, string> = {
  0x0100: "Linux", 0x0101: "Open vSwitch", 0x0102: "Open Virtual Networking (OVN)", 0x0103: "In-band Network Telemetry (INT)", 0x0104: "VMware",
  0x0105: "Amazon.com, Inc.", 0x0106: "Cisco Systems, Inc.", 0x0107: "Oracle Corporation", 0x0110: "Amazon.com, Inc.", 0x0118: "IBM", 0x0128: "Ericsson",
  0xfeff: "Unassigned", 0xffff: "Experimental",
};
const hex = (n: unknown) => `0x${Number(n).toString(16)}`;
/** Scapy's X fields show hexadecimal, their enums the name when there is one. */
const shownHex = (f: Field, names?: Record<number, string>): Field => ({ ...f, show: (v) => (v === undefined ? "None" : (names?.[v as number] ?? hex(v))) });

export const GeneveOptions = defineLayer(
  "GeneveOptions",
  [shownHex(u16("classid", 0, { names: classIds }), classIds), shownHex(u8("type", 0)), int("reserved", 3, 0), int("length", 5, undefined), strShown(bytes("data", Buffer.alloc(0), { length: (v) => 4 * (v.length as number) }))],
  {
    // Scapy writes the length over the whole byte (its reserved bits too).
    postBuild: ({ buf, start, values }) => {
      if (values.length === undefined) buf[start + 3] = ((values.data as Buffer).length >> 2) & 0xff;
    },
  },
);

/**
 * Scapy reads one option and leaves the rest of the option bytes as its Raw payload; the model keeps that Raw as a
 * second element, and shows the list as Scapy does ([<GeneveOptions … |<Raw … |>>]).
 */
function readOptions(buf: Buffer, off: number, end: number): Layer[] {
  if (off >= end) return [];
  const d = decodeFields(GeneveOptions, buf, off, end);
  const first = new Layer(GeneveOptions);
  first.buf = buf;
  first.start = off;
  first.hdrEnd = first.end = Math.max(d.next, off + 1);
  first.setDecoded(unreadAtEnd(GeneveOptions, d.values, d.next, end));
  if (first.end >= end) return [first];
  const rest = new Layer(Raw);
  rest.buf = buf;
  rest.start = first.end;
  rest.hdrEnd = rest.end = end;
  rest.setDecoded({ load: buf.subarray(first.end, end) });
  return [first, rest];
}

function optionsRepr(items: Layer[]): string {
  const parts = items.map((l) => (l.def === Raw ? `<Raw  load=${pyStr(l.get("load") as Buffer)} |` : pyRepr(l).slice(0, -1)));
  return items.length ? `[${parts.join("")}${">".repeat(items.length)}]` : "[]";
}

export const GENEVE = defineLayer(
  "GENEVE",
  [
    int("version", 2, 0),
    int("optionlen", 6, undefined),
    int("oam", 1, 0),
    int("critical", 1, 0),
    int("reserved", 6, 0),
    shownHex(u16("proto", 0, { names: etherTypes }), etherTypes),
    shownHex(int("vni", 24, 0)),
    shownHex(u8("reserved2", 0)),
    packetList("options", {
      readItems: readOptions,
      accepts: (l) => l.def === GeneveOptions,
      acceptsText: "a list of GeneveOptions(classid=…, type=…, data=b\"…\")",
      length: (v) => 4 * (v.optionlen as number),
    }),
  ],
  {
    // As Scapy computes it: the options' length in 4-byte words, masked with 0x2f.
    postBuild: ({ buf, start, hdrEnd, values }) => {
      if (values.optionlen === undefined) buf[start] = (((hdrEnd - start - 8) >> 2) & 0x2f) | (buf[start] & 0xc0);
    },
    json: (l, out) => void (out.options = optionsRepr(l.get("options") as Layer[])),
    summary: (l) => `GENEVE (vni=${hex(l.get("vni"))},optionlen=${l.get("optionlen") ?? "None"},proto=${etherTypes[l.get("proto") as number] ?? hex(l.get("proto"))})`,
  },
);

bind(UDP, GENEVE, { dport: 6081 });
bind(GENEVE, Ether, { proto: 0x6558 });
bind(GENEVE, IP, { proto: 0x0800 });
bind(GENEVE, IPv6, { proto: 0x86dd });
