import { acceptedLayers } from "./path.js";
import { build } from "./build.js";
import { PacketError } from "./errors.js";
import type { Field, Values } from "./field.js";
import { Layer } from "./layer.js";

/** Built bytes of nested packets, kept between measuring and writing a field. */
const built = new WeakMap<Layer, Buffer>();

function bytesOf(l: Layer): Buffer {
  let b = built.get(l);
  if (!b) built.set(l, (b = l.buf && !Object.keys(l.given).length ? l.buf.subarray(l.start, l.end) : build(l)));
  return b;
}

/**
 * A field holding a list of nested packets (IP options, DNS records): built one after another, optionally padded
 * to a multiple of `align` bytes; read by `readItems`, which must stop at `end` and never throw.
 */
export function packetList(
  name: string,
  o: {
    align?: number;
    readItems(buf: Buffer, off: number, end: number, v: Values): Layer[];
    /** The item kinds a user may put in the list, for errors. */
    accepts: (l: Layer) => boolean;
    acceptsText: string;
    length?: (v: Values) => number | undefined;
    when?: Field["when"];
  },
): Field {
  const pad = (n: number) => (o.align ? (o.align - (n % o.align)) % o.align : 0);
  const raw = (items: Layer[]) => items.reduce((a, l) => a + bytesOf(l).length, 0);
  return {
    name,
    bits: 0,
    default: [],
    isList: true,
    elements: acceptedLayers(o.accepts),
    when: o.when,
    size: (value) => {
      const n = raw(value as Layer[]);
      return n + pad(n);
    },
    write: (buf, off, value) => {
      for (const l of value as Layer[]) {
        const b = bytesOf(l);
        b.copy(buf, off);
        off += b.length;
      }
    },
    read: (buf, off, end, v) => {
      const n = o.length?.(v);
      const stop = n === undefined ? end : Math.max(off, Math.min(end, off + n));
      return [o.readItems(buf, off, stop, v), stop];
    },
    parse: (input) => {
      const list = input === null || input === undefined ? [] : Array.isArray(input) ? input : [input];
      for (const item of list) if (!(item instanceof Layer) || !o.accepts(item)) throw new PacketError(`${name} takes ${o.acceptsText}`);
      return list;
    },
    show: (v) => `[${(v as Layer[]).map((l) => l.name).join(", ")}]`,
  };
}
