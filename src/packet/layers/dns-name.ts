import { PacketError } from "../errors.js";
import { pyBytes, type Field } from "../field.js";

// DNS names: text ending in "." as Scapy keeps them, written uncompressed as Scapy builds them, read with pointers.

/** A name as Scapy keeps it: text ending in "." ("www.example.com."); the root is ".". */
export function normName(s: string): string {
  return s === "" || s === "." ? "." : s.endsWith(".") ? s : `${s}.`;
}

/** Wire size of a name: a length byte and up to 63 bytes per label, then the root's 0. */
export function nameSize(name: string): number {
  const n = normName(name);
  if (n === ".") return 1;
  let size = 1;
  let label = 0;
  for (let i = 0; i < n.length; i++) {
    if (n.charCodeAt(i) === 46) {
      size += 1 + Math.min(label, 63);
      label = 0;
    } else label++;
  }
  return size;
}

/** Writes a name uncompressed, as Scapy builds it; returns where it ends. */
export function writeName(buf: Buffer, off: number, name: string): number {
  const n = normName(name);
  if (n !== ".") {
    let start = 0;
    for (let i = 0; i < n.length; i++) {
      if (n.charCodeAt(i) !== 46) continue;
      const len = Math.min(i - start, 63);
      buf[off++] = len;
      for (let k = 0; k < len; k++) buf[off++] = n.charCodeAt(start + k) & 0xff;
      start = i + 1;
    }
  }
  buf[off++] = 0;
  return off;
}

export function encodeName(name: string): Buffer {
  const b = Buffer.alloc(nameSize(name));
  writeName(b, 0, name);
  return b;
}

/**
 * Reads a possibly compressed name of the message `msg` (offsets relative to its start) at `off`. Pointer loops and
 * overlong names are errors, so hostile bytes cannot make it spin.
 */
export function decodeName(msg: Buffer, off: number): [string, number, boolean] {
  let name = "";
  let next = -1;
  let jumps = 0;
  let length = 0;
  for (;;) {
    if (off >= msg.length) throw new PacketError("DNS name runs past the message");
    const len = msg[off];
    if (len === 0) {
      if (next < 0) next = off + 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (off + 1 >= msg.length) throw new PacketError("DNS name pointer is cut off");
      const target = ((len & 0x3f) << 8) | msg[off + 1];
      if (next < 0) next = off + 2;
      if (++jumps > 64 || target >= msg.length) throw new PacketError("DNS name pointers loop or point outside the message");
      off = target;
      continue;
    }
    if (len & 0xc0) throw new PacketError("DNS label type not supported");
    if (off + 1 + len > msg.length) throw new PacketError("DNS label runs past the message");
    length += len + 1;
    if (length > 255) throw new PacketError("DNS name longer than 255 bytes");
    // Byte by byte (latin1): names are short, and this avoids a string and an array per label.
    for (let i = off + 1; i <= off + len; i++) name += String.fromCharCode(msg[i]);
    name += ".";
    off += 1 + len;
  }
  return [name || ".", next, jumps > 0];
}

export function nameField(name: string, dflt: string): Field {
  return {
    name,
    bits: 0,
    default: normName(dflt),
    size: (v) => nameSize(v as string),
    write: (buf, off, v) => void writeName(buf, off, v as string),
    read: () => {
      throw new Error("names are read with the message");
    },
    parse: (input) => {
      if (typeof input !== "string" && !Buffer.isBuffer(input)) throw new PacketError(`${name} takes a name, e.g. "www.example.com"`);
      return normName(Buffer.isBuffer(input) ? input.toString("latin1") : input);
    },
    show: (v) => pyBytes(Buffer.from(v as string, "latin1")),
  };
}


/** Python's s[i] for a possibly negative index (a pointer into the header counts from the end, as in Scapy). */
const pyAt = (s: Buffer, i: number) => s[i < 0 ? s.length + i : i];

/** Longest name read from hostile bytes (each pointer is followed once, but a name could still be long). */
const maxLooseName = 65536;

/**
 * A name of the message's `body` (the bytes after its 12-byte header) at `p`, as Scapy 2.5's dns_get_str reads it: it
 * never fails. A name cut off by the end is what was read so far; a byte with either of the top two bits set is a
 * pointer (Scapy's `cur & 0xc0`), relative to the header's end, so one into the header is a negative Python index;
 * a pointer followed before ends the name. Returns the name ("." for none), where it ends (after the first pointer
 * when there was one, possibly past the end) and whether a pointer was followed.
 */
export function readNameAsScapy(body: Buffer, p: number): [string, number, boolean] {
  const max = body.length;
  let name = "";
  let after = -1;
  const seen: number[] = [];
  while (Math.abs(p) < max && name.length < maxLooseName) {
    const cur = pyAt(body, p++);
    if (cur & 0xc0) {
      if (after < 0) after = p + 1;
      if (p >= max) break;
      p = ((cur & 0x3f) << 8) + pyAt(body, p) - 12;
      if (seen.includes(p)) break;
      seen.push(p);
      continue;
    }
    if (cur === 0) break;
    // Python's s[p:p + cur]: negative ends count from the end, both clamped.
    const norm = (i: number) => Math.min(max, Math.max(0, i < 0 ? max + i : i));
    const from = norm(p);
    const to = norm(p + cur);
    for (let i = from; i < to; i++) name += String.fromCharCode(body[i]);
    name += ".";
    p += cur;
  }
  return [name || ".", after >= 0 ? after : p, seen.length > 0];
}
