import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { matchValue } from "../../assert/value.js";
import type { FileStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { StepRunner, Verdict } from "../types.js";
import type { FileStepArgs, FileStepResult } from "./agent.js";

export const runFile: StepRunner = async ({ step, plan, agent, work }): Promise<Verdict> => {
  const f = step.spec as FileStep;
  const timeoutMs = durationMs(f.timeout, 2000);
  const args: FileStepArgs = { path: join(work, f.path), timeoutMs };
  const r = await agent(step.host).request<FileStepResult>("file", args, timeoutMs + 5000);
  if (!r.exists) return { status: "failed", message: `${f.path} does not exist on ${step.host}`, details: `expected: the file ${args.path}\n     got: no such file after ${timeoutMs} ms` };
  const problems: string[] = [];
  if (f.same_as !== undefined) {
    const ref = readFileSync(isAbsolute(f.same_as) ? f.same_as : join(plan.dir, f.same_as));
    const sha = createHash("sha256").update(ref).digest("hex");
    if (sha !== r.sha256) problems.push(`same_as ${f.same_as}: expected ${ref.length} bytes with sha256 ${sha}, got ${r.size} bytes with sha256 ${r.sha256}`);
  }
  if (f.sha256 !== undefined && f.sha256.toLowerCase() !== r.sha256) problems.push(`sha256: expected ${f.sha256.toLowerCase()}, got ${r.sha256}`);
  if (f.contains !== undefined && !r.text.includes(Buffer.from(f.contains).toString("latin1"))) problems.push(`contains: expected the text ${JSON.stringify(f.contains)}, not found in ${r.size} bytes`);
  if (f.size !== undefined) {
    const m = matchValue(f.size, r.size);
    if (!m.ok) problems.push(`size: expected ${m.expected}, got ${m.got}`);
  }
  if (problems.length === 0) return { status: "passed" };
  return { status: "failed", message: `${f.path}: ${problems[0]}`, details: problems.join("\n") };
};
