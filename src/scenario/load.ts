import { ScenarioError, type Issue } from "./errors.js";
import type { Plan, WirecheckScenario } from "./model.js";
import { planScenario } from "./plan.js";
import { schemaIssues } from "./schema-errors.js";
import { scenarioValidator } from "./schema.js";
import { SourceFile } from "./source.js";
import { expandVars, savedVarNames, type Vars } from "./vars.js";

export interface LoadOptions {
  /** --var overrides, applied over the scenario's own vars. */
  vars?: Vars;
}

/** load → validate → plan. Every problem a file can cause is raised here, all at once, before anything runs. */
export function loadScenario(file: string, options: LoadOptions = {}): Plan {
  return planSource(SourceFile.read(file), options);
}

export function loadScenarioText(file: string, text: string, options: LoadOptions = {}): Plan {
  return planSource(SourceFile.parse(file, text), options);
}

function planSource(source: SourceFile, options: LoadOptions): Plan {
  const raw = source.toJS();
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new ScenarioError([source.issue([], "a scenario is a mapping with `name:` and `steps:` at the top level")]);
  const ownVars = (raw as { vars?: unknown }).vars;
  const vars: Vars = { ...(ownVars && typeof ownVars === "object" ? (ownVars as Vars) : {}), ...options.vars };
  const saved = savedVarNames(raw);
  const { value, issues: varIssues } = expandVars(raw, vars, source, saved);

  const validate = scenarioValidator();
  const issues: Issue[] = [...varIssues];
  const valid = validate(value);
  if (!valid) issues.push(...schemaIssues(source, validate.errors ?? [], value));
  try {
    const { plan, issues: planIssues } = planScenario(source, value as WirecheckScenario);
    issues.push(...planIssues);
    if (issues.length === 0) return { ...plan, savedVars: [...saved].filter((n) => !(n in vars)) };
  } catch (e) {
    // The semantic checks assume the schema's shapes; where a broken part still trips them, the schema issues speak.
    if (valid) throw e;
  }
  throw new ScenarioError(sortIssues(dedupe(issues)));
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
