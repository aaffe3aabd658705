// A list of IPv4 or IPv6 addresses in one field (Scapy's IP6ListField and FieldListField of IPField), counted or
// bounded by a length another field gives.
import { readIPv4, readIPv6, writeIPv4, writeIPv6 } from "../addr.js";
import { PacketError } from "../errors.js";
import type { Field, Values } from "../field.js";

export function addressList(
  name: string,
  family: 4 | 6,
  o: {
    default?: string[];
    /** How many addresses to read, from the fields before (a count field). */
    count?: (v: Values) => number | undefined;
    /** How many bytes to read, from the fields before (a length field). */
    length?: (v: Values) => number | undefined;
    when?: Field["when"];
    /** How Scapy shows it: "[ a, b ]" (IP6ListField) rather than "[a, b]" (FieldListField). */
    spaced?: boolean;
  } = {},
): Field {
  const size = family === 4 ? 4 : 16;
  const write = family === 4 ? writeIPv4 : writeIPv6;
  const read = family === 4 ? readIPv4 : readIPv6;
  return {
    name,
    bits: 0,
    default: o.default ?? [],
    isList: true,
    when: o.when,
    size: (v) => (v as string[]).length * size,
    write: (buf, off, v) => (v as string[]).forEach((a, i) => write(buf, off + i * size, a)),
    read: (buf, off, end, values) => {
      const count = o.count?.(values);
      const bytes = o.length?.(values);
      const stop = bytes !== undefined ? Math.min(end, off + Math.max(0, bytes)) : count !== undefined ? Math.min(end, off + Math.max(0, count) * size) : end;
      const out: string[] = [];
      let p = off;
      for (; p + size <= stop; p += size) out.push(read(buf, p));
      return [out, bytes !== undefined ? stop : p];
    },
    parse: (input) => {
      const list = Array.isArray(input) ? input : [input];
      for (const a of list) if (typeof a !== "string") throw new PacketError(`${name} takes a list of IPv${family} addresses as text, e.g. ["${family === 4 ? "198.18.0.1" : "2001:db8::1"}"]`);
      return list;
    },
    show: (v) => (o.spaced ? `[ ${(v as string[]).join(", ")} ]` : `[${(v as string[]).join(", ")}]`),
  };
}
