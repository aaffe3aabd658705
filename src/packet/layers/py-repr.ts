import type { Field, Values } from "../field.js";
import { pyStr } from "../field.js";
import type { Layer, LayerDef } from "../layer.js";
import { pyRepr } from "../json.js";

/** Python's repr of a list of packets, as Scapy's vectors show a packet list field: [<A  x=1 |>, <B  y=2 |>]. */
export const pyReprList = (items: Layer[]) => `[${items.map(pyRepr).join(", ")}]`;

/**
 * Python's repr of packets that follow one another as payloads inside a list (MLDv2 records, each the payload of
 * the one before, as Scapy dissects them): [<A  x=1 |<B  y=2 |>>].
 */
export const pyReprChain = (items: Layer[]) => (items.length ? `[${items.map((l) => pyRepr(l).slice(0, -1)).join("")}${">".repeat(items.length)}]` : "[]");

/** A bytes field shown as Scapy shows a StrField inside a packet's repr: '\x00ab', not b'\x00ab'. */
export const strShown = (f: Field): Field => ({ ...f, show: (v) => pyStr(v as Buffer) });

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
