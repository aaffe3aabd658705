/** One frame of a recording, as the pcap writer takes it (data is a view into the recording, not a copy). */
export interface RecordedFrame {
  data: Buffer;
  timeUs: number;
}

const chunkSize = 4 * 1024 * 1024;

/** Frames a host's pcap keeps per interface. */
export const recordLimit = 200_000;

/**
 * The frames an interface saw or sent, kept for the host's pcap: bytes back to back in large chunks and times in
 * typed arrays, so recording a frame allocates nothing (a flood of 200,000 frames would otherwise be as many
 * objects for the garbage collector). Stops at `limit` frames.
 */
export class Recording {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(0);
  /** The index of `current` in chunks (adopted buffers come between). */
  private currentIndex = -1;
  private used = 0;
  private chunkOf = new Uint32Array(1024);
  private offsetOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private timeOf = new Float64Array(1024);
  count = 0;
  /** Frames seen or sent after the limit: not in the pcap. */
  missed = 0;

  constructor(private readonly limit = recordLimit) {}

  get full(): boolean {
    return this.count >= this.limit;
  }

  /** Copies a frame in. */
  add(frame: Uint8Array, timeUs: number): void {
    if (this.full) return void this.missed++;
    if (this.used + frame.length > this.current.length) {
      this.current = Buffer.allocUnsafe(Math.max(chunkSize, frame.length));
      this.currentIndex = this.chunks.push(this.current) - 1;
      this.used = 0;
    }
    this.current.set(frame, this.used);
    this.index(this.currentIndex, this.used, frame.length, timeUs);
    this.used += frame.length;
  }

  /**
   * Keeps `count` frames stored back to back in `buffer` without copying them (the caller must not reuse it), at
   * one time for all or each at its own.
   */
  adopt(buffer: Buffer, lengths: Uint32Array, count: number, timeUs: number | Float64Array): void {
    if (this.full) return void (this.missed += count);
    this.chunks.push(buffer);
    const chunk = this.chunks.length - 1;
    let offset = 0;
    for (let i = 0; i < count; i++) {
      if (this.full) return void (this.missed += count - i);
      this.index(chunk, offset, lengths[i], typeof timeUs === "number" ? timeUs : timeUs[i]);
      offset += lengths[i];
    }
  }

  frames(): RecordedFrame[] {
    const out: RecordedFrame[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const o = this.offsetOf[i];
      out[i] = { data: this.chunks[this.chunkOf[i]].subarray(o, o + this.lengthOf[i]), timeUs: this.timeOf[i] };
    }
    return out;
  }

  private index(chunk: number, offset: number, length: number, timeUs: number): void {
    if (this.count === this.timeOf.length) this.grow();
    const i = this.count++;
    this.chunkOf[i] = chunk;
    this.offsetOf[i] = offset;
    this.lengthOf[i] = length;
    this.timeOf[i] = timeUs;
  }

  private grow(): void {
    const n = this.timeOf.length * 2;
    const grow32 = (a: Uint32Array) => {
      const b = new Uint32Array(n);
      b.set(a);
      return b;
    };
    this.chunkOf = grow32(this.chunkOf);
    this.offsetOf = grow32(this.offsetOf);
    this.lengthOf = grow32(this.lengthOf);
    const t = new Float64Array(n);
    t.set(this.timeOf);
    this.timeOf = t;
  }
}

/** Now, in microseconds since the epoch (fractional): a pcap timestamp, cheaper than a BigInt clock. */
export function nowUs(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}
