import { didYouMean } from "../util/did-you-mean.js";
import type { Field } from "./field.js";
import { Layer, registry, type LayerDef } from "./layer.js";
import type { Packet } from "./packet.js";

// Field paths, as expectations and `save:` write them: "TCP.flags", "IP[1].dst" (the second IP header, as in a
// tunnel), "DNS.an.rdata", "DNS.an[1].rdata" (0-based, as in Python). The one rule for lists: a path through a list
// without an index stands for every element, and an expectation on it holds when ANY element matches (so under
// `none:` no element may match); `save:` takes the first. Scapy's names for the records work as heads too:
// DNSQR is every question (DNS.qd), DNSRR every resource record (DNS.an, DNS.ns and DNS.ar).
// One parser serves the load-time check and the run-time reading, so what load accepts, run time can read.

interface Segment {
  name: string;
  index?: number;
}

interface ParsedPath {
  head: string;
  headIndex?: number;
  segments: Segment[];
}

/** Record layers that live inside DNS's sections, and the sections they stand for as a path head. */
const recordHeads: Record<string, readonly string[]> = { DNSQR: ["qd"], DNSRR: ["an", "ns", "ar"] };

function parse(text: string): ParsedPath | string {
  const parts = text.split(".");
  const segs: Segment[] = [];
  for (const part of parts) {
    // Hyphens for the names of list items (DHCP.options.message-type).
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+)\])?(#int)?$/.exec(part);
    if (!m) return `\`${part}\` in \`${text}\` is not a name (with an optional [index]): write paths like TCP.flags, DNS.an[0].rdata`;
    segs.push({ name: m[1], index: m[2] === undefined ? undefined : Number(m[2]) });
  }
  const [head, ...segments] = segs;
  return { head: head.name, headIndex: head.index, segments };
}

export interface PathCheck {
  /** The field the path ends at (for symbolic values and flag letters). */
  field?: Field;
  problem?: string;
}

/** Checks a path against the layer definitions, every segment, with did-you-mean. */
export function checkPath(text: string): PathCheck {
  const p = parse(text);
  if (typeof p === "string") return { problem: p };
  const record = recordHeads[p.head];
  if (!record && !registry.has(p.head)) {
    const names = [...registry.keys()];
    const hint = didYouMean(p.head, [...names, ...Object.keys(recordHeads)]);
    return { problem: `\`${p.head}\` is not a layer wirecheck knows${hint ? ` (did you mean \`${hint}\`?)` : ""}: the layers are ${names.join(", ")}` };
  }
  if (record && p.headIndex !== undefined) return { problem: `${p.head}[${p.headIndex}]: give the index on the section instead (DNS.${record[0]}[${p.headIndex}])` };
  let defs: readonly LayerDef[] = [registry.get(p.head)!];
  let where = p.head;
  let field: Field | undefined;
  for (const [i, seg] of p.segments.entries()) {
    const candidates = defs.map((d) => d.byName.get(seg.name)).filter((f): f is Field => f !== undefined);
    if (candidates.length === 0) {
      const names = [...new Set(defs.flatMap((d) => d.fields.map((f) => f.name)))];
      const hint = didYouMean(seg.name, names);
      return { problem: `${where} has no field \`${seg.name}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}: its fields are ${names.join(", ")}` };
    }
    field = candidates[0];
    if (field.keys && i < p.segments.length - 1) {
      const key = p.segments[i + 1];
      const item = field.keys.field(key.name);
      if (!item) {
        const hint = didYouMean(key.name, [...field.keys.names()]);
        return { problem: `${where}.${seg.name} has no item \`${key.name}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}: its items are ${field.keys.names().join(", ")}` };
      }
      if (i + 1 < p.segments.length - 1) return { problem: `${where}.${seg.name}.${key.name} holds values, not records: \`${p.segments[i + 2].name}\` cannot follow it` };
      return { field: item };
    }
    const elements = [...new Set(candidates.flatMap((f) => f.elements?.() ?? []))];
    if (seg.index !== undefined && !field.isList) return { problem: `${where}.${seg.name} is not a list: it takes no [${seg.index}]` };
    where = `${where}.${seg.name}${seg.index === undefined ? "" : `[${seg.index}]`}`;
    if (i < p.segments.length - 1) {
      if (elements.length === 0) return { problem: `${where} holds a value, not records or options: \`${p.segments[i + 1].name}\` cannot follow it` };
      defs = elements;
    }
  }
  if (p.segments.length === 0) return { field: undefined };
  return { field };
}

/** One value a path found in a packet, with the field that reads and shows it. */
export interface Found {
  value: unknown;
  field?: Field;
  layer: Layer;
}

/**
 * Every value a path stands for in a packet (see the rule above); `missing` names the layer the packet lacks when
 * the head is not there at all. A path that load refused finds nothing.
 */
export function valuesAt(p: Packet, text: string): { found: Found[]; missing?: string } {
  const parsed = parse(text);
  if (typeof parsed === "string") return { found: [] };
  let layers: Layer[];
  const record = recordHeads[parsed.head];
  if (record) {
    const dns = p.getLayer("DNS");
    if (!dns) return { found: [], missing: "DNS" };
    layers = record.flatMap((s) => (dns.get(s) as Layer[] | undefined) ?? []);
    if (layers.length === 0) return { found: [], missing: parsed.head };
  } else {
    // In Scapy's getlayer order, so X[n] is Scapy's pkt[X:n+1] and X the pkt[X] of the packet's own layers; when
    // that first one is held in a field (a DHCPv6 address or status inside its IA), X is every one held so.
    const index = parsed.headIndex;
    const named = layersNamed(p.layers, parsed.head, (index ?? 0) + 1);
    if (index !== undefined) layers = index < named.length ? [named[index].layer] : [];
    else if (named.length > 0 && !named[0].held) layers = [named[0].layer];
    else layers = layersNamed(p.layers, parsed.head, 1024).filter((n) => n.held).map((n) => n.layer);
    if (layers.length === 0) return { found: [], missing: index ? `${parsed.head}[${index}]` : parsed.head };
  }
  if (parsed.segments.length === 0) return { found: layers.map((l) => ({ value: l, layer: l })) };
  let found: Found[] = layers.map((l) => ({ value: l, layer: l }));
  let keyed = false;
  for (const [i, seg] of parsed.segments.entries()) {
    if (keyed) break;
    const next: Found[] = [];
    for (const f of found) {
      if (!(f.value instanceof Layer)) continue;
      const field = f.value.def.byName.get(seg.name);
      if (!field) continue;
      let v = f.value.get(seg.name);
      // A list of named items: the next segment names the item, whose every value is a candidate.
      const key = parsed.segments[i + 1];
      if (field.keys && key && seg.index === undefined) {
        const item = field.keys.field(key.name);
        for (const x of field.keys.values(v, key.name)) next.push({ value: x, field: item, layer: f.value });
        keyed = true;
        continue;
      }
      if (seg.index !== undefined) {
        if (!Array.isArray(v) || seg.index >= v.length) continue;
        v = v[seg.index];
      }
      const last = i === parsed.segments.length - 1;
      // A list of records or options: each element is a candidate for what follows (or for the match itself).
      if (Array.isArray(v) && seg.index === undefined && v.every((x) => x instanceof Layer) && (v.length > 0 || !last)) {
        for (const x of v as Layer[]) next.push({ value: x, field, layer: x });
      } else next.push({ value: v, field, layer: f.value });
    }
    found = next;
  }
  return { found: found.filter((f) => f.value !== undefined) };
}

/** The fields of a layer that may hold layers (they declare `elements`), found once per definition. */
const holding = new WeakMap<LayerDef, Field[]>();
function holders(def: LayerDef): Field[] {
  let fields = holding.get(def);
  if (!fields) holding.set(def, (fields = def.fields.filter((f) => f.elements)));
  return fields;
}

/**
 * The layers named `name` in the order Scapy's getlayer meets them: a layer, then the layers its fields hold (and
 * theirs), then its payload; `held` for those inside a field. The first `stopAt` of them, bounded in depth.
 */
function layersNamed(chain: Iterable<Layer>, name: string, stopAt: number, out: { layer: Layer; held: boolean }[] = [], depth = 0): { layer: Layer; held: boolean }[] {
  if (depth > 16) return out;
  for (const l of chain) {
    if (l.name === name && out.push({ layer: l, held: depth > 0 }) >= stopAt) return out;
    for (const f of holders(l.def)) {
      const v = l.get(f.name);
      for (const item of Array.isArray(v) ? v : [v]) {
        if (item instanceof Layer) layersNamed(item.chain(), name, stopAt, out, depth + 1);
        if (out.length >= stopAt) return out;
      }
    }
  }
  return out;
}

/** The first value a path finds (what `save:` keeps), or undefined. */
export function firstValueAt(p: Packet, text: string): unknown {
  return valuesAt(p, text).found[0]?.value;
}

/** The layer definitions of registered layers a list field accepts (for path checks through it). */
export function acceptedLayers(accepts: (l: Layer) => boolean): () => readonly LayerDef[] {
  let cached: LayerDef[] | undefined;
  return () =>
    (cached ??= [...registry.values()].filter((d) => {
      try {
        return accepts(new Layer(d));
      } catch {
        return false;
      }
    }));
}
