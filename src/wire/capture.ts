import { native, type FramesCallback, type NativeCapture } from "./native.js";
import { nowUs, Recording } from "./recording.js";

export interface Frame {
  /** A view into the batch the frame came in (batches are not reused). */
  data: Buffer;
  /** When the kernel saw it, in microseconds since the epoch (fractional). */
  timeUs: number;
  iface: string;
}

/** libpcap's counters for a capture (pcap_stats): what reached the capture, and what was lost. */
export interface CaptureStats {
  /** Frames the kernel handed to the capture (ps_recv, not counting the dropped ones). */
  received: number;
  /** Frames lost because the capture's ring was full (ps_drop). */
  dropped: number;
  /** Frames the interface itself dropped meanwhile (ps_ifdrop). */
  ifDropped: number;
}

/** A libpcap handle on one interface: frames in batches with the kernel's timestamps, counters, and its socket. */
export class Capture {
  private handle: NativeCapture | undefined;
  readonly fd: number;

  constructor(
    readonly iface: string,
    filter: string,
    onFrames: FramesCallback,
  ) {
    this.handle = native().openCapture(iface, filter, 16 * 1024 * 1024, onFrames);
    this.fd = native().captureFd(this.handle);
  }

  get closed(): boolean {
    return this.handle === undefined;
  }

  stats(): CaptureStats {
    return this.handle ? native().captureStats(this.handle) : { received: 0, dropped: 0, ifDropped: 0 };
  }

  close(): void {
    if (this.handle) native().closeCapture(this.handle);
    this.handle = undefined;
  }
}

type Listener = (f: Frame) => void;

/** How long a send waits for an interface that takes no frame before it gives up. */
const stallLimitMs = 3000;

/**
 * One libpcap handle per interface of this host, opened once and shared: every frame goes to the current
 * listeners (sr1 waiting for its answer, ARP resolution) and into the host's recording for the report's pcap.
 * Frames are sent on the same handle's socket, so they are not captured a second time.
 */
export class Interface {
  private readonly capture: Capture;
  private readonly listeners = new Set<Listener>();
  private readonly one = new Uint32Array(1);
  readonly recording: Recording;

  constructor(readonly name: string) {
    this.recording = new Recording();
    this.capture = new Capture(name, "", (data, lengths, times, count) => {
      this.recording.adopt(data, lengths, count, times);
      if (this.listeners.size === 0) return;
      for (let i = 0, at = 0; i < count; at += lengths[i++]) {
        const frame: Frame = { data: data.subarray(at, at + lengths[i]), timeUs: times[i], iface: name };
        for (const l of this.listeners) l(frame);
      }
    });
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Sends one frame; returns when it left (microseconds since the epoch, the clock of captured frames). */
  send(frame: Buffer): number {
    this.one[0] = frame.length;
    const t = nowUs();
    // One frame rarely waits; when it does, the wait is short enough to spend here (the native part waits 20 ms).
    for (const until = Date.now() + stallLimitMs; ; ) {
      if (this.transmit(frame, this.one, 1) === 1) break;
      if (Date.now() > until) throw this.stalled(0, 1);
    }
    this.recording.add(frame, t);
    return t;
  }

  /**
   * Sends `count` frames stored back to back in `buffer` (frame i is lengths[i] bytes) in as few system calls as
   * the kernel allows, waiting without blocking while the interface takes no more. What went out becomes part of
   * the recording (the caller must not reuse the buffer). Resolves to when the first frames left.
   */
  async sendMany(buffer: Buffer, lengths: Uint32Array, count: number): Promise<number> {
    const first = nowUs();
    let done = 0;
    let offset = 0;
    let progress = Date.now();
    while (done < count) {
      const t = nowUs();
      const sent = this.transmit(buffer.subarray(offset), lengths.subarray(done), count - done, (n) => this.keep(buffer, lengths, done, offset, n, t));
      offset = this.keep(buffer, lengths, done, offset, sent, t);
      done += sent;
      if (sent > 0) progress = Date.now();
      else if (Date.now() - progress > stallLimitMs) throw this.stalled(done, count);
      else await new Promise((r) => setTimeout(r, 2));
    }
    return first;
  }

  /** Records frames done..done+n-1 of a batch, which went out at t; returns the offset after them. */
  private keep(buffer: Buffer, lengths: Uint32Array, done: number, offset: number, n: number, t: number): number {
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes += lengths[done + i];
    if (n > 0) this.recording.adopt(buffer.subarray(offset, offset + bytes), lengths.subarray(done, done + n), n, t);
    return offset + bytes;
  }

  /** Hands frames to the kernel; returns how many it took (fewer when it takes no more for now). */
  private transmit(buffer: Buffer, lengths: Uint32Array, count: number, onError?: (sent: number) => void): number {
    // Its socket is gone (the run is stopping and a send was still under way): the descriptor may be reused.
    if (this.capture.closed) throw new Error(`cannot send on ${this.name}: its capture is closed (the run is stopping)`);
    try {
      return native().sendFrames(this.capture.fd, buffer, lengths, count);
    } catch (e) {
      const err = e as Error & { sent?: number };
      onError?.(err.sent ?? 0);
      const longest = lengths.subarray(0, count).reduce((a, b) => Math.max(a, b), 0);
      const hint = /too long/i.test(err.message) ? ` (a ${longest}-byte frame is more than ${this.name}'s MTU allows)` : "";
      throw new Error(`cannot send on ${this.name}: ${err.message}${hint}`);
    }
  }

  private stalled(done: number, count: number): Error {
    return new Error(`cannot send on ${this.name}: it took no frame for ${stallLimitMs / 1000} s (${done} of ${count} sent); a queueing discipline dropping everything, or a link that is down?`);
  }

  stats(): CaptureStats {
    return this.capture.stats();
  }

  close(): void {
    this.listeners.clear();
    this.capture.close();
  }
}
