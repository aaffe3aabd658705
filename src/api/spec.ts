import { PacketError } from "../packet/errors.js";
import { setField, Tuple } from "../packet/expr.js";
import type { Field, Values } from "../packet/field.js";
import { Layer, type LayerDef } from "../packet/layer.js";
import { Packet } from "../packet/packet.js";
import { sameValue, Template, type Change, type Slot } from "../packet/template.js";
import { pythonValue } from "./command.js";
import type { LayerFieldNames, LayerInputs } from "./layers.generated.js";

/** A range of values for one field, both ends included (Scapy's `(lo, hi)`): `TCP({ dport: range(1, 1024) })`. */
export class Range {
  constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}
}
export const range = (lo: number, hi: number): Range => new Range(lo, hi);

/**
 * One layer of a spec: its kind, the values given (as stored), and the fields given several values (a set). A call of
 * one packet also has its shape (the names given, in order) and the stored values in that order, which is all that
 * building it through its template reads; `given` is made from them when something asks for it.
 */
class Call {
  private values: Values | undefined;

  constructor(
    readonly def: LayerDef,
    given: Values | undefined,
    readonly alternatives?: Map<string, unknown[]>,
    readonly shape?: CallShape,
    readonly vals?: readonly unknown[],
  ) {
    this.values = given;
  }

  get given(): Values {
    if (!this.values) {
      const g: Values = {};
      const keys = this.shape!.keys;
      for (let j = 0; j < keys.length; j++) g[keys[j]] = this.vals![j];
      this.values = g;
    }
    return this.values;
  }
}

/**
 * The names a constructor of one layer kind was given, in order: interned in a tree per kind (each name a step), so
 * the calls of one call site share one shape and finding it is comparing each name with the one seen last there.
 */
class CallShape {
  private readonly next = new Map<string, CallShape>();
  private lastKey: string | undefined;
  private lastNext: CallShape | undefined;
  /** Shapes under a root (counted there): past `maxShapes` its tree starts again (shapes already made keep working). */
  private size = 0;
  /** The field of the last name (undefined: the kind has no such field). */
  readonly field: Field | undefined;
  /** The templates of packets whose outermost layer has this shape, the one used last first. */
  readonly bound: Binding[] = [];
  /**
   * The value last given to the field of the last name, as given and as parsed: a loop that gives the same address or
   * option list each time parses it once. A list is kept as a copy (the caller may change its own) and compared by
   * content; its parsed value is frozen, shared by every spec given those contents.
   */
  lastRaw: unknown = none;
  lastParsed: unknown;
  /** The spec last given to the field of the last name, and its parsed value (see parseSpec). */
  lastSpec: { shape: CallShape; vals: readonly unknown[]; parsed: unknown } | undefined;

  constructor(
    readonly def: LayerDef,
    readonly keys: readonly string[],
    private readonly root?: CallShape,
  ) {
    this.field = keys.length ? def.byName.get(keys[keys.length - 1]) : undefined;
  }

  child(key: string): CallShape {
    if (key === this.lastKey) return this.lastNext!;
    let c = this.next.get(key);
    if (!c) {
      const root = this.root ?? this;
      if (++root.size > maxShapes) root.clear();
      this.next.set(key, (c = new CallShape(this.def, [...this.keys, key], root)));
    }
    this.lastKey = key;
    this.lastNext = c;
    return c;
  }

  private clear(): void {
    this.next.clear();
    this.lastKey = this.lastNext = undefined;
    this.size = 1;
  }
}

const maxShapes = 1024;

/**
 * A template bound to a sequence of call shapes: for each layer and each name given, the base packet's value and
 * where the field lies, so that filling it for calls of those shapes compares values by position.
 */
class Binding {
  private readonly base: unknown[][];
  private readonly slots: (Slot | null)[][];
  // One fill's changes (a fill runs to its end before another starts).
  private readonly changedLayers: number[] = [];
  private readonly changedSlots: Slot[] = [];
  private readonly changedValues: unknown[] = [];

  constructor(
    readonly template: Template,
    readonly shapes: readonly CallShape[],
  ) {
    this.base = shapes.map((s, i) => s.keys.map((k) => template.layers[i].given[k]));
    this.slots = shapes.map((s, i) => s.keys.map((k) => template.slot(i, k)));
  }

  matches(calls: readonly Call[]): boolean {
    const shapes = this.shapes;
    if (calls.length !== shapes.length) return false;
    for (let i = 0; i < calls.length; i++) if (calls[i].shape !== shapes[i]) return false;
    return true;
  }

  /** The bytes for calls of these shapes; undefined when a value that differs cannot be written in place. */
  fill(calls: readonly Call[]): Buffer | undefined {
    let n = 0;
    for (let i = 0; i < calls.length; i++) {
      const vals = calls[i].vals!;
      const base = this.base[i];
      for (let j = 0; j < vals.length; j++) {
        const v = vals[j];
        if (v === base[j] || sameValue(v, base[j])) continue;
        const s = this.slots[i][j];
        if (!s) return undefined;
        this.changedLayers[n] = i;
        this.changedSlots[n] = s;
        this.changedValues[n++] = v;
      }
    }
    return this.template.fillSlots(n, this.changedLayers, this.changedSlots, this.changedValues);
  }
}

/**
 * What a layer constructor returns, and what stacking makes: one packet or a packet set (Scapy's packet before it is
 * built), `L` naming its layers. Immutable: div() and with() return new specs.
 */
export class PacketSpec<L extends string = string> {
  // Declared only: most specs never make their packet, and a field defined in each would cost every constructor.
  private declare cachedPacket?: Packet;

  /** @internal use the layer constructors */
  constructor(readonly calls: readonly Call[]) {}

  /** Scapy's `/`: this spec with `uppers` stacked on top, `Ether().div(IP({ dst }), TCP({ dport: 80 }))`. */
  // any: a spec of any layers (tsc does not take PacketSpec<"IP"> as a PacketSpec<string>)
  div<U extends PacketSpec<any>[]>(...uppers: U): PacketSpec<L | LayersOf<U[number]>> {
    let n = this.calls.length;
    for (let i = 0; i < uppers.length; i++) n += uppers[i].calls.length;
    const calls = new Array<Call>(n);
    let k = 0;
    for (let i = 0; i < this.calls.length; i++) calls[k++] = this.calls[i];
    for (let i = 0; i < uppers.length; i++) for (let j = 0; j < uppers[i].calls.length; j++) calls[k++] = uppers[i].calls[j];
    return new PacketSpec(calls);
  }

  /** How many packets it stands for (the product of the sizes of the fields given several values). */
  get count(): number {
    let n = 1;
    for (const c of this.calls) if (c.alternatives) for (const vals of c.alternatives.values()) n *= vals.length;
    return n;
  }

  /** The bytes of its one packet (a set of several packets: use frames() or packets()). */
  get bytes(): Buffer {
    if (this.cachedPacket) return this.cachedPacket.bytes;
    this.single("bytes");
    return buildCalls(this.calls);
  }

  /** Its one packet, with field access, summary(), show() and answers(). */
  packet(): Packet {
    if (!this.cachedPacket) {
      this.single("packet()");
      const top = chainOf(this.calls, new Array(this.calls.length).fill(undefined));
      const t = templateFor(this.calls);
      this.cachedPacket = new Packet(top, (l) => t.build(l));
    }
    return this.cachedPacket;
  }

  /** Every packet of the set, in Scapy's order (outer layers vary slowest; within a layer, the last field). */
  packets(): Packet[] {
    const tops = expandCalls(this.calls);
    if (tops.length === 1) return [this.packet()];
    const t = new Template(tops[0]);
    return tops.map((l) => new Packet(l, (x) => t.build(x)));
  }

  /** The bytes of every packet of the set, built through one template of their shape. */
  frames(): Buffer[] {
    return this.packets().map((p) => p.bytes);
  }

  /** A field of its packet by path, as Packet.get reads it: "TCP.flags", "IP.dst", "DNS.qd.qname". */
  get(path: FieldPath<L>): unknown {
    return this.packet().get(path);
  }

  /** Scapy's one-line summary of its packet. */
  summary(): string {
    return this.packet().summary();
  }

  /** Scapy's show() of its packet: every layer and field. */
  show(): string {
    return this.packet().show();
  }

  /** Scapy's answers(): is this packet a reply to `request`? */
  answers(request: PacketSpec | Packet): boolean {
    return this.packet().answers(request instanceof PacketSpec ? request.packet() : request);
  }

  /** The Scapy expression of this spec (Scapy's command()): what a scenario's `packet:` takes. */
  command(): string {
    return this.calls
      .map((c) => {
        const args: string[] = [];
        for (const k in c.given) args.push(`${k}=${pythonValue(c.given[k])}`);
        for (const [k, vals] of c.alternatives ?? []) args.push(`${k}=${pythonValue(vals)}`);
        return `${c.def.name}(${args.join(", ")})`;
      })
      .join("/");
  }

  toString(): string {
    return this.command();
  }

  /** The top layer of its packet (its layers follow as `payload`). */
  layer(): Layer {
    return this.packet().top;
  }

  /** @internal a fresh chain of layers of its one packet (a spec given as a field value, DNS's qd=DNSQR(…)) */
  chain(): Layer {
    this.single("a layer given as a field value");
    return chainOf(this.calls, new Array(this.calls.length).fill(undefined));
  }

  /** A compiled template of this spec's shape: many packets of it, each filled with its own values. */
  template(): PacketTemplate<L> {
    this.single("template()");
    return new PacketTemplate<L>(this.calls);
  }

  private single(what: string): void {
    const n = this.count;
    if (n !== 1) throw new PacketError(`${what}: this is a packet set of ${n} packets; use frames() or packets()`);
  }
}

/** The layer names of a spec type. */
export type LayersOf<S> = S extends PacketSpec<infer N> ? N : never;

/** "Layer.field" paths of a spec whose layers are L (any string for a spec of unknown layers). */
export type FieldPath<L extends string> = string extends L ? string : L extends keyof LayerFieldNames ? `${L}.${LayerFieldNames[L]}` | L : string;


/**
 * A spec's shape compiled once: fill(values) gives the bytes of a packet of that shape with these fields set, written
 * in place when they lie at fixed offsets (else the packet is built in full; same bytes). Values are checked as the
 * constructors check them.
 */
export class PacketTemplate<L extends string = string> {
  private readonly t: Template;
  private readonly index = new Map<string, number>();

  constructor(private readonly calls: readonly Call[]) {
    this.t = templateFor(calls);
    calls.forEach((c, i) => {
      if (!this.index.has(c.def.name)) this.index.set(c.def.name, i);
    });
  }

  /** The bytes of the packet with these fields changed, by layer name (the first layer of that kind). */
  fill(values: TemplateValues<L>): Buffer {
    const changes: { layer: number; name: string; value: unknown }[] = [];
    for (const name in values) {
      const i = this.index.get(name);
      if (i === undefined) throw new PacketError(`the template has no layer ${name}: its layers are ${[...this.index.keys()].join(", ")}`);
      const fields = (values as Record<string, Values>)[name];
      const def = this.calls[i].def;
      for (const k in fields) {
        const v = fields[k];
        const f = def.byName.get(k);
        changes.push({ layer: i, name: k, value: f && typeof v !== "object" ? parsePlain(def, f, v) : parseOne(def, k, v) });
      }
    }
    const filled = this.t.fill(changes);
    if (filled) return filled;
    const givens = this.calls.map((c) => c.given);
    for (const c of changes) givens[c.layer] = { ...givens[c.layer], [c.name]: c.value };
    return this.t.build(chainOf(this.calls, givens));
  }
}

/** Values for a template's fill, by layer name: `{ TCP: { seq: 5 } }`. */
export type TemplateValues<L extends string> = string extends L ? Record<string, Values> : { [K in L]?: K extends keyof LayerInputs ? LayerInputs[K] : Values };


/**
 * Templates by shape: a tree walked by each layer's kind, then the names of the fields it was given, in order (no
 * key text is made per packet: kinds are objects and names are the program's own strings). Bounded: past
 * `maxTemplates` shapes it starts again empty.
 */
interface ShapeNode {
  byDef?: Map<LayerDef, ShapeNode>;
  byName?: Map<string, ShapeNode>;
  template?: Template;
}
let shapes: ShapeNode = {};
let shapeCount = 0;
const maxTemplates = 256;

/** The template of a shape, compiled on first use. */
/** The node of a shape (its layers, and the fields given to each) under root, made where missing. */
function shapeNode(root: ShapeNode, calls: readonly Call[]): ShapeNode {
  let node = root;
  for (const c of calls) {
    let next = (node.byDef ??= new Map()).get(c.def);
    if (!next) node.byDef.set(c.def, (next = {}));
    node = next;
    for (const k in c.given) {
      let n = (node.byName ??= new Map()).get(k);
      if (!n) node.byName.set(k, (n = {}));
      node = n;
    }
  }
  return node;
}

function templateFor(calls: readonly Call[]): Template {
  let node = shapeNode(shapes, calls);
  if (!node.template) {
    if (++shapeCount > maxTemplates) {
      shapes = {};
      shapeCount = 1;
    }
    const t = new Template(chainOf(calls, new Array(calls.length).fill(undefined)));
    node = shapeNode(shapes, calls);
    node.template = t;
  }
  return node.template;
}

/** The bytes of a one-packet spec: its shape's template filled with the values that differ from the template's. */
function buildCalls(calls: readonly Call[]): Buffer {
  const first = calls[0].shape;
  let shaped = true;
  for (let i = 0; i < calls.length; i++) if (!calls[i].shape) shaped = false;
  if (first && shaped) {
    const bound = first.bound;
    let b: Binding | undefined;
    for (let i = 0; i < bound.length && !b; i++) if (bound[i].matches(calls)) b = bound[i];
    if (!b) {
      b = new Binding(templateFor(calls), calls.map((c) => c.shape!));
      bound.unshift(b);
      if (bound.length > 4) bound.pop();
    }
    const out = b.fill(calls);
    if (out) return out;
    return b.template.build(chainOf(calls, new Array(calls.length).fill(undefined)));
  }
  // The shapes built last from this outer layer kind first: finding the template is then comparing with it.
  const top = calls[0].def;
  const recent = recentShapes.get(top);
  let t: Template | undefined;
  let changes: Change[] | undefined;
  if (recent)
    for (let i = 0; i < recent.length && !changes; i++) {
      changes = recent[i].changesOf(calls);
      if (changes) t = recent[i];
    }
  if (!t) {
    t = templateFor(calls);
    changes = t.changesOf(calls);
    const list = recent ?? [];
    list.unshift(t);
    if (list.length > 4) list.pop();
    if (!recent) recentShapes.set(top, list);
  }
  return (changes && t.fill(changes)) ?? t.build(chainOf(calls, new Array(calls.length).fill(undefined)));
}

const recentShapes = new Map<LayerDef, Template[]>();

/** A chain of layers for the calls (the given values, or `givens[i]` where defined). */
function chainOf(calls: readonly Call[], givens: (Values | undefined)[]): Layer {
  let top: Layer | undefined;
  for (let i = calls.length - 1; i >= 0; i--) {
    const l = new Layer(calls[i].def, givens[i] ?? calls[i].given);
    l.payload = top;
    top = l;
  }
  if (!top) throw new PacketError("a packet needs at least one layer");
  return top;
}

/** Every packet of the calls, as Scapy iterates a set: outer layers slowest; in a layer, the last field slowest. */
function expandCalls(calls: readonly Call[]): Layer[] {
  const dims: { call: number; name: string; values: unknown[] }[] = [];
  calls.forEach((c, i) => {
    if (!c.alternatives) return;
    const at = (name: string) => c.def.fields.findIndex((f) => f.name === name);
    for (const name of [...c.alternatives.keys()].sort((a, b) => at(b) - at(a))) dims.push({ call: i, name, values: c.alternatives.get(name)! });
  });
  let count = 1;
  for (const d of dims) count *= d.values.length;
  if (count > 65_536) throw new PacketError(`this spec makes ${count} packets; at most 65536`);
  const idx = new Array<number>(dims.length).fill(0);
  const out: Layer[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const givens = calls.map((c, i) => {
      if (!c.alternatives) return c.given;
      const g = { ...c.given };
      dims.forEach((d, k) => {
        if (d.call === i) g[d.name] = d.values[idx[k]];
      });
      return g;
    });
    out[n] = chainOf(calls, givens);
    for (let d = dims.length - 1; d >= 0; d--) {
      if (++idx[d] < dims[d].values.length) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** The constructor of a layer kind: its values as stored, each checked by its field (a wrong name or value says what is valid). */
export function layerConstructor(def: LayerDef): (values?: Values) => PacketSpec<string> {
  const root = new CallShape(def, []);
  return (values) => layerCall(root, values);
}


function layerCall(root: CallShape, values: Values | undefined): PacketSpec<string> {
  // The usual call, one packet: each value checked by its field and kept by position in the call's shape.
  const def = root.def;
  let shape = root;
  const vals: unknown[] = [];
  for (const k in values) {
    const v = values[k];
    shape = shape.child(k);
    const f = shape.field;
    if (f === undefined || v === undefined) return setCall(def, values);
    if (typeof v !== "object") {
      if (v === shape.lastRaw) {
        vals.push(shape.lastParsed);
        continue;
      }
      if (f.net && typeof v === "string" && v.includes("/")) return setCall(def, values);
      const parsed = parsePlain(def, f, v);
      shape.lastRaw = v;
      shape.lastParsed = parsed;
      vals.push(parsed);
    } else if (v === null) {
      if (f.auto) return setCall(def, values);
      vals.push(parseOne(def, k, v));
    } else if (!f.isList && (Array.isArray(v) || v instanceof Range)) return setCall(def, values);
    else if (v instanceof PacketSpec) vals.push(parseSpec(shape, v));
    else if (Array.isArray(v) && sameList(v, shape.lastRaw, 0)) vals.push(shape.lastParsed);
    else {
      // A list of values is parsed from a copy of its own, so what is frozen and kept is never the caller's.
      const copy = Array.isArray(v) ? listCopy(v, 0) : undefined;
      if (copy === undefined) vals.push(parseOne(def, k, v));
      else {
        const parsed = deepFreeze(parseOne(def, k, listCopy(v as unknown[], 0)), 0);
        shape.lastRaw = copy;
        shape.lastParsed = parsed;
        vals.push(parsed);
      }
    }
  }
  return new PacketSpec<string>([new Call(def, undefined, undefined, shape, vals)]);
}

/** A constructor's values that make a packet set, leave fields out (undefined) or name no field (it throws). */
function setCall(def: LayerDef, values: Values | undefined): PacketSpec<string> {
  const given: Values = {};
  let alternatives: Map<string, unknown[]> | undefined;
  if (values) {
    for (const k in values) {
      const v = values[k];
      const f = def.byName.get(k);
      // Numbers, names and addresses: the field's own check, the usual case (parseOne says what is wrong).
      if (f !== undefined && typeof v !== "object" && v !== undefined && !(f.net && typeof v === "string" && v.includes("/"))) {
        given[k] = parsePlain(def, f, v);
        continue;
      }
      if (f && !f.isList && ((typeof v === "object" && v !== null && (Array.isArray(v) || v instanceof Range)) || (f.net && typeof v === "string" && v.includes("/")))) {
        alternatives ??= new Map();
        setField(def, given, alternatives, k, fromJs(v), 0, 0);
        const vals = alternatives.get(k);
        if (vals?.length === 1) {
          given[k] = vals[0];
          alternatives.delete(k);
        }
        continue;
      }
      if (v === undefined || (v === null && f?.auto)) continue;
      given[k] = parseOne(def, k, v);
    }
  }
  return new PacketSpec<string>([new Call(def, given, alternatives?.size ? alternatives : undefined)]);
}

function parsePlain(def: LayerDef, f: Field, v: unknown): unknown {
  try {
    return f.parse(v);
  } catch {
    return parseOne(def, f.name, v);
  }
}

/** One field value as stored, with the layer's name in the error. */
function parseOne(def: LayerDef, name: string, value: unknown): unknown {
  const f = def.byName.get(name);
  if (!f) {
    setField(def, {}, new Map(), name, value, 0, 0); // throws: no such field, with did-you-mean
    throw new PacketError(`${def.name} has no field ${name}`);
  }
  try {
    return f.parse(toLayers(value));
  } catch (e) {
    if (e instanceof PacketError) throw new PacketError(e.message.startsWith(`${name}`) ? `${def.name}.${e.message}` : `${def.name}.${name}: ${e.message}`);
    throw e;
  }
}

/**
 * A spec given as a field's value (DNS's qd=DNSQR(…)), parsed; the same values as last time in this field (of
 * calls of this shape) give the same parsed value, frozen (a loop building queries for one name checks and copies its record once; comparing it
 * with a template's is then comparing references).
 */
function parseSpec(at: CallShape, v: PacketSpec): unknown {
  const call = v.calls.length === 1 ? v.calls[0] : undefined;
  const last = at.lastSpec;
  if (call?.shape && last && last.shape === call.shape && sameVals(last.vals, call.vals!)) return last.parsed;
  const parsed = parseOne(at.def, at.field!.name, v);
  // Kept (and frozen) only when it holds nothing of the caller's: values, or lists already ours and frozen.
  if (call?.shape && call.vals!.every((x) => x === null || typeof x !== "object" || Object.isFrozen(x))) at.lastSpec = { shape: call.shape, vals: call.vals!, parsed: deepFreeze(parsed, 0) };
  return parsed;
}

/** No value given yet (a field's memo is empty). */
const none = Symbol("none");

/** A copy of a list given to a field, made of lists, text, numbers, booleans and null; undefined if it has anything else. */
function listCopy(v: readonly unknown[], depth: number): unknown[] | undefined {
  if (depth > 8 || v.length > 64) return undefined;
  const out = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Array.isArray(x)) {
      const c = listCopy(x, depth + 1);
      if (c === undefined) return undefined;
      out[i] = c;
    } else if (x === null || typeof x !== "object") out[i] = x;
    else return undefined;
  }
  return out;
}

/** Whether a list given to a field has the contents of a copy made by listCopy (lists of values, or of lists of them: by loop). */
function sameList(v: readonly unknown[], copy: unknown, depth: number): boolean {
  if (!Array.isArray(copy) || copy.length !== v.length) return false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const c = copy[i];
    if (x === c) continue;
    if (!Array.isArray(x) || !Array.isArray(c) || x.length !== c.length) return false;
    for (let j = 0; j < x.length; j++) {
      const y = x[j];
      if (y !== c[j] && (depth > 7 || !Array.isArray(y) || !sameList(y, c[j], depth + 2))) return false;
    }
  }
  return true;
}

/** Stored values that are the same values: primitives equal, objects the same one. */
function sameVals(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Freezes a parsed value shared by specs: lists, nested layers and their values (as craft's cache does). */
function deepFreeze<T>(v: T, depth: number): T {
  if (depth > 16 || typeof v !== "object" || v === null || Buffer.isBuffer(v) || Object.isFrozen(v)) return v;
  if (v instanceof Layer) {
    deepFreeze(v.given, depth + 1);
    if (v.payload) deepFreeze(v.payload, depth + 1);
    return v;
  }
  for (const k in v) deepFreeze((v as Record<string, unknown>)[k], depth + 1);
  return Object.freeze(v);
}

/** Specs given as field values (DNS's qd=DNSQR(…)) as the layers they stand for. */
function toLayers(v: unknown): unknown {
  if (v instanceof PacketSpec) return v.chain();
  if (Array.isArray(v) && v.some((x) => x instanceof PacketSpec)) return v.map(toLayers);
  return v;
}

/** A JS value as the expression parser's: ranges as tuples, specs as layers. */
function fromJs(v: unknown): unknown {
  if (v instanceof Range) return new Tuple([v.lo, v.hi]);
  if (Array.isArray(v)) return v.map(fromJs);
  return toLayers(v);
}
