import type { SendStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { WirePacket } from "../../wire/sr.js";
import type { StepRunner } from "../types.js";
import { labPacket } from "../wire-report.js";

/** send (layer 3, routed) and sendp (layer 2): nothing is expected back. */
export const runSend: StepRunner = async ({ plan, step, agent }) => {
  const s = step.spec as SendStep;
  const r = await agent(step.host).request<{ sent: number; ms: number; first: WirePacket }>(
    "wire.send",
    { packet: labPacket(plan, step.resolved.packet!), layer: step.kind === "sendp" ? 2 : 3, iface: s.iface, count: s.count, rate: s.rate, intervalMs: s.interval === undefined ? undefined : durationMs(s.interval, 0) },
    60_000 + (s.count ?? 1) * (s.interval === undefined ? 0 : durationMs(s.interval, 0)) + (s.rate ? ((s.count ?? 1) * 1000) / s.rate : 0),
  );
  return { status: "passed", details: `sent ${r.sent} packet(s) in ${r.ms.toFixed(1)} ms: ${r.first.summary}` };
};
