import { durationMs } from "../../util/duration.js";
import type { StepRunner } from "../types.js";

/** `wait: 2s`: the time passes, and the step passes (an interrupt ends it at once, like any step). */
export const runWait: StepRunner = async ({ step }) => {
  const ms = durationMs(step.spec as unknown as string, 0);
  await new Promise((r) => setTimeout(r, ms));
  return { status: "passed", details: `waited ${ms} ms` };
};
