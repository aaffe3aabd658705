import type { AgentClient } from "../agent/client.js";
import type { LabLink } from "../lab/links.js";
import type { Plan, PlanStep } from "../scenario/model.js";

/** What a step's controller side gets to work with. */
export interface StepContext {
  plan: Plan;
  step: PlanStep;
  agent(host: string): AgentClient;
  /** The scenario's work folder (what servers and commands produce). */
  work: string;
  /** Values saved by earlier steps (sr1's save:), for ${name} in packets. */
  vars: Map<string, string | number>;
  /** A link of the lab, by name (link steps). */
  link(name: string): LabLink;
  /** Runs a nested step (sniff's while) as the runner runs any step. */
  runChild(step: PlanStep): Promise<Verdict>;
}

/** A step's outcome: `failed` when an expectation did not hold, `error` when the step could not be carried out. */
export interface Verdict {
  status: "passed" | "failed" | "error";
  /** One line for the listr view and the JUnit message attribute. */
  message?: string;
  /** The full explanation: expected, got, data dumps. */
  details?: string;
}

export type StepRunner = (ctx: StepContext) => Promise<Verdict>;

export const passed: Verdict = { status: "passed" };

export function failed(message: string, expected: string, got: string, more = ""): Verdict {
  return { status: "failed", message, details: `expected: ${expected}\n     got: ${got}${more ? `\n\n${more}` : ""}` };
}
