import { matchValue } from "../../assert/value.js";
import type { ExecStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import { printable } from "../../util/text.js";
import type { StepRunner, Verdict } from "../types.js";
import { saveInto } from "../save.js";
import type { SaveSpec } from "../../scenario/save-sources.js";
import type { ExecStepArgs, ExecStepResult } from "./agent.js";

export const runExec: StepRunner = async ({ step, agent, vars }): Promise<Verdict> => {
  const x = step.spec as ExecStep;
  const timeoutMs = durationMs(x.timeout, 30_000);
  const args: ExecStepArgs = { run: x.run, env: Object.fromEntries(Object.entries(x.env ?? {}).map(([k, v]) => [k, String(v)])), timeoutMs };
  const r = await agent(step.host).request<ExecStepResult>("exec", args, timeoutMs + 5000);
  const output = `$ ${x.run}\n[exit ${r.signal ?? r.exit}${r.timedOut ? `, killed after ${timeoutMs} ms` : ""}]\n--- stdout ---\n${printable(r.stdout)}\n--- stderr ---\n${printable(r.stderr)}`;
  if (r.timedOut) return { status: "failed", message: `\`${x.run}\` did not finish within ${timeoutMs} ms`, details: output };
  const e = x.expect ?? {};
  const checks: [string, ReturnType<typeof matchValue>][] = [["exit", matchValue(e.exit ?? 0, r.exit ?? r.signal)]];
  // As the shell's $(…) reads output: the newlines at its end are not part of the text (`stdout: hello` matches
  // `echo hello`); a carriage return stays, as $(…) keeps it.
  const text = (out: string) => out.replace(/\n+$/, "");
  if (e.stdout !== undefined) checks.push(["stdout", matchValue(e.stdout, text(r.stdout))]);
  if (e.stderr !== undefined) checks.push(["stderr", matchValue(e.stderr, text(r.stderr))]);
  const bad = checks.filter(([, c]) => !c.ok);
  if (bad.length === 0) {
    const read = (src: string) => (src === "stdout" ? text(r.stdout) : src === "stderr" ? text(r.stderr) : src === "exit" ? (r.exit ?? r.signal) : undefined);
    const unsaved = saveInto(x.save as SaveSpec | undefined, read, "stdout", vars);
    return unsaved ? { status: "failed", message: unsaved, details: output } : { status: "passed", details: output };
  }
  const lines = bad.map(([what, c]) => `${what}: expected ${c.expected}, got ${c.got}`);
  return { status: "failed", message: `\`${x.run}\`: ${lines.join("; ")}`, details: `${lines.join("\n")}\n\n${output}` };
};

