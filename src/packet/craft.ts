import { dissectLayers } from "./dissect.js";
import { parsePackets } from "./expr.js";
import { Layer } from "./layer.js";
import { Packet } from "./packet.js";
import { Template } from "./template.js";

/**
 * What craft() parsed, by expression text: the layers of its packets, deeply frozen, and a template of their shape.
 * Bounded: at most `maxEntries` texts, sets of at most `maxPackets` packets (a larger set is parsed each time).
 */
interface Parsed {
  tops: Layer[];
  template?: Template;
}
const maxEntries = 256;
const maxPackets = 4096;
const cache = new Map<string, Parsed>();

/**
 * Builds the packets a Scapy expression describes: `craft('IP(dst="198.18.0.2")/TCP(dport=[22, 80])')`. A text
 * seen before is not parsed again; each call still returns packets of its own (no layer, values object or Buffer is
 * shared between calls; the lists in them are frozen).
 */
export function craft(expr: string): Packet[] {
  let p = cache.get(expr);
  if (!p) {
    const tops = parsePackets(expr);
    if (tops.length > maxPackets) return tops.map((l) => new Packet(l));
    for (const t of tops) freezeChain(t);
    p = { tops };
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(expr, p);
  }
  const out: Packet[] = new Array(p.tops.length);
  for (let i = 0; i < out.length; i++) {
    const t = p.tops[i];
    // Bytes read as a layer (IP(b"…")) are a packet of those bytes: a copy of them, read again.
    if (t.buf) out[i] = new Packet(readAgain(t));
    else {
      const template = (p.template ??= new Template(t));
      out[i] = new Packet(copyChain(t), (top) => template.build(top));
    }
  }
  return out;
}

function readAgain(top: Layer): Layer {
  let last = top;
  while (last.payload) last = last.payload;
  return dissectLayers(top.def, Buffer.from(top.buf!.subarray(top.start, last.end)));
}

/** A fresh chain of layers with the same values: Buffers copied, frozen lists and nested layers shared. */
function copyChain(l: Layer): Layer {
  const given: Record<string, unknown> = {};
  for (const k in l.given) {
    const v = l.given[k];
    given[k] = Buffer.isBuffer(v) ? Buffer.from(v) : v;
  }
  const c = new Layer(l.def, given);
  if (l.remake) c.remake = l.remake; // a fragment is made again from its original when a field is filled in (fragment.ts)
  if (l.payload) c.payload = copyChain(l.payload);
  return c;
}

/** Freezes the values of a cached chain (lists, nested layers such as DNS records), so no caller can change them. */
function freezeChain(l: Layer): void {
  for (let x: Layer | undefined = l; x; x = x.payload) for (const k in x.given) freezeValue(x.given[k], 0);
}

function freezeValue(v: unknown, depth: number): void {
  if (depth > 16 || typeof v !== "object" || v === null || Buffer.isBuffer(v) || Object.isFrozen(v)) return;
  if (Array.isArray(v)) {
    for (const x of v) freezeValue(x, depth + 1);
    Object.freeze(v);
  } else if (v instanceof Layer) {
    freezeChain(v);
    Object.freeze(v.given);
    Object.freeze(v);
  }
}
