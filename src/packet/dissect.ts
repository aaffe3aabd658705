import { boundUpper } from "./bind.js";
import type { Values } from "./field.js";
import { decodeFields, Layer, type LayerDef } from "./layer.js";
import { Padding, Raw } from "./layers/raw.js";

const maxLayers = 64;

/**
 * Reads a packet from bytes as views into them. It never throws: a header that does not fit becomes Raw with a note
 * saying why, bytes beyond a layer's own length become Padding, and the number of layers is bounded.
 */
export function dissectLayers(first: LayerDef, buf: Buffer, start = 0, end = buf.length): Layer {
  let def: LayerDef = first;
  let off = start;
  let limit = end;
  let top: Layer | undefined;
  let prev: Layer | undefined;
  let padding: [number, number][] | undefined;
  const link = (l: Layer) => {
    if (prev) prev.payload = l;
    else top = l;
    prev = l;
  };
  for (let depth = 0; depth < maxLayers; depth++) {
    def = def.dispatch?.(buf, off, limit) ?? def;
    const layer = new Layer(def);
    layer.buf = buf;
    layer.start = off;
    let values: Values;
    let next: number;
    const fast = def.span?.(buf, off, limit);
    if (fast) {
      ({ hdrEnd: next, key: values } = fast);
      layer.setDecoded(values, true);
    } else {
      const d = decodeFields(def, buf, off, limit);
      if (d.error !== undefined || (d.next === off && def !== Raw && def !== Padding)) {
        link(rawLayer(buf, off, limit, `not ${def.name}: ${d.error ?? "no bytes of it"}`));
        break;
      }
      ({ values, next } = d);
      layer.setDecoded(values);
      if (d.short) layer.note = `${def.name} cut off after ${next - off} bytes`;
    }
    layer.hdrEnd = next;
    let payEnd = limit;
    if (def.payloadLength) {
      const n = def.payloadLength(values, next - off, limit - next, buf, next);
      if (n >= 0 && next + n < limit) {
        (padding ??= []).unshift([next + n, limit]);
        payEnd = next + n;
      }
    }
    layer.end = payEnd;
    link(layer);
    if (next >= payEnd || def === Raw || def === Padding) break;
    const upper = boundUpper(def, values) ?? def.guessPayload?.(values, buf.subarray(next, payEnd)) ?? Raw;
    def = upper;
    off = next;
    limit = payEnd;
    if (depth === maxLayers - 2) def = Raw;
  }
  for (const [s, e] of padding ?? []) {
    const p = new Layer(Padding);
    p.buf = buf;
    p.start = s;
    p.hdrEnd = e;
    p.end = e;
    link(p);
  }
  return top ?? rawLayer(buf, start, end, "empty");
}

function rawLayer(buf: Buffer, start: number, end: number, note: string): Layer {
  const l = new Layer(Raw);
  l.buf = buf;
  l.start = start;
  l.hdrEnd = end;
  l.end = end;
  l.note = note;
  return l;
}
