import type { Field } from "../packet/field.js";
import type { LayerDef } from "../packet/layer.js";

// The source of src/api/layers.generated.ts: a typed constructor per layer definition in the registry, so an
// editor completes field names and symbolic values and tsc refuses a field or a name the layer does not have.
// scripts/gen-layer-types.mjs writes it at build time; a new layer needs no edit here.

const header = `/* Generated from the layer definitions (src/packet/layers/) by scripts/gen-layer-types.mjs at build time. Do not edit. */`;

/** Names that cannot be constructors: not identifiers, or taken by the library's other exports. */
const taken = new Set(["Packet", "Layer", "PacketError", "Range", "PacketSpec", "PacketTemplate", "Template"]);
const isIdentifier = (s: string) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);

export function layerTypesSource(layers: Iterable<LayerDef>): string {
  const defs = [...layers].filter((d) => isIdentifier(d.name) && !taken.has(d.name));
  const out: string[] = [header, 'import "../packet/index.js";', 'import { registry } from "../packet/layer.js";', 'import { layerConstructor, type PacketSpec, type Range } from "./spec.js";', ""];
  const aliases = new Map<string, string>();
  const body: string[] = [];
  for (const def of defs) {
    body.push(`/** The fields of ${def.name}(…), by name; a list or range() given to a field of one value makes a packet set. */`);
    body.push(`export interface ${def.name}Fields {`);
    const seen = new Set<string>();
    for (const f of def.fields) {
      if (seen.has(f.name)) continue;
      seen.add(f.name);
      body.push(`  /** ${describe(f)} */`);
      body.push(`  ${JSON.stringify(f.name)}?: ${inputType(def, f, aliases)};`);
    }
    body.push("}", "");
  }
  for (const [name, type] of aliases) out.push(`export type ${name} = ${type};`);
  out.push("", ...body);
  out.push("/** Each layer's field names (typed paths such as \"TCP.flags\"). */", "export interface LayerFieldNames {");
  for (const def of defs) out.push(`  ${def.name}: ${[...new Set(def.fields.map((f) => JSON.stringify(f.name)))].join(" | ") || "never"};`);
  out.push("}", "", "/** Each layer's constructor values. */", "export interface LayerInputs {");
  for (const def of defs) out.push(`  ${def.name}: ${def.name}Fields;`);
  out.push("}", "");
  out.push("function constructor<N extends keyof LayerInputs>(name: N): (values?: LayerInputs[N]) => PacketSpec<N> {");
  out.push("  return layerConstructor(registry.get(name)!) as unknown as (values?: LayerInputs[N]) => PacketSpec<N>;");
  out.push("}", "");
  for (const def of defs) out.push(`/** Scapy's ${def.name}(…). */`, `export const ${def.name} = constructor(${JSON.stringify(def.name)});`);
  out.push("", "/** Every layer constructor by name. */", `export const layers = { ${defs.map((d) => d.name).join(", ")} };`, "");
  return out.join("\n");
}

function describe(f: Field): string {
  const kind = f.bits ? `${f.bits} bits` : f.fixedSize ? `${f.fixedSize} bytes` : "bytes";
  const dflt = f.auto ? "computed when not given" : f.defaultText ? `default ${f.defaultText}` : `default ${show(f)}`;
  return `${kind}, ${dflt}`;
}

function show(f: Field): string {
  try {
    return f.default === undefined ? "none" : f.show(f.default).replace(/\*\//g, "*\\/");
  } catch {
    return String(f.default);
  }
}

function inputType(def: LayerDef, f: Field, aliases: Map<string, string>): string {
  if (f.tsType) return f.tsType;
  const els = f.elements?.();
  if (f.isList && els) {
    const names = els.map((d) => JSON.stringify(d.name)).join(" | ") || "string";
    return `PacketSpec<${names}> | PacketSpec<${names}>[]`;
  }
  if (f.isList) return "unknown[]";
  const none = f.auto ? " | null" : "";
  if (f.bits) {
    const parts = ["number"];
    const names = new Set<string>();
    for (const t of [f.names, ...(f.namesBy?.all ?? [])]) if (t) for (const n of Object.values(t)) names.add(n);
    if (names.size) {
      // One alias per table of names (the port names are shared by many fields).
      const union = [...names].map((n) => JSON.stringify(n)).join(" | ");
      let alias = [...aliases].find(([, t]) => t === union)?.[0];
      if (!alias) aliases.set((alias = `${def.name}_${f.name}_Names`), union);
      parts.push(alias);
    }
    if (f.flags) {
      const alias = `${def.name}_${f.name}_Flags`;
      aliases.set(alias, flagStrings(f.flags));
      parts.push(alias);
    }
    const one = parts.length > 1 ? `(${parts.join(" | ")})` : parts[0];
    return `${one} | (${one} | Range)[] | Range${none}`;
  }
  if (f.fixedSize) return `string | string[]${none}`;
  if (Buffer.isBuffer(f.default)) return `Buffer | string | (Buffer | string)[]${none}`;
  if (typeof f.default === "string") return `string | Buffer | (string | Buffer)[]${none}`;
  return "unknown";
}

/**
 * Flag values as text: every combination in the field's own order ("SA", "FPU", "MF+DF") and any two in either
 * order ("AS"); other orders still work at run time (a number always does).
 */
function flagStrings(flags: readonly string[]): string {
  const letters = [...new Set(flags.filter(Boolean))];
  const join = letters.some((l) => l.length > 1) ? "+" : "";
  const out = new Set<string>([""]);
  const n = Math.min(letters.length, 12);
  for (let mask = 1; mask < 1 << n; mask++) out.add(letters.filter((_, i) => mask & (1 << i)).join(join));
  for (const a of letters) for (const b of letters) if (a !== b) out.add(a + join + b);
  return [...out].map((s) => JSON.stringify(s)).join(" | ");
}
