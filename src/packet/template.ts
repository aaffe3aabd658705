import { build, buildDetailed, postBuildAll, type Built } from "./build.js";
import type { Field, Values } from "./field.js";
import { Layer, writeBits, type LayerDef } from "./layer.js";

/** Where a field of a template's packet lies, when it can be written in place (else null). */
interface Slot {
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
  /** How many fields each layer of the base was given. */
  private readonly givenCounts: number[];
  /** Per layer: the upper layers' fields that the layers below it take defaults from (Ether dst from IP dst). */
  private readonly readBelow: Set<string>[];

  constructor(top: Layer) {
    this.base = buildDetailed(top);
    this.slots = this.base.layers.map(() => new Map());
    this.givenCounts = this.base.layers.map((l) => Object.keys(l.given).length);
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
      const at = def?.offsets.get(name);
      const l = this.base.layers[layer];
      const readBySelf = !!def?.fromSelf && def.fromSelf.reads.includes(name) && def.fromSelf.fills.some((k) => !(k in l.given));
      s = !def || !field || at === undefined || field.auto || hasConditions(def) || this.readBelow[layer].has(name) || readBySelf ? null : { field, off: this.base.starts[layer] + (at >> 3), bit: at & 7 };
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
    const b = this.base;
    let values: Values[] | undefined;
    const slots = this.scratch;
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i];
      const v = c.value;
      const s = this.slot(c.layer, c.name);
      if ((typeof v !== "number" && typeof v !== "string") || !s) return undefined;
      slots[i] = s;
      values ??= b.values.slice();
      if (values[c.layer] === b.values[c.layer]) values[c.layer] = cloneValues(b.layers[c.layer].def, b.values[c.layer]);
      values[c.layer][c.name] = v;
    }
    return this.write(changes, values ?? b.values, into ?? Buffer.allocUnsafe(b.buf.length));
  }

  /**
   * fill() for a caller that fills frame after frame changing the same fields (a packet set being sent): the values
   * are copied once and rewritten in place by every call, so a frame allocates nothing. Each call's changes must
   * name the same layers and fields as the first's; nothing may keep the values between calls (post-build hooks
   * read them and keep nothing).
   */
  refiller(): (changes: readonly Change[], into: Buffer) => Buffer | undefined {
    let values: Values[] | undefined;
    return (changes, into) => {
      if (!values) {
        values = this.base.values.slice();
        for (const c of changes) if (values[c.layer] === this.base.values[c.layer]) values[c.layer] = cloneValues(this.base.layers[c.layer].def, this.base.values[c.layer]);
      }
      const slots = this.scratch;
      for (let i = 0; i < changes.length; i++) {
        const c = changes[i];
        const s = this.slot(c.layer, c.name);
        if ((typeof c.value !== "number" && typeof c.value !== "string") || !s) return undefined;
        slots[i] = s;
        values[c.layer][c.name] = c.value;
      }
      return this.write(changes, values, into);
    };
  }

  /** The base's bytes into buf with the changes written at the places fill found (this.scratch), lengths and checksums recomputed. */
  private write(changes: readonly Change[], values: Values[], buf: Buffer): Buffer {
    this.base.buf.copy(buf);
    for (let i = 0; i < changes.length; i++) {
      const s = this.scratch[i];
      const c = changes[i];
      if (s.field.bits) writeBits(buf, s.off, s.bit, s.field.bits, c.value as number);
      else s.field.write!(buf, s.off, c.value, values[c.layer]);
    }
    postBuildAll(this.base, buf, values);
    return buf;
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

const cloners = new WeakMap<LayerDef, (v: Values) => Values>();

/** A copy of a layer's values (its fields), by a function generated with their names written in (faster than a spread). */
function cloneValues(def: LayerDef, v: Values): Values {
  let clone = cloners.get(def);
  if (!clone) {
    const names = [...new Set(def.fields.map((f) => f.name))];
    clone = new Function("v", `return { ${names.map((n) => `${JSON.stringify(n)}: v[${JSON.stringify(n)}]`).join(", ")} };`) as (v: Values) => Values;
    cloners.set(def, clone);
  }
  return clone(v);
}

const conditional = new WeakMap<LayerDef, boolean>();
function hasConditions(def: LayerDef): boolean {
  let c = conditional.get(def);
  if (c === undefined) conditional.set(def, (c = def.fields.some((f) => f.when)));
  return c;
}
