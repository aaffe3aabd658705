import { pyBytes, pyStr } from "./field.js";

/**
 * Python's repr of a value as Scapy holds it in list fields (DHCP options): text as str, Buffers as bytes, arrays
 * as tuples when `tuples` (a tuple of one keeps its comma) and as lists inside them, numbers and None as themselves.
 */
export function pyRepr(v: unknown, tuples = false): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return pyStr(Buffer.from(v, "utf8"));
  if (Buffer.isBuffer(v)) return pyBytes(v);
  if (Array.isArray(v)) {
    if (!tuples) return `[${v.map((x) => pyRepr(x, true)).join(", ")}]`;
    return `(${v.map((x) => pyRepr(x, false)).join(", ")}${v.length === 1 ? "," : ""})`;
  }
  return String(v);
}
