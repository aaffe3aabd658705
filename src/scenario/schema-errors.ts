import { didYouMean, listOf } from "../util/did-you-mean.js";
import type { ErrorObject } from "./schema.js";
import type { Issue } from "./errors.js";
import type { Path, SourceFile } from "./source.js";

/**
 * Turns ajv's raw errors into one clear issue per problem: unknown keys with "did you mean", the valid alternatives
 * of a union instead of one complaint per branch, ranges and patterns explained by the schema's own descriptions.
 */
export function schemaIssues(source: SourceFile, errors: readonly ErrorObject[], data: unknown): Issue[] {
  const unions = new Map<string, ErrorObject>();
  for (const e of errors) if (e.keyword === "anyOf" || e.keyword === "oneOf") unions.set(e.instancePath, e); // outermost wins (reported last)

  const issues: Issue[] = [];
  const seen = new Set<string>();
  const add = (path: Path, message: string, key = false) => {
    const issue = source.issue(path, message, key);
    const id = `${issue.line}:${issue.col}:${message}`;
    if (!seen.has(id)) (seen.add(id), issues.push(issue));
  };

  for (const [at, union] of unions) {
    // A branch that got past the type check and failed deeper says more than "must be one of".
    const deeper = errors.some((e) => e.instancePath.startsWith(at + "/") && !isUnionNoise(e, errors));
    if (deeper) continue;
    const path = toPath(at);
    const value = valueAt(data, path);
    const what = (union.parentSchema as { description?: string }).description ?? "see the schema";
    const unknown = errors.filter((e) => e.instancePath === at && e.keyword === "additionalProperties");
    if (value && typeof value === "object" && !Array.isArray(value) && unknown.length) {
      const validKeys = [...new Set(errors.filter((e) => e.instancePath === at).flatMap((e) => Object.keys((e.parentSchema as any)?.properties ?? {})))];
      for (const e of unknown) {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const hint = didYouMean(key, validKeys);
        add([...path, key], `unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ""} in ${label(path)}: ${what}`, true);
      }
    } else {
      add(path, `${label(path)} has the wrong form (${describe(value)}): ${what}`);
    }
  }

  for (const e of errors) {
    // "must match then/else schema" only wraps the errors of the branch, which speak for themselves.
    if (e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if" || inUnion(e, unions, errors)) continue;
    const path = toPath(e.instancePath);
    const schema = e.parentSchema as { description?: string; properties?: Record<string, unknown>; title?: string } | undefined;
    switch (e.keyword) {
      case "additionalProperties": {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const valid = Object.keys(schema?.properties ?? {});
        const hint = didYouMean(key, valid);
        add([...path, key], `unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ""} in ${label(path)}; valid keys: ${valid.join(", ")}`, true);
        break;
      }
      case "required": {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const desc = (schema?.properties?.[missing] as { description?: string } | undefined)?.description;
        add(path, `${label(path)} lacks \`${missing}\`${desc ? ` (${desc})` : ""}`);
        break;
      }
      case "type":
        add(path, `${label(path)} must be ${typeName((e.params as { type: string | string[] }).type)}, not ${describe(valueAt(data, path))}${schema?.description ? ` — ${schema.description}` : ""}`);
        break;
      case "enum": {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const got = String(valueAt(data, path));
        const hint = didYouMean(got, allowed);
        add(path, `${label(path)} is \`${got}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}: it must be ${listOf(allowed)}`);
        break;
      }
      case "minimum":
      case "maximum": {
        const s = e.parentSchema as { minimum?: number; maximum?: number; description?: string };
        add(path, `${label(path)} ${String(valueAt(data, path))} is out of range: it must be ${s.minimum ?? "-∞"} to ${s.maximum ?? "∞"}${s.description ? ` (${s.description})` : ""}`);
        break;
      }
      case "minItems":
        add(path, `${label(path)} must have at least ${(e.params as { limit: number }).limit} item(s)${schema?.description ? ` — ${schema.description}` : ""}`);
        break;
      case "minProperties":
        add(path, `${label(path)} must have at least ${(e.params as { limit: number }).limit} entr${(e.params as { limit: number }).limit === 1 ? "y" : "ies"}${schema?.description ? ` — ${schema.description}` : ""}`);
        break;
      case "propertyNames": {
        const name = (e.params as { propertyName: string }).propertyName;
        add([...path, name], `\`${name}\` is not a valid name in ${label(path)}: ${propertyNameRule(e)}`, true);
        break;
      }
      case "pattern":
        // Reported with the name by its propertyNames error.
        if (e.schemaPath.includes("/propertyNames/")) break;
        add(path, `${label(path)} \`${String(valueAt(data, path))}\` is not valid: ${schema?.description ?? `it must match ${String(e.schema)}`}`);
        break;
      default:
        add(path, `${label(path)} ${e.message ?? "is not valid"}`);
    }
  }
  return issues;
}

/** Errors that belong to a union reported as a whole (same path, or the branch-type checks beneath it). */
function inUnion(e: ErrorObject, unions: Map<string, ErrorObject>, all: readonly ErrorObject[]): boolean {
  const union = unions.get(e.instancePath);
  if (!union) return false;
  return !all.some((d) => d.instancePath.startsWith(e.instancePath + "/") && !isUnionNoise(d, all)) || isUnionNoise(e, all);
}

/** Type/required/additionalProperties errors of a union's non-matching branches, and nested unions. */
function isUnionNoise(e: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (e.keyword === "anyOf" || e.keyword === "oneOf") return true;
  if (!["type", "required", "additionalProperties"].includes(e.keyword)) return false;
  return all.some((u) => (u.keyword === "anyOf" || u.keyword === "oneOf") && u.instancePath === e.instancePath);
}

function propertyNameRule(e: ErrorObject): string {
  const pattern = ((e.parentSchema as any)?.propertyNames?.pattern as string | undefined) ?? "";
  if (pattern.startsWith("^[A-Za-z][A-Za-z0-9_-]")) return "start with a letter, then letters, digits, - or _ (at most 32)";
  if (pattern === "^/") return "it must start with /";
  if (pattern.startsWith("^[A-Za-z_]")) return "use letters, digits and _, not starting with a digit";
  if (pattern.startsWith("^(layers|rtt|")) {
    const extra = pattern.slice(2, pattern.indexOf("[")).split("|").filter(Boolean);
    const name = (e.params as { propertyName: string }).propertyName;
    const hint = didYouMean(name, extra);
    return `${hint ? `did you mean \`${hint}\`? ` : ""}a check is a field path like IP.src or TCP.flags, or one of ${extra.join(", ")}`;
  }
  return `it must match ${pattern}`;
}

export function toPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function label(path: Path): string {
  if (path.length === 0) return "the scenario";
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return `\`${out}\``;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return `a mapping with ${listOf(Object.keys(v).map((k) => `\`${k}\``)) || "no keys"}`;
  if (typeof v === "string") return `the text ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

function typeName(t: string | string[]): string {
  const names: Record<string, string> = { string: "text", integer: "a whole number", number: "a number", boolean: "true or false", object: "a mapping (key: value)", array: "a list", null: "null" };
  return listOf((Array.isArray(t) ? t : [t]).map((x) => names[x] ?? x));
}
