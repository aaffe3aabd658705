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

  constructor(
    readonly name: string,
    recordLimit = 200_000,
  ) {
    this.recording = new Recording(recordLimit);
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
    const t = nowUs();
    this.recording.add(frame, t);
    this.one[0] = frame.length;
    this.transmit(frame, this.one, 1);
    return t;
  }

  /**
   * Sends `count` frames stored back to back in `buffer` (frame i is lengths[i] bytes) in as few system calls as
   * the kernel allows. The buffer becomes part of the recording: the caller must not reuse it. Returns when the
   * batch left (the clock of send()).
   */
  sendMany(buffer: Buffer, lengths: Uint32Array, count: number): number {
    const t = nowUs();
    this.recording.adopt(buffer, lengths, count, t);
    this.transmit(buffer, lengths, count);
    return t;
  }

  private transmit(buffer: Buffer, lengths: Uint32Array, count: number): void {
    // Its socket is gone (the run is stopping and a send was still under way): the descriptor may be reused.
    if (this.capture.closed) throw new Error(`cannot send on ${this.name}: its capture is closed (the run is stopping)`);
    try {
      native().sendFrames(this.capture.fd, buffer, lengths, count);
    } catch (e) {
      const msg = (e as Error).message;
      const longest = lengths.subarray(0, count).reduce((a, b) => Math.max(a, b), 0);
      const hint = /too long/i.test(msg) ? ` (a ${longest}-byte frame is more than ${this.name}'s MTU allows)` : "";
      throw new Error(`cannot send on ${this.name}: ${msg}${hint}`);
    }
  }

  stats(): CaptureStats {
    return this.capture.stats();
  }

  close(): void {
    this.listeners.clear();
    this.capture.close();
  }
}
