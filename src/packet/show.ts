import { buildValues } from "./build.js";
import { pyStr, type Field, type Values } from "./field.js";
import { Layer } from "./layer.js";
import { flatLayers, hexFields, keptWhenAbsent, scapyTitles, showOverrides } from "./show-style.js";

/**
 * Scapy's show(dump=True): a block per layer, each field with its value as Scapy prints it, each layer's fields
 * indented 3 more than the one before; packets held in a field (IP options, DNS records) under a `\name\` line,
 * prefixed by `   |`. A crafted layer shows what it will be built with before lengths and checksums are computed
 * (those show None, as in Scapy before building); a dissected one what it read.
 */
export function showPacket(layers: Iterable<Layer>, labelLvl = ""): string {
  let s = "";
  let lvl = "";
  for (const l of layers) {
    s += `${labelLvl}###[ ${scapyTitles[l.name] ?? l.name} ]### \n`;
    const values = l.buf ? l.values() : buildValues(l);
    const hex = hexFields[l.name];
    const overrides = showOverrides[l.name];
    const shown = new Set<string>();
    l.def.fields.forEach((f, i) => {
      const name = f.name.padEnd(10);
      const override = overrides?.[f.name];
      if (f.when && !f.when(values)) {
        // A field Scapy keeps where the wire has none: shown once, at the last of the variants of that name.
        const last = !l.def.fields.slice(i + 1).some((g) => g.name === f.name);
        const text = last && !shown.has(f.name) ? keptWhenAbsent[l.name]?.[f.name] : undefined;
        if (text !== undefined) s += `${labelLvl}${lvl}  ${name}= ${text}\n`;
        return;
      }
      shown.add(f.name);
      // A field the bytes ran out before (left out of a repr) shows its default, as Scapy's getfieldval gives it.
      const v = values[f.name] ?? (l.buf ? f.default : undefined);
      const text = override ? override(l, values) : undefined;
      if (text !== undefined) {
        s += `${labelLvl}${lvl}  ${name}= ${text}\n`;
        return;
      }
      if (v instanceof Layer || (f.elements && Array.isArray(v) && (v.length === 0 || v[0] instanceof Layer))) {
        s += `${labelLvl}${lvl}  \\${name}\\\n`;
        for (const item of v instanceof Layer ? [v] : (v as Layer[])) s += showPacket(item.chain(), `${labelLvl}${lvl}   |`);
        return;
      }
      const repr = fieldRepr(f, v, values, hex?.includes(f.name) ?? false);
      s += `${labelLvl}${lvl}  ${name}= ${repr.replaceAll("\n", `\n${" ".repeat(labelLvl.length + lvl.length + f.name.length + 4)}`)}\n`;
    });
    if (!flatLayers.has(l.name)) lvl += "   ";
  }
  return s;
}

function fieldRepr(f: Field, v: unknown, values: Values, hex: boolean): string {
  if (v === undefined || v === null) return "None";
  if (hex && typeof v === "number" && !f.flags) return f.names?.[v] ?? `0x${v.toString(16)}`;
  // Scapy's StrField shows bytes as text: decoded as UTF-8 (undecodable bytes as \\xNN), then Python's repr.
  if (Buffer.isBuffer(v)) return pyStr(v);
  return f.show(v, values);
}
