import { conditionsOf, pickConditions } from "../../scenario/plan-lab.js";
import type { LinkStep } from "../../scenario/model.js";
import type { StepRunner } from "../types.js";

/** `link: {name, state | set | clear}`: changes a link of the lab; it passes when the change is made. */
export const runLink: StepRunner = async ({ step, link }) => {
  const l = step.spec as LinkStep;
  const target = link(l.name);
  if (l.state !== undefined) return { status: "passed", details: await target.setState(l.state) };
  // A direction's own conditions add to (and override) the set's.
  const from = Object.fromEntries(Object.entries(l.set?.from ?? {}).map(([h, c]) => [h, conditionsOf({ ...pickConditions(l.set ?? {}), ...c })]));
  const what = target.setConditions(conditionsOf(l.clear ? {} : (l.set ?? {})), from);
  return { status: "passed", details: `link ${l.name}: ${what}` };
};
