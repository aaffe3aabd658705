// pcapng (RFC draft "PCAP Next Generation Capture File Format"): one file for a host with an interface block per
// interface, so Wireshark shows on which interface each frame was seen and whether it came in or went out.
import type { PcapRecord } from "./pcap.js";

export interface PcapngInterface {
  name: string;
  linkType: number;
  /** Free text Wireshark shows with the interface (addresses, the lab link). */
  description?: string;
  /** aa:bb:cc:dd:ee:ff */
  mac?: string;
}

export interface PcapngRecord extends PcapRecord {
  /** Index into the interfaces. */
  iface: number;
  direction?: "in" | "out";
}

const blockTypes = { section: 0x0a0d0d0a, iface: 1, simple: 3, enhanced: 6 } as const;
const byteOrderMagic = 0x1a2b3c4d;

/** Options of a block: code, length, value padded to 4 bytes, then the end-of-options marker. */
function options(list: [code: number, value: Buffer][]): Buffer {
  if (list.length === 0) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for (const [code, value] of list) {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(code, 0);
    h.writeUInt16LE(value.length, 2);
    parts.push(h, value, Buffer.alloc((4 - (value.length % 4)) % 4));
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}

function block(type: number, body: Buffer[]): Buffer {
  const len = 12 + body.reduce((n, b) => n + b.length, 0);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(type, 0);
  head.writeUInt32LE(len, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt32LE(len, 0);
  return Buffer.concat([head, ...body, tail]);
}

export function encodePcapng(interfaces: PcapngInterface[], records: PcapngRecord[], snaplen = 262144): Buffer {
  const shb = Buffer.alloc(16);
  shb.writeUInt32LE(byteOrderMagic, 0);
  shb.writeUInt16LE(1, 4);
  shb.writeUInt16LE(0, 6);
  shb.writeBigInt64LE(-1n, 8); // section length unknown
  const parts = [block(blockTypes.section, [shb, options([[4, Buffer.from("wirecheck")]])])];
  for (const i of interfaces) {
    const head = Buffer.alloc(8);
    head.writeUInt16LE(i.linkType, 0);
    head.writeUInt32LE(snaplen, 4);
    const opts: [number, Buffer][] = [[2, Buffer.from(i.name)]];
    if (i.description) opts.push([3, Buffer.from(i.description)]);
    if (i.mac && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(i.mac)) opts.push([6, Buffer.from(i.mac.replace(/:/g, ""), "hex")]);
    opts.push([9, Buffer.from([6])]); // microseconds
    parts.push(block(blockTypes.iface, [head, options(opts)]));
  }
  // Frames are most of a file (a flood keeps hundreds of thousands): written in place into one buffer, sized first.
  const now = Date.now() * 1000;
  let size = 0;
  for (const r of records) size += enhancedSize(Math.min(r.data.length, snaplen), r.direction !== undefined);
  const frames = Buffer.alloc(size);
  let o = 0;
  for (const r of records) {
    const t = Math.floor(r.timeUs ?? now);
    const len = Math.min(r.data.length, snaplen);
    const total = enhancedSize(len, r.direction !== undefined);
    frames.writeUInt32LE(blockTypes.enhanced, o);
    frames.writeUInt32LE(total, o + 4);
    frames.writeUInt32LE(r.iface, o + 8);
    frames.writeUInt32LE(Math.floor(t / 2 ** 32), o + 12);
    frames.writeUInt32LE(t % 2 ** 32, o + 16);
    frames.writeUInt32LE(len, o + 20);
    frames.writeUInt32LE(r.data.length, o + 24);
    r.data.copy(frames, o + 28, 0, len);
    let p = o + 28 + len + ((4 - (len % 4)) % 4);
    if (r.direction) {
      // epb_flags (2): inbound 1, outbound 2; then the end of options (zeros, already there).
      frames.writeUInt16LE(2, p);
      frames.writeUInt16LE(4, p + 2);
      frames.writeUInt32LE(r.direction === "in" ? 1 : 2, p + 4);
      p += 12;
    }
    frames.writeUInt32LE(total, p);
    o += total;
  }
  parts.push(frames);
  return Buffer.concat(parts);
}

/** An enhanced packet block's length: header 28, the frame padded to 4, the flags option and its end, trailer 4. */
function enhancedSize(len: number, flags: boolean): number {
  return 28 + len + ((4 - (len % 4)) % 4) + (flags ? 12 : 0) + 4;
}

export interface DecodedPcapng {
  interfaces: (PcapngInterface & { tsPerSecond: number })[];
  records: PcapngRecord[];
}

/**
 * Reads a pcapng file (either byte order, every section): interfaces with their names, and the enhanced and simple
 * packet blocks; other blocks are skipped. Stops quietly at a cut-off block.
 */
export function decodePcapng(buf: Buffer): DecodedPcapng {
  const out: DecodedPcapng = { interfaces: [], records: [] };
  let le = true;
  let base = 0; // interfaces of earlier sections come first
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  for (let off = 0; off + 12 <= buf.length && out.records.length < 10_000_000; ) {
    const type = buf.readUInt32LE(off);
    if (type === blockTypes.section) {
      const magic = buf.readUInt32LE(off + 8);
      if (magic !== byteOrderMagic && magic !== 0x4d3c2b1a) throw new Error("not a pcapng file (bad byte-order magic)");
      le = magic === byteOrderMagic;
      base = out.interfaces.length;
    }
    const len = u32(off + 4);
    if (len < 12 || len % 4 !== 0 || off + len > buf.length) break;
    const body = off + 8;
    const end = off + len - 4;
    const realType = u32(off);
    if (realType === blockTypes.iface) {
      const i: DecodedPcapng["interfaces"][number] = { name: `if${out.interfaces.length - base}`, linkType: u16(body), tsPerSecond: 1e6 };
      for (const [code, v] of readOptions(buf, body + 8, end, u16)) {
        if (code === 2) i.name = v.toString("utf8");
        if (code === 3) i.description = v.toString("utf8");
        if (code === 6 && v.length === 6) i.mac = [...v].map((b) => b.toString(16).padStart(2, "0")).join(":");
        if (code === 9 && v.length >= 1) i.tsPerSecond = v[0] & 0x80 ? 2 ** (v[0] & 0x7f) : 10 ** v[0];
      }
      out.interfaces.push(i);
    } else if (realType === blockTypes.enhanced) {
      const iface = base + u32(body);
      const ticks = u32(body + 4) * 2 ** 32 + u32(body + 8);
      const incl = u32(body + 12);
      const data = buf.subarray(body + 20, Math.min(body + 20 + incl, end));
      const r: PcapngRecord = { iface, data, timeUs: (ticks / (out.interfaces[iface]?.tsPerSecond ?? 1e6)) * 1e6 };
      for (const [code, v] of readOptions(buf, body + 20 + incl + ((4 - (incl % 4)) % 4), end, u16)) {
        if (code === 2 && v.length === 4) {
          const d = (le ? v.readUInt32LE(0) : v.readUInt32BE(0)) & 3;
          if (d === 1) r.direction = "in";
          if (d === 2) r.direction = "out";
        }
      }
      out.records.push(r);
    } else if (realType === blockTypes.simple) {
      const orig = u32(body);
      out.records.push({ iface: base, data: buf.subarray(body + 4, Math.min(body + 4 + orig, end)) });
    }
    off += len;
  }
  return out;
}

function* readOptions(buf: Buffer, from: number, end: number, u16: (o: number) => number): Generator<[number, Buffer]> {
  for (let o = from; o + 4 <= end; ) {
    const code = u16(o);
    const len = u16(o + 2);
    if (code === 0 || o + 4 + len > end) return;
    yield [code, buf.subarray(o + 4, o + 4 + len)];
    o += 4 + len + ((4 - (len % 4)) % 4);
  }
}
