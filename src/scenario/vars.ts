import { didYouMean } from "../util/did-you-mean.js";
import type { Issue } from "./errors.js";
import type { Path, SourceFile } from "./source.js";

export type Vars = Record<string, string | number | boolean>;

const reference = /\$\$\{|\$\{([^}]*)\}/g;

/**
 * Expands ${name} in every string of the scenario (the `vars` and `matrix` blocks excepted). A string that is exactly one
 * reference takes the var's own type, so `port: ${port}` stays a number. `$${` writes a literal `${`.
 */
export function expandVars(data: unknown, vars: Vars, source: SourceFile, runtime: ReadonlySet<string> = new Set()): { value: unknown; issues: Issue[] } {
  const issues: Issue[] = [];
  const walk = (v: unknown, path: Path): unknown => {
    if (typeof v === "string") return expandString(v, path);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = path.length === 0 && (k === "vars" || k === "matrix") ? x : walk(x, [...path, k]);
      return out;
    }
    return v;
  };
  const expandString = (s: string, path: Path): unknown => {
    const whole = /^\$\{([^}]*)\}$/.exec(s);
    if (whole && Object.hasOwn(vars, whole[1])) return vars[whole[1]];
    return s.replace(reference, (m, name: string | undefined) => {
      if (name === undefined) return "${";
      if (Object.hasOwn(vars, name)) return String(vars[name]);
      if (runtime.has(name)) return m; // saved by a step while the scenario runs
      issues.push(source.issue(path, unknownVar(name, vars, runtime)));
      return m;
    });
  };
  return { value: walk(data, []), issues };
}

/** Parses --var k=v (numbers stay numbers, true/false booleans). */
export function parseVarOption(text: string): [string, string | number | boolean] | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
  if (!m) return undefined;
  const raw = m[2];
  const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw === "true" ? true : raw === "false" ? false : raw;
  return [m[1], value];
}

/** Names that steps save while the scenario runs (`save: {var: FIELD}`), wherever they stand in the file. */
export function savedVarNames(data: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (!v || typeof v !== "object" || depth > 64) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "save" && x && typeof x === "object" && !Array.isArray(x)) for (const n of Object.keys(x)) names.add(n);
      else walk(x, depth + 1);
    }
  };
  walk(data, 0);
  return names;
}

/**
 * Fills ${name} in a file a scenario brings (a ruleset, a daemon's config) as in the scenario itself; a name that is
 * not known is an issue at its own line and column of that file.
 */
export function expandText(text: string, vars: Vars, file: string): { text: string; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = text.replace(reference, (m, name: string | undefined, offset: number) => {
    if (name === undefined) return "${";
    if (Object.hasOwn(vars, name)) return String(vars[name]);
    const before = text.slice(0, offset).split("\n");
    issues.push({ file, line: before.length, col: before[before.length - 1].length + 1, message: unknownVar(name, vars) });
    return m;
  });
  return { text: out, issues };
}

/** Why ${name} cannot be filled, with the nearest var or lab fact. */
export function unknownVar(name: string, vars: Vars, runtime: Iterable<string> = []): string {
  const facts = Object.keys(vars).filter((k) => k.startsWith("lab."));
  if (name.startsWith("lab.")) {
    const hint = didYouMean(name, facts);
    return `\`\${${name}}\` is not a fact of this lab${hint ? ` (did you mean \`\${${hint}}\`?)` : ""}: facts are lab.HOST.IFACE.mac|ip4|ip6|cidr4|cidr6, lab.HOST.ip4|ip6, lab.HOST.ip and lab.HOST.IFACE.ip (with a \`family\` var of 4, 6 or mapped) and lab.HOST.to.PEER (\`wirecheck lab show FILE\` lists them)`;
  }
  const known = [...Object.keys(vars).filter((k) => !k.startsWith("lab.")), ...runtime];
  const hint = didYouMean(name, known);
  return `\`\${${name}}\` names no var${hint ? ` (did you mean \`\${${hint}}\`?)` : ""}: ${known.length ? `defined are ${known.join(", ")}` : "define it under `vars:` or with --var"}`;
}
