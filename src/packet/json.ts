import { Layer } from "./layer.js";
import { pyStr, type Values } from "./field.js";
import { Padding, Raw } from "./layers/raw.js";

/**
 * A layer's fields as JSON, as Scapy holds them: integers as numbers, flag fields as Scapy's letters (`"SA"`, `""`
 * for none), bytes as hex, nested packets by their layer name (a list: Scapy's repr of each), other lists in Scapy's
 * own notation. Fields not on the wire are left out.
 */
export function fieldJson(l: Layer): Values {
  const values = l.values();
  const out: Values = {};
  for (const f of l.def.fields) {
    if (f.when && !f.when(values)) continue;
    const v = values[f.name];
    if (f.flags) out[f.name] = v === undefined ? null : f.show(v, values);
    else if (Buffer.isBuffer(v)) out[f.name] = v.toString("hex");
    else if (Array.isArray(v)) out[f.name] = v.length && v[0] instanceof Layer ? `[${(v as Layer[]).map(pyRepr).join(", ")}]` : f.show(v, values);
    else if (v instanceof Layer) out[f.name] = v.name;
    else out[f.name] = v ?? null;
  }
  l.def.json?.(l, out);
  return out;
}

/**
 * Python's repr of a Scapy packet and the packets after it, as its vectors print nested option lists:
 * <IPOption_RR  length=3 pointer=4 |>, <DHCP6OptStatusCode  optcode=STATUS_CODE … |<DHCP6OptIAAddress  … |>>.
 */
export function pyRepr(l: Layer): string {
  const values = l.values();
  const parts: string[] = [];
  for (const f of l.def.fields) {
    if (f.when && !f.when(values)) continue;
    const v = values[f.name];
    // Empty lists and fields never read (the bytes ran out first) are left out, as Scapy leaves them out.
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    // Raw's load inside a repr is shown as Scapy's StrField shows it: text, not a bytes literal.
    parts.push(`${f.name}=${Buffer.isBuffer(v) && (l.def === Raw || l.def === Padding) ? pyStr(v) : f.show(v, values)}`);
  }
  return `<${l.name}  ${parts.join(" ")} |${l.payload ? pyRepr(l.payload) : ""}>`;
}
