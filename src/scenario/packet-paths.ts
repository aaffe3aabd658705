import "../packet/index.js";
import { registry } from "../packet/layer.js";
import { didYouMean } from "../util/did-you-mean.js";
import { checkPath } from "../packet/path.js";
import type { Path } from "./source.js";

type Report = (path: Path, message: string, key?: boolean) => void;

const comparison = /^\s*(<=|>=|!=|<|>)/;

/**
 * Checks the "Layer.field" paths of packet expectations and `save:` before anything runs: a misspelt layer or field
 * would otherwise never match, and under `none:` a check that can never match passes without testing anything.
 * Symbolic values (echo-reply, SA) are checked against the field's names too.
 */
export function checkPacketExpect(expect: Record<string, unknown> | undefined, path: Path, report: Report, extraKeys: readonly string[] = []): void {
  if (!expect || typeof expect !== "object") return;
  for (const [key, want] of Object.entries(expect)) {
    if (key === "rtt" || extraKeys.includes(key)) continue;
    if (key === "layers") {
      if (Array.isArray(want)) want.forEach((name, i) => typeof name === "string" && !registry.has(name) && report([...path, key, i], unknownLayer(name)));
      continue;
    }
    const field = checkFieldPath(key, [...path, key], report);
    if (!field || field.bits === 0) continue;
    // A plain value of a numeric field is read as the field reads input (a name, flag letters, a number).
    if ((typeof want === "string" && !want.includes("${") && !comparison.test(want)) || typeof want === "number") {
      try {
        field.parse(want);
      } catch (e) {
        report([...path, key], `${key}: ${(e as Error).message}`);
      }
    }
  }
}

/** A sniff's expectations: any, none, each and every item of sequence are packet expectations. */
export function checkPacketListExpect(expect: Record<string, unknown> | undefined, path: Path, report: Report): void {
  if (!expect || typeof expect !== "object") return;
  checkCount(expect.count, [...path, "count"], report);
  for (const k of ["any", "none", "each"]) checkPacketExpect(expect[k] as Record<string, unknown> | undefined, [...path, k], report);
  if (Array.isArray(expect.sequence)) expect.sequence.forEach((e, i) => checkPacketExpect(e as Record<string, unknown>, [...path, "sequence", i], report));
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

/** A count: a number, a comparison with one (">= 6"), or a range of comparisons (">= 5 and <= 8"). */
export function checkCount(count: unknown, path: Path, report: Report): void {
  if (typeof count === "string" && !count.includes("${") && !count.split(/\s+and\s+/).every((part) => /^\s*(<=|>=|!=|<|>)?\s*\d+\s*$/.test(part) && (count.includes(" and ") ? /[<>!]/.test(part) : true)))
    report(path, `"${count}" is not a count: write a number (3), a comparison with one (">= 3", "< 10", "!= 0") or a range (">= 5 and <= 8")`);
}
