import { readFileSync } from "node:fs";
import capModule from "cap";
import { openedSocket, packetSocket } from "./packet-socket.js";
import { nowUs, Recording } from "./recording.js";

const { Cap } = capModule;

export interface Frame {
  data: Buffer;
  /** process.hrtime in nanoseconds, for round-trip times */
  ns: bigint;
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

type Listener = (f: Frame) => void;

/**
 * A libpcap handle on one interface with the kernel's counters: what pcap_stats would say, read from the handle's
 * socket (the `cap` binding does not expose pcap_stats). Each frame is copied into `buffer` before the "packet"
 * event; the handle keeps that buffer alive (`cap` holds only its address).
 */
export class Capture {
  readonly cap = new Cap();
  readonly buffer = Buffer.alloc(65_536);
  readonly fd: number;
  private readonly totals = { received: 0, dropped: 0 };
  private readonly ifDropsAtOpen: number;

  constructor(
    readonly iface: string,
    filter = "",
  ) {
    this.ifDropsAtOpen = interfaceDrops(iface);
    this.fd = openedSocket(() => this.cap.open(iface, filter, 16 * 1024 * 1024, this.buffer));
  }

  stats(): CaptureStats {
    const s = packetSocket().captureStats(this.fd);
    this.totals.received += s.received;
    this.totals.dropped += s.dropped;
    return { ...this.totals, ifDropped: interfaceDrops(this.iface) - this.ifDropsAtOpen };
  }

  close(): void {
    this.cap.close();
  }
}

function interfaceDrops(iface: string): number {
  try {
    return Number(readFileSync(`/sys/class/net/${iface}/statistics/rx_dropped`, "utf8"));
  } catch {
    return 0;
  }
}

/**
 * One libpcap handle per interface of this host, opened once and shared: every frame goes to the current
 * listeners (sr1 waiting for its answer, a sniff step) and into the host's recording for the report's pcap. Frames
 * are sent on the same handle's socket, so they are not captured a second time.
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
    this.capture = new Capture(name);
    const buffer = this.capture.buffer;
    this.capture.cap.on("packet", (nbytes: number) => {
      const data = buffer.subarray(0, nbytes);
      this.recording.add(data, nowUs());
      if (this.listeners.size === 0) return;
      const frame: Frame = { data: Buffer.from(data), ns: process.hrtime.bigint(), iface: name };
      for (const l of this.listeners) l(frame);
    });
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Sends one frame; returns when it left (process.hrtime, for round-trip times). */
  send(frame: Buffer): bigint {
    const t = process.hrtime.bigint();
    this.recording.add(frame, nowUs());
    this.one[0] = frame.length;
    this.transmit(frame, this.one, 1);
    return t;
  }

  /**
   * Sends `count` frames stored back to back in `buffer` (frame i is lengths[i] bytes) in as few system calls as
   * the kernel allows. The buffer becomes part of the recording: the caller must not reuse it.
   */
  sendMany(buffer: Buffer, lengths: Uint32Array, count: number): void {
    this.recording.adopt(buffer, lengths, count, nowUs());
    this.transmit(buffer, lengths, count);
  }

  private transmit(buffer: Buffer, lengths: Uint32Array, count: number): void {
    try {
      packetSocket().sendFrames(this.capture.fd, buffer, lengths, count);
    } catch (e) {
      const msg = (e as Error).message;
      const longest = Math.max(...lengths.subarray(0, count));
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
