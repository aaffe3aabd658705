import { craft, dissect, Packet } from "../packet/index.js";
import type { Frame, Interface } from "./capture.js";
import type { Host } from "./host.js";
import { AnswerIndex } from "./answer-index.js";
import { nowUs } from "./recording.js";
import { prepareMany } from "./send.js";

export interface SrArgs {
  /** One expression, or several (each may be a packet set): all are sent, in order. */
  packet: string | string[];
  layer: 2 | 3;
  iface?: string;
  timeoutMs: number;
  retry?: number;
  /** Stop at the first answer (sr1/srp1) or wait for all (sr/srp). */
  first: boolean;
  /** Gap between packets when sending a set, in ms. */
  intervalMs?: number;
  /** Instead of timeoutMs after the last send: the whole exchange ends this long after the first (arp_scan). */
  totalMs?: number;
}

export interface WirePacket {
  hex: string;
  summary: string;
  /** What the bytes start with: a frame, or an IP packet (layer-3 steps see replies without their Ethernet header). */
  link: "ether" | "raw";
}

export interface SrResult {
  sent: WirePacket[];
  answers: { request: number; reply: WirePacket; rttMs: number }[];
  unanswered: number[];
  /** Other packets seen meanwhile (at most 20), to explain a missing answer. */
  seen: WirePacket[];
  /** What else explains a missing answer (a next hop that never answered ARP). */
  notes: string[];
}

export const wire = (p: Packet): WirePacket => ({ hex: p.bytes.toString("hex"), summary: p.summary(), link: p.top.name === "Ether" ? "ether" : "raw" });

/** Scapy's sr/sr1/srp/srp1: send, and match what comes back with answers(); the capture is armed before sending. */
export async function sendReceive(h: Host, a: SrArgs, progress?: (text: string) => void): Promise<SrResult> {
  const packets = (Array.isArray(a.packet) ? a.packet : [a.packet]).flatMap((e) => craft(e));
  const prepared = await prepareMany(h, packets, a.layer, a.iface);
  const sentFrames = new Set(prepared.map((p) => p.frame.toString("hex")));
  // Only a frame as long as one we sent can be one of ours (on loopback they come back in): no hex for the rest.
  const sentLengths = new Set(prepared.map((p) => p.frame.length));
  const index = new AnswerIndex(prepared.map((p) => p.packet));
  const sentAt: number[] = [];
  const answers: SrResult["answers"] = [];
  const answered = new Set<number>();
  const seen: WirePacket[] = [];
  const ifaces = [...new Set(prepared.map((p) => p.iface))];
  let wake: (() => void) | undefined;
  const onFrame = (f: Frame) => {
    if (sentLengths.has(f.data.length) && sentFrames.has(f.data.toString("hex"))) return; // our own request, looped back
    const frame = dissect(f.data);
    const reply = a.layer === 3 ? (frame.top.payload ? new Packet(frame.top.payload) : undefined) : frame;
    if (!reply) return;
    let matched = false;
    for (const i of index.candidates(reply)) {
      if (answered.has(i) || sentAt[i] === undefined) continue;
      if (reply.answers(prepared[i].packet)) {
        matched = true;
        answered.add(i);
        // Epoch microseconds both: ours taken just before the frame was handed over, the kernel's when the answer
        // arrived (they agree to within microseconds; max(0) keeps a rounding from going negative).
        answers.push({ request: i, reply: wire(reply), rttMs: Math.max(0, f.timeUs - sentAt[i]) / 1000 });
        break;
      }
    }
    if (!matched && seen.length < 20) seen.push(wire(frame));
    if (matched) wake?.();
  };
  const stops = ifaces.map((i: Interface) => i.listen(onFrame));
  const started = Date.now();
  // Long exchanges (scans, retries) tell the live view how far they are.
  const ticker = progress && setInterval(() => progress(`${sentAt.filter((x) => x !== undefined).length} sent, ${answered.size} answered`), 500);
  try {
    for (let round = 0; round <= (a.retry ?? 0); round++) {
      const pending = prepared.map((_, i) => i).filter((i) => !answered.has(i));
      if (a.intervalMs || pending.length === 1) {
        for (const i of pending) {
          sentAt[i] = prepared[i].iface.send(prepared[i].frame);
          if (a.intervalMs) await new Promise((r) => setTimeout(r, a.intervalMs));
        }
      } else {
        // Back to back: in batches of 256 frames per system call, answers read (and an interrupt heard) between.
        for (let k = 0; k < pending.length; ) {
          const iface = prepared[pending[k]].iface;
          const batch: number[] = [];
          while (k < pending.length && batch.length < 256 && prepared[pending[k]].iface === iface) batch.push(pending[k++]);
          for (const i of batch) sentAt[i] = nowUs();
          await iface.sendMany(Buffer.concat(batch.map((i) => prepared[i].frame)), Uint32Array.from(batch, (i) => prepared[i].frame.length), batch.length);
          await new Promise((r) => setImmediate(r));
        }
      }
      const done = () => (a.first ? answered.size > 0 : answered.size === prepared.length);
      const deadline = a.totalMs !== undefined ? started + a.totalMs : Date.now() + a.timeoutMs;
      while (!done() && Date.now() < deadline) {
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.max(1, deadline - Date.now()));
          wake = () => (clearTimeout(t), r());
        });
      }
      // A starved agent may reach its deadline with the answer already waiting: let pending I/O in once more.
      if (!done()) await new Promise((r) => setImmediate(r));
      if (done()) break;
    }
  } finally {
    stops.forEach((s) => s());
    if (ticker) clearInterval(ticker);
  }
  return {
    sent: prepared.map((p) => wire(p.packet)),
    answers,
    unanswered: prepared.map((_, i) => i).filter((i) => !answered.has(i)),
    seen,
    notes: [...new Set(prepared.flatMap((p) => (p.note ? [p.note] : [])))],
  };
}
