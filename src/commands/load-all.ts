import { readFileSync } from "node:fs";
import { scenarioFiles } from "../files.js";
import { didYouMean } from "../util/did-you-mean.js";
import { loadScenarioVariants } from "../scenario/load.js";
import { maxIssues } from "../scenario/source.js";
import { formatIssue, ScenarioError } from "../scenario/errors.js";
import type { Plan } from "../scenario/model.js";
import { parseVarOption, type Vars } from "../scenario/vars.js";

/** Loads every scenario named on the command line; prints every problem of every file to stderr. */
export function loadAll(paths: string[], varOptions: string[] = []): { plans: Plan[]; ok: boolean } {
  const vars: Vars = {};
  let ok = true;
  for (const v of varOptions) {
    const kv = parseVarOption(v);
    if (!kv) {
      process.stderr.write(`--var ${v}: write it as name=value (name: letters, digits, _)\n`);
      ok = false;
    } else vars[kv[0]] = kv[1];
  }
  const { files, missing } = scenarioFiles(paths);
  for (const m of missing) process.stderr.write(`${m}: no such file or folder\n`);
  if (missing.length) ok = false;
  if (files.length === 0 && missing.length === 0) {
    process.stderr.write(`no scenario files (*.yaml, *.yml) in ${paths.join(", ")}\n`);
    ok = false;
  }
  const plans: Plan[] = [];
  for (const f of files) {
    try {
      plans.push(...loadScenarioVariants(f, { vars }));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const i of e.issues.slice(0, maxIssues)) process.stderr.write(formatIssue(i) + "\n");
      // Said at the first one left out, so it is a file:line:col line like the others.
      if (e.issues.length > maxIssues) process.stderr.write(formatIssue({ ...e.issues[maxIssues], message: `… and ${e.issues.length - maxIssues} more problems from here on` }) + "\n");
      ok = false;
    }
  }
  // A --var that no file uses is a typo more often than not: said, with the names the files do use.
  if (ok && Object.keys(vars).length > 0) {
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) used.add(m[1]);
    }
    for (const p of plans) for (const n of [...p.varNames, ...Object.keys(p.variant ?? {})]) used.add(n);
    for (const name of Object.keys(vars))
      if (!used.has(name)) {
        const hint = didYouMean(name, [...used]);
        process.stderr.write(`--var ${name}: no scenario uses \${${name}}${hint ? ` (did you mean \`${hint}\`?)` : ""}${used.size ? `: the vars used are ${[...used].sort().join(", ")}` : ""}\n`);
        ok = false;
      }
  }
  return { plans, ok };
}
