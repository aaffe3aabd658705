import { build, buildDetailed, postBuildAll, type Built } from "./build.js";
import type { SetDimension } from "./expr.js";
import type { Field, Values } from "./field.js";
import { writeBits, type Layer, type LayerDef } from "./layer.js";

/**
 * Builds the packets of a packet set (TCP(dport=(1, 65535)) and the like): the first is built in full, and the
 * others, when they differ from it only in fields at fixed offsets, are copies of its bytes with those fields written
 * and lengths and checksums computed again. Anything else is built in full. Same bytes either way, a lot faster.
 */
export function buildSet(tops: Layer[]): Buffer[] {
  if (tops.length === 0) return [];
  const first = buildDetailed(tops[0]);
  const out: Buffer[] = [first.buf];
  const firstLayers = first.layers;
  for (let k = 1; k < tops.length; k++) {
    const patched = patch(first, firstLayers, tops[k]);
    out.push(patched ?? build(tops[k]));
  }
  return out;
}

function patch(first: Built, firstLayers: Layer[], top: Layer): Buffer | undefined {
  let values: Values[] | undefined;
  const changes: { layer: number; field: Field; at: number; value: number | string }[] = [];
  let i = 0;
  // Fields that a layer below takes a default from (Ether's dst from a multicast IP dst): changed, it changes too.
  const read = new Set<string>();
  for (let l: Layer | undefined = top; l; l = l.payload, i++) {
    const f0 = firstLayers[i];
    if (!f0 || f0.def !== l.def || l.buf) return undefined;
    if (f0.given === l.given) {
      readsOf(l, read);
      continue;
    }
    for (const key in f0.given) if (!(key in l.given)) return undefined;
    for (const key in l.given) {
      const v = l.given[key];
      if (v === f0.given[key]) continue;
      if (read.has(key)) return undefined;
      const field = l.def.byName.get(key);
      const at = l.def.offsets.get(key);
      // Only plain values at fixed offsets, in layers where no field's presence depends on another.
      if (!field || at === undefined || field.auto || hasConditions(l.def) || (typeof v !== "number" && typeof v !== "string")) return undefined;
      values ??= first.values.slice();
      if (values[i] === first.values[i]) values[i] = { ...values[i] };
      values[i][key] = v;
      changes.push({ layer: i, field, at, value: v });
    }
    readsOf(l, read);
  }
  if (i !== firstLayers.length) return undefined;
  const buf = Buffer.allocUnsafe(first.buf.length);
  first.buf.copy(buf);
  for (const c of changes) {
    const off = first.starts[c.layer] + (c.at >> 3);
    if (c.field.bits) writeBits(buf, off, c.at & 7, c.field.bits, c.value as number);
    else c.field.write!(buf, off, c.value, values![c.layer]);
  }
  postBuildAll(first, buf, values ?? first.values);
  return buf;
}

/** The upper layers' fields that these layers take defaults from (fromPayload), where they fill a field not given. */
function readsOf(layers: Layer | Layer[], into = new Set<string>()): Set<string> {
  for (const l of Array.isArray(layers) ? layers : [layers]) {
    const fp = l.def.fromPayload;
    if (fp && fp.fills.some((k) => !(k in l.given))) for (const k of fp.reads) into.add(k);
  }
  return into;
}

const conditional = new WeakMap<LayerDef, boolean>();
function hasConditions(def: LayerDef): boolean {
  let c = conditional.get(def);
  if (c === undefined) conditional.set(def, (c = def.fields.some((f) => f.when)));
  return c;
}

/**
 * Frame n of a packet set given by its first packet and its varying fields (parsePacketSet), without building packet
 * n: the first packet's bytes with the fields written and lengths and checksums recomputed, in one scratch buffer
 * that the next call reuses. `below` counts layers put in front of the set's packets (an Ether header). undefined
 * when the set varies something this cannot patch (a conditional layer, a computed field, a size).
 */
export function setFrames(top: Layer, dims: SetDimension[], below = 0): ((n: number) => Buffer) | undefined {
  const chain: Layer[] = [];
  for (let l: Layer | undefined = top; l; l = l.payload) chain.push(l);
  const parts = dims.map((d) => {
    const def = chain[d.call + below]?.def;
    return { ...d, def, field: def?.byName.get(d.name), at: def?.offsets.get(d.name) };
  });
  for (const d of parts) {
    if (readsOf(chain.slice(0, d.call + below)).has(d.name)) return undefined;
    if (!d.def || !d.field || d.at === undefined || d.field.auto || hasConditions(d.def) || !d.values.every((v) => typeof v === "number" || typeof v === "string")) return undefined;
  }
  const built = buildDetailed(top);
  const scratch = Buffer.alloc(built.buf.length);
  const strides = parts.map((_, i) => parts.slice(i + 1).reduce((a, d) => a * d.values.length, 1));
  return (n) => {
    built.buf.copy(scratch);
    for (let i = 0; i < parts.length; i++) {
      const d = parts[i];
      const value = d.values[Math.floor(n / strides[i]) % d.values.length];
      const layer = d.call + below;
      const off = built.starts[layer] + (d.at! >> 3);
      if (d.field!.bits) writeBits(scratch, off, d.at! & 7, d.field!.bits, value as number);
      else d.field!.write!(scratch, off, value, built.values[layer]);
    }
    postBuildAll(built, scratch);
    return scratch;
  };
}
