// Packets laid one after another inside a field (options, TLVs, records): read in order, and built back to bytes.
import { build } from "../build.js";
import { decodeFields, Layer, type LayerDef } from "../layer.js";
import type { Values } from "../field.js";

/**
 * Reads packets from buf[off, end), each of the kind `kindAt` names from its first byte, the next starting where
 * the fields of the one before end; at most `max` of them. Bounded, never throws. Fields left empty at the very end
 * are left unread, as Scapy leaves them.
 */
export function readSequence(buf: Buffer, off: number, end: number, kindAt: (type: number) => LayerDef, max: number): Layer[] {
  const out: Layer[] = [];
  while (off < end && out.length < Math.min(max, 1024)) {
    const def = kindAt(buf[off]);
    const d = decodeFields(def, buf, off, end);
    const l = new Layer(def);
    l.buf = buf;
    l.start = off;
    l.hdrEnd = l.end = Math.max(d.next, off + 1);
    l.setDecoded(unreadAtEnd(def, d.values, d.next, end));
    out.push(l);
    off = l.end;
  }
  return out;
}

/** A nested packet's bytes: as captured when untouched, else built. */
export const builtBytes = (l: Layer): Buffer => (l.buf && !Object.keys(l.given).length ? l.buf.subarray(l.start, l.end) : build(l));

/**
 * Scapy stops reading a packet's fields when its bytes run out, so trailing fields left empty at the very end of
 * the data are not read at all (and not shown): they become undefined here too.
 */
export function unreadAtEnd(def: LayerDef, values: Values, next: number, end: number): Values {
  if (next < end) return values;
  for (let i = def.fields.length - 1; i >= 0; i--) {
    const f = def.fields[i];
    const v = values[f.name];
    // Empty at the end, or the default itself (decodeFields leaves the default object in a field it never reached).
    const unread = (Buffer.isBuffer(v) || Array.isArray(v)) && (v.length === 0 || v === f.default);
    if (f.bits !== 0 || !unread) break;
    values[f.name] = undefined;
  }
  return values;
}
