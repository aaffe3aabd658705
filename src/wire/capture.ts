import capModule from "cap";

const { Cap } = capModule;

export interface Frame {
  data: Buffer;
  /** process.hrtime in nanoseconds: round-trip times, and (see timeUs) the pcap's timestamps */
  ns: bigint;
  iface: string;
}

/** process.hrtime's zero in epoch nanoseconds, to turn a frame's ns into a pcap timestamp. */
const epochNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

export function timeUs(f: Frame): number {
  return Number((f.ns + epochNs) / 1000n);
}

type Listener = (f: Frame) => void;

/**
 * One libpcap handle per interface of this host, opened once and shared: every frame goes to the current
 * listeners (sr1 waiting for its answer, a sniff step) and into the host's capture for the report's pcap.
 */
export class Interface {
  private readonly cap = new Cap();
  private readonly buffer = Buffer.alloc(65_536);
  private readonly listeners = new Set<Listener>();
  readonly recorded: Frame[] = [];

  constructor(
    readonly name: string,
    private readonly recordLimit = 200_000,
  ) {
    this.cap.open(name, "", 16 * 1024 * 1024, this.buffer);
    this.cap.on("packet", (nbytes: number) => {
      const ns = process.hrtime.bigint();
      const frame: Frame = { data: Buffer.from(this.buffer.subarray(0, nbytes)), ns, iface: name };
      if (this.recorded.length < this.recordLimit) this.recorded.push(frame);
      for (const l of this.listeners) l(frame);
    });
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  send(frame: Buffer): bigint {
    const t = process.hrtime.bigint();
    this.cap.send(frame, frame.length);
    // libpcap does not hand a handle the frames it sent itself: the host's capture records them here (a copy:
    // senders reuse their buffer).
    if (this.recorded.length < this.recordLimit) this.recorded.push({ data: Buffer.from(frame), ns: t, iface: this.name });
    return t;
  }

  close(): void {
    this.listeners.clear();
    this.cap.close();
  }
}
