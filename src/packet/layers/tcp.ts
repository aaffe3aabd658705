import { bind } from "../bind.js";
import { PacketError } from "../errors.js";
import { int, pyBytes, u16, u32, type Field } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { tcpServices } from "../services.js";
import { pseudoHeaderChecksum } from "../transport-checksum.js";
import { IP, IPerror } from "./ip.js";
import { putWord } from "../word.js";

export type TcpOption = [string | number, unknown];

const optionKinds: Record<string, number> = { EOL: 0, NOP: 1, MSS: 2, WScale: 3, SAckOK: 4, SAck: 5, Timestamp: 8, AltChkSum: 14, AltChkSumOpt: 15, MD5: 19, Mood: 25, UTO: 28, TFO: 34 };
const kindNames = Object.fromEntries(Object.entries(optionKinds).map(([k, v]) => [v, k]));

// Option value layouts (Scapy's struct formats): byte sizes of the integers, in order.
const layouts: Record<number, number[]> = { 2: [2], 28: [2], 3: [1], 8: [4, 4], 34: [4, 4], 14: [1, 2] };

function kindOf(name: string | number): number {
  const kind = typeof name === "number" ? name : optionKinds[name];
  if (kind === undefined) throw new PacketError(`TCP option ${JSON.stringify(name)} is unknown: use one of ${Object.keys(optionKinds).join(", ")} or (kind, b"…")`);
  return kind;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** The bytes of an option's value (after kind and length), measured without building it. */
function valueSize(kind: number, value: unknown): number {
  if (Buffer.isBuffer(value)) return value.length;
  if (typeof value === "string") return Buffer.byteLength(value, "latin1");
  if (kind === 5) return list(value).length * 4;
  const layout = layouts[kind];
  if (layout) return layout.reduce((a, b) => a + b, 0);
  if (value === null || value === undefined) return 0;
  throw new PacketError(`TCP option ${kindNames[kind] ?? kind}: give its value as bytes`);
}

function optionSize([name, value]: TcpOption): number {
  const kind = kindOf(name);
  return kind <= 1 ? 1 : 2 + valueSize(kind, value);
}

function writeOption(buf: Buffer, off: number, [name, value]: TcpOption): number {
  const kind = kindOf(name);
  buf[off] = kind;
  if (kind <= 1) return off + 1;
  const size = valueSize(kind, value);
  buf[off + 1] = size + 2;
  let o = off + 2;
  if (size === 0) return off + 2;
  if (Buffer.isBuffer(value)) value.copy(buf, o);
  else if (typeof value === "string") buf.write(value, o, "latin1");
  else {
    const layout = kind === 5 ? list(value).map(() => 4) : (layouts[kind] ?? []);
    const vals = list(value);
    layout.forEach((bytes, i) => {
      const n = Number(vals[i] ?? 0);
      if (bytes === 1) buf[o] = n;
      else if (bytes === 2) buf.writeUInt16BE(n, o);
      else buf.writeUInt32BE(n >>> 0, o);
      o += bytes;
    });
  }
  return off + 2 + size;
}

// Sizes and bytes of option lists already seen: the same list object (the user's, never changed), the same bytes.
const measured = new WeakMap<TcpOption[], number>();
const encodedOptions = new WeakMap<TcpOption[], Buffer>();

function optionsSize(opts: TcpOption[]): number {
  let size = measured.get(opts);
  if (size === undefined) {
    let n = 0;
    for (const o of opts) n += optionSize(o);
    size = n + ((4 - (n % 4)) % 4);
    measured.set(opts, size);
  }
  return size;
}

/** Decodes options as Scapy lists them; a length below 2 counts as 2, so a lying option cannot loop. */
export function decodeOptions(buf: Buffer, off: number, end: number): TcpOption[] {
  const out: TcpOption[] = [];
  while (off < end && out.length < 40) {
    const kind = buf[off];
    if (kind === 0) {
      out.push(["EOL", null]);
      break;
    }
    if (kind === 1) {
      out.push(["NOP", null]);
      off++;
      continue;
    }
    let len = off + 1 < end ? buf[off + 1] : 0;
    if (len < 2) len = 2;
    const val = buf.subarray(Math.min(off + 2, end), Math.min(off + len, end));
    const name = kindNames[kind];
    const u = (sizes: number[]) => {
      if (sizes.reduce((a, b) => a + b, 0) !== val.length) return undefined;
      let o = 0;
      return sizes.map((s) => {
        const n = s === 1 ? val[o] : s === 2 ? val.readUInt16BE(o) : val.readUInt32BE(o);
        o += s;
        return n;
      });
    };
    let value: unknown = val;
    if (kind === 2 || kind === 28) value = u([2])?.[0] ?? val;
    else if (kind === 3) value = u([1])?.[0] ?? val;
    else if (kind === 4 || kind === 15) value = val;
    else if (kind === 5) {
      const list = val.length % 4 === 0 ? u(Array(val.length / 4).fill(4)) : undefined;
      value = list ? (list.length === 1 ? list[0] : list) : val; // one value reads as a number, as Scapy unpacks it
    }
    else if (kind === 8 || kind === 34) value = u([4, 4]) ?? val;
    else if (kind === 14) value = u([1, 2]) ?? val;
    out.push([name ?? kind, value]);
    off += len;
  }
  return out;
}

function showOptions(opts: TcpOption[]): string {
  const py = (v: unknown): string =>
    v === null || v === undefined ? "None" : Buffer.isBuffer(v) ? pyBytes(v) : Array.isArray(v) ? `(${v.map(py).join(", ")}${v.length === 1 ? "," : ""})` : typeof v === "string" ? `'${v}'` : String(v);
  return `[${opts.map(([n, v]) => `(${typeof n === "string" ? `'${n}'` : n}, ${py(v)})`).join(", ")}]`;
}

const options: Field = {
  name: "options",
  bits: 0,
  default: [],
  isList: true,
  tsType: `[${Object.keys(optionKinds).map((k) => JSON.stringify(k)).join(" | ")} | number, unknown][]`,
  size: (v) => optionsSize(v as TcpOption[]),
  // The padding to a multiple of 4 is the buffer's zeros (EOL). A list built before is copied, not encoded again.
  write: (buf, off, v) => {
    const opts = v as TcpOption[];
    let bytes = encodedOptions.get(opts);
    if (!bytes) {
      bytes = Buffer.alloc(optionsSize(opts));
      let o = 0;
      for (const opt of opts) o = writeOption(bytes, o, opt);
      encodedOptions.set(opts, bytes);
    }
    bytes.copy(buf, off);
  },
  read: (buf, off, end, v) => {
    const stop = Math.min(end, off + Math.max(0, ((v.dataofs as number) ?? 5) * 4 - 20));
    return [decodeOptions(buf, off, stop), stop];
  },
  parse: (input) => {
    if (input === null || input === undefined || input === "") return [];
    if (!Array.isArray(input)) throw new PacketError('TCP options are a list of (name, value): [("MSS", 1460), ("NOP", None), ("WScale", 7)]');
    for (const o of input) if (!Array.isArray(o) || o.length !== 2) throw new PacketError('each TCP option is a (name, value) pair, e.g. ("MSS", 1460)');
    // The user's own list is the value (never changed here), so its measured size is remembered across builds.
    const opts = input as TcpOption[];
    optionsSize(opts); // fail now, naming the option, rather than at build time
    return opts;
  },
  show: (v) => showOptions(v as TcpOption[]),
};

const tcpFields = () => [
  u16("sport", 20, { names: tcpServices }),
  u16("dport", 80, { names: tcpServices }),
  u32("seq", 0),
  u32("ack", 0),
  int("dataofs", 4, undefined),
  int("reserved", 3, 0),
  int("flags", 9, 0x02, { flags: [..."FSRPAUECN"] }),
  u16("window", 8192),
  u16("chksum", undefined),
  u16("urgptr", 0),
  options,
];

function tcpPostBuild(ctx: Parameters<NonNullable<typeof TCP.postBuild>>[0]) {
  const { buf, start, hdrEnd, values } = ctx;
  if (values.dataofs === undefined) buf[start + 12] = (((hdrEnd - start) >> 2) << 4) | (buf[start + 12] & 0x0f);
  if (values.chksum === undefined) {
    putWord(buf, start + 16, 0);
    const ck = pseudoHeaderChecksum(ctx, 6);
    if (ck !== undefined) putWord(buf, start + 16, ck);
  }
}

/** Scapy stops reading where the bytes end: with nothing after the header, options keep their default b"" (""). */
function tcpJson(l: Layer, out: Record<string, unknown>): void {
  if ((l.get("options") as TcpOption[]).length === 0 && !(l.buf ? l.end > l.hdrEnd : l.payload)) out.options = "";
}

const port = (p: unknown) => tcpServices[p as number] ?? String(p);

export const TCP = defineLayer("TCP", tcpFields(), {
  postBuild: (ctx) => tcpPostBuild(ctx),
  json: tcpJson,
  summary: (l: Layer) => {
    const flags = int("flags", 9, 0, { flags: [..."FSRPAUECN"] }).show(l.get("flags"));
    const u = l.under;
    if (u && (u.name === "IP" || u.name === "IPv6")) return `TCP ${u.get("src")}:${port(l.get("sport"))} > ${u.get("dst")}:${port(l.get("dport"))} ${flags}`;
    // Scapy asks a quoted header (IPerror, IPerror6) for IP's fields by the name IP, which it does not have: ??.
    if (u && (u.name === "IPerror" || u.name === "IPerror6")) return `TCP ??:${port(l.get("sport"))} > ??:${port(l.get("dport"))} ${flags}`;
    return `TCP ${port(l.get("sport"))} > ${port(l.get("dport"))} ${flags}`;
  },
  answers: (reply, req) => {
    if (req.name !== "TCP") return false;
    const rf = reply.get("flags") as number;
    const qf = req.get("flags") as number;
    const [S, R, A] = [0x02, 0x04, 0x10];
    if (qf & R) return false;
    if (rf & S) {
      if (!(rf & A)) return false;
      if (!(qf & S)) return false;
    }
    if (reply.get("sport") !== req.get("dport") || reply.get("dport") !== req.get("sport")) return false;
    const diff = (a: number, b: number) => Math.abs(((a - b + 2 ** 31) % 2 ** 32) - 2 ** 31);
    if (!(qf & S && !(qf & A)) && diff(req.get("ack") as number, reply.get("seq") as number) > 2) return false;
    if (rf & R && !(rf & A)) return true;
    const reqPayload = req.payload && req.payload.name !== "Padding" ? payloadLength(req.payload) : 0;
    return diff(req.get("seq") as number, reply.get("ack") as number) <= 2 + reqPayload;
  },
});

function payloadLength(l: Layer): number {
  if (l.buf) return l.end - l.start;
  const load = l.get("load");
  return Buffer.isBuffer(load) ? load.length : 0;
}

export const TCPerror = defineLayer("TCPerror", tcpFields(), {
  postBuild: (ctx) => tcpPostBuild(ctx),
  json: tcpJson,
  answers: (quoted, req) => req.name === "TCP" && quoted.get("sport") === req.get("sport") && quoted.get("dport") === req.get("dport"),
});

bind(IP, TCP, { frag: 0, proto: 6 });
bind(IPerror, TCPerror, { proto: 6 });
bind(IPerror, TCP, { proto: 6 }, { dissect: false }); // building: Scapy's IPerror is an IP

TCP.span = (buf, off, end) => {
  if (end - off < 20) return undefined;
  const dataofs = buf[off + 12] >> 4;
  if (dataofs < 5 || off + dataofs * 4 > end) return undefined;
  return { hdrEnd: off + dataofs * 4, key: { sport: (buf[off] << 8) | buf[off + 1], dport: (buf[off + 2] << 8) | buf[off + 3], dataofs } };
};
