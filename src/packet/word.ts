/**
 * A 16-bit big-endian word written byte by byte: for the post-build hooks every packet runs (lengths, checksums),
 * where Buffer.writeUInt16BE's argument checks cost more than the write. The offset must lie inside the buffer and
 * the value fit 16 bits (callers compute both).
 */
export function putWord(buf: Buffer, off: number, value: number): void {
  buf[off] = value >>> 8;
  buf[off + 1] = value & 0xff;
}
