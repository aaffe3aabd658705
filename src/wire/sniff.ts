import { Capture, type CaptureStats } from "./capture.js";
import type { Host } from "./host.js";

interface Sniffer {
  caps: Capture[];
  /** Frames in the order the kernel saw them (by its timestamps, across interfaces), in microseconds. */
  frames: { hex: string; timeUs: number; iface: string }[];
  /** Frames captured, kept or not (at most maxFrames are kept). */
  total: number;
  ticker?: NodeJS.Timeout;
}

export interface SniffResult {
  frames: Sniffer["frames"];
  /** Frames captured in all: more than frames.length when the capture outgrew what is kept. */
  total: number;
  /** libpcap's counters per interface: a capture that dropped frames is not evidence of their absence. */
  stats: ({ iface: string } & CaptureStats)[];
}

const sniffers = new Map<number, Sniffer>();
let nextId = 1;
const maxFrames = 100_000;

/**
 * Arms a capture with its own BPF filter (kernel-side, as tcpdump takes it) on every interface of the host (the
 * first time an interface is captured, its offloads are turned off first), and returns once it is armed: whatever
 * happens after this call is seen.
 */
export async function startSniff(h: Host, a: { filter?: string; iface?: string }, progress?: (text: string) => void): Promise<{ id: number }> {
  const names = a.iface ? [h.checkedInterface(a.iface, true)] : h.usableInterfaces(true);
  await h.readyForCapture(names);
  const s: Sniffer = { caps: [], frames: [], total: 0 };
  try {
    for (const name of names) {
      const capture = new Capture(name, a.filter ?? "", (data, lengths, times, count) => {
        for (let i = 0, at = 0; i < count; at += lengths[i++])
          if (s.total++ < maxFrames) s.frames.push({ hex: data.toString("hex", at, at + lengths[i]), timeUs: times[i], iface: name });
      });
      s.caps.push(capture);
    }
  } catch (e) {
    for (const c of s.caps) c.close();
    throw new Error(`cannot capture with filter "${a.filter ?? ""}": ${(e as Error).message}`);
  }
  const id = nextId++;
  sniffers.set(id, s);
  if (progress) s.ticker = setInterval(() => progress(`${s.total} packet(s) captured`), 500);
  return { id };
}

/**
 * Stops a capture once it has settled (no new frame for 50 ms, at most 2 s more): frames already taken by libpcap
 * but not yet delivered are not lost. Its frames in the order they were seen.
 */
export async function stopSniff(a: { id: number }): Promise<SniffResult> {
  const s = sniffers.get(a.id);
  if (!s) return { frames: [], total: 0, stats: [] };
  sniffers.delete(a.id);
  clearInterval(s.ticker);
  const until = Date.now() + 2000;
  for (let n = -1; n !== s.total && Date.now() < until; ) {
    n = s.total;
    await new Promise((r) => setTimeout(r, 50));
  }
  const stats = s.caps.map((c) => ({ iface: c.iface, ...c.stats() }));
  for (const c of s.caps) c.close();
  s.frames.sort((x, y) => x.timeUs - y.timeUs);
  return { frames: s.frames, total: s.total, stats };
}

export function stopAllSniffs(): void {
  for (const s of sniffers.values()) {
    clearInterval(s.ticker);
    for (const c of s.caps) c.close();
  }
  sniffers.clear();
}

/** The frames a running capture has taken so far, from index `from` on (to decide early that an outcome is settled). */
export function peekSniff(a: { id: number; from?: number }): { frames: Sniffer["frames"] } {
  return { frames: sniffers.get(a.id)?.frames.slice(a.from ?? 0) ?? [] };
}
