import { Layer, registry } from "./layer.js";
import { Packet } from "./packet.js";
import type { Reassembly } from "./reassemble-ip.js";

// TCP stream reassembly of captured packets: each direction of each connection (addresses and ports) gets one
// packet carrying its payload bytes in sequence order, as the receiving socket reads them: from the byte after the
// SYN (or the first data segment's, when the SYN was not seen), contiguous bytes only, and where segments overlap
// the bytes that came first are kept (Linux keeps data it already queued in order; a retransmission adds nothing).

/** Payload bytes kept per direction of a connection; the rest of its segments stay as captured. */
export const maxStreamBytes = 1024 * 1024;
/** Payload bytes kept over all streams of a capture. */
export const maxTotalStreamBytes = 16 * 1024 * 1024;

interface Segment {
  packet: Packet;
  rel: number;
  data: Buffer;
}

interface Stream {
  key: string;
  /** Sequence number of the stream's first byte. */
  base?: number;
  /** Where the stream's packet goes: its first data segment. */
  first?: { packet: Packet; ip: Layer; tcp: Layer };
  segments: Segment[];
}

const u32 = (n: number) => n >>> 0;

/**
 * Replaces the data segments of every TCP stream by one packet per direction: the first data segment's headers,
 * and its payload (Raw) the stream's bytes in order. Packets without TCP payload (SYN, ACK, FIN) and segments whose
 * bytes lie past a gap or a limit stay as captured. Expects IP fragments already reassembled (reassembleIp).
 */
export function reassembleTcp(packets: Packet[], notes = new Map<Packet, string>()): Reassembly {
  const streams = new Map<string, Stream>();
  const remarks: string[] = [];
  for (const p of packets) {
    const tcp = p.layers.find((l) => l.name === "TCP" && l.buf);
    const ip = tcp?.under;
    if (!tcp || !ip || (ip.name !== "IP" && ip.name !== "IPv6")) continue;
    const key = `${ip.get("src")}:${tcp.get("sport")} > ${ip.get("dst")}:${tcp.get("dport")}`;
    let s = streams.get(key);
    if (!s) streams.set(key, (s = { key, segments: [] }));
    const seq = tcp.get("seq") as number;
    const flags = tcp.get("flags") as number;
    if (flags & 0x02 && s.base === undefined) s.base = u32(seq + 1); // SYN: data starts after it
    const data = tcp.buf!.subarray(tcp.hdrEnd, tcp.end);
    if (data.length === 0) continue;
    s.base ??= seq;
    s.first ??= { packet: p, ip, tcp };
    s.segments.push({ packet: p, rel: u32(seq - s.base), data });
  }
  const used = new Set<Packet>();
  const streamOf = new Map<Packet, Packet>();
  let total = 0;
  for (const s of streams.values()) {
    if (!s.first) continue;
    // In sequence order; of segments starting at the same byte, the one captured first is placed first (it wins).
    const order = s.segments.map((g, i) => ({ g, i })).sort((a, b) => a.g.rel - b.g.rel || a.i - b.i).map((x) => x.g);
    const chunks: Buffer[] = [];
    let next = 0;
    let why = "they begin before the stream's first byte";
    const limit = Math.min(maxStreamBytes, maxTotalStreamBytes - total);
    for (const g of order) {
      // Sequence numbers before the stream's first byte (2^31 or more ahead, modulo 2^32) are not the stream's.
      if (g.rel >= 2 ** 31) continue;
      if (next >= limit) {
        why = `past the limit of ${limit} bytes`;
        break;
      }
      if (g.rel > next) {
        why = "they lie past a gap: bytes are missing";
        break;
      }
      const from = next - g.rel; // bytes of it already held: the first copy wins
      const to = Math.min(g.data.length, limit - g.rel);
      if (to > from) {
        chunks.push(g.data.subarray(from, to));
        next += to - from;
      }
      used.add(g.packet);
    }
    total += next;
    const leftOut = s.segments.filter((g) => !used.has(g.packet)).length;
    if (leftOut) remarks.push(`TCP ${s.key}: ${next} byte(s) in order; ${leftOut} segment(s) left as captured (${why})`);
    const stream = streamPacket(s.first.packet, s.first.tcp, Buffer.concat(chunks));
    notes.set(stream, `the TCP stream ${s.key}: ${next} byte(s) from ${s.segments.length - leftOut} segment(s)`);
    streamOf.set(s.first.packet, stream);
  }
  const out: Packet[] = [];
  for (const p of packets) {
    const stream = streamOf.get(p);
    if (stream) out.push(stream);
    else if (!used.has(p)) out.push(p);
  }
  return { packets: out, notes, remarks };
}

/** The first data segment's layers, as captured, down to TCP, with the stream's bytes as its Raw payload. */
function streamPacket(first: Packet, tcp: Layer, bytes: Buffer): Packet {
  const copies: Layer[] = [];
  for (const l of first.layers) {
    // Lengths and checksums are left to be computed, so the packet's bytes (in a report) are consistent.
    const values = { ...l.values() };
    for (const f of l.def.fields) if (f.auto) delete values[f.name];
    copies.push(new Layer(l.def, values));
    if (l === tcp) break;
  }
  const raw = new Layer(registry.get("Raw")!, { load: bytes });
  for (let i = 0; i < copies.length; i++) copies[i].payload = copies[i + 1] ?? raw;
  return new Packet(copies[0]);
}
