import { fillFor } from "./bind.js";
import type { Field, Values } from "./field.js";

/** What a layer's post-build hook may patch: its own header and everything after it is already written. */
export interface BuildContext {
  buf: Buffer;
  /** Start and end of this layer's header, end of its payload (the packet may continue after: padding). */
  start: number;
  hdrEnd: number;
  end: number;
  values: Values;
  /** Fields the user gave: an explicit value always wins over a computed one. */
  given: Values;
  /** The layer under this one (IP under TCP, for the pseudo-header), if any, and where its header starts. */
  under?: Layer;
  underValues?: Values;
  underStart: number;
  /** The whole chain being built and this layer's place in it (the layers further down: IPv6 extension headers). */
  chain?: { layers: Layer[]; starts: number[]; values: Values[] };
  index?: number;
}

export interface LayerDef {
  name: string;
  fields: Field[];
  byName: Map<string, Field>;
  /** Fields at a fixed bit offset (all before the first conditional or variable one): readable one at a time. */
  offsets: Map<string, number>;
  /** Old field names Scapy still takes for the current ones (its deprecated_fields: GRE's seqence_number). */
  renamed?: Record<string, string>;
  /** Patches lengths and checksums once the payload is written. */
  postBuild?(ctx: BuildContext): void;
  /** The layer under which this one's payload is bound, when no binding table entry fits (guess_payload_class). */
  guessPayload?(values: Values, payload: Buffer): LayerDef | undefined;
  /** Values implied by the layer this one is carried in, set at build time (DNS's length prefix over TCP). */
  fromUnder?(under: Layer, values: Values): void;
  /** Scapy's dispatch_hook: the kind these bytes really are when it is not this one (Ether with a length: Dot3). */
  dispatch?(buf: Buffer, off: number, end: number): LayerDef | undefined;
  /** How many of the bytes after the header belong to the payload (IP's total length); the rest is padding. */
  payloadLength?(values: Values, hdrLen: number, available: number, buf: Buffer, payloadStart: number): number;
  /** One-line summary in Scapy's words. */
  summary?(l: Layer): string;
  /** Scapy's hashret/answers: does `reply` (this layer kind) answer `request`? */
  answers?(reply: Layer, request: Layer): boolean;
  /**
   * A fast path for dissection: where the header ends and the few values that pick the payload (bindings, payload
   * length), read without decoding the rest; the other fields are decoded when first asked for. undefined: use the
   * field walker (e.g. a header cut short).
   */
  span?(buf: Buffer, off: number, end: number): { hdrEnd: number; key: Values } | undefined;
  /** A reader of its own, for layers the field walker cannot read (DNS: names compressed against the message). */
  decode?(buf: Buffer, start: number, end: number): { values: Values; next: number };
  /** The generated measure/write of build.ts, kept on the kind itself (looked up on every build). */
  compiledBuild?: unknown;
  /** JSON of the layer's fields where Scapy's conventions need more than the field list (see json.ts). */
  json?(l: Layer, out: Values): void;
  /**
   * Defaults taken from the layers above when the user gives none (Scapy's Ether dst for a multicast group), and
   * the names of its fields they fill and of the upper layers' fields they read: a packet set varying one of those
   * under a layer that fills a field not given is built packet by packet.
   */
  fromPayload?: { fills: readonly string[]; reads: readonly string[]; values(payload: Layer): Values | undefined };
  /**
   * Defaults taken from the layer's own fields when the user gives none (Scapy's SourceIP6Field: IPv6 src from dst),
   * the fields they fill and the fields they read: a template never writes a read field in place under a fill.
   */
  fromSelf?: { fills: readonly string[]; reads: readonly string[]; values(v: Values): Values };
}

/** A crafted layer's own values with the defaults its other fields imply filled in (fromSelf), in place. */
export function fillFromSelf(def: LayerDef, given: Values, v: Values): Values {
  const fs = def.fromSelf;
  if (!fs || fs.fills.every((k) => k in given)) return v;
  const derived = fs.values(v);
  for (const k of fs.fills) if (!(k in given) && k in derived) v[k] = derived[k];
  return v;
}

export function defineLayer(name: string, fields: Field[], hooks: Omit<LayerDef, "name" | "fields" | "byName" | "offsets"> = {}): LayerDef {
  const def: LayerDef = { name, fields, byName: new Map(fields.map((f) => [f.name, f])), offsets: staticOffsets(fields), ...hooks };
  registry.set(name, def);
  return def;
}

function staticOffsets(fields: Field[]): Map<string, number> {
  const out = new Map<string, number>();
  let bit = 0;
  for (const f of fields) {
    if (f.when || (f.bits === 0 && f.fixedSize === undefined)) break;
    out.set(f.name, bit);
    bit += f.bits || f.fixedSize! * 8;
  }
  return out;
}

/** Every layer by name, for expressions and dissection. */
export const registry = new Map<string, LayerDef>();

/**
 * One layer of a packet: the values the user gave, or a view into captured bytes whose fields are decoded on first
 * access. A packet is a chain of layers (`payload`).
 */
export class Layer {
  payload?: Layer;
  /** The layer this one is carried in, set when a packet is assembled (summaries and checks look down). */
  under?: Layer;
  /** Dissected: where this layer lies in the captured buffer. */
  buf?: Buffer;
  start = 0;
  hdrEnd = 0;
  end = 0;
  /** Why dissection stopped here (Raw of a layer that did not parse). */
  note?: string;
  private decoded?: Values;
  /** decoded holds only what dissection needed (span); the rest is read on first access. */
  private partial = false;

  constructor(
    readonly def: LayerDef,
    readonly given: Values = {},
  ) {}

  get name(): string {
    return this.def.name;
  }

  /** The field's value: given, else decoded (dissected packets), else the default (undefined: computed at build). */
  get(field: string): unknown {
    if (field in this.given) return this.given[field];
    if (this.buf) {
      if (this.partial && this.decoded) {
        if (field in this.decoded) return this.decoded[field];
        // One field at a known offset: read just it, leaving the rest (options…) undecoded.
        const at = this.def.offsets.get(field);
        const f = this.def.byName.get(field)!;
        if (at !== undefined) {
          const off = this.start + (at >> 3);
          const size = f.bits ? ((at & 7) + f.bits + 7) >> 3 : f.fixedSize!;
          if (off + size <= this.hdrEnd) return (this.decoded[field] = f.bits ? readBits(this.buf, off, at & 7, f.bits) : f.read!(this.buf, off, this.hdrEnd, this.decoded)[0]);
        }
      }
      return this.values()[field];
    }
    // A crafted layer carries what its payload implies (IP.proto under TCP), as it will be built.
    if (this.payload) {
      const fill = fillFor(this.def, this.payload.def);
      if (fill && field in fill) return fill[field];
      const fp = this.def.fromPayload;
      if (fp?.fills.includes(field)) {
        const derived = fp.values(this.payload);
        if (derived && field in derived) return derived[field];
      }
    }
    if (this.def.fromSelf?.fills.includes(field)) return this.values()[field];
    return this.def.byName.get(field)?.default;
  }

  /** All values of a dissected layer, decoded once. */
  values(): Values {
    if (!this.buf) {
      const v: Values = {};
      for (const f of this.def.fields) v[f.name] = f.name in this.given ? this.given[f.name] : f.default;
      return fillFromSelf(this.def, this.given, v);
    }
    if (!this.decoded || this.partial) {
      this.decoded = { ...decodeFields(this.def, this.buf, this.start, this.hdrEnd).values, ...this.given };
      this.partial = false;
    }
    return this.decoded;
  }

  /** Sets decoded values that dissection already computed (so they are not decoded twice); `partial`: only some. */
  setDecoded(v: Values, partial = false): void {
    this.decoded = v;
    this.partial = partial;
  }

  /** The layers from this one down the chain. */
  *chain(): Generator<Layer> {
    for (let l: Layer | undefined = this; l; l = l.payload) yield l;
  }

  /**
   * Set on a layer that a function of a whole packet made (a fragment from fragment()): a copy with fields changed
   * is made again from the changed original, so the bytes it carries (a transport checksum over the source address
   * the route fills in) stay right.
   */
  remake?: (changes: Values) => Layer;

  /** A copy of this layer (and its payload) with some fields changed. */
  with(changes: Values): Layer {
    if (this.remake) return this.remake(changes);
    const copy = new Layer(this.def, { ...this.given, ...changes });
    copy.payload = this.payload;
    return copy;
  }
}

/**
 * Decodes a layer's fields from buf[start, end): the values and where the header ends. Never throws. As in Scapy,
 * fields beyond the end of the data keep their defaults (`short`: an ICMP error quotes 8 bytes of TCP); `error`
 * says the bytes cannot be this layer at all.
 */
export function decodeFields(def: LayerDef, buf: Buffer, start: number, end: number): { values: Values; next: number; short: boolean; error?: string } {
  if (def.decode) {
    try {
      const { values, next } = def.decode(buf, start, end);
      return { values, next, short: false };
    } catch (e) {
      return { values: {}, next: start, short: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  const values: Values = {};
  let off = start;
  let bit = 0; // bits used of the current byte group
  let short = false;
  for (const f of def.fields) {
    if (f.when && !f.when(values)) continue;
    if (short) {
      values[f.name] = f.default;
      continue;
    }
    if (f.bits > 0) {
      const totalBits = bit + f.bits;
      if (off + Math.ceil(totalBits / 8) > end) {
        // As Scapy: the bytes may end between fields (the rest keep their defaults), not inside one (not this layer).
        if (off < end) return { values, next: off, short, error: `${f.name} needs ${Math.ceil(totalBits / 8)} bytes, ${end - off} left` };
        short = true;
        values[f.name] = f.default;
        continue;
      }
      values[f.name] = readBits(buf, off, bit, f.bits);
      bit = totalBits;
      off += bit >> 3;
      bit &= 7;
    } else {
      if (off >= end && f.size && f.size(f.default, values) > 0) {
        short = true;
        values[f.name] = f.default;
        continue;
      }
      try {
        const [v, next] = f.read!(buf, off, end, values);
        if (v === undefined && f.fixedSize !== undefined && off < end) return { values, next: off, short, error: `${def.name}.${f.name} is cut off` };
        if (v === undefined) {
          if (off < end) return { values, next: off, short, error: `${f.name} needs more than the ${end - off} bytes left` };
          short = true;
          values[f.name] = f.default;
          continue;
        }
        values[f.name] = v;
        off = next;
      } catch (e) {
        return { values, next: off, short, error: e instanceof Error ? e.message : String(e) };
      }
    }
  }
  return { values, next: Math.min(off, end), short };
}

export function readBits(buf: Buffer, off: number, bit: number, bits: number): number {
  if (bit === 0) {
    if (bits === 8) return buf[off];
    if (bits === 16) return (buf[off] << 8) | buf[off + 1];
    if (bits === 32) return buf.readUInt32BE(off);
  }
  let acc = 0;
  const nbytes = Math.ceil((bit + bits) / 8);
  for (let i = 0; i < nbytes; i++) acc = acc * 256 + buf[off + i];
  const shift = nbytes * 8 - bit - bits;
  return Math.floor(acc / 2 ** shift) % 2 ** bits;
}

export function writeBits(buf: Buffer, off: number, bit: number, bits: number, value: number): void {
  if (bit === 0) {
    if (bits === 8) return void (buf[off] = value);
    if (bits === 16) return void ((buf[off] = value >>> 8), (buf[off + 1] = value & 0xff));
    if (bits === 32) return void buf.writeUInt32BE(value >>> 0, off);
  }
  const nbytes = (bit + bits + 7) >> 3;
  if (nbytes <= 3) {
    // Up to 24 bits in play: plain integer arithmetic on the bytes it touches.
    const shift = nbytes * 8 - bit - bits;
    let acc = 0;
    for (let i = 0; i < nbytes; i++) acc = (acc << 8) | buf[off + i];
    const mask = ((1 << bits) - 1) << shift;
    acc = (acc & ~mask) | ((value << shift) & mask);
    for (let i = nbytes - 1; i >= 0; i--) {
      buf[off + i] = acc & 0xff;
      acc >>>= 8;
    }
    return;
  }
  const shift = nbytes * 8 - bit - bits;
  let acc = 0;
  for (let i = 0; i < nbytes; i++) acc = acc * 256 + buf[off + i];
  acc = acc - (Math.floor(acc / 2 ** shift) % 2 ** bits) * 2 ** shift + (value % 2 ** bits) * 2 ** shift;
  for (let i = nbytes - 1; i >= 0; i--) {
    buf[off + i] = acc % 256;
    acc = Math.floor(acc / 256);
  }
}
