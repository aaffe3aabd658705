// The options carried by IPv6 hop-by-hop and destination options headers (RFC 8200 4.2): Pad1, PadN, router
// alert, jumbo payload, home address, and any other type as Scapy's HBHOptUnknown.
import { bytes, ipv6, u16, u32, u8, type Field } from "../field.js";
import { defineLayer, type BuildContext, type Layer, type LayerDef } from "../layer.js";
import { strShown } from "./py-repr.js";
import { readSequence } from "./sequence.js";

const optionTypes: Record<number, string> = { 0: "Pad1", 1: "PadN", 4: "Tunnel Encapsulation Limit", 5: "Router Alert", 6: "Quick-Start", 194: "Jumbo Payload", 201: "Home Address Option" };
const policy: Record<number, string> = { 0x00: "00: skip", 0x40: "01: discard", 0x80: "10: discard+ICMP", 0xc0: "11: discard+ICMP not mcast" };

/** The option type, shown with what a node that does not know it must do (its top bits), as Scapy shows it. */
function otype(dflt: number): Field {
  const f = u8("otype", dflt, { names: optionTypes });
  return {
    ...f,
    show: (v) => {
      const n = v as number;
      return `${optionTypes[n] ?? n} [${policy[n & 0xc0]}, ${n & 0x20 ? "1: May change en-route" : "0: Don't change en-route"}]`;
    },
  };
}

const optlenAuto = ({ buf, start, hdrEnd, values }: BuildContext) => {
  if (values.optlen === undefined) buf[start + 1] = hdrEnd - start - 2;
};
const withData = (name: string, type: number) => defineLayer(name, [otype(type), u8("optlen", undefined), strShown(bytes("optdata", Buffer.alloc(0), { length: (v) => v.optlen as number }))], { postBuild: optlenAuto });

export const Pad1 = defineLayer("Pad1", [otype(0)]);
export const PadN = withData("PadN", 1);
export const HBHOptUnknown = withData("HBHOptUnknown", 1);
export const RouterAlert = defineLayer("RouterAlert", [
  otype(5),
  u8("optlen", 2),
  u16("value", undefined, {
    names: { 0: "Datagram contains a MLD message", 1: "Datagram contains RSVP message", 2: "Datagram contains an Active Network message", 68: "NSIS NATFW NSLP", 69: "MPLS OAM", 65535: "Reserved" },
    auto: false,
  }),
]);
export const Jumbo = defineLayer("Jumbo", [otype(0xc2), u8("optlen", 4), u32("jumboplen", undefined, { auto: false })]);
export const HAO = defineLayer("HAO", [otype(0xc9), u8("optlen", 16), ipv6("hoa", "::")]);

const byType = new Map<number, LayerDef>([[0, Pad1], [1, PadN], [5, RouterAlert], [0xc2, Jumbo], [0xc9, HAO]]);
/**
 * Scapy's jumbogram reading (IPv6.extract_padding): with a payload length of 0 and a hop-by-hop header next, it
 * looks for a Jumbo option at offsets 2, 6, 10… of the payload and reads its length little-endian (as Scapy does);
 * the payload is the hop-by-hop header and that many bytes (none if there is no Jumbo option). undefined where
 * Scapy fails: its search reaching exactly the end of the data, or a Jumbo option cut short; the IPv6 header is then
 * not read at all.
 */
export function jumboPayloadLength(buf: Buffer, start: number, end: number): number | undefined {
  const hbh = 8 + buf[start + 1] * 8;
  const n = end - start;
  for (let offset = 2; offset <= n; offset += 4) {
    if (offset === n) return undefined;
    if (buf[start + offset] === 0xc2) return offset + 6 <= n ? hbh + buf.readUInt32LE(start + offset + 2) : undefined;
  }
  return hbh;
}

/** Where an option must start, as x*n + y from the header's start (RFC 8200's alignment requirements). */
const alignment = new Map<LayerDef, [number, number]>([[RouterAlert, [2, 0]], [Jumbo, [4, 2]], [HAO, [8, 6]]]);

export const isIPv6Option = (l: Layer) => byType.get(l.def.fields[0].default as number) === l.def || l.def === HBHOptUnknown;

function padding(n: number): Buffer {
  if (n === 0) return Buffer.alloc(0);
  if (n === 1) return Buffer.from([0]);
  const b = Buffer.alloc(n);
  b[0] = 1;
  b[1] = n - 2;
  return b;
}

/**
 * Options laid out as Scapy's autopad does: each one preceded by the Pad1/PadN its alignment needs (counted from the
 * header's start, the options beginning at byte 2), the whole padded to a multiple of 8 bytes. Without autopad, as
 * given.
 */
export function layOut(items: Layer[], built: (l: Layer) => Buffer, autopad: boolean): Buffer {
  const parts: Buffer[] = [];
  let pos = 2;
  for (const item of items) {
    const b = built(item);
    if (autopad) {
      const a = alignment.get(item.def);
      if (a) {
        const [x, y] = a;
        const d = x * Math.floor((pos - y + x - 1) / x) + y - pos;
        parts.push(padding(d));
        pos += d;
      }
    }
    parts.push(b);
    pos += b.length;
  }
  if (autopad && pos % 8) parts.push(padding(8 - (pos % 8)));
  return Buffer.concat(parts);
}

/** Reads options from buf[off, end): each by its type byte (Scapy's dispatch), unknown types as HBHOptUnknown. */
export const readOptions = (buf: Buffer, off: number, end: number) => readSequence(buf, off, end, (t) => byType.get(t) ?? HBHOptUnknown, 256);
