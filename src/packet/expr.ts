import { isIP } from "node:net";
import { didYouMean } from "../util/did-you-mean.js";
import { readIPv4, readIPv6, writeIPv4, writeIPv6 } from "./addr.js";
import { PacketError } from "./errors.js";
import type { Field, Values } from "./field.js";
import { dissectLayers } from "./dissect.js";
import { Layer, registry, type LayerDef } from "./layer.js";
import { Raw } from "./layers/raw.js";
import { fragment, fragment6, overlapFrag } from "./fragment.js";

// Scapy's own syntax for packets: IP(dst="198.18.0.2")/TCP(dport=[22, 80], flags="S")/b"data".
// Values follow Python: strings in either quote, b"…" bytes with escapes, ints (0x…, 0o…, 0b…), None/True/False,
// lists, tuples, nested layer calls, "x"*16, integer arithmetic. A list (or a (lo, hi) tuple) given to a field that
// holds one value makes a packet set, as in Scapy.

type Token = { kind: "name" | "num" | "str" | "bytes" | "op" | "end"; text: string; value?: unknown; col: number };

/** A Python tuple: (lo, hi) given to a field that holds one value is a range of values. */
export class Tuple {
  constructor(readonly items: unknown[]) {}
}

/** A layer call with its arguments; fields given a list or a range stay alternatives until expansion. */
class LayerCall {
  constructor(
    readonly def: LayerDef,
    readonly values: Values,
    readonly alternatives: Map<string, unknown[]>,
    readonly col: number,
  ) {}
}

class Stack {
  constructor(
    readonly calls: LayerCall[],
    /** Layers read from bytes (IP(b"…")) and nothing else: the packet is those bytes as they are, as in Scapy. */
    readonly read?: Layer,
  ) {}
}

/** The packets a function gives (fragment(…)): a list, not a stack of layers, so they cannot be stacked further. */
class PacketList {
  constructor(
    readonly layers: Layer[],
    readonly fn: string,
  ) {}
}

/** Scapy's functions over packets that an expression may call, with their parameters in Scapy's order. */
const functions: Record<string, { params: string[]; required: number; run(a: unknown[], col: number): Layer[] }> = {
  fragment: { params: ["pkt", "fragsize"], required: 1, run: (a, col) => fragment(packetsOf(a[0], "fragment", col), sizeOf(a[1], "fragment", "fragsize", col)) },
  fragment6: { params: ["pkt", "fragSize"], required: 2, run: (a, col) => fragment6(packetsOf(a[0], "fragment6", col), sizeOf(a[1], "fragment6", "fragSize", col)!) },
  overlap_frag: {
    params: ["p", "overlap", "fragsize", "overlap_fragsize"],
    required: 2,
    run: (a, col) => {
      const p = packetsOf(a[0], "overlap_frag", col);
      if (p.length !== 1) throw new PacketError(`overlap_frag(): p is one packet, not a set of ${p.length}`, col);
      const overlap = typeof a[1] === "string" || Buffer.isBuffer(a[1]) ? expand(stack(a[1], new Stack([]), col)) : packetsOf(a[1], "overlap_frag", col);
      if (overlap.length !== 1) throw new PacketError(`overlap_frag(): overlap is one payload (a layer or b"bytes"), not a set`, col);
      return overlapFrag(p[0], overlap[0], sizeOf(a[2], "overlap_frag", "fragsize", col), sizeOf(a[3], "overlap_frag", "overlap_fragsize", col));
    },
  },
};

function packetsOf(v: unknown, fn: string, col: number): Layer[] {
  if (v instanceof Stack) return expand(v);
  if (v instanceof PacketList) return v.layers;
  throw new PacketError(`${fn}(): its first argument is a packet, like IP(dst="198.18.0.2")/UDP()/Raw(load="x"*3000)`, col);
}

function sizeOf(v: unknown, fn: string, name: string, col: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw new PacketError(`${fn}(): ${name} is a whole number of bytes`, col);
  return v;
}

const maxPackets = 65_536;

/** Scapy classes that only pick another when called without bytes (a dispatch_hook): NTP() builds an NTPHeader. */
const dispatchers: Record<string, string> = { NTP: "NTPHeader" };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const col = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      if ((m === "b" || m === "B") && (src[i + 1] === '"' || src[i + 1] === "'")) {
        const [value, end] = readString(src, i + 1, true);
        out.push({ kind: "bytes", text: src.slice(i, end), value, col });
        i = end;
        continue;
      }
      out.push({ kind: "name", text: m, col });
      i += m.length;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*(\.[0-9]+)?)/.exec(src.slice(i))![0];
      const clean = m.replace(/_/g, "");
      const value = /^0[oO]/.test(clean) ? Number.parseInt(clean.slice(2), 8) : /^0[bB]/.test(clean) ? Number.parseInt(clean.slice(2), 2) : Number(clean);
      out.push({ kind: "num", text: m, value, col });
      i += m.length;
      continue;
    }
    if (c === '"' || c === "'") {
      const [value, end] = readString(src, i, false);
      out.push({ kind: "str", text: src.slice(i, end), value, col });
      i = end;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "//" || two === "**") {
      out.push({ kind: "op", text: two, col });
      i += 2;
      continue;
    }
    if ("()[],=/*+-%".includes(c)) {
      out.push({ kind: "op", text: c, col });
      i++;
      continue;
    }
    throw new PacketError(`unexpected \`${c}\`: a packet is written like IP(dst="198.18.0.2")/TCP(dport=80)`, col);
  }
  out.push({ kind: "end", text: "", col: src.length + 1 });
  return out;
}

/** Reads a Python string literal at src[i] (the quote); bytes=true keeps byte values (latin1). */
function readString(src: string, i: number, bytes: boolean): [string | Buffer, number] {
  const q = src[i];
  const triple = src.slice(i, i + 3) === q.repeat(3);
  const close = triple ? q.repeat(3) : q;
  let j = i + close.length;
  const chars: number[] = [];
  let text = "";
  const push = (code: number) => (bytes ? chars.push(code) : (text += String.fromCodePoint(code)));
  while (j < src.length && src.slice(j, j + close.length) !== close) {
    const c = src[j];
    if (c === "\\") {
      const n = src[j + 1];
      const simple: Record<string, number> = { n: 10, r: 13, t: 9, "0": 0, "\\": 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11 };
      if (n === "x") {
        const h = src.slice(j + 2, j + 4);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new PacketError(`\\x needs two hex digits`, j + 1);
        push(Number.parseInt(h, 16));
        j += 4;
        continue;
      }
      if (n in simple && !(n === "0" && /[0-7]/.test(src[j + 2] ?? ""))) {
        push(simple[n]);
        j += 2;
        continue;
      }
      const oct = /^[0-7]{1,3}/.exec(src.slice(j + 1));
      if (oct) {
        push(Number.parseInt(oct[0], 8) & 0xff);
        j += 1 + oct[0].length;
        continue;
      }
      push(92);
      j++;
      continue;
    }
    const code = src.codePointAt(j)!;
    if (bytes && code > 0x7f) throw new PacketError("bytes literals hold ASCII only: write other bytes as \\xNN", j + 1);
    push(code);
    j += code > 0xffff ? 2 : 1;
  }
  if (j >= src.length) throw new PacketError(`this string is never closed: add the closing ${q}`, i + 1);
  return [bytes ? Buffer.from(chars) : text, j + close.length];
}

const maxDepth = 64;

class Parser {
  private pos = 0;
  private depth = 0;
  /** Nested calls, lists, parentheses and signs recurse: a bound keeps a hostile expression from the stack's end. */
  private nested<T>(f: () => T): T {
    if (++this.depth > maxDepth) throw new PacketError(`the expression nests deeper than ${maxDepth} levels`, this.peek().col);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.pos];
  }
  private next(): Token {
    return this.toks[this.pos++];
  }
  private expect(text: string, what: string): Token {
    const t = this.next();
    if (t.text !== text || (t.kind !== "op" && t.kind !== "name")) throw new PacketError(`expected ${what}, found ${t.kind === "end" ? "the end" : `\`${t.text}\``}`, t.col);
    return t;
  }

  parseAll(): unknown {
    const v = this.additive();
    const t = this.peek();
    if (t.kind !== "end") throw new PacketError(`unexpected \`${t.text}\` after a complete expression`, t.col);
    return v;
  }

  private additive(): unknown {
    return this.nested(() => this.sum());
  }

  private sum(): unknown {
    let left = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || (t.text !== "+" && t.text !== "-")) return left;
      this.next();
      const right = this.multiplicative();
      left = arith(t.text, left, right, t.col);
    }
  }

  private multiplicative(): unknown {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || !["*", "/", "//", "%"].includes(t.text)) return left;
      this.next();
      const right = this.unary();
      left = t.text === "/" && (isPacket(left) || isPacket(right)) ? stack(left, right, t.col) : arith(t.text, left, right, t.col);
    }
  }

  private unary(): unknown {
    const t = this.peek();
    if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.next();
      const v = this.nested(() => this.unary());
      if (typeof v !== "number") throw new PacketError(`${t.text} applies to numbers`, t.col);
      return t.text === "-" ? -v : v;
    }
    return this.atom();
  }

  private atom(): unknown {
    const t = this.next();
    switch (t.kind) {
      case "num":
      case "str":
      case "bytes":
        return t.value;
      case "name":
        if (t.text === "None") return null;
        if (t.text === "True") return true;
        if (t.text === "False") return false;
        if (this.peek().text === "(") return this.call(t);
        throw new PacketError(`\`${t.text}\` is not a value: did you mean a string, "${t.text}"?`, t.col);
      case "op":
        if (t.text === "[") return this.sequence("]", t);
        if (t.text === "(") {
          const items = this.sequence(")", t, true);
          return items;
        }
        break;
    }
    throw new PacketError(t.kind === "end" ? "the expression ends too early" : `unexpected \`${t.text}\``, t.col);
  }

  private sequence(close: string, open: Token, tuple = false): unknown {
    const items: unknown[] = [];
    let trailingComma = false;
    while (this.peek().text !== close) {
      if (this.peek().kind === "end") throw new PacketError(`\`${open.text}\` is never closed: add ${close}`, open.col);
      items.push(this.additive());
      trailingComma = false;
      if (this.peek().text === ",") {
        this.next();
        trailingComma = true;
      } else if (this.peek().text !== close) throw new PacketError(`expected , or ${close}, found \`${this.peek().text}\``, this.peek().col);
    }
    this.next();
    if (!tuple) return items;
    if (items.length === 1 && !trailingComma) return items[0]; // plain parentheses
    return new Tuple(items);
  }

  private mac2str(name: Token): Buffer {
    this.expect("(", "(");
    const v = this.additive();
    this.expect(")", ")");
    return macBytes(v, name.col);
  }

  private call(name: Token): unknown {
    if (name.text === "mac2str") return this.mac2str(name);
    const def = registry.get(name.text) ?? registry.get(dispatchers[name.text] ?? "");
    if (!def && name.text in functions) return this.functionCall(name);
    if (!def) {
      const hint = didYouMean(name.text, [...registry.keys()]);
      throw new PacketError(`unknown layer \`${name.text}\`${hint ? ` (did you mean ${hint}?)` : ""}: layers are ${[...registry.keys()].join(", ")}; functions are ${Object.keys(functions).join(", ")}`, name.col);
    }
    this.expect("(", "(");
    const values: Values = {};
    const alternatives = new Map<string, unknown[]>();
    let positional = 0;
    let fromBytes: Layer | undefined;
    while (this.peek().text !== ")") {
      const t = this.peek();
      if (t.kind === "end") throw new PacketError(`${def.name}( is never closed: add )`, name.col);
      let fieldName: string;
      let valueTok: Token;
      if (t.kind === "name" && this.toks[this.pos + 1]?.text === "=") {
        this.next();
        this.next();
        fieldName = t.text;
        valueTok = this.peek();
      } else {
        // Scapy's first positional argument is the raw bytes of the layer (Raw's is its load): IP(b"E\x00…") reads
        // them as that layer and what follows it, every field as the bytes hold it.
        if (positional++ > 0) throw new PacketError(`${def.name}(): give fields by name, e.g. ${def.name}(${def.fields[0]?.name ?? "x"}=…)`, t.col);
        if (def !== Raw && def.name !== "Padding") {
          const raw = this.additive();
          if (typeof raw !== "string" && !Buffer.isBuffer(raw)) throw new PacketError(`${def.name}(…): a positional argument is the layer's bytes, b"…"; give fields by name, e.g. ${def.name}(${def.fields[0]?.name ?? "x"}=…)`, t.col);
          fromBytes = dissectLayers(def, Buffer.isBuffer(raw) ? raw : Buffer.from(raw, "latin1"));
          if (this.peek().text === ",") this.next();
          continue;
        }
        fieldName = "load";
        valueTok = t;
      }
      const value = this.additive();
      setField(def, values, alternatives, fieldName, value, t.col, valueTok.col);
      if (this.peek().text === ",") this.next();
      else if (this.peek().text !== ")") throw new PacketError(`expected , or ) in ${def.name}(…), found \`${this.peek().text}\``, this.peek().col);
    }
    this.next();
    if (fromBytes) {
      // Scapy keeps the bytes it read and builds them as they are, whatever fields are named beside them.
      const named = [...Object.keys(values), ...alternatives.keys()];
      if (named.length) throw new PacketError(`${def.name}(b"…", ${named[0]}=…): Scapy builds bytes given to a layer as they are, without the fields named beside them: give the bytes alone, or the fields alone`, name.col);
      return new Stack(readCalls(fromBytes, name.col), fromBytes);
    }
    return new Stack([new LayerCall(def, values, alternatives, name.col)]);
  }

  /** fragment(pkt, fragsize=1480) and the other functions: arguments by position or by name, as in Python. */
  private functionCall(name: Token): PacketList {
    const fn = functions[name.text];
    this.expect("(", "(");
    const args: unknown[] = [];
    let named = false;
    while (this.peek().text !== ")") {
      const t = this.peek();
      if (t.kind === "end") throw new PacketError(`${name.text}( is never closed: add )`, name.col);
      let at = args.length;
      if (t.kind === "name" && this.toks[this.pos + 1]?.text === "=") {
        at = fn.params.indexOf(t.text);
        if (at < 0) throw new PacketError(`${name.text}() has no parameter \`${t.text}\`: its parameters are ${fn.params.join(", ")}`, t.col);
        if (args[at] !== undefined) throw new PacketError(`${name.text}(): ${t.text} is given twice`, t.col);
        this.next();
        this.next();
        named = true;
      } else if (named) throw new PacketError(`${name.text}(): a positional argument cannot follow a named one`, t.col);
      else if (at >= fn.params.length) throw new PacketError(`${name.text}() takes at most ${fn.params.length} arguments (${fn.params.join(", ")})`, t.col);
      args[at] = this.additive();
      if (this.peek().text === ",") this.next();
      else if (this.peek().text !== ")") throw new PacketError(`expected , or ) in ${name.text}(…), found \`${this.peek().text}\``, this.peek().col);
    }
    this.next();
    for (let i = 0; i < fn.required; i++) if (args[i] === undefined) throw new PacketError(`${name.text}() needs ${fn.params.slice(0, fn.required).join(" and ")}: ${name.text}(${fn.params.slice(0, fn.required).join(", ")})`, name.col);
    try {
      return new PacketList(fn.run(args, name.col), name.text);
    } catch (e) {
      if (e instanceof PacketError && e.col === 0) throw new PacketError(e.message, name.col);
      throw e;
    }
  }
}

/** Scapy's mac2str("02:00:00:00:00:01"): the six bytes of a MAC address (BOOTP's chaddr takes bytes). */
function macBytes(v: unknown, col: number): Buffer {
  if (typeof v !== "string" || !/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(v)) throw new PacketError(`mac2str takes a MAC address as text, like mac2str("02:00:00:00:00:01")`, col);
  return Buffer.from(v.split(":").map((x) => parseInt(x, 16)));
}

/** Sets one field of a layer call: a plain value in `values`, a list, range or prefix in `alternatives` (a set). */
export function setField(def: LayerDef, values: Values, alternatives: Map<string, unknown[]>, name: string, value: unknown, nameCol: number, valueCol: number): void {
  name = def.renamed?.[name] ?? name;
  const f = def.byName.get(name);
  if (!f) {
    const names = def.fields.map((x) => x.name);
    const hint = didYouMean(name, names);
    throw new PacketError(`${def.name} has no field \`${name}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}: its fields are ${[...new Set(names)].join(", ")}`, nameCol);
  }
  const parse = (v: unknown) => {
    try {
      return parseValue(f, v);
    } catch (e) {
      if (e instanceof PacketError) throw new PacketError(`${def.name}.${e.message.startsWith(name) ? e.message : `${name}: ${e.message}`}`, valueCol);
      throw e;
    }
  };
  if (value === null && f.auto) return; // None: computed, as in Scapy
  const tooMany = (what: string, n?: bigint) => new PacketError(`${def.name}.${name}: ${what} makes more than ${maxPackets} packets${n !== undefined ? ` (it has ${n} addresses)` : ""}`, valueCol);
  // A range: (lo, hi), both ends included.
  const range = (t: Tuple): unknown[] => {
    const [lo, hi] = t.items as number[];
    if (hi < lo) throw new PacketError(`${def.name}.${name}: the range (${lo}, ${hi}) is empty`, valueCol);
    if (hi - lo >= maxPackets) throw tooMany(`the range (${lo}, ${hi})`);
    return Array.from({ length: hi - lo + 1 }, (_, i) => parse(lo + i));
  };
  const isRange = (v: unknown): v is Tuple => v instanceof Tuple && v.items.length === 2 && v.items.every((x) => typeof x === "number");
  const isNet = (v: unknown): v is string => f.net !== undefined && typeof v === "string" && v.includes("/");
  const net = (text: string): string[] => {
    try {
      return expandNet(text, f.net!, maxPackets);
    } catch (e) {
      if (e instanceof NetTooLarge) throw tooMany(text, e.count);
      if (e instanceof PacketError) throw new PacketError(`${def.name}.${name}: ${e.message}`, valueCol);
      throw e;
    }
  };
  if (f.flags && Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === "string")) {
    // A list of flag names is one value, the flags together, as Scapy's FlagValue reads it: flags=["S", "A"] is SA.
    values[name] = value.reduce((n: number, x) => n | (parse(x) as number), 0);
    return;
  }
  if (!f.isList && Array.isArray(value)) {
    // Scapy flattens ranges, and prefixes of IP fields, found in a list: ttl=[1, 2, (5, 9)], dst=["198.18.0.1", "198.18.1.0/31"].
    const out: unknown[] = [];
    for (const item of value) {
      if (isRange(item)) out.push(...range(item));
      else if (isNet(item)) {
        if (f.netInList === false) throw new PacketError(`${def.name}.${name}: Scapy does not expand ${JSON.stringify(item)} inside a list here (it cannot build it): give the prefix alone, ${name}="${item}", or list the addresses`, valueCol);
        for (const a of net(item)) out.push(parse(a));
      } else out.push(parse(item));
      if (out.length > maxPackets) throw tooMany("this list");
    }
    alternatives.set(name, out);
    return;
  }
  if (!f.isList && isRange(value)) {
    alternatives.set(name, range(value));
    return;
  }
  if (!f.isList && isNet(value)) {
    alternatives.set(name, net(value).map(parse));
    return;
  }
  values[name] = parse(value);
}

class NetTooLarge extends Error {
  constructor(readonly count: bigint) {
    super("too large");
  }
}

/**
 * The addresses of "198.18.0.5/30" or "2001:db8::/126" in order, as Scapy's Net and Net6 give them: every address
 * of the prefix, network and broadcast included, whatever the host bits written. NetTooLarge past `max`.
 */
export function expandNet(text: string, family: 4 | 6, max: number): string[] {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
  const bits = family === 4 ? 32 : 128;
  const kind = family === 4 ? "an IPv4 address with a prefix length, like 198.18.0.0/24" : "an IPv6 address with a prefix length, like 2001:db8::/120";
  if (!m || isIP(m[1]) !== family) throw new PacketError(`\`${text}\` is not ${kind}`);
  const prefix = Number(m[2]);
  if (prefix > bits) throw new PacketError(`\`${text}\`: a prefix length is at most /${bits} for IPv${family}`);
  const count = 1n << BigInt(bits - prefix);
  if (count > BigInt(max)) throw new NetTooLarge(count);
  const buf = Buffer.alloc(bits / 8);
  if (family === 4) writeIPv4(buf, 0, m[1]);
  else writeIPv6(buf, 0, m[1]);
  let start = 0n;
  for (const b of buf) start = (start << 8n) | BigInt(b);
  start &= ~(count - 1n);
  const out: string[] = new Array(Number(count));
  for (let i = 0n; i < count; i++) {
    let v = start + i;
    for (let k = buf.length - 1; k >= 0; k--, v >>= 8n) buf[k] = Number(v & 0xffn);
    out[Number(i)] = family === 4 ? readIPv4(buf, 0) : readIPv6(buf, 0);
  }
  return out;
}

/** Turns an expression value into the field's stored form: tuples become arrays, packets become layers. */
function parseValue(f: Field, v: unknown): unknown {
  return f.parse(plain(v, f));
}

function plain(v: unknown, f: Field): unknown {
  if (v instanceof Tuple) return v.items.map((x) => plain(x, f));
  if (Array.isArray(v)) return v.map((x) => plain(x, f));
  if (v instanceof Stack) {
    const packets = expand(v);
    if (packets.length !== 1) throw new PacketError(`${f.name}: a packet given as a field value cannot be a packet set`);
    return packets[0];
  }
  return v;
}

function isPacket(v: unknown): boolean {
  return v instanceof Stack;
}

function stack(left: unknown, right: unknown, col: number): Stack {
  const asStack = (v: unknown, side: string): Stack => {
    if (v instanceof Stack) return v;
    if (v instanceof PacketList) throw new PacketError(v.fn === "*" ? "a repeated packet (p*n) is a list of packets, which / cannot stack: repeat the whole stack" : `${v.fn}() gives a list of packets, which / cannot stack: put the layers inside its first argument`, col);
    if (typeof v === "string" || Buffer.isBuffer(v)) return new Stack([new LayerCall(Raw, { load: Raw.byName.get("load")!.parse(v) }, new Map(), col)]);
    throw new PacketError(`the ${side} side of / must be a layer, b"bytes" or a string`, col);
  };
  return new Stack([...asStack(left, "left").calls, ...asStack(right, "right").calls]);
}

function arith(op: string, a: unknown, b: unknown, col: number): unknown {
  if (op === "*" && (typeof a === "string" || Buffer.isBuffer(a)) && typeof b === "number") return repeat(a, b, col);
  if (op === "*" && typeof a === "number" && (typeof b === "string" || Buffer.isBuffer(b))) return repeat(b, a, col);
  // As in Python: a list repeated ([IPOption_NOP()]*40), a packet (or set) repeated into a list of packets (p*3).
  if (op === "*" && typeof b === "number" && (Array.isArray(a) || a instanceof Stack || a instanceof PacketList)) return repeatItems(a, b, col);
  if (op === "*" && typeof a === "number" && (Array.isArray(b) || b instanceof Stack || b instanceof PacketList)) return repeatItems(b, a, col);
  if (op === "+" && typeof a === "string" && typeof b === "string") return a + b;
  if (op === "+" && Buffer.isBuffer(a) && Buffer.isBuffer(b)) return Buffer.concat([a, b]);
  if (typeof a !== "number" || typeof b !== "number") throw new PacketError(`\`${op}\` works on numbers (and * repeats a string)`, col);
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "%": return a % b;
    default:
      if (b === 0) throw new PacketError("division by zero", col);
      return Math.floor(a / b);
  }
}

/** Layers read from bytes as calls giving every field its value there, for stacking more layers on them. */
function readCalls(top: Layer, col: number): LayerCall[] {
  const calls: LayerCall[] = [];
  for (let l: Layer | undefined = top; l; l = l.payload) {
    const v: Values = { ...l.values() };
    for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
    calls.push(new LayerCall(l.def, v, new Map(), col));
  }
  return calls;
}

function repeatItems(v: unknown[] | Stack | PacketList, n: number, col: number): unknown[] | PacketList {
  const items = Array.isArray(v) ? v : v instanceof PacketList ? v.layers : expand(v);
  if (!Number.isInteger(n) || n < 0 || items.length * n > maxPackets) throw new PacketError(`repeating ${items.length} item(s) ${n} times is out of range (at most ${maxPackets} in all)`, col);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(...items);
  return Array.isArray(v) ? out : new PacketList(out as Layer[], "*");
}

function repeat(s: string | Buffer, n: number, col: number): string | Buffer {
  if (n < 0 || n > 1 << 20) throw new PacketError(`repeating ${n} times is out of range (0 to ${1 << 20})`, col);
  return typeof s === "string" ? s.repeat(n) : Buffer.concat(Array(n).fill(s));
}

/** All packets of a stack: outer layers vary slowest, as Scapy iterates a packet set (an odometer, no recursion). */
/**
 * The varying fields in Scapy's order: outer layers first; within a layer, by the layer's field order, the last
 * field varies slowest, whatever order they are named in (IP(ttl=[1, 3], id=[5, 6]) and IP(id=[5, 6], ttl=[1, 3])
 * both give ids 5, 6 at ttl 1, then at ttl 3).
 */
function dimensions(s: Stack): { dims: SetDimension[]; count: number } {
  const dims: SetDimension[] = [];
  s.calls.forEach((c, i) => {
    const at = (name: string) => c.def.fields.findIndex((f) => f.name === name);
    const names = [...c.alternatives.keys()].sort((a, b) => at(b) - at(a));
    for (const name of names) dims.push({ call: i, name, values: c.alternatives.get(name)! });
  });
  let count = 1;
  for (const d of dims) count *= d.values.length;
  if (count > maxPackets) throw new PacketError(`this expression makes ${count} packets; at most ${maxPackets}`);
  return { dims, count };
}

/** One varying field of a packet set: the layer (0 = outermost), the field, its values. */
export interface SetDimension {
  call: number;
  name: string;
  values: unknown[];
}

function expand(s: Stack): Layer[] {
  if (s.read) return [s.read];
  const { dims, count } = dimensions(s);
  const varies = s.calls.map((_, i) => dims.some((d) => d.call === i));
  const idx = new Array<number>(dims.length).fill(0);
  const results: Layer[] = new Array(count);
  for (let n = 0; n < count; n++) {
    let top: Layer | undefined;
    for (let k = s.calls.length - 1; k >= 0; k--) {
      const c = s.calls[k];
      // Layers that do not vary share their (never changed) values.
      let given = c.values;
      if (varies[k]) {
        given = { ...c.values };
        for (let d = 0; d < dims.length; d++) if (dims[d].call === k) given[dims[d].name] = dims[d].values[idx[d]];
      }
      const l = new Layer(c.def, given);
      l.payload = top;
      top = l;
    }
    results[n] = top!;
    for (let d = dims.length - 1; d >= 0; d--) {
      if (++idx[d] < dims[d].values.length) break;
      idx[d] = 0;
    }
  }
  return results;
}

/**
 * A packet set without its packets: the first one and the fields that vary, in iteration order (the last one
 * fastest). Packet n has digit n_d = floor(n / product of later sizes) % size_d for each dimension d. A function's
 * list (fragment(…)) varies no field: `list` holds its packets.
 */
export function parsePacketSet(src: string): { first: Layer; dims: SetDimension[]; count: number; list?: Layer[] } {
  const v = new Parser(tokenize(src)).parseAll();
  if (v instanceof PacketList) return { first: v.layers[0], dims: [], count: v.layers.length, list: v.layers };
  if (!(v instanceof Stack)) return { first: parsePackets(src)[0], dims: [], count: 1 };
  const { dims, count } = dimensions(v);
  const firstOnly = new Stack(v.calls.map((c) => new LayerCall(c.def, { ...c.values, ...Object.fromEntries([...c.alternatives].map(([k, vals]) => [k, vals[0]])) }, new Map(), c.col)));
  return { first: expand(firstOnly)[0], dims, count };
}

/** Parses Scapy syntax into the packets it describes (one, or a packet set). Raises PacketError with a column. */
export function parsePackets(src: string): Layer[] {
  const v = new Parser(tokenize(src)).parseAll();
  if (v instanceof Stack) return expand(v);
  if (v instanceof PacketList) return v.layers;
  if (typeof v === "string" || Buffer.isBuffer(v)) return expand(stack(v, new Stack([]), 1));
  throw new PacketError("this is a value, not a packet: write layers like IP(dst=\"198.18.0.2\")/ICMP()", 1);
}
