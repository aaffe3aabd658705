import type { Matcher } from "../scenario/model.js";
import { parseDuration } from "../util/duration.js";
import { hexToBuffer } from "../util/text.js";

export interface ValueMatch {
  ok: boolean;
  expected: string;
  got: string;
}

const comparison = /^\s*(<=|>=|!=|<|>)\s*(.+?)\s*$/;

/**
 * The one matcher language of every `expect:`. A scalar means equality; "< 10ms", ">= 6", "!= 0" compare numbers,
 * sizes and durations; {contains}, {regex}, {hex} and {in} look inside.
 */
export function matchValue(m: Matcher, actual: unknown): ValueMatch {
  const got = show(actual);
  if (typeof m === "string") {
    const c = comparison.exec(m);
    if (c) {
      const want = toNumber(c[2]);
      const have = typeof actual === "number" ? actual : toNumber(String(actual));
      if (want === undefined) return { ok: String(actual) === m, expected: JSON.stringify(m), got };
      const ok = have !== undefined && compare(c[1], have, want);
      return { ok, expected: `${c[1]} ${c[2]}`, got };
    }
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
