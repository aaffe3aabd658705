import type { BytesMatcher } from "../scenario/model.js";
import { hexToBuffer, quoted } from "../util/text.js";

export interface BytesMatch {
  /** The data satisfies the matcher; `end` is how many bytes it used (the rest stays for the next expectation). */
  matched: boolean;
  end: number;
  /** No amount of further data can make it match (an exact expectation already contradicted). */
  hopeless: boolean;
}

/**
 * Matches received stream or datagram bytes: text or {hex} means exactly these bytes (on a stream, a text ending in a
 * newline is a whole line, and what follows it stays for the next expectation), {contains} and {regex} search within them. Used while data arrives, so it says when waiting longer cannot help.
 */
export function matchBytes(m: BytesMatcher, data: Buffer, stream = false): BytesMatch {
  if (typeof m === "string" || "hex" in m) {
    const want = typeof m === "string" ? Buffer.from(m) : hexToBuffer(m.hex);
    const n = Math.min(want.length, data.length);
    const prefixOk = data.subarray(0, n).equals(want.subarray(0, n));
    if (!prefixOk) return { matched: false, end: 0, hopeless: true };
    if (data.length === want.length) return { matched: true, end: want.length, hopeless: false };
    // On a stream, exact bytes that end a line are that line: what follows is the next line, left for the next
    // expectation. Otherwise (and always for a datagram) the data must end where they do ("Hi there!!" is not "Hi there").
    if (stream && data.length > want.length && want[want.length - 1] === 0x0a) return { matched: true, end: want.length, hopeless: false };
    return { matched: false, end: 0, hopeless: data.length > want.length };
  }
  if ("contains" in m) {
    const i = data.indexOf(Buffer.from(m.contains));
    return i < 0 ? { matched: false, end: 0, hopeless: false } : { matched: true, end: i + Buffer.byteLength(m.contains), hopeless: false };
  }
  const text = data.toString("latin1") === data.toString("utf8") ? data.toString("latin1") : data.toString("utf8");
  const r = new RegExp(m.regex, "s").exec(text);
  return r ? { matched: true, end: Buffer.byteLength(text.slice(0, r.index + r[0].length)), hopeless: false } : { matched: false, end: 0, hopeless: false };
}

export function describeBytes(m: BytesMatcher): string {
  if (typeof m === "string") return quoted(m);
  if ("hex" in m) return `hex ${hexToBuffer(m.hex).toString("hex")}`;
  if ("contains" in m) return `data containing ${quoted(m.contains)}`;
  return `data matching /${m.regex}/`;
}
