import { isIP } from "node:net";
import { PacketError } from "./errors.js";

// Address codecs shared by the layers; pure functions on Buffers.

const hexValue = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);

/** Writes "02:00:00:00:00:01" (or with dashes; one or two digits a byte) as 6 bytes; hot path, so no regexes. */
export function writeMac(buf: Buffer, off: number, mac: string): void {
  let i = 0;
  for (let b = 0; b < 6; b++) {
    const h = hexValue(mac.charCodeAt(i));
    const l = hexValue(mac.charCodeAt(i + 1));
    if (h < 0) throw new PacketError(`\`${mac}\` is not a MAC address (write it like 02:00:00:00:00:01)`);
    if (l < 0) {
      buf[off + b] = h;
      i += 1;
    } else {
      buf[off + b] = h * 16 + l;
      i += 2;
    }
    const sep = mac.charCodeAt(i);
    if (b < 5 ? sep !== 58 && sep !== 45 : i !== mac.length) throw new PacketError(`\`${mac}\` is not a MAC address (write it like 02:00:00:00:00:01)`);
    i++;
  }
}

const hex2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function readMac(buf: Buffer, off: number): string {
  return `${hex2[buf[off]]}:${hex2[buf[off + 1]]}:${hex2[buf[off + 2]]}:${hex2[buf[off + 3]]}:${hex2[buf[off + 4]]}:${hex2[buf[off + 5]]}`;
}

export function writeIPv4(buf: Buffer, off: number, ip: string): void {
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || octets > 3) throw new PacketError(`\`${ip}\` is not an IPv4 address`);
      buf[off + octets++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else throw new PacketError(`\`${ip}\` is not an IPv4 address`);
  }
  if (octets !== 4) throw new PacketError(`\`${ip}\` is not an IPv4 address`);
}

export function readIPv4(buf: Buffer, off: number): string {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}

export function writeIPv6(buf: Buffer, off: number, ip: string): void {
  if (isIP(ip) !== 6) throw new PacketError(`\`${ip}\` is not an IPv6 address`);
  let text = ip;
  let tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = Buffer.alloc(4);
    writeIPv4(b, 0, v4[1]);
    tail = [(b[0] << 8) | b[1], (b[2] << 8) | b[3]];
    text = text.slice(0, -v4[1].length) + "0:0";
  }
  const [head, rest] = text.split("::");
  const h = head ? head.split(":") : [];
  const r = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const groups = rest === undefined ? h : [...h, ...Array(8 - h.length - r.length).fill("0"), ...r];
  for (let i = 0; i < 8; i++) buf.writeUInt16BE(Number.parseInt(groups[i], 16), off + i * 2);
  if (tail.length) (buf.writeUInt16BE(tail[0], off + 12), buf.writeUInt16BE(tail[1], off + 14));
}

/** RFC 5952 text, as Python's inet_ntop writes it (which Scapy shows). */
export function readIPv6(buf: Buffer, off: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(buf.readUInt16BE(off + i * 2));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) (bestStart = i), (bestLen = j - i);
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}
