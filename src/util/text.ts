/** Shows bytes as text where they are printable, with \xNN escapes for the rest, so any bytes can go into a report. */
export function printable(bytes: Buffer | string, max = 4096): string {
  const buf = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  const shown = buf.subarray(0, max);
  const text = shown.toString("utf8");
  // Valid UTF-8 keeps its characters; otherwise every byte outside printable ASCII is escaped.
  const valid = Buffer.from(text, "utf8").equals(shown);
  const chars = valid ? [...text] : [...shown].map((b) => String.fromCharCode(b));
  let out = "";
  for (const ch of chars) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || ch === "\t") out += ch;
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || (!valid && code >= 0x80))
      out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return buf.length > max ? `${out}… (${buf.length} bytes)` : out;
}

/** A quoted, escaped rendering of bytes for one-line messages. */
export function quoted(bytes: Buffer | string, max = 200): string {
  const s = printable(bytes, max).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return JSON.stringify(s).replace(/\\\\/g, "\\");
}

/** A classic hexdump: offset, 16 bytes in hex, and their ASCII. */
export function hexdump(buf: Buffer, max = 512): string {
  const lines: string[] = [];
  const shown = buf.subarray(0, max);
  for (let off = 0; off < shown.length; off += 16) {
    const row = shown.subarray(off, off + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, "0")).join(" ");
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${off.toString(16).padStart(4, "0")}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (buf.length > max) lines.push(`… ${buf.length - max} more bytes`);
  return lines.join("\n");
}

export function hexToBuffer(hex: string): Buffer {
  return Buffer.from(hex.replace(/[\s:]/g, ""), "hex");
}
