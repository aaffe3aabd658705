import { Layer } from "./layer.js";

/** Scapy's show(): a block per layer, each field with its value as Scapy prints it; nested packets indented. */
export function showPacket(layers: Layer[], indent = 0): string {
  const lines: string[] = [];
  const pad = (n: number) => " ".repeat(n);
  layers.forEach((l, depth) => {
    const ind = indent + depth * 2;
    lines.push(`${pad(ind)}###[ ${l.name} ]###${l.note ? ` (${l.note})` : ""}`);
    const values = l.values();
    for (const f of l.def.fields) {
      if (f.when && !f.when(values)) continue;
      const v = values[f.name];
      if (Array.isArray(v) && v.length && v[0] instanceof Layer) {
        lines.push(`${pad(ind + 2)}${f.name.padEnd(10)}= \\`);
        for (const item of v as Layer[]) lines.push(showPacket([...item.chain()], ind + 4));
        continue;
      }
      lines.push(`${pad(ind + 2)}${f.name.padEnd(10)}= ${v === undefined ? "None" : f.show(v, values)}`);
    }
  });
  return lines.join("\n");
}
