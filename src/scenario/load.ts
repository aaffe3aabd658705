import { isSeq } from "yaml";
import { ScenarioError, type Issue } from "./errors.js";
import type { Plan, WirecheckScenario } from "./model.js";
import { planScenario } from "./plan.js";
import { labFacts, planLab } from "./plan-lab.js";
import { schemaIssues } from "./schema-errors.js";
import { scenarioValidator } from "./schema.js";
import { SourceFile } from "./source.js";
import { limits } from "./structure.js";
import { expandVars, savedVarNames, type Vars } from "./vars.js";
import { variantLabel, variantsOf, type Variant } from "./matrix.js";
import { expandUses } from "./uses.js";
import { familyFacts } from "./family.js";

export interface LoadOptions {
  /** --var overrides, applied over the scenario's own vars. */
  vars?: Vars;
}

/** load → validate → plan. Every problem a file can cause is raised here, all at once, before anything runs. */
export function loadScenario(file: string, options: LoadOptions = {}): Plan {
  return onePlan(withPlaybooks(SourceFile.read(file)), options);
}

/** A file's one plan; a file with variants has several, which loadScenarioVariants gives. */
function onePlan(source: SourceFile, options: LoadOptions): Plan {
  if (source.doc.has("matrix")) throw new ScenarioError([source.issue(["matrix"], "this scenario has variants (`matrix:`): load it with loadScenarioVariants, which gives one plan per variant", true)]);
  return planSource(source, options);
}

/** The file with every `uses:` item replaced by what its playbook brings. */
function withPlaybooks(source: SourceFile): SourceFile {
  const issues = expandUses(source);
  if (issues.length) throw new ScenarioError(sortIssues(dedupe(issues)));
  return source;
}

/**
 * Every variant of a scenario file: one plan per combination of its `matrix:` (each its own testsuite, named with
 * its values), or the one plan of a file without a matrix. An issue that only some variants have says which.
 */
export function loadScenarioVariants(file: string, options: LoadOptions = {}): Plan[] {
  const source = withPlaybooks(SourceFile.read(file));
  const { variants, issues } = variantsOf(source, options.vars ?? {});
  if (issues.length) throw new ScenarioError(issues);
  if (!variants) return [planSource(source, options)];
  const plans: Plan[] = [];
  const found = new Map<string, { issue: Issue; in: string[] }>();
  for (const v of variants) {
    try {
      const plan = planSource(source, options, v);
      plans.push({ ...plan, name: `${plan.name} [${variantLabel(v)}]`, classname: `${plan.classname}[${variantLabel(v).replace(/, /g, ",")}]`, variant: v });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const i of e.issues) {
        const key = `${i.line}:${i.col}:${i.message}`;
        if (!found.has(key)) found.set(key, { issue: i, in: [] });
        found.get(key)!.in.push(variantLabel(v));
      }
    }
  }
  if (found.size) throw new ScenarioError(sortIssues([...found.values()].map((f) => (f.in.length === variants.length ? f.issue : { ...f.issue, message: `${f.issue.message} (in variant ${f.in.join("; ")})` }))));
  return plans;
}

export function loadScenarioText(file: string, text: string, options: LoadOptions = {}): Plan {
  return planSource(SourceFile.parse(file, text), options);
}

function planSource(source: SourceFile, options: LoadOptions, variant: Variant = {}): Plan {
  // Counted on the parsed file first: building the data of too many steps is what takes the time.
  const listed = source.doc.get("steps");
  if (isSeq(listed) && listed.items.length > limits.steps) throw tooManySteps(source, listed.items.length);
  const raw = source.toJS();
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new ScenarioError([source.issue([], "a scenario is a mapping with `name:` and `steps:` at the top level")]);
  const steps = countSteps((raw as { steps?: unknown }).steps);
  if (steps > limits.steps) throw tooManySteps(source, steps);
  const ownVars = (raw as { vars?: unknown }).vars;
  const vars: Vars = { ...(ownVars && typeof ownVars === "object" ? (ownVars as Vars) : {}), ...variant, ...options.vars };
  const saved = savedVarNames(raw);
  // The lab's facts (interface names, addresses, MACs) are known from the lab section alone: they fill ${lab.…}
  // everywhere else, as vars do.
  const labOnly = labFactsOf(raw as { lab?: unknown }, vars, source);
  const facts = { ...labOnly, ...familyFacts(labOnly, vars) };
  const { value, issues: varIssues } = expandVars(raw, { ...facts, ...vars }, source, saved);

  const validate = scenarioValidator();
  const issues: Issue[] = [...varIssues];
  const valid = validate(value);
  if (!valid) issues.push(...schemaIssues(source, validate.errors ?? [], value));
  try {
    const { plan, issues: planIssues, unchecked } = planScenario(source, value as WirecheckScenario, { vars: { ...facts, ...vars }, saved });
    issues.push(...planIssues);
    // Items whose checks broke on a shape the schema already refused are described by the schema's issues.
    if (valid) issues.push(...unchecked);
    if (issues.length === 0) return { ...plan, savedVars: [...saved].filter((n) => !Object.hasOwn(vars, n)), varNames: Object.keys(ownVars && typeof ownVars === "object" ? ownVars : {}) };
  } catch (e) {
    // The semantic checks assume the schema's shapes; where a broken part still trips them, the schema issues speak.
    if (valid) throw e;
  }
  throw new ScenarioError(sortIssues(dedupe(issues)));
}

/** The facts of the lab as written (vars filled in); a lab too broken to plan has none, and its issues come later. */
function labFactsOf(raw: { lab?: unknown }, vars: Vars, source: SourceFile): Vars {
  if (!raw.lab || typeof raw.lab !== "object") return {};
  try {
    const lab = expandVars({ lab: raw.lab }, vars, source).value as WirecheckScenario;
    return labFacts(planLab(lab, () => undefined));
  } catch {
    return {};
  }
}

function tooManySteps(source: SourceFile, n: number): ScenarioError {
  return new ScenarioError([source.issue(["steps"], `the scenario has ${n.toLocaleString("en")} steps: a scenario file holds at most ${limits.steps.toLocaleString("en")} (split it into several files)`, true)]);
}

/** Steps and the steps inside them (a sniff's `while`). */
function countSteps(steps: unknown): number {
  let n = 0;
  const todo: unknown[] = [steps];
  while (todo.length) {
    const list = todo.pop();
    if (!Array.isArray(list)) continue;
    n += list.length;
    for (const st of list) {
      const w = (st as { sniff?: { while?: unknown } } | null)?.sniff?.while;
      if (w) todo.push(w);
    }
  }
  return n;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}:${i.col}:${i.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}
