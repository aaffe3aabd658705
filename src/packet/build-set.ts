import { build, buildDetailed, postBuildAll } from "./build.js";
import type { Values } from "./field.js";
import { writeBits, type Layer } from "./layer.js";

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

function patch(first: ReturnType<typeof buildDetailed>, firstLayers: Layer[], top: Layer): Buffer | undefined {
  let values: Values[] | undefined;
  const writes: (() => void)[] = [];
  let buf: Buffer | undefined;
  let i = 0;
  for (let l: Layer | undefined = top; l; l = l.payload, i++) {
    const f0 = firstLayers[i];
    if (!f0 || f0.def !== l.def || l.buf) return undefined;
    if (f0.given === l.given) continue;
    for (const key of new Set([...Object.keys(l.given), ...Object.keys(f0.given)])) {
      const v = l.given[key];
      if (v === f0.given[key]) continue;
      const field = l.def.byName.get(key);
      const at = l.def.offsets.get(key);
      // Only plain values at fixed offsets, in layers where no field's presence depends on another.
      if (!field || at === undefined || field.auto || l.def.fields.some((f) => f.when) || (typeof v !== "number" && typeof v !== "string")) return undefined;
      const layerIndex = i;
      values ??= first.values.slice();
      values[layerIndex] = { ...values[layerIndex], [key]: v };
      writes.push(() => {
        const off = first.starts[layerIndex] + (at >> 3);
        if (field.bits) writeBits(buf!, off, at & 7, field.bits, v as number);
        else field.write!(buf!, off, v, values![layerIndex]);
      });
    }
  }
  if (i !== firstLayers.length) return undefined;
  buf = Buffer.from(first.buf);
  for (const w of writes) w();
  postBuildAll(first, buf, values ?? first.values);
  return buf;
}
