import type { Matcher } from "../scenario/model.js";
import { Layer, type Packet } from "../packet/index.js";
import { valuesAt, type Found } from "../packet/path.js";
import { comparisonParts, isComparison, matchValue, toNumber, type ValueMatch } from "./value.js";

/** Expectations on one packet: "Layer.field[.sub]" paths, `layers: [names]`, `rtt`. */
export type PacketExpect = Record<string, unknown>;

export interface PacketCheck {
  ok: boolean;
  /** One line per expectation that did not hold. */
  problems: string[];
  /** How many of those asked about a layer the packet does not have. */
  missingLayers: number;
}

/**
 * Checks a packet against expectations in the one matcher language: a scalar means equality, with symbolic names
 * and flag letters understood by the field ("TCP.flags: SA" equals "AS"; "ICMP.type: echo-reply" equals 0);
 * {contains} and {regex} see the value as Scapy shows it (flags as letters, bytes as text).
 */
export function checkPacket(p: Packet, expect: PacketExpect, extra: { rttMs?: number } = {}): PacketCheck {
  const problems: string[] = [];
  let missingLayers = 0;
  for (const [key, want] of Object.entries(expect)) {
    if (key === "layers") {
      const got = p.layers.map((l) => l.name);
      const wantList = (want as string[]).map(String);
      if (got.length !== wantList.length || got.some((n, i) => n !== wantList[i])) problems.push(`layers: expected [${wantList.join(", ")}], got [${got.join(", ")}]`);
      continue;
    }
    if (key === "rtt") {
      const m = matchValue(want as Matcher, extra.rttMs);
      if (!m.ok) problems.push(`rtt: expected ${m.expected}, got ${extra.rttMs === undefined ? "nothing" : `${extra.rttMs.toFixed(3)}ms`}`);
      continue;
    }
    const m = checkField(p, key, want as Matcher);
    if (!m.ok) problems.push(`${key}: expected ${m.expected}, got ${m.got}`);
    if (!m.ok && m.missingLayer) missingLayers++;
  }
  return { ok: problems.length === 0, problems, missingLayers };
}

/**
 * One expectation on a packet's field. A path through a list without an index holds when any element matches (see
 * packet/path.ts), so `none:` cannot pass while a forbidden record is there.
 */
export function checkField(p: Packet, path: string, want: Matcher): ValueMatch & { missingLayer?: boolean } {
  const { found, missing } = valuesAt(p, path);
  if (missing) return { ok: false, expected: describe(want), got: `no ${missing} layer (${p.summary()})`, missingLayer: true };
  if (found.length === 0) return { ok: false, expected: describe(want), got: `no field ${path}` };
  const tries = found.map((f) => matchOne(f, want));
  const hit = tries.find((t) => t.ok);
  if (hit) return hit;
  const shown = [...new Set(tries.map((t) => t.got))];
  return { ok: false, expected: tries[0].expected, got: found.length > 1 ? `[${shown.slice(0, 8).join(", ")}${shown.length > 8 ? ", …" : ""}] (none of ${found.length} matches)` : tries[0].got };
}

function matchOne({ value, field, layer }: Found, want: Matcher): ValueMatch {
  const shown = field && typeof value === "number" ? field.show(value, layer.values()) : Buffer.isBuffer(value) ? value.toString("latin1") : value instanceof Layer ? value.name : Array.isArray(value) && field ? field.show(value, layer.values()) : String(value);
  // A numeric field reads what is expected of it the way it reads user input, at any depth and on either side of a
  // comparison: names (beside the packet's other fields: an ICMP code name under its own type), flag letters, numbers.
  if (field && typeof value === "number" && field.bits > 0) {
    const read = (x: unknown): number => (field.parseIn ? field.parseIn(x, layer.values()) : field.parse(x)) as number;
    const got = shown === String(value) ? shown : `${shown} (${value})`;
    try {
      if (typeof want === "string" && isComparison(want)) return { ...matchValue(numericOperands(want, read), value), expected: want.trim(), got };
      if (typeof want === "string" || typeof want === "number") return { ok: read(want) === value, expected: String(want), got };
      if (typeof want === "object" && "in" in want) return { ok: want.in.some((x) => read(x) === value), expected: `one of ${want.in.map((x) => JSON.stringify(x)).join(", ")}`, got };
    } catch (e) {
      return { ok: false, expected: describe(want), got: `${got}: ${(e as Error).message}` };
    }
  }
  const m = matchValue(want, typeof value === "number" && typeof want !== "object" ? value : shown);
  return { ...m, got: JSON.stringify(shown) };
}

/** "!= echo-reply", ">= SA and < 0x20": each operand that is not a number read by the field, as a number. */
function numericOperands(want: string, read: (x: string) => number): string {
  return comparisonParts(want)
    .map(({ op, operand }) => (op ? `${op} ${toNumber(operand) === undefined ? read(operand) : operand}` : operand))
    .join(" and ");
}

function describe(m: Matcher): string {
  return typeof m === "object" ? JSON.stringify(m) : String(m);
}

/**
 * The closest packet to an expectation (for "seen instead" reports): the one with the fewest problems, a missing
 * layer weighing more than a wrong value (a SYN is closer to an expected SYN-ACK than an unrelated ARP frame is).
 */
export function closest(packets: Packet[], expect: PacketExpect): { packet: Packet; check: PacketCheck } | undefined {
  let best: { packet: Packet; check: PacketCheck; score: number } | undefined;
  for (const packet of packets) {
    const check = checkPacket(packet, expect);
    const score = check.problems.length + check.missingLayers;
    if (!best || score < best.score) best = { packet, check, score };
  }
  return best && { packet: best.packet, check: best.check };
}
