import { PacketError } from "./errors.js";
import type { Values } from "./field.js";
import { fillFor } from "./bind.js";
import { fillFromSelf, writeBits, type BuildContext, type Layer, type LayerDef } from "./layer.js";

/** The values a layer is built with: defaults, then what its upper layer implies, then what the user gave. */
export function buildValues(l: Layer): Values {
  const v: Values = l.buf ? { ...l.values() } : valuesOf(l.def)(l.given);
  if (l.payload) {
    const fill = fillFor(l.def, l.payload.def);
    if (fill) for (const k in fill) if (!(k in l.given)) v[k] = fill[k];
    // Defaults from the layer above only matter for the fields they fill that the user left out.
    const fp = l.def.fromPayload;
    const derived = fp && !fp.fills.every((k) => k in l.given) ? fp.values(l.payload) : undefined;
    if (derived) for (const k in derived) if (!(k in l.given)) v[k] = derived[k];
  }
  if (!l.buf) fillFromSelf(l.def, l.given, v);
  if (l.buf) for (const k in l.given) v[k] = l.given[k];
  // A rebuilt dissected layer recomputes what the user did not set: lengths and checksums follow the new content.
  if (l.buf) for (const f of l.def.fields) if (f.auto && !(f.name in l.given)) v[f.name] = undefined;
  return v;
}

const makers = new WeakMap<LayerDef, (given: Values) => Values>();

/**
 * A layer kind's values from what the user gave, generated as one object literal with its field names written in
 * (one shape per layer kind, filled without looking names up): given values, else defaults. The fill from the
 * upper layer is applied by the caller.
 */
function valuesOf(def: LayerDef): (given: Values) => Values {
  let make = makers.get(def);
  if (!make) {
    const d = defaultsOf(def);
    const names = Object.keys(d);
    const body = names.map((n, i) => `${JSON.stringify(n)}: ${JSON.stringify(n)} in g ? g[${JSON.stringify(n)}] : D[${i}]`).join(",\n");
    make = new Function("D", `return function values(g) { return {\n${body}\n}; }`)(names.map((n) => d[n])) as (given: Values) => Values;
    makers.set(def, make);
  }
  return make;
}

const defaults = new WeakMap<LayerDef, Values>();
function defaultsOf(def: LayerDef): Values {
  let d = defaults.get(def);
  if (!d) {
    d = {};
    for (const f of def.fields) if (!(f.name in d) || d[f.name] === undefined) d[f.name] = f.default;
    defaults.set(def, d);
  }
  return d;
}

/**
 * Builds the bytes of a layer chain: measure every header, allocate one buffer, write outer to inner, then let each
 * layer patch its lengths and checksums inner to outer (an inner checksum is part of the outer one's data).
 */
export function build(top: Layer): Buffer {
  return buildDetailed(top).buf;
}

/** A built packet with where each layer lies and the values it was built with (for patching in place). */
export interface Built {
  buf: Buffer;
  layers: Layer[];
  values: Values[];
  starts: number[];
  sizes: number[];
  contentEnd: number;
}

export function buildDetailed(top: Layer): Built {
  const layers: Layer[] = [];
  for (let l: Layer | undefined = top; l; l = l.payload) {
    if (layers.length > 256) throw new PacketError("too many layers (more than 256)");
    layers.push(l);
  }
  const n = layers.length;
  const values: Values[] = new Array(n);
  const fieldSizes: number[][] = new Array(n);
  const starts: number[] = new Array(n);
  const sizes: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = buildValues(layers[i]);
    if (i > 0) layers[i].def.fromUnder?.(layers[i - 1], values[i]);
    fieldSizes[i] = [];
    sizes[i] = measure(layers[i], values[i], fieldSizes[i]);
  }
  // As in Scapy, Padding's bytes go after every other layer's, wherever it stands (bindings still see it where it
  // stands): what comes before them is the content, the extent of every length and checksum.
  let total = 0;
  for (let i = 0; i < n; i++) if (layers[i].def.name !== "Padding") (starts[i] = total), (total += sizes[i]);
  const contentEnd = total;
  for (let i = 0; i < n; i++) if (layers[i].def.name === "Padding") (starts[i] = total), (total += sizes[i]);
  // From Node's pool (fast for small packets), zeroed: unset computed fields are written later or stay 0.
  const buf = Buffer.allocUnsafe(total).fill(0);
  for (let i = 0; i < n; i++) {
    try {
      writeFields(layers[i], values[i], buf, starts[i], fieldSizes[i]);
    } catch (e) {
      if (e instanceof PacketError && !e.message.startsWith(`${layers[i].def.name}.`)) throw new PacketError(`${layers[i].def.name}: ${e.message}`);
      throw e;
    }
  }
  const built: Built = { buf, layers, values, starts, sizes, contentEnd };
  postBuildAll(built, buf);
  return built;
}

/**
 * Runs every layer's post-build inner to outer over buf (a copy of a Built's bytes, perhaps with fields changed).
 * `ctx`: a context to fill in (a template's own, made once), else one is made.
 */
export function postBuildAll(b: Built, buf: Buffer, values: Values[] = b.values, ctx?: BuildContext): void {
  const { layers, starts, sizes, contentEnd } = b;
  // One context for every layer, filled in turn (hooks read it and keep nothing).
  if (ctx) {
    ctx.buf = buf;
    ctx.chain!.values = values;
  }
  for (let i = layers.length - 1; i >= 0; i--) {
    const post = layers[i].def.postBuild;
    if (!post) continue;
    ctx ??= newContext(b, buf, values);
    ctx.start = starts[i];
    ctx.hdrEnd = starts[i] + sizes[i];
    ctx.end = Math.max(contentEnd, starts[i] + sizes[i]);
    ctx.values = values[i];
    ctx.given = layers[i].given;
    ctx.under = i > 0 ? layers[i - 1] : undefined;
    ctx.underValues = i > 0 ? values[i - 1] : undefined;
    ctx.underStart = i > 0 ? starts[i - 1] : 0;
    ctx.index = i;
    post(ctx);
  }
}

/** A post-build context for a built packet's layers (postBuildAll fills it in for each). */
export function newContext(b: Built, buf: Buffer, values: Values[] = b.values): BuildContext {
  return { buf, start: 0, hdrEnd: 0, end: 0, values: values[0], given: b.layers[0].given, under: undefined, underValues: undefined, underStart: 0, chain: { layers: b.layers, starts: b.starts, values }, index: 0 };
}

type Measure = (v: Values, sizes: number[]) => number;
type Write = (buf: Buffer, start: number, v: Values, sizes: number[]) => void;

/**
 * A layer kind's measure and write, generated once as code with its field names written in: the hot path of every
 * build then reads each value at a known property (fast in V8) instead of looking names up (slow across layer kinds).
 * The logic is the plain loop: bit fields packed in order, byte fields by their own codecs, conditional fields
 * skipped when their condition does not hold, unset computed fields left as zeros for post-build.
 */
function compile(def: LayerDef): { measure: Measure; write: Write } {
  let c = def.compiledBuild as { measure: Measure; write: Write } | undefined;
  if (c) return c;
  const m: string[] = ["let bits = 0, bytes = 0, n;"];
  const w: string[] = ["let off = start, bit = 0, k = 0, val;"];
  def.fields.forEach((f, i) => {
    const key = JSON.stringify(f.name);
    const open = f.when ? `if (F[${i}].when(v)) {` : "{";
    if (f.bits > 0) {
      m.push(`${open} bits += ${f.bits}; }`);
      w.push(`${open} val = v[${key}]; if (val !== undefined) { if (typeof val !== "number") notNumber(${i}, val); wb(buf, off, bit, ${f.bits}, val); } bit += ${f.bits}; off += bit >> 3; bit &= 7; }`);
    } else {
      m.push(`${open} val = v[${key}]; n = F[${i}].size(val === undefined ? F[${i}].default : val, v); sizes.push(n); bytes += n; }`);
      w.push(`${open} val = v[${key}]; F[${i}].write(buf, off, val === undefined ? F[${i}].default : val, v); off += sizes[k++]; }`);
    }
  });
  m.push(`if (bits % 8) partialBytes(); return bytes + bits / 8;`);
  const notNumber = (i: number, val: unknown) => {
    throw new PacketError(`${def.name}.${def.fields[i].name}: ${String(val)} is not a number`);
  };
  const partialBytes = () => {
    throw new PacketError(`${def.name}: its bit fields do not fill whole bytes`);
  };
  c = {
    measure: new Function("F", "partialBytes", `return function measure(v, sizes) { let val; ${m.join("\n")} }`)(def.fields, partialBytes) as Measure,
    write: new Function("F", "wb", "notNumber", `return function write(buf, start, v, sizes) { ${w.join("\n")} }`)(def.fields, writeBits, notNumber) as Write,
  };
  def.compiledBuild = c;
  return c;
}

/** The header size of a layer; the sizes of its byte fields go to `sizes`, in order, for writeFields. */
function measure(l: Layer, v: Values, sizes: number[]): number {
  return compile(l.def).measure(v, sizes);
}

function writeFields(l: Layer, v: Values, buf: Buffer, start: number, sizes: number[]): void {
  compile(l.def).write(buf, start, v, sizes);
}
