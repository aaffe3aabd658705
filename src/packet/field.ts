import { readIPv4, readIPv6, readMac, writeIPv4, writeIPv6, writeMac } from "./addr.js";
import { PacketError } from "./errors.js";
import { didYouMean } from "../util/did-you-mean.js";

/** The values of one layer while it is built or read; fields may depend on earlier ones (conditions, lengths). */
export type Values = Record<string, unknown>;

/**
 * One field of a layer, declared as data (Scapy's fields_desc idea). Fixed-width integer fields are packed by bit
 * width; everything else reads and writes whole bytes. `auto` fields are computed at build time unless given.
 */
export interface Field {
  name: string;
  /** Width in bits for integer fields (1–32); 0 for byte fields of their own size. */
  bits: number;
  default: unknown;
  /** What the default is, for a default that is not the same every time (ICMP timestamps: the time of day). */
  defaultText?: string;
  /** Computed at build time (lengths, checksums) unless the user gives a value. */
  auto?: boolean;
  /** Present on the wire only when this holds (Scapy's ConditionalField). */
  when?: (v: Values) => boolean;
  /** Symbolic names of values, both ways. */
  names?: Record<number, string>;
  /** Names that depend on another field (ICMP codes per type): every table of them. */
  namesBy?: { all: readonly Record<number, string>[] };
  /** The TypeScript type of a value, for the generated API types, where the field's kind does not tell it. */
  tsType?: string;
  /** Flag letters, least significant bit first (TCP: "FSRPAUECN"). */
  flags?: readonly string[];
  /** Byte fields: size on the wire of a value. */
  size?(value: unknown, v: Values): number;
  write?(buf: Buffer, off: number, value: unknown, v: Values): void;
  /** Byte fields: decode from buf[off, end); returns the value and where the field ends. */
  read?(buf: Buffer, off: number, end: number, v: Values): [unknown, number];
  /** A user's value (number, symbolic name, text) as the stored one; throws PacketError explaining what is valid. */
  parse(input: unknown): unknown;
  /**
   * An expected value read beside the packet's other fields, for names that depend on one (an ICMP code name means
   * a number only under its own type): throws when the name is not one of them there.
   */
  parseIn?(input: unknown, values: Values): unknown;
  /** The value as Scapy shows it (symbolic names for enums, letters for flags); `values` for names that depend on another field. */
  show(value: unknown, values?: Values): string;
  /** Several values, e.g. TCP options: a Python list is the value itself, not a packet set. */
  isList?: boolean;
  /** The layers a field may hold (DNS sections, IP options, a DHCPv6 DUID): paths go through it, heads find them. */
  elements?: () => readonly import("./layer.js").LayerDef[];
  /** A list of named items (DHCP options): a path may go on with an item's name, whose values it then reads. */
  keys?: { names(): readonly string[]; field(key: string): Field | undefined; values(list: unknown, key: string): unknown[] };
  /** Byte fields of a size that never changes (addresses): lets a field be read at a known offset. */
  fixedSize?: number;
  /** IP address fields: "198.18.0.0/30" (or an IPv6 prefix) given to it makes a packet set, one packet an address, as in Scapy. */
  net?: 4 | 6;
  /** false: Scapy leaves a prefix inside a list as text here (ARP's psrc and pdst), so it cannot be built. */
  netInList?: boolean;
}

const isInt = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);

/**
 * A field whose names depend on another (ICMP codes per type), read without it: a name of any of the tables, the
 * first table that has it (building takes the type given beside it: see parseIn); the hint lists every name.
 */
function namesByParser(name: string, bits: number, tables: Record<number, string>[]) {
  const parsers = tables.map((t) => intParser(name, bits, t));
  const known = [...new Set(tables.flatMap((t) => Object.values(t)))];
  return (input: unknown): number => {
    if (typeof input !== "string" || /^\s*(0x[0-9a-f]+|\d+)\s*$/i.test(input)) return parsers[0](input);
    for (const p of parsers) {
      try {
        return p(input);
      } catch {
        /* not in this table */
      }
    }
    const hint = didYouMean(input, known);
    throw new PacketError(`${name}=${JSON.stringify(input)} is not a known value${hint ? ` (did you mean \`${hint}\`?)` : ""}: use a number or one of ${known.join(", ")}`);
  };
}

function intParser(name: string, bits: number, names?: Record<number, string>, flags?: readonly string[], where = "") {
  const max = bits >= 32 ? 0xffffffff : 2 ** bits - 1;
  const byName = names ? new Map(Object.entries(names).map(([k, v]) => [v, Number(k)])) : undefined;
  // Names as people type them: "port-unreachable" finds Scapy's "Port unreachable".
  const loose = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, "");
  const byLooseName = names ? new Map(Object.entries(names).reverse().map(([k, v]) => [loose(v), Number(k)])) : undefined;
  return (input: unknown): number => {
    if (typeof input === "boolean") input = input ? 1 : 0;
    if (isInt(input)) {
      if (input < 0 || input > max) throw new PacketError(`${name}=${input} is out of range: ${name} is ${bits} bits, 0 to ${max}`);
      return input;
    }
    if (typeof input === "string") {
      if (flags) return parseFlags(name, input, flags);
      const n = byName?.get(input) ?? byLooseName?.get(loose(input));
      if (n !== undefined) return n;
      const known = names ? [...new Set(Object.values(names))] : [];
      const hint = didYouMean(input, known);
      throw new PacketError(`${name}=${JSON.stringify(input)} is not a known value${where}${hint ? ` (did you mean \`${hint}\`?)` : ""}${known.length ? `: use a number or one of ${known.join(", ")}` : ": use a number"}`);
    }
    throw new PacketError(`${name} takes a number${names ? " or a symbolic name" : ""}${flags ? " or flag letters" : ""}`);
  };
}

const flagTables = new WeakMap<readonly string[], { multi: boolean; bit: Map<string, number> }>();

function parseFlags(name: string, text: string, flags: readonly string[]): number {
  let t = flagTables.get(flags);
  if (!t) flagTables.set(flags, (t = { multi: flags.some((f) => f.length > 1), bit: new Map(flags.map((f, i) => [f, i] as const).filter(([f]) => f).reverse()) }));
  let n = 0;
  // Multi-letter flag names (IP's "DF", "MF") are written joined by "+"; single letters just follow each other.
  const parts = t.multi ? text.split("+").filter(Boolean) : text;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const i = t.bit.get(p);
    if (i === undefined) throw new PacketError(`${name}=${JSON.stringify(text)}: \`${p}\` is not a flag of ${name} (flags: ${flags.filter(Boolean).join(t.multi ? ", " : "")})`);
    n |= 1 << i;
  }
  return n;
}

export function showFlags(n: number, flags: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) if (n & (1 << i) && flags[i]) out.push(flags[i]);
  return flags.some((f) => f.length > 1) ? out.join("+") : out.join("");
}

/** An unsigned integer field of 1–32 bits, optionally with symbolic names or flag letters. */
export interface IntOptions {
  names?: Record<number, string>;
  /** Names that depend on another field (ICMP codes per type); parsing accepts any of them. */
  namesBy?: { of: (v: Values) => Record<number, string> | undefined; all: Record<number, string>[] };
  flags?: readonly string[];
  auto?: boolean;
  when?: Field["when"];
}

export function int(name: string, bits: number, dflt: number | undefined, o: IntOptions = {}): Field {
  const base = intParser(name, bits, o.names, o.flags);
  return {
    name,
    bits,
    default: dflt,
    auto: o.auto ?? dflt === undefined,
    when: o.when,
    names: o.names,
    namesBy: o.namesBy,
    flags: o.flags,
    parse: o.namesBy ? namesByParser(name, bits, o.namesBy.all) : base,
    parseIn: o.namesBy ? (input, values) => intParser(name, bits, o.namesBy!.of(values) ?? {}, undefined, " of this packet's type")(input) : undefined,
    show: (v, values) => {
      if (v === undefined || v === null) return "None";
      if (o.flags) return showFlags(v as number, o.flags);
      const names = o.names ?? (values && o.namesBy?.of(values));
      return names?.[v as number] ?? String(v);
    },
  };
}

export const u8 = (n: string, d: number | undefined, o?: IntOptions) => int(n, 8, d, o);
export const u16 = (n: string, d: number | undefined, o?: IntOptions) => int(n, 16, d, o);
export const u32 = (n: string, d: number | undefined, o?: IntOptions) => int(n, 32, d, o);

/**
 * Parsed addresses by their text, so building the same addresses again copies bytes instead of parsing text
 * (a bounded cache: traffic generators vary addresses, and memory must not grow with them).
 */
function cachedWriter(size: number, w: (b: Buffer, o: number, s: string) => void): (b: Buffer, o: number, s: string) => void {
  const cache = new Map<string, Buffer>();
  return (buf, off, text) => {
    let bytes = cache.get(text);
    if (!bytes) {
      bytes = Buffer.alloc(size);
      w(bytes, 0, text);
      if (cache.size >= 4096) cache.clear();
      cache.set(text, bytes);
    }
    for (let i = 0; i < size; i++) buf[off + i] = bytes[i];
  };
}

function fixedBytes(name: string, size: number, dflt: string, write: (b: Buffer, o: number, s: string) => void, r: (b: Buffer, o: number) => string, what: string, when?: Field["when"]): Field {
  const w = cachedWriter(size, write);
  return {
    name,
    bits: 0,
    default: dflt,
    when,
    fixedSize: size,
    size: () => size,
    write: (buf, off, value) => w(buf, off, value as string),
    read: (buf, off, end) => (off + size > end ? [undefined, end] : [r(buf, off), off + size]),
    parse: (input) => {
      if (typeof input !== "string") throw new PacketError(`${name} takes ${what} as text`);
      // Host names are left to the caller (the runner resolves lab hosts); they are checked when the packet is built.
      return input;
    },
    show: (v) => String(v),
  };
}

export const mac = (name: string, dflt = "00:00:00:00:00:00", when?: Field["when"]) => fixedBytes(name, 6, dflt, writeMac, readMac, "a MAC address", when);
export const ipv4 = (name: string, dflt = "0.0.0.0", when?: Field["when"]): Field => ({ ...fixedBytes(name, 4, dflt, writeIPv4, readIPv4, "an IPv4 address", when), net: 4 });
export const ipv6 = (name: string, dflt = "::", when?: Field["when"]): Field => ({ ...fixedBytes(name, 16, dflt, writeIPv6, readIPv6, "an IPv6 address", when), net: 6 });

/** Bytes given as b"…" or text; `length` of a fixed field, else to the end of the layer (or a length from values). */
export function bytes(name: string, dflt: Buffer = Buffer.alloc(0), o: { length?: (v: Values) => number | undefined; when?: Field["when"] } = {}): Field {
  return {
    name,
    bits: 0,
    default: dflt,
    when: o.when,
    size: (value) => (value as Buffer).length,
    write: (buf, off, value) => void (value as Buffer).copy(buf, off),
    read: (buf, off, end, v) => {
      const n = o.length?.(v);
      const stop = n === undefined ? end : Math.min(end, off + n);
      return [buf.subarray(off, stop), stop];
    },
    parse: (input) => toBytes(name, input),
    show: (v) => pyBytes(v as Buffer),
  };
}

export function toBytes(name: string, input: unknown): Buffer {
  if (Buffer.isBuffer(input)) return input;
  if (typeof input === "string") return Buffer.from(input, "latin1");
  throw new PacketError(`${name} takes bytes (b"…") or text`);
}

/** Python's repr of bytes, as Scapy shows a load: b'GET / HTTP/1.0\r\n\r\n' (double quotes when it holds ' but no "). */
export function pyBytes(b: Buffer): string {
  const quote = b.includes(0x27) && !b.includes(0x22) ? '"' : "'";
  let s = "";
  for (const c of b) {
    if (c === 0x5c) s += "\\\\";
    else if (c === quote.charCodeAt(0)) s += `\\${quote}`;
    else if (c === 0x0a) s += "\\n";
    else if (c === 0x0d) s += "\\r";
    else if (c === 0x09) s += "\\t";
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else s += `\\x${c.toString(16).padStart(2, "0")}`;
  }
  return `b${quote}${s}${quote}`;
}

const notPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** Python's repr of bytes decoded as UTF-8 with backslashreplace (Scapy's StrField text values). */
export function pyStr(b: Buffer): string {
  let text = "";
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >> 5 === 6 ? 2 : c >> 4 === 14 ? 3 : c >> 3 === 30 ? 4 : 0;
    const chunk = len ? b.subarray(i, i + len) : undefined;
    const decoded = chunk && chunk.length === len ? chunk.toString("utf8") : undefined;
    if (decoded && !decoded.includes("\ufffd") && [...decoded].length === 1) {
      text += decoded;
      i += len;
    } else {
      text += `\\x${c.toString(16).padStart(2, "0")}`;
      i++;
    }
  }
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    // What Python's repr does not print (str.isprintable): controls, format, surrogates, private use, unassigned,
    // separators other than the space — as \xNN, \uNNNN or \UNNNNNNNN.
    else if (code < 0x20 || code === 0x7f || (code !== 0x20 && notPrintable.test(ch)))
      out += code < 0x100 ? `\\x${hex(code, 2)}` : code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}
