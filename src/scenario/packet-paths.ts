import "../packet/index.js";
import { registry } from "../packet/layer.js";
import { didYouMean } from "../util/did-you-mean.js";
import { checkPath } from "../packet/path.js";
import type { Path } from "./source.js";
import { isIP } from "node:net";
import { comparisonParts, isComparison, rangeProblem, toNumber } from "../assert/value.js";

type Report = (path: Path, message: string, key?: boolean) => void;

/** The lab's hosts, for host names written where an address is expected. */
export interface LabNames {
  names: readonly string[];
  addrs(name: string): { v4: string[]; v6: string[] } | undefined;
}


/**
 * Checks the "Layer.field" paths of packet expectations and `save:` before anything runs: a misspelt layer or field
 * would otherwise never match, and under `none:` a check that can never match passes without testing anything.
 * Symbolic values (echo-reply, SA) are checked against the field's names too.
 */
export function checkPacketExpect(expect: Record<string, unknown> | undefined, path: Path, report: Report, extraKeys: readonly string[] = [], lab?: LabNames): void {
  if (!expect || typeof expect !== "object") return;
  for (const [key, want] of Object.entries(expect)) {
    if (key === "rtt") {
      checkDuration(want, [...path, key], report);
      continue;
    }
    if (extraKeys.includes(key)) continue;
    if (key === "layers") {
      if (Array.isArray(want)) want.forEach((name, i) => typeof name === "string" && !registry.has(name) && report([...path, key, i], unknownLayer(name)));
      continue;
    }
    const field = checkFieldPath(key, [...path, key], report);
    if (field?.net && lab) {
      const resolved = addressExpect(key, want, field.net, lab, (m) => report([...path, key], m));
      if (resolved !== undefined) expect[key] = resolved;
      continue;
    }
    if (!field || field.bits === 0) continue;
    // What is expected of a numeric field is read as the field reads input (a name, flag letters, a number): plain,
    // after a comparison's operator, in a list of choices; beside the packet's other expected fields where its names
    // depend on one (an ICMP code under the type expected with it).
    const beside = siblings(expect, key);
    const read = (x: unknown) => (field.parseIn && beside ? field.parseIn(x, beside) : field.parse(x));
    const operands =
      typeof want === "number"
        ? [want]
        : typeof want === "string"
          ? want.includes("${")
            ? []
            : isComparison(want)
              ? comparisonParts(want).map((p) => p.operand).filter((o) => toNumber(o) === undefined)
              : [want]
          : want && typeof want === "object" && "in" in want && Array.isArray(want.in)
            ? want.in.filter((x: unknown) => typeof x === "number" || (typeof x === "string" && !x.includes("${")))
            : [];
    for (const o of operands) {
      try {
        read(o);
      } catch (e) {
        report([...path, key], `${key}: ${(e as Error).message}`);
        break;
      }
    }
  }
}

/**
 * The plain values expected of the other fields of a path's layer, read by their fields (`ICMP.type: time-exceeded`
 * beside `ICMP.code`), or undefined when there are none.
 */
function siblings(expect: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const dot = key.lastIndexOf(".");
  const layer = key.slice(0, dot + 1);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(expect)) {
    if (k === key || !k.startsWith(layer) || k.slice(dot + 1).includes(".") || (typeof v !== "string" && typeof v !== "number") || (typeof v === "string" && (isComparison(v) || v.includes("${")))) continue;
    const { field } = checkPath(k);
    try {
      if (field && field.bits > 0) out[field.name] = field.parse(v);
    } catch {
      /* reported at its own key */
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** A sniff's expectations: any, none, each and every item of sequence are packet expectations. */
export function checkPacketListExpect(expect: Record<string, unknown> | undefined, path: Path, report: Report, lab?: LabNames): void {
  if (!expect || typeof expect !== "object") return;
  checkCount(expect.count, [...path, "count"], report);
  for (const k of ["any", "none", "each"]) checkPacketExpect(expect[k] as Record<string, unknown> | undefined, [...path, k], report, [], lab);
  if (Array.isArray(expect.sequence)) expect.sequence.forEach((e, i) => checkPacketExpect(e as Record<string, unknown>, [...path, "sequence", i], report, [], lab));
}

/**
 * What is expected of an address field, checked and with host names resolved: a lab host's name means any of its
 * addresses of the field's family (`IP.src: server` → one of them; `"!= server"` → none of them). A value that is
 * neither an address of that family nor a host could never match, and under `none:` would pass unseen: refused.
 * Returns the expectation to use instead, or undefined to keep it.
 */
function addressExpect(key: string, want: unknown, family: 4 | 6, lab: LabNames, report: (m: string) => void): unknown {
  const kind = family === 4 ? "IPv4" : "IPv6";
  // One operand: an address as it is, a host as its addresses; undefined after a report.
  const operand = (x: unknown): string[] | undefined => {
    if (typeof x !== "string") return void report(`${key}: ${JSON.stringify(x)} is not an address: ${key} is an ${kind} address (or a lab host's name)`);
    if (x.includes("${")) return [x];
    const f = isIP(x);
    if (f === family) return [x];
    if (f) return void report(`${key}: ${x} is an IPv${f} address, and ${key} holds ${kind} addresses: it can never match`);
    const a = lab.addrs(x);
    if (!a) {
      const hint = didYouMean(x, [...lab.names]);
      return void report(`${key}: \`${x}\` is neither an ${kind} address nor a lab host${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${lab.names.join(", ")}`);
    }
    const list = family === 4 ? a.v4 : a.v6;
    if (list.length === 0) return void report(`${key}: \`${x}\` has no ${kind} address, so no packet's ${key} can be it`);
    return list;
  };
  if (typeof want === "string") {
    if (!isComparison(want)) {
      const list = operand(want);
      return list && list[0] !== want ? (list.length === 1 ? list[0] : { in: list }) : undefined;
    }
    const out: string[] = [];
    for (const { op, operand: x } of comparisonParts(want)) {
      if (!op) return undefined; // not all comparisons: matcherProblem says so
      const list = operand(x);
      if (!list) return undefined;
      if (list[0] !== x && op !== "!=") return undefined; // an order between hosts: matcherProblem says so
      out.push(...list.map((a) => `${op} ${a}`));
    }
    return out.join(" and ");
  }
  if (want && typeof want === "object" && "in" in want && Array.isArray((want as { in: unknown[] }).in)) {
    const lists = (want as { in: unknown[] }).in.map(operand);
    return lists.every((l) => l) ? { in: lists.flat() } : undefined;
  }
  if (typeof want === "number" || typeof want === "boolean") operand(want);
  return undefined;
}

/** `save: {var: "Layer.field"}`: the paths must name real fields. */
export function checkSavePaths(save: Record<string, unknown> | undefined, path: Path, report: Report): void {
  for (const [name, p] of Object.entries(save ?? {})) if (typeof p === "string") checkFieldPath(p, [...path, name], report, false);
}

function checkFieldPath(text: string, path: Path, report: Report, isKey = true) {
  // Not Layer.field at all: the schema's own message says so.
  if (!text.includes(".")) return undefined;
  const { field, problem } = checkPath(text);
  if (problem) return void report(path, problem, isKey);
  return field;
}

function unknownLayer(name: string): string {
  const names = [...registry.keys()];
  const hint = didYouMean(name, names);
  return `\`${name}\` is not a layer wirecheck knows${hint ? ` (did you mean \`${hint}\`?)` : ""}: the layers are ${names.join(", ")}`;
}

/** An rtt: a duration with its unit ("< 10ms"); a bare number would leave the unit to a guess. */
export function checkDuration(want: unknown, path: Path, report: Report): void {
  if (typeof want === "number") return report(path, `rtt: ${want} has no unit: write a duration, as "< ${want}ms"`);
  if (typeof want !== "string" || want.includes("${")) return;
  for (const { operand } of comparisonParts(want)) {
    if (/^[-+]?\d+(\.\d+)?$/.test(operand)) return report(path, `rtt: "${want}" has no unit: write a duration, as "< ${operand}ms"`);
  }
}

/** A count: a number, a comparison with one (">= 6"), or a range of comparisons (">= 5 and <= 8"). */
export function checkCount(count: unknown, path: Path, report: Report): void {
  if (typeof count === "string" && !count.includes("${") && !count.split(/\s+and\s+/).every((part) => /^\s*(<=|>=|!=|<|>)?\s*\d+\s*$/.test(part) && (count.includes(" and ") ? /[<>!]/.test(part) : true)))
    report(path, `"${count}" is not a count: write a number (3), a comparison with one (">= 3", "< 10", "!= 0") or a range (">= 5 and <= 8")`);
  else if ((typeof count === "string" && !count.includes("${")) || typeof count === "number") {
    const never = rangeProblem(count, 0, Infinity, "a count");
    if (never) report(path, never);
  }
}
