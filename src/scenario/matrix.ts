import { isMap, isScalar, isSeq } from "yaml";
import type { Issue } from "./errors.js";
import type { SourceFile } from "./source.js";
import type { Vars } from "./vars.js";
import { familyKey, familyProblem } from "./family.js";

export type Variant = Record<string, string | number | boolean>;

/** The most variants one file may make (the product of its lists' lengths). */
export const maxVariants = 64;

/**
 * A scenario's variants: every combination of its `matrix:` lists, in the order written (the last key varies
 * fastest), each to be loaded with those values as vars. A key --var sets is that one value in every variant.
 * undefined when the file has no matrix.
 */
export function variantsOf(source: SourceFile, cliVars: Vars): { variants?: Variant[]; issues: Issue[] } {
  const node = source.doc.get("matrix", true);
  if (node === undefined) return { issues: [] };
  const issues: Issue[] = [];
  if (!isMap(node) || node.items.length === 0) return { issues: [source.issue(["matrix"], "`matrix:` is a mapping of var names to lists of values, e.g. `matrix: { family: [4, 6] }`")] };
  const own = source.doc.get("vars", true);
  const keys: [string, (string | number | boolean)[]][] = [];
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      issues.push(source.issue(["matrix"], `\`${key}\` is not a var name (letters, digits and _, not starting with a digit)`));
      continue;
    }
    if (isMap(own) && own.has(key)) issues.push(source.issue(["matrix", key], `\`${key}\` is both a var and a matrix key: keep it in one of them`, true));
    const list = pair.value;
    const values = isSeq(list) ? list.items.map((i) => (isScalar(i) ? i.value : undefined)) : [];
    if (!isSeq(list) || values.length === 0 || values.some((v) => !["string", "number", "boolean"].includes(typeof v)))
      issues.push(source.issue(["matrix", key], `matrix \`${key}\`: a non-empty list of values (text, numbers, true/false), e.g. \`${key}: [a, b]\``));
    else if (new Set(values.map(String)).size !== values.length) issues.push(source.issue(["matrix", key], `matrix \`${key}\` lists a value twice`));
    else if (key === familyKey && values.some((v) => familyProblem(v))) {
      const i = values.findIndex((v) => familyProblem(v));
      issues.push(source.issue(["matrix", key, i], familyProblem(values[i])!));
    }    else keys.push([key, Object.hasOwn(cliVars, key) ? [cliVars[key]] : (values as (string | number | boolean)[])]);
  }
  const count = keys.reduce((n, [, v]) => n * v.length, 1);
  if (count > maxVariants) issues.push(source.issue(["matrix"], `the matrix makes ${count} variants; at most ${maxVariants}`));
  if (issues.length) return { issues };
  let variants: Variant[] = [{}];
  for (const [key, values] of keys) variants = variants.flatMap((v) => values.map((x) => ({ ...v, [key]: x })));
  return { variants, issues };
}

/** How a variant is named in reports: `family=4, profile=strict`. */
export function variantLabel(v: Variant): string {
  return Object.entries(v)
    .map(([k, x]) => `${k}=${x}`)
    .join(", ");
}
