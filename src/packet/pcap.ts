// The classic pcap file format, as Buffers: what libpcap, tshark and Wireshark read. Reading takes pcapng too.
import { decodePcapng } from "./pcapng.js";

export const linkTypes = { ether: 1, raw: 101 } as const;

export interface PcapRecord {
  data: Buffer;
  /** Capture time in microseconds since the epoch. */
  timeUs?: number;
}

export function encodePcap(records: PcapRecord[], linkType: number = linkTypes.ether, snaplen = 262144): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(snaplen, 16);
  header.writeUInt32LE(linkType, 20);
  const parts: Buffer[] = [header];
  const now = Date.now() * 1000;
  for (const r of records) {
    const h = Buffer.alloc(16);
    const t = r.timeUs ?? now;
    h.writeUInt32LE(Math.floor(t / 1e6), 0);
    h.writeUInt32LE(Math.floor(t % 1e6), 4);
    const len = Math.min(r.data.length, snaplen);
    h.writeUInt32LE(len, 8);
    h.writeUInt32LE(r.data.length, 12);
    parts.push(h, r.data.subarray(0, len));
  }
  return Buffer.concat(parts);
}

/**
 * Reads a pcap file (either byte order, micro- or nanosecond), or a pcapng file (the link type is its first
 * interface's); stops quietly at a cut-off record.
 */
export function decodePcap(buf: Buffer): { linkType: number; records: PcapRecord[] } {
  if (buf.length < 24) throw new Error("not a pcap file: shorter than its 24-byte header");
  const magic = buf.readUInt32LE(0);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const be = magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1;
  if (magic === 0x0a0d0d0a) {
    const ng = decodePcapng(buf);
    return { linkType: ng.interfaces[0]?.linkType ?? linkTypes.ether, records: ng.records };
  }
  if (!le && !be) throw new Error("neither a pcap nor a pcapng file (bad magic number)");
  const nano = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const linkType = u32(20) & 0x0fffffff;
  const records: PcapRecord[] = [];
  for (let off = 24; off + 16 <= buf.length && records.length < 10_000_000; ) {
    const incl = u32(off + 8);
    if (off + 16 + incl > buf.length) break;
    records.push({ data: buf.subarray(off + 16, off + 16 + incl), timeUs: u32(off) * 1e6 + (nano ? Math.floor(u32(off + 4) / 1000) : u32(off + 4)) });
    off += 16 + incl;
  }
  return { linkType, records };
}
