import { build, buildDetailed, newContext, postBuildAll, type Built } from "./build.js";
import type { Field, Values } from "./field.js";
import { Layer, writeBits, type BuildContext, type LayerDef } from "./layer.js";

/** Where a field of a template's packet lies, when it can be written in place (else null). */
export interface Slot {
  field: Field;
  /** Byte offset in the packet and bit offset within that byte. */
  off: number;
  bit: number;
}

/** One field to write into a template's packet: the layer (0 = outermost), the field, the stored value. */
export interface Change {
  layer: number;
  name: string;
  value: unknown;
}

/**
 * A packet shape compiled once (gopacket's idea of a reused serialization): the first packet is built in full, with
 * where each layer and field lies; a packet of the same shape is then a copy of those bytes with the fields that
 * differ written in place, and lengths and checksums computed again. What cannot be written in place (a field whose
 * size varies, a conditional layer, a computed field, a default a lower layer takes from it) is built in full:
 * the bytes are the same either way.
 */
export class Template {
  readonly base: Built;
  /** Per layer, its fields' places by name (looked up on every fill). */
  private readonly slots: Map<string, Slot | null>[];
  /** The places of one fill's changes (fill runs to its end before another starts). */
  private readonly scratch: Slot[] = [];
  private readonly scratchLayers: number[] = [];
  private readonly scratchValues: unknown[] = [];
  /**
   * Copies of the base's values that a fill writes its changes into for the post-build hooks and puts back after
   * (no copy per packet); `busy` while a fill runs, so a fill inside one (none today) copies instead.
   */
  private readonly work: Values[];
  private busy = false;
  /** How many fields each layer of the base was given. */
  private readonly givenCounts: number[];
  /** Per layer: the upper layers' fields that the layers below it take defaults from (Ether dst from IP dst). */
  private readonly readBelow: Set<string>[];
  /**
   * Per layer, the bit offset of each field up to the first whose size varies, as the base laid them out: a field
   * present only under a condition (DNS's length prefix over TCP) counts where the base has it.
   */
  private readonly layout: Map<string, number>[];
  /** Per layer with conditional fields, what each condition was in the base (a fill that changes one builds in full). */
  private readonly conditions: (Conditions | undefined)[];
  /** The post-build context of its fills (made once; filled in for each). */
  private readonly ctx: BuildContext;

  constructor(top: Layer) {
    this.base = buildDetailed(top);
    this.slots = this.base.layers.map(() => new Map());
    this.givenCounts = this.base.layers.map((l) => Object.keys(l.given).length);
    this.work = this.base.values.map((v) => ({ ...v }));
    this.layout = this.base.layers.map((l, i) => layoutOf(l.def, this.base.values[i]));
    this.conditions = this.base.layers.map((l, i) => conditionsOf(l.def, this.base.values[i]));
    this.ctx = newContext(this.base, this.base.buf, this.work);
    this.readBelow = [];
    const read = new Set<string>();
    for (const l of this.base.layers) {
      this.readBelow.push(new Set(read));
      const fp = l.def.fromPayload;
      if (fp && fp.fills.some((k) => !(k in l.given))) for (const k of fp.reads) read.add(k);
    }
  }

  get layers(): readonly Layer[] {
    return this.base.layers;
  }

  /** The place of layer i's field, if it can be written there. */
  slot(layer: number, name: string): Slot | null {
    const slots = this.slots[layer];
    if (!slots) return null;
    let s = slots.get(name);
    if (s === undefined) {
      const def = this.base.layers[layer]?.def;
      const field = def?.byName.get(name);
      const at = this.layout[layer].get(name);
      const l = this.base.layers[layer];
      const readBySelf = !!def?.fromSelf && def.fromSelf.reads.includes(name) && def.fromSelf.fills.some((k) => !(k in l.given));
      s = !def || !field || at === undefined || field.auto || this.readBelow[layer].has(name) || readBySelf ? null : { field, off: this.base.starts[layer] + (at >> 3), bit: at & 7 };
      slots.set(name, s);
    }
    return s;
  }

  /**
   * The base packet's bytes with these fields written and lengths and checksums recomputed, in `into` (a buffer of
   * the base's length, reused by a caller that sends at once) or a new buffer; undefined when a change cannot be
   * written in place.
   */
  fill(changes: readonly Change[], into?: Buffer): Buffer | undefined {
    const slots = this.scratch;
    const layers = this.scratchLayers;
    const values = this.scratchValues;
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i];
      const s = this.slot(c.layer, c.name);
      if (!s) return undefined;
      slots[i] = s;
      layers[i] = c.layer;
      values[i] = c.value;
    }
    return this.fillSlots(changes.length, layers, slots, values, into);
  }

  /**
   * fill() by places already looked up: the first n of `layers` (layer indexes), `slots` (from slot()) and
   * `values` (numbers or text). The arrays are read before the post-build hooks run.
   */
  fillSlots(n: number, layers: readonly number[], slots: readonly Slot[], values: readonly unknown[], into?: Buffer): Buffer | undefined {
    const b = this.base;
    for (let i = 0; i < n; i++) if (typeof values[i] !== "number" && typeof values[i] !== "string") return undefined;
    const reentered = this.busy;
    const work = reentered ? b.values.map((v) => ({ ...v })) : this.work;
    for (let i = 0; i < n; i++) work[layers[i]][slots[i].field.name] = values[i];
    try {
      for (let i = 0; i < n; i++) {
        const c = this.conditions[layers[i]];
        if (c && !c.hold(work[layers[i]])) return undefined;
      }
      const buf = into ?? Buffer.allocUnsafe(b.buf.length);
      buf.set(b.buf);
      for (let i = 0; i < n; i++) {
        const s = slots[i];
        if (s.field.bits) writeBits(buf, s.off, s.bit, s.field.bits, values[i] as number);
        else s.field.write!(buf, s.off, values[i], work[layers[i]]);
      }
      this.busy = true;
      postBuildAll(b, buf, work, reentered ? undefined : this.ctx);
      return buf;
    } finally {
      this.busy = reentered;
      // Put the base's values back (the next fill starts from them).
      if (!reentered) for (let i = 0; i < n; i++) work[layers[i]][slots[i].field.name] = b.values[layers[i]][slots[i].field.name];
    }
  }

  /**
   * fill() for a caller that fills frame after frame changing the same fields (a packet set being sent): each call
   * writes into the buffer given and allocates nothing (fill itself keeps no copy of the values per frame).
   */
  refiller(): (changes: readonly Change[], into: Buffer) => Buffer | undefined {
    return (changes, into) => this.fill(changes, into);
  }

  /**
   * The fields in which layers of the same kinds, given the same fields, differ from the base; undefined when they
   * are of another shape (other kinds, other fields given).
   */
  changesOf(layers: readonly { readonly def: LayerDef; readonly given: Values }[]): Change[] | undefined {
    const base = this.base.layers;
    if (layers.length !== base.length) return undefined;
    let changes: Change[] | undefined;
    for (let i = 0; i < layers.length; i++) {
      const l = layers[i];
      const g = l.given;
      const g0 = base[i].given;
      if (l.def !== base[i].def) return undefined;
      if (g === g0) continue;
      let n = 0;
      for (const k in g) {
        if (!(k in g0)) return undefined;
        n++;
        const v = g[k];
        if (!sameValue(v, g0[k])) (changes ??= []).push({ layer: i, name: k, value: v });
      }
      if (n !== this.givenCounts[i]) return undefined;
    }
    return changes ?? [];
  }

  /** The bytes of a packet (a chain of layers) of this template's shape, written in place when it can be. */
  build(top: Layer): Buffer {
    const layers: Layer[] = [];
    for (let l: Layer | undefined = top; l && layers.length <= this.base.layers.length; l = l.payload) {
      if (l.buf) return build(top);
      layers.push(l);
    }
    const changes = this.changesOf(layers);
    return (changes && this.fill(changes)) ?? build(top);
  }
}

/**
 * The bit offsets of a layer's fields as built with these values: fields whose condition does not hold take no
 * room; the first field of a size that varies ends the list (what follows moves with it).
 */
function layoutOf(def: LayerDef, v: Values): Map<string, number> {
  if (!def.fields.some((f) => f.when)) return def.offsets;
  const out = new Map<string, number>();
  let bit = 0;
  for (const f of def.fields) {
    if (f.when && !f.when(v)) continue;
    if (f.bits === 0 && f.fixedSize === undefined) break;
    out.set(f.name, bit);
    bit += f.bits || f.fixedSize! * 8;
  }
  return out;
}

/** A layer's conditions and what each said of the base's values. */
interface Conditions {
  hold(v: Values): boolean;
}

/** What each of a layer's conditions says of these values (undefined: it has none). */
function conditionsOf(def: LayerDef, v: Values): Conditions | undefined {
  const conditional = def.fields.filter((f) => f.when);
  if (!conditional.length) return undefined;
  const before = conditional.map((f) => f.when!(v));
  return {
    hold: (x) => {
      for (let i = 0; i < conditional.length; i++) if (conditional[i].when!(x) !== before[i]) return false;
      return true;
    },
  };
}

/**
 * Values that build the same bytes: identical, or equal Buffers, or lists and nested layers (DNS records) made of
 * such values. Bounded by the depth a packet can have.
 */
export function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 8 || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Buffer.isBuffer(a)) return Buffer.isBuffer(b) && a.equals(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (a instanceof Layer && b instanceof Layer) {
    if (a.def !== b.def || a.buf || b.buf || !sameValue(a.payload, b.payload, depth + 1)) return false;
    let n = 0;
    for (const k in a.given) {
      if (!(k in b.given) || !sameValue(a.given[k], b.given[k], depth + 1)) return false;
      n++;
    }
    for (const _ in b.given) n--;
    return n === 0;
  }
  return false;
}
