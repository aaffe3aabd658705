import { reachEndpoint, reachHost, reachUrl, type Reach } from "../scenario/destination.js";
import type { Plan, PlanStep } from "../scenario/model.js";
import { labNetworks } from "../scenario/plan-lab.js";

/**
 * A destination written with saved values, resolved now that they are filled in, by the rules load applies to a
 * literal one: a value that points outside the lab fails the step before anything is sent.
 */
export function resolveLate(plan: Plan, step: PlanStep): PlanStep | string {
  const late = step.resolved.late;
  if (!late) return step;
  const reach: Reach = { hosts: plan.hosts, labNets: labNetworks(plan), implicitLab: plan.implicitLab };
  const text = String(late.text);
  const r = late.field === "url" ? reachUrl(text, reach) : late.field === "endpoint" ? reachEndpoint(text, reach) : reachHost(text, reach);
  if ("problem" in r) return `nothing was sent: with the saved values filled in, ${r.problem}`;
  return { ...step, resolved: { ...step.resolved, [late.field]: r.ok } };
}
