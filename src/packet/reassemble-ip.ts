import { checksum } from "./checksum.js";
import { dissect } from "./index.js";
import type { Layer } from "./layer.js";
import type { Packet } from "./packet.js";

// IPv4 and IPv6 reassembly of captured packets, with Linux's rules (net/ipv4/inet_fragment.c, shared by IPv6): a
// fragment wholly inside bytes already held is a duplicate and dropped, so the first copy of those bytes wins; a
// fragment that overlaps held bytes only in part discards the whole datagram (RFC 5722; Linux does so for IPv4
// too since 4.19). A fragment with more to follow is cut to a multiple of 8 bytes, a datagram past 65,535 bytes is
// discarded, and so is one whose fragments disagree on where it ends.

/** What reassembly did with the packets of a capture. */
export interface Reassembly {
  /** The packets in capture order, each completed datagram in place of the fragment that completed it. */
  packets: Packet[];
  /** Why a packet is in the list (reassembled from N fragments) or why fragments were left as captured. */
  notes: Map<Packet, string>;
  /** Datagrams left incomplete, discarded (overlap, size) or not buffered (limits), one line each. */
  remarks: string[];
}

/** Buffered fragment bytes across all pending datagrams (Linux's ipfrag_high_thresh default is 4 MiB). */
export const maxPendingBytes = 4 * 1024 * 1024;
const maxDatagram = 65_535;

interface Piece {
  offset: number;
  end: number;
  data: Buffer;
}

interface Pending {
  key: string;
  /** The fragment at offset 0: its headers become the datagram's. */
  first?: { packet: Packet; ip: Layer; frag?: Layer };
  pieces: Piece[];
  /** Where the datagram ends, once the fragment without "more fragments" came. */
  total?: number;
  members: Packet[];
  bytes: number;
  family: 4 | 6;
}

interface FragmentInfo {
  key: string;
  family: 4 | 6;
  ip: Layer;
  frag?: Layer;
  offset: number;
  more: boolean;
  data: Buffer;
}

/** Reads a packet as a fragment: undefined when it is a whole datagram (or has no IP at all). */
function fragmentInfo(p: Packet): FragmentInfo | undefined {
  const ip = p.layers.find((l) => l.name === "IP" || l.name === "IPv6");
  if (!ip?.buf) return undefined;
  if (ip.name === "IP") {
    const flags = ip.get("flags") as number;
    const frag = ip.get("frag") as number;
    if (!(flags & 1) && frag === 0) return undefined;
    const data = ip.buf.subarray(ip.hdrEnd, ip.end);
    return { key: `4 ${ip.get("src")} ${ip.get("dst")} ${ip.get("proto")} ${ip.get("id")}`, family: 4, ip, offset: frag * 8, more: (flags & 1) === 1, data };
  }
  const frag = p.layers.find((l) => l.name === "IPv6ExtHdrFragment" && l.buf);
  if (!frag) return undefined;
  const data = frag.buf!.subarray(frag.hdrEnd, frag.end);
  return { key: `6 ${ip.get("src")} ${ip.get("dst")} ${frag.get("id")}`, family: 6, ip, frag, offset: (frag.get("offset") as number) * 8, more: frag.get("m") === 1, data };
}

/** Adds a fragment as Linux's inet_frag_queue_insert does: "ok", "duplicate" or why the datagram is discarded. */
function insert(d: Pending, f: FragmentInfo): "ok" | "duplicate" | string {
  let data = f.data;
  if (f.more && data.length % 8) data = data.subarray(0, data.length - (data.length % 8));
  const offset = f.offset;
  const end = offset + data.length;
  if (end > maxDatagram - (f.ip.hdrEnd - f.ip.start)) return `it would be longer than ${maxDatagram} bytes`;
  if (!f.more) {
    if (end < (d.pieces.at(-1)?.end ?? 0) || (d.total !== undefined && d.total !== end)) return `its last fragment ends at ${end} but other fragments say otherwise`;
    d.total = end;
  } else if (d.total !== undefined && end > d.total) return `a fragment reaches byte ${end}, past the end (${d.total}) its last fragment gave`;
  // Linux: a fragment that carries nothing kills its datagram.
  if (data.length === 0) return "a fragment carries no data";
  for (const p of d.pieces) {
    if (end <= p.offset || offset >= p.end) continue;
    if (offset >= p.offset && end <= p.end) return "duplicate";
    return `a fragment (bytes ${offset}–${end}) overlaps bytes ${p.offset}–${p.end} only in part`;
  }
  const at = d.pieces.findIndex((p) => p.offset > offset);
  d.pieces.splice(at < 0 ? d.pieces.length : at, 0, { offset, end, data });
  d.bytes += data.length;
  return "ok";
}

function complete(d: Pending): boolean {
  if (d.total === undefined || !d.first) return false;
  let at = 0;
  for (const p of d.pieces) {
    if (p.offset > at) return false;
    at = Math.max(at, p.end);
  }
  return at >= d.total;
}

/** The datagram's bytes: the first fragment's frame up to its data, lengths and next header fixed, then the data. */
function datagram(d: Pending): Buffer {
  const { ip, frag } = d.first!;
  const buf = ip.buf!;
  const headEnd = frag ? frag.start : ip.hdrEnd;
  const data = Buffer.alloc(d.total!);
  for (const p of d.pieces) p.data.copy(data, p.offset);
  const head = Buffer.from(buf.subarray(0, headEnd));
  const ipAt = ip.start;
  if (d.family === 4) {
    head.writeUInt16BE(headEnd - ipAt + data.length, ipAt + 2);
    head.writeUInt16BE(head.readUInt16BE(ipAt + 6) & 0x4000, ipAt + 6); // DF kept, MF and offset cleared
    head.writeUInt16BE(0, ipAt + 10);
    head.writeUInt16BE(checksum(head, ipAt, headEnd), ipAt + 10);
  } else {
    head.writeUInt16BE(headEnd - ip.hdrEnd + data.length, ipAt + 4);
    // The header before the Fragment header now names what the Fragment header named.
    const before = headEnd === ip.hdrEnd ? ipAt + 6 : previousHeaderNh(ip, frag!);
    head[before] = buf[frag!.start];
  }
  return Buffer.concat([head, data]);
}

/** Where the next-header byte of the extension header just before the Fragment header is (its first byte). */
function previousHeaderNh(ip: Layer, frag: Layer): number {
  let prev: Layer = ip;
  for (let l = ip.payload; l && l !== frag; l = l.payload) prev = l;
  return prev === ip ? ip.start + 6 : prev.start;
}

/**
 * Puts IPv4 and IPv6 fragments back together: each datagram whose fragments all came is one packet (the first
 * fragment's link and IP headers, MF and offset cleared, lengths and the IPv4 checksum recomputed), where its
 * completing fragment was; fragments of a datagram that never completed, or was discarded, stay as captured.
 */
export function reassembleIp(packets: Packet[]): Reassembly {
  const out: (Packet | undefined)[] = [];
  const notes = new Map<Packet, string>();
  const remarks: string[] = [];
  const pending = new Map<string, Pending>();
  let buffered = 0;
  let unbuffered = 0;
  const positions = new Map<Packet, number>();
  const leave = (d: Pending, why: string) => {
    remarks.push(`${describe(d)}: ${why}; its ${d.members.length} fragment(s) are left as captured`);
    for (const m of d.members) if (!notes.has(m)) notes.set(m, why);
  };
  for (const p of packets) {
    const f = fragmentInfo(p);
    positions.set(p, out.length);
    out.push(p);
    if (!f) continue;
    // Past the bound, Linux takes no fragment in (the sender's datagram is lost); here it stays as captured.
    if (buffered + f.data.length > maxPendingBytes) {
      unbuffered++;
      notes.set(p, `not reassembled: more than ${maxPendingBytes} bytes of fragments were waiting`);
      continue;
    }
    let d = pending.get(f.key);
    if (!d) pending.set(f.key, (d = { key: f.key, pieces: [], members: [], bytes: 0, family: f.family }));
    d.members.push(p);
    const before = d.bytes;
    const r = insert(d, f);
    if (r === "duplicate") {
      notes.set(p, "a duplicate fragment (its bytes had come already): dropped, as Linux does");
      continue;
    }
    if (r !== "ok") {
      // The datagram is gone: fragments with its key that come later start a new one, as in Linux.
      buffered -= before;
      pending.delete(f.key);
      leave(d, `discarded, as Linux does: ${r}`);
      continue;
    }
    if (f.offset === 0) d.first = { packet: p, ip: f.ip, frag: f.frag };
    buffered += d.bytes - before;
    if (!complete(d)) continue;
    const whole = dissect(datagram(d));
    for (const m of d.members) out[positions.get(m)!] = undefined;
    out[positions.get(p)!] = whole;
    notes.set(whole, `reassembled from ${d.members.length} fragment(s)`);
    buffered -= d.bytes;
    pending.delete(f.key);
  }
  for (const d of pending.values()) leave(d, `incomplete: ${d.total === undefined ? "its last fragment never came" : d.first ? "bytes are missing" : "its first fragment never came"}`);
  if (unbuffered) remarks.push(`${unbuffered} fragment(s) not reassembled: more than ${maxPendingBytes} bytes of fragments were waiting`);
  return { packets: out.filter((p): p is Packet => p !== undefined), notes, remarks };
}

function describe(d: Pending): string {
  const [, src, dst, ...rest] = d.key.split(" ");
  return d.family === 4 ? `IPv4 datagram ${src} > ${dst} proto ${rest[0]} id ${rest[1]}` : `IPv6 packet ${src} > ${dst} fragment id ${rest[0]}`;
}
