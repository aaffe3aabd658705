// The field kinds DHCPv6 options are made of, as Scapy 2.5's dhcp6.py declares them: lengths read the way Python
// slices (a length below zero counts from the end), option lists read as PacketListField reads them, nested packets
// (DUIDs, a relayed message) as PacketLenField does, domain name lists as DomainNameListField.
import { dissectLayers } from "../dissect.js";
import { PacketError } from "../errors.js";
import { bytes, u16, type Field, type Values } from "../field.js";
import { pyRepr } from "../json.js";
import { Layer, type BuildContext, type LayerDef } from "../layer.js";
import { acceptedLayers } from "../path.js";
import { Padding, Raw } from "./raw.js";
import { pyList, strShown } from "./py-repr.js";
import { builtBytes, unreadAtEnd } from "./sequence.js";

/** Where s[:n] ends for the `avail` bytes from `off`, as Python slices: a negative n leaves n bytes off the end. */
export const pySliceEnd = (off: number, avail: number, n: number) => off + (n >= 0 ? Math.min(n, avail) : Math.max(0, avail + n));

/** Scapy's FieldLenField optlen: the option's length after its 4-byte code and length, unless given. */
export const optlen = () => u16("optlen", undefined);
export function optlenAuto({ buf, start, hdrEnd, values }: BuildContext): void {
  if (values.optlen === undefined) buf.writeUInt16BE(Math.min(0xffff, hdrEnd - start - 4), start + 2);
}

/** How many bytes of the option a field after the fixed ones takes: optlen less what comes before it. */
const lengthOf = (fixed: number) => (v: Values) => (v.optlen as number) - fixed;

/** A StrLenField bounded by optlen - fixed, shown as Scapy shows a StrField inside a repr ('text'). */
export function strLen(name: string, fixed: number): Field {
  const base = strShown(bytes(name, Buffer.alloc(0)));
  return {
    ...base,
    read: (buf, off, end, v) => {
      const stop = pySliceEnd(off, end - off, lengthOf(fixed)(v));
      return [buf.subarray(off, stop), stop];
    },
  };
}

const showLayer = (v: unknown) => (v instanceof Layer ? pyRepr(v) : v === null || v === undefined ? "None" : String(v));

/**
 * Scapy's PacketLenField: a nested packet in the option's remaining length, read by `kindOf` (a DUID by its type, a
 * relayed message by its type); none when the length is 0; Raw when it does not parse. `kinds` are the layers it may
 * hold, so a path goes on into its fields (DHCP6OptServerId.duid.lladdr, as Scapy's pkt.duid.lladdr).
 */
export function packetLen(
  name: string,
  fixed: number,
  dflt: (() => Layer) | undefined,
  kindOf: (buf: Buffer, off: number, end: number) => LayerDef,
  kinds: () => readonly LayerDef[],
  what: string,
): Field {
  return {
    name,
    bits: 0,
    default: dflt?.() ?? null,
    elements: () => [...kinds(), Raw],
    size: (v) => (v instanceof Layer ? builtBytes(v).length : Buffer.isBuffer(v) ? v.length : 0),
    write: (buf, off, v) => void (v instanceof Layer ? builtBytes(v) : Buffer.isBuffer(v) ? v : Buffer.alloc(0)).copy(buf, off),
    read: (buf, off, end, v) => {
      const stop = pySliceEnd(off, end - off, lengthOf(fixed)(v));
      if (stop === off) return [null, off];
      return [dissectLayers(kindOf(buf, off, stop), buf, off, stop), stop];
    },
    parse: (input) => {
      if (input instanceof Layer || input === null) return input;
      if (Buffer.isBuffer(input) || typeof input === "string") return new Layer(Raw, { load: Buffer.isBuffer(input) ? input : Buffer.from(input, "latin1") });
      throw new PacketError(`${name} takes ${what}`);
    },
    show: showLayer,
  };
}

/**
 * Scapy's PacketListField of _DHCP6OptGuessPayloadElt (ianaopts, iaaddropts…): each item is read from the bytes
 * left as the option its code names (Raw for an unknown code or 2 bytes or less) and goes on as a chain of options
 * until one hands the rest over as Padding (an IA address or prefix), where the next item starts.
 */
export function optionList(name: string, fixed: number, kindOf: (buf: Buffer, off: number, end: number) => LayerDef, accepts: (l: Layer) => boolean): Field {
  return {
    name,
    bits: 0,
    default: [],
    isList: true,
    elements: acceptedLayers(accepts),
    size: (v) => (v as Layer[]).reduce((n, l) => n + builtBytes(l).length, 0),
    write: (buf, off, v) => {
      for (const l of v as Layer[]) off += builtBytes(l).copy(buf, off);
    },
    read: (buf, off, end, v) => {
      const stop = pySliceEnd(off, end - off, lengthOf(fixed)(v));
      const items: Layer[] = [];
      let p = off;
      while (p < stop && items.length < 256) {
        const first = dissectLayers(kindOf(buf, p, stop), buf, p, stop);
        items.push(first);
        p = stop;
        for (const l of first.chain()) {
          if (l.payload?.def !== Padding) continue;
          p = l.payload.start;
          l.payload = undefined;
          for (const k of first.chain()) k.end = p;
          break;
        }
        // Scapy reads no field once an item's bytes run out: those are left out of its repr.
        for (const l of first.chain()) if (!l.payload && l.def !== Raw) l.setDecoded(unreadAtEnd(l.def, l.values(), l.hdrEnd, l.end));
      }
      return [items, stop];
    },
    parse: (input) => {
      const list = input === null || input === undefined ? [] : Array.isArray(input) ? input : [input];
      for (const item of list) if (!(item instanceof Layer) || !accepts(item)) throw new PacketError(`${name} takes a list of DHCPv6 options, e.g. [DHCP6OptIAAddress(addr="2001:db8::5")]`);
      return list;
    },
    show: (v) => `[${(v as Layer[]).map(pyRepr).join(", ")}]`,
  };
}

/** Domain names as DNS labels, each ended by a zero byte (Scapy's DomainNameListField, unpadded). */
function encodeNames(names: string[]): Buffer {
  return Buffer.concat(
    names.map((name) => {
      const enc = Buffer.concat(name.split(".").map((z) => Buffer.concat([Buffer.from([z.length & 0xff]), Buffer.from(z, "utf8")])));
      return enc.length && enc[enc.length - 1] === 0 ? enc : Buffer.concat([enc, Buffer.from([0])]);
    }),
  );
}

function decodeNames(b: Buffer): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < b.length && out.length < 1024) {
    const labels: string[] = [];
    while (i < b.length && b[i] !== 0) {
      const n = b[i];
      labels.push(b.subarray(i + 1, i + 1 + n).toString("latin1"));
      i += n + 1;
    }
    out.push(`${labels.join(".")}.`);
    if (i < b.length && b[i] === 0) i++;
  }
  return out;
}

export function domainNames(name: string): Field {
  return {
    name,
    bits: 0,
    default: [],
    isList: true,
    size: (v) => encodeNames(v as string[]).length,
    write: (buf, off, v) => void encodeNames(v as string[]).copy(buf, off),
    read: (buf, off, end, v) => {
      const stop = pySliceEnd(off, end - off, lengthOf(0)(v));
      return [decodeNames(buf.subarray(off, stop)), stop];
    },
    parse: (input) => {
      const list = Array.isArray(input) ? input : [input];
      for (const n of list) if (typeof n !== "string") throw new PacketError(`${name} takes a list of domain names, e.g. ["lab.example."]`);
      return list;
    },
    show: (v) => pyList(v as string[]),
  };
}
