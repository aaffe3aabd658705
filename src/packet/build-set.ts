import { build, buildDetailed, postBuildAll, type Built } from "./build.js";
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
  for (let l: Layer | undefined = top; l; l = l.payload, i++) {
    const f0 = firstLayers[i];
    if (!f0 || f0.def !== l.def || l.buf) return undefined;
    if (f0.given === l.given) continue;
    for (const key in f0.given) if (!(key in l.given)) return undefined;
    for (const key in l.given) {
      const v = l.given[key];
      if (v === f0.given[key]) continue;
      const field = l.def.byName.get(key);
      const at = l.def.offsets.get(key);
      // Only plain values at fixed offsets, in layers where no field's presence depends on another.
      if (!field || at === undefined || field.auto || hasConditions(l.def) || (typeof v !== "number" && typeof v !== "string")) return undefined;
      values ??= first.values.slice();
      if (values[i] === first.values[i]) values[i] = { ...values[i] };
      values[i][key] = v;
      changes.push({ layer: i, field, at, value: v });
    }
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

const conditional = new WeakMap<LayerDef, boolean>();
function hasConditions(def: LayerDef): boolean {
  let c = conditional.get(def);
  if (c === undefined) conditional.set(def, (c = def.fields.some((f) => f.when)));
  return c;
}
