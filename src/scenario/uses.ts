import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, visit, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { didYouMean } from "../util/did-you-mean.js";
import { ScenarioError, type Issue } from "./errors.js";
import { schemaIssues } from "./schema-errors.js";
import { playbookValidator } from "./schema.js";
import { SourceFile, type Path } from "./source.js";
import { savedVarNames } from "./vars.js";

// A playbook: steps (and servers, setup, sniffers) written once, with parameters, used by many scenarios:
//   - uses: playbooks/default-deny.yaml
//     with: { target: server, open: [22, 80] }
// takes the place of its `uses:` item in whichever list it stands (a sniff's `while:` takes the playbook's steps).
// The playbook is checked against schemas/playbook.schema.json; issues inside point into the playbook, with a note
// of the line that used it.

const lists = ["setup", "servers", "steps", "sniffers"] as const;
const playbookKeys = new Set(["playbook", "description", "params", ...lists]);
/** The bundled library: `uses: playbooks/x.yaml` finds it when the scenario's folder has no such file. */
const bundled = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const maxDepth = 8;

/** Replaces every `uses:` item of the file's lists (and of its sniffs' `while:`) by the playbook's items, parameters filled in. */
export function expandUses(source: SourceFile, chain: readonly string[] = [resolve(source.file)]): Issue[] {
  const issues: Issue[] = [];
  for (const list of lists) {
    const seq = source.doc.get(list, true);
    if (isSeq(seq)) issues.push(...expandList(source, [list], list, seq as YAMLSeq, chain));
  }
  return issues;
}

function expandList(source: SourceFile, at: Path, list: (typeof lists)[number], seq: YAMLSeq, chain: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  // Paths are taken before any splice: issues about an item point at it as written.
  const uses = seq.items.map((item, i) => (isMap(item) && item.has("uses") ? i : -1)).filter((i) => i >= 0);
  if (list === "steps")
    seq.items.forEach((item, i) => {
      const inner = isMap(item) && !item.has("uses") ? item.getIn(["sniff", "while"], true) : undefined;
      if (isSeq(inner)) issues.push(...expandList(source, [...at, i, "sniff", "while"], "steps", inner, chain));
    });
  for (const i of uses.reverse()) {
    const r = useOne(source, [...at, i], list, seq.items[i] as YAMLMap, chain);
    issues.push(...r.issues);
    seq.items.splice(i, 1, ...r.nodes);
  }
  return issues;
}

function useOne(source: SourceFile, at: Path, list: (typeof lists)[number], item: YAMLMap, chain: readonly string[]): { nodes: Node[]; issues: Issue[] } {
  const fail = (path: Path, message: string, key = false) => ({ nodes: [], issues: [source.issue(path, message, key)] });
  for (const pair of item.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : "";
    if (k !== "uses" && k !== "with") return fail([...at, k], `\`${k}\` does not go with \`uses:\` (an item that uses a playbook has \`uses:\` and \`with:\` only)`, true);
  }
  const name = item.get("uses");
  if (typeof name !== "string" || name === "") return fail([...at, "uses"], "`uses:` names a playbook file, e.g. `uses: playbooks/default-deny.yaml`");
  const here = resolve(dirname(source.file), name);
  const file = existsSync(here) ? here : existsSync(join(bundled, name)) ? join(bundled, name) : undefined;
  if (!file) return fail([...at, "uses"], `no playbook ${name}: looked beside the scenario (${here})${name.startsWith("playbooks/") ? "" : " and in wirecheck's own playbooks/"}`);
  if (chain.includes(file)) return fail([...at, "uses"], `${name} is used inside itself: ${[...chain, file].map((f) => relative(process.cwd(), f)).join(" → ")}`);
  if (chain.length > maxDepth) return fail([...at, "uses"], `playbooks nest ${chain.length} deep here; at most ${maxDepth}`);
  const { line, col } = source.locate(at);
  // Named as the user would type it: relative to the working folder when inside it.
  const shown = relative(process.cwd(), file).startsWith("..") ? file : relative(process.cwd(), file);
  const usedAt = `in ${shown}, used at ${source.file}:${line}`;
  let pb: SourceFile;
  try {
    pb = SourceFile.read(shown);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { nodes: [], issues: e.issues.map((x) => ({ ...x, message: `${x.message} (${usedAt})` })) };
  }
  const note = (x: Issue) => ({ ...x, message: `${x.message} (${usedAt})` });
  const top = pb.doc.contents;
  if (!isMap(top) || typeof pb.doc.get("playbook") !== "string") return { nodes: [], issues: [note(pb.issue([], "a playbook is a mapping with `playbook: TITLE`, `params:` and the lists it brings (`steps:`, `servers:`, `setup:`, `sniffers:`)"))] };
  const issues: Issue[] = [];
  for (const pair of top.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!playbookKeys.has(k)) issues.push(note(pb.issue([k], `\`${k}\` is not a key of a playbook${didYouMean(k, [...playbookKeys]) ? ` (did you mean \`${didYouMean(k, [...playbookKeys])}\`?)` : ""}: it has ${[...playbookKeys].join(", ")}`, true)));
  }
  // The playbook's schema says the rest (the top-level keys are said above, in a playbook's words).
  const data = pb.toJS();
  const validate = playbookValidator();
  if (!validate(data)) issues.push(...schemaIssues(pb, (validate.errors ?? []).filter((e) => e.instancePath !== "" || e.keyword !== "additionalProperties"), data).map(note));
  issues.push(...undeclared(pb, name).map(note));
  issues.push(...expandUses(pb, [...chain, file]).map((x) => (x.file === pb.file ? note(x) : x)));

  // Parameters: declared with a description and maybe a default; `with:` gives the others.
  const declared = new Map<string, { required: boolean; default?: unknown }>();
  const params = pb.doc.get("params", true);
  if (params !== undefined && !isMap(params)) issues.push(note(pb.issue(["params"], "`params:` maps each parameter's name to `{ description: …, default: … }`")));
  if (isMap(params))
    for (const pair of params.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : "";
      const spec = isMap(pair.value) ? (pair.value.toJSON() as { default?: unknown }) : {};
      declared.set(k, { required: !Object.hasOwn(spec, "default"), default: spec.default });
    }
  const given = item.get("with", true);
  if (given !== undefined && !isMap(given)) issues.push(source.issue([...at, "with"], "`with:` maps the playbook's parameters to values"));
  const values = new Map<string, unknown>();
  if (isMap(given))
    for (const pair of given.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!declared.has(k)) {
        const hint = didYouMean(k, [...declared.keys()]);
        issues.push(source.issue([...at, "with", k], `${name} has no parameter \`${k}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}: its parameters are ${[...declared.keys()].join(", ") || "none"}`, true));
      } else values.set(k, isScalar(pair.value) ? pair.value.value : (pair.value as Node | null)?.toJSON());
    }
  const missing = [...declared].filter(([k, d]) => d.required && !values.has(k)).map(([k]) => k);
  if (missing.length) issues.push(source.issue([...at, "uses"], `${name} needs ${missing.map((k) => `\`${k}\``).join(", ")} under \`with:\``));
  for (const [k, d] of declared) if (!values.has(k) && !d.required) values.set(k, d.default);

  const brought = pb.doc.get(list, true);
  if (!isSeq(brought)) issues.push(source.issue([...at, "uses"], `${name} brings no \`${list}:\` (it has ${lists.filter((l) => isSeq(pb.doc.get(l, true))).join(", ") || "none"}): use it in one of those lists`));
  if (issues.length || !isSeq(brought)) return { nodes: [], issues };
  const nodes = brought.items.map((n) => fill(pb, n as Node, values));
  for (const n of nodes) source.adopt(n, pb, usedAt, { line, col });
  return { nodes, issues: [] };
}

const reference = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The node with the playbook's `${param}`s filled in; a string that is one whole reference takes the value as it is (a list stays a list). */
function fill(pb: SourceFile, node: Node, values: ReadonlyMap<string, unknown>): Node {
  if (isScalar(node) && typeof node.value === "string") {
    const whole = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(node.value);
    if (whole && values.has(whole[1])) {
      const v = values.get(whole[1]);
      const made = pb.doc.createNode(v) as Node;
      made.range = node.range;
      return made;
    }
    node.value = node.value.replace(reference, (m, k: string | undefined) => (k !== undefined && values.has(k) ? String(values.get(k)) : m));
    return node;
  }
  if (isMap(node)) for (const pair of node.items) pair.value = pair.value ? fill(pb, pair.value as Node, values) : pair.value;
  if (isSeq(node)) node.items = node.items.map((x) => fill(pb, x as Node, values));
  return node;
}

/**
 * `${name}`s in the playbook that are none of its parameters: a typo, or a value the playbook would silently take
 * from whichever scenario uses it. Values its own steps save, lab facts (`${lab.…}`) and `$${` are not references.
 */
function undeclared(pb: SourceFile, name: string): Issue[] {
  const params = pb.doc.get("params", true);
  const declared = isMap(params) ? params.items.map((p) => (isScalar(p.key) ? String(p.key.value) : "")) : [];
  const saved = savedVarNames(pb.toJS());
  const issues: Issue[] = [];
  for (const list of lists) {
    const seq = pb.doc.get(list, true);
    if (!isSeq(seq)) continue;
    visit(seq, {
      Scalar(_key, node) {
        if (typeof node.value !== "string") return;
        for (const m of node.value.matchAll(reference)) {
          const ref = m[1];
          if (ref === undefined || declared.includes(ref) || saved.has(ref)) continue;
          const hint = didYouMean(ref, declared);
          issues.push({ file: pb.file, ...pb.position(node.range?.[0] ?? 0), message: `\`\${${ref}}\` is not a parameter of ${name}${hint ? ` (did you mean \`\${${hint}}\`?)` : ""}: declare it under \`params:\` (${declared.length ? `its parameters are ${declared.join(", ")}` : "it has none"})` });
        }
      },
    });
  }
  return issues;
}
