/** The Internet checksum (RFC 1071) of buf[start, end), added to an initial partial sum. */
export function checksum(buf: Buffer, start: number, end: number, initial = 0): number {
  let sum = initial;
  let i = start;
  for (; i + 1 < end; i += 2) sum += (buf[i] << 8) | buf[i + 1];
  if (i < end) sum += buf[i] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** The partial sum of a pseudo-header: addresses (4 or 16 bytes each), protocol and upper-layer length. */
export function pseudoSum(src: Buffer, dst: Buffer, proto: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < src.length; i += 2) sum += (src[i] << 8) | src[i + 1];
  for (let i = 0; i < dst.length; i += 2) sum += (dst[i] << 8) | dst[i + 1];
  sum += proto + (length >>> 16) + (length & 0xffff);
  return sum;
}
