import type { SetDimension } from "./expr.js";
import type { Layer } from "./layer.js";
import { Template, type Change } from "./template.js";

/**
 * Builds the packets of a packet set (TCP(dport=(1, 65535)) and the like) through one template: the first is built
 * in full, and the others, when they differ from it only in fields at fixed offsets, are copies of its bytes with
 * those fields written and lengths and checksums computed again. Anything else is built in full. Same bytes either
 * way, a lot faster.
 */
export function buildSet(tops: Layer[]): Buffer[] {
  if (tops.length === 0) return [];
  const t = new Template(tops[0]);
  const out: Buffer[] = [t.base.buf];
  for (let k = 1; k < tops.length; k++) out.push(t.build(tops[k]));
  return out;
}

/**
 * Frame n of a packet set given by its first packet and its varying fields (parsePacketSet), without building packet
 * n: the template's bytes with the fields written and lengths and checksums recomputed, in one scratch buffer
 * that the next call reuses. `below` counts layers put in front of the set's packets (an Ether header). undefined
 * when the set varies something a template cannot write in place (a conditional layer, a computed field, a size).
 */
export function setFrames(top: Layer, dims: SetDimension[], below = 0): ((n: number) => Buffer) | undefined {
  const t = new Template(top);
  for (const d of dims) {
    if (!t.slot(d.call + below, d.name) || !d.values.every((v) => typeof v === "number" || typeof v === "string")) return undefined;
  }
  const scratch = Buffer.alloc(t.base.buf.length);
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((a, d) => a * d.values.length, 1));
  const changes: Change[] = dims.map((d) => ({ layer: d.call + below, name: d.name, value: d.values[0] }));
  const fill = t.refiller();
  return (n) => {
    for (let i = 0; i < dims.length; i++) changes[i].value = dims[i].values[Math.floor(n / strides[i]) % dims[i].values.length];
    return fill(changes, scratch)!;
  };
}
