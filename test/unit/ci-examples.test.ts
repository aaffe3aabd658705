// The CI examples in docs/ci/: GitHub's against SchemaStore's workflow schema (as TypeScript types, from the npm
// registry), GitLab's against its documented keywords; each with a typo too, so the check can fail.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(root, "node_modules", ".ci-examples-"));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** tsc's verdict on `data` as the type, excess keys included (an object literal is checked for them). */
function typeCheck(name: string, typeImport: string, type: string, data: unknown): { ok: boolean; out: string } {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, `${typeImport}\nexport const x: ${type} = ${JSON.stringify(data, null, 2)};\n`);
  const r = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", file], { encoding: "utf8", cwd: root });
  return { ok: r.status === 0, out: r.stdout + r.stderr };
}

// SchemaStore's GitLab schema comes out of its type generator as "any key, any value", so GitLab's file is checked
// against the keywords https://docs.gitlab.com/ee/ci/yaml/ documents instead.
const gitlabTop = new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script"]);
const gitlabJob = new Set(["after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage", "dast_configuration", "dependencies", "environment", "extends", "hooks", "id_tokens", "identity", "image", "inherit", "interruptible", "needs", "pages", "parallel", "release", "resource_group", "retry", "rules", "script", "secrets", "services", "stage", "tags", "timeout", "trigger", "variables", "when"]);
const gitlabArtifacts = new Set(["paths", "exclude", "expire_in", "expose_as", "name", "public", "access", "reports", "untracked", "when"]);
const gitlabWhen = new Set(["on_success", "on_failure", "never", "always", "manual", "delayed"]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function gitlabProblems(d: Record<string, any>): string[] {
  const out: string[] = [];
  const stages: string[] = d.stages ?? ["build", "test", "deploy"];
  for (const [k, job] of Object.entries(d)) {
    if (gitlabTop.has(k)) continue;
    if (!job || typeof job !== "object" || Array.isArray(job)) {
      out.push(`${k}: neither a keyword nor a job`);
      continue;
    }
    for (const key of Object.keys(job)) if (!gitlabJob.has(key)) out.push(`${k}.${key}: not a job keyword`);
    if (job.stage !== undefined && !stages.includes(job.stage)) out.push(`${k}.stage: ${job.stage} is not in stages`);
    if (job.parallel !== undefined && !(Number.isInteger(job.parallel) && job.parallel >= 1 && job.parallel <= 200)) out.push(`${k}.parallel: 1 to 200`);
    if (!Array.isArray(job.script) || job.script.some((l: unknown) => typeof l !== "string")) out.push(`${k}.script: a list of commands`);
    for (const n of job.needs ?? []) if (!(n in d)) out.push(`${k}.needs: no job ${n}`);
    for (const r of job.rules ?? []) if (r.when !== undefined && !gitlabWhen.has(r.when)) out.push(`${k}.rules.when: ${r.when}`);
    for (const a of Object.keys(job.artifacts ?? {})) if (!gitlabArtifacts.has(a)) out.push(`${k}.artifacts.${a}: not an artifacts keyword`);
    if (job.artifacts?.when !== undefined && !["on_success", "on_failure", "always"].includes(job.artifacts.when)) out.push(`${k}.artifacts.when: ${job.artifacts.when}`);
  }
  return out;
}

describe("CI examples", () => {
  it("docs/ci/github-actions.yml is a workflow by SchemaStore's schema, and one with a typo is not", () => {
    const data = parse(readFileSync(join(root, "docs/ci/github-actions.yml"), "utf8"));
    const imp = 'import type { HttpsJsonSchemastoreOrgGithubWorkflowJson as W } from "@schemastore/github-workflow";';
    const good = typeCheck("good", imp, "W", data);
    expect(good.ok, good.out).toBe(true);
    data.jobs.shard["runs-onn"] = data.jobs.shard["runs-on"];
    delete data.jobs.shard["runs-on"];
    expect(typeCheck("bad", imp, "W", data).ok, "a misspelt key must be refused").toBe(false);
  }, 60_000);

  it("docs/ci/gitlab-ci.yml uses only GitLab's documented keywords and values, and a typo is caught", () => {
    const data = parse(readFileSync(join(root, "docs/ci/gitlab-ci.yml"), "utf8"));
    expect(gitlabProblems(data)).toEqual([]);
    data["network-tests"].paralel = 4;
    data["network-report"].rules[0].when = "allways";
    expect(gitlabProblems(data)).toEqual(["network-tests.paralel: not a job keyword", "network-report.rules.when: allways"]);
  });

  it("both shard with --shard and merge with wirecheck merge", () => {
    for (const f of ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"]) {
      const text = readFileSync(join(root, f), "utf8");
      expect(text).toMatch(/--shard /);
      expect(text).toMatch(/ merge /);
    }
  });
});
