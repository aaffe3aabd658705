import { isIP } from "node:net";
import { writeIPv6 } from "../packet/addr.js";
import type { Matcher } from "../scenario/model.js";
import { parseDuration } from "../util/duration.js";
import { hexToBuffer } from "../util/text.js";

export interface ValueMatch {
  ok: boolean;
  expected: string;
  got: string;
}

const comparison = /^\s*(<=|>=|!=|<|>)\s*(.+?)\s*$/;

/** Whether a matcher's text starts as a comparison ("!= 0", ">= 40 and < 100"). */
export function isComparison(m: string): boolean {
  return /^\s*(<=|>=|!=|<|>)/.test(m);
}

/**
 * The parts of a comparison or range ("!= echo-reply", ">= 40 and < 100"), operator and operand each; a part that
 * is not a comparison has no operator.
 */
export function comparisonParts(m: string): { op?: string; operand: string }[] {
  return m.split(/\s+and\s+/).map((p) => {
    const c = comparison.exec(p);
    return c ? { op: c[1], operand: c[2] } : { operand: p.trim() };
  });
}

/**
 * The one matcher language of every `expect:`. A scalar means equality; "< 10ms", ">= 6", "!= 0" compare numbers,
 * sizes and durations; {contains}, {regex}, {hex} and {in} look inside.
 */
export function matchValue(m: Matcher, actual: unknown): ValueMatch {
  const got = show(actual);
  if (typeof m === "string") {
    // A range in one matcher: ">= 40 and < 100" holds when every part does.
    const parts = m.split(/\s+and\s+/);
    if (parts.length > 1 && parts.every((p) => comparison.test(p))) return { ok: parts.every((p) => comparing(p, actual)), expected: m.trim(), got };
    if (comparison.test(m)) return { ok: comparing(m, actual), expected: m.trim(), got };
    // "5%", "10ms", "1KiB" mean the same number as the value they describe.
    const n = toNumber(m);
    if (n !== undefined && typeof actual === "number") return { ok: actual === n, expected: m, got };
    return { ok: String(actual ?? "") === m, expected: JSON.stringify(m), got };
  }
  if (typeof m === "number" || typeof m === "boolean") return { ok: actual === m || String(actual) === String(m), expected: String(m), got };
  if ("contains" in m) return { ok: String(actual ?? "").includes(m.contains), expected: `containing ${JSON.stringify(m.contains)}`, got };
  if ("regex" in m) return { ok: new RegExp(m.regex).test(String(actual ?? "")), expected: `matching /${m.regex}/`, got };
  if ("hex" in m) {
    const buf = Buffer.isBuffer(actual) ? actual : Buffer.from(String(actual ?? ""));
    return { ok: buf.equals(hexToBuffer(m.hex)), expected: `hex ${hexToBuffer(m.hex).toString("hex")}`, got: `hex ${buf.toString("hex")}` };
  }
  return { ok: m.in.some((x) => x === actual || String(x) === String(actual)), expected: `one of ${m.in.map((x) => JSON.stringify(x)).join(", ")}`, got };
}

/**
 * One comparison. Numbers, durations, sizes and percentages compare as numbers, addresses as addresses (in order
 * within a family); `!=` also compares text. What cannot be compared does not match (load refuses it first: see
 * matcherProblem).
 */
function comparing(text: string, actual: unknown): boolean {
  const [, op, operand] = comparison.exec(text)!;
  const want = toNumber(operand);
  if (want !== undefined) {
    const have = typeof actual === "number" ? actual : toNumber(String(actual ?? ""));
    return have !== undefined && compare(op, have, want);
  }
  if (isIP(operand)) {
    const a = addressValue(String(actual ?? ""));
    const b = addressValue(operand)!;
    if (!a || a.family !== b.family) return op === "!=";
    return compare(op, a.n < b.n ? -1 : a.n > b.n ? 1 : 0, 0);
  }
  return op === "!=" && actual !== undefined && String(actual) !== operand;
}

/**
 * What is wrong with a matcher's text at load time: an operator mistyped ("=> 2", which would be compared as text and
 * never match), a comparison in order of something that has no order, a range no number is in.
 */
export function matcherProblem(m: string): string | undefined {
  const typo = /^\s*(=>|=<|==|=!|<>|=)\s*[-+]?\d/.exec(m);
  if (typo) return `"${m.trim()}": \`${typo[1]}\` is not an operator: write >=, <=, <, > or != (or the value alone for equality)`;
  const parts = m.split(/\s+and\s+/);
  const comparisons = parts.filter((p) => comparison.test(p));
  if (comparisons.length === 0) return undefined;
  const never = rangeProblem(m);
  if (never) return never;
  if (parts.length > 1 && comparisons.length !== parts.length) return `"${m}": every part of a range is a comparison, as in ">= 40 and < 100"`;
  for (const p of comparisons) {
    const [, op, operand] = comparison.exec(p)!;
    if (op !== "!=" && toNumber(operand) === undefined && !isIP(operand))
      return `"${p.trim()}": ${op} compares numbers, durations (10ms), sizes (1KiB), percentages (5%) or addresses, and \`${operand}\` is none of them (for text use != or {regex: …})`;
  }
  return undefined;
}

/**
 * A numeric matcher that no value between lo and hi satisfies (">= 3 and < 2"; "< 0" of a count): it can only
 * fail, or under `none:` only pass. Undefined when some value does, or when it is not numeric.
 */
export function rangeProblem(m: string | number, lo = -Infinity, hi = Infinity, what = "a value"): string | undefined {
  if (typeof m === "number") return m < lo || m > hi ? `${m} can never be ${what}: it is between ${lo} and ${hi}` : undefined;
  let [min, max, minOpen, maxOpen] = [lo, hi, false, false];
  const not: number[] = [];
  for (const p of m.split(/\s+and\s+/)) {
    const c = comparison.exec(p);
    const n = c ? toNumber(c[2]) : toNumber(p);
    if (n === undefined) return undefined;
    const op = c?.[1] ?? "=";
    if (op === "!=") not.push(n);
    if ((op === ">" || op === ">=" || op === "=") && (n > min || (n === min && op === ">"))) [min, minOpen] = [n, op === ">"];
    if ((op === "<" || op === "<=" || op === "=") && (n < max || (n === max && op === "<"))) [max, maxOpen] = [n, op === "<"];
  }
  const empty = min > max || (min === max && (minOpen || maxOpen || not.includes(min)));
  const where = lo === -Infinity && hi === Infinity ? "" : ` (${what} is between ${lo} and ${hi})`;
  return empty ? `"${m}" can never hold${where}: no number satisfies it` : undefined;
}

function addressValue(text: string): { family: number; n: bigint } | undefined {
  const family = isIP(text);
  if (family === 4) return { family, n: text.split(".").reduce((a, b) => (a << 8n) + BigInt(b), 0n) };
  if (family === 6) return { family, n: BigInt(`0x${Buffer.from(ipv6Bytes(text)).toString("hex")}`) };
  return undefined;
}

function ipv6Bytes(text: string): Uint8Array {
  const out = Buffer.alloc(16);
  writeIPv6(out, 0, text);
  return out;
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
    default: return a !== b;
  }
}

const sizeUnits: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** "6", "0x10", "10ms" (as milliseconds), "1.5KiB" (as bytes). */
export function toNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t, 16);
  const pct = /^([-+]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]);
  const d = parseDuration(t);
  if (d !== undefined) return d;
  const s = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)$/i.exec(t);
  return s ? Number(s[1]) * sizeUnits[s[2].toLowerCase()] : undefined;
}

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 500 ? `${v.slice(0, 500)}…` : v);
  return String(v);
}
