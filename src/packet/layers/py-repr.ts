import type { Field } from "../field.js";
import { pyStr } from "../field.js";
import type { Layer } from "../layer.js";
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


/** Python's repr of a list of text (what Scapy's vectors hold for address lists). */
export const pyList = (v: string[]) => `[${v.map((a) => `'${a}'`).join(", ")}]`;
