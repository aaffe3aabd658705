import { craft, Packet } from "../packet/index.js";
import { setFrames } from "../packet/build-set.js";
import { parsePacketSet } from "../packet/expr.js";
import type { Interface } from "./capture.js";
import type { Host } from "./host.js";
import { etherOf, prepareL3, prepareMany } from "./send.js";
import { wire, type WirePacket } from "./sr.js";

export interface SendArgs {
  packet: string;
  layer: 2 | 3;
  iface?: string;
  count?: number;
  intervalMs?: number;
  rate?: number;
}

/** The frames of a send: frame(i) for i below count, each on its interface (frame(i) may reuse one buffer). */
interface FrameSource {
  count: number;
  iface(i: number): Interface;
  frame(i: number): Buffer;
  length(i: number): number;
  first: Packet;
}

/** Frames handed to the kernel per system call (and per recording chunk). */
const batchFrames = 256;
/** Frames sent before the event loop gets a turn (well under the 8,000 a capture ring holds). */
const yieldEvery = 2048;

/**
 * send / sendp: the packet (set) `count` times, back to back in batches, at a `rate` (in bursts: a timer cannot wait
 * less than a millisecond, so each wake-up sends what the schedule says is due), or one by one at an `interval`.
 * Returns how many frames left and how long preparing and sending took.
 */
/** Sends what the step says; `halted` ends a long send early (the run was interrupted): `sent` says how far it got. */
export async function sendOnly(h: Host, a: SendArgs, halted: () => boolean = () => false): Promise<{ sent: number; ms: number; prepareMs: number; first: WirePacket }> {
  const tp = performance.now();
  const src = (a.layer === 3 && (await fastSet(h, a.packet))) || (await preparedSet(h, a));
  const total = src.count * (a.count ?? 1);
  const t0 = performance.now();
  let n = 0;
  if (a.intervalMs) {
    for (; n < total && !halted(); n++) {
      src.iface(n % src.count).send(src.frame(n % src.count));
      if (n + 1 < total) await new Promise((r) => setTimeout(r, a.intervalMs));
    }
  } else {
    while (n < total && !halted()) {
      let burst = total - n;
      if (a.rate) {
        const due = Math.floor(((performance.now() - t0) * a.rate) / 1000) + 1;
        burst = Math.min(burst, due - n);
        if (burst <= 0) {
          await new Promise((r) => setTimeout(r, Math.max(1, t0 + (n * 1000) / a.rate! - performance.now())));
          continue;
        }
      }
      // A slice at a time, letting the event loop in between: a sniff on this host reads its ring, and a stop or an
      // interrupt is heard, however long the burst.
      n = await sendBurst(src, n, n + Math.min(burst, yieldEvery));
      if (n < total) await new Promise((r) => setImmediate(r));
    }
  }
  return { sent: n, ms: performance.now() - t0, prepareMs: t0 - tp, first: wire(src.first) };
}

/** Sends frames from..to-1 (indexes past count wrap around), batched per interface; returns `to`. */
async function sendBurst(src: FrameSource, from: number, to: number): Promise<number> {
  const lengths = new Uint32Array(batchFrames);
  let i = from;
  while (i < to) {
    const iface = src.iface(i % src.count);
    let k = 0;
    let bytes = 0;
    for (; i + k < to && k < batchFrames && src.iface((i + k) % src.count) === iface; k++) {
      lengths[k] = src.length((i + k) % src.count);
      bytes += lengths[k];
    }
    // A buffer of its own per batch: the recording keeps it.
    const batch = Buffer.allocUnsafe(bytes);
    for (let j = 0, at = 0; j < k; at += lengths[j++]) batch.set(src.frame((i + j) % src.count), at);
    await iface.sendMany(batch, lengths, k);
    i += k;
  }
  return to;
}

async function preparedSet(h: Host, a: SendArgs): Promise<FrameSource> {
  const prepared = await prepareMany(h, craft(a.packet), a.layer, a.iface);
  return {
    count: prepared.length,
    iface: (i) => prepared[i].iface,
    frame: (i) => prepared[i].frame,
    length: (i) => prepared[i].frame.length,
    first: prepared[0].packet,
  };
}

/**
 * A packet set sent as Scapy would, without building each packet: the first frame is built and routed, and frame n
 * is that frame with the varying fields written and lengths and checksums recomputed, in one scratch buffer. Only
 * for sets that vary plain fields at fixed offsets and keep one destination; undefined otherwise (the caller builds
 * every packet).
 */
async function fastSet(h: Host, expr: string): Promise<FrameSource | undefined> {
  const set = parsePacketSet(expr);
  if (set.count < 2 || set.list) return undefined;
  // One destination for all: the route, source and next hop of the first packet hold for every one.
  if (set.dims.some((d) => d.call === 0 && (d.name === "dst" || d.name === "src"))) return undefined;
  const prepared = await prepareL3(h, new Packet(set.first));
  const frame = setFrames(etherOf(prepared), set.dims, 1);
  if (!frame) return undefined;
  const length = frame(0).length;
  return { count: set.count, iface: () => prepared.iface, frame, length: () => length, first: prepared.packet };
}
