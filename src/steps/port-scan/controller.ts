import type { PortScanStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { SrResult } from "../../wire/sr.js";
import type { StepRunner } from "../types.js";
import { packetOf } from "../wire-report.js";
import { parsePorts, type PortSpec } from "./ports.js";

/** The ports of a scan, ranges expanded, in order, each once (checked at load, so never a message here). */
export function scanPorts(ports: PortSpec): number[] {
  const out = parsePorts(ports);
  if (typeof out === "string") throw new Error(`port_scan: ${out}`);
  return out;
}

export const runPortScan: StepRunner = async ({ step, agent }) => {
  const s = step.spec as PortScanStep;
  const to = step.resolved.to!;
  const ports = scanPorts(s.ports);
  const v6 = to.includes(":");
  const packet = `${v6 ? "IPv6" : "IP"}(dst="${to}")/TCP(sport=${40000 + (process.pid % 20000)}, dport=[${ports.join(", ")}], flags="S", seq=1)`;
  const timeoutMs = durationMs(s.timeout, 1000);
  const r = await agent(step.host).request<SrResult>("wire.sr", { packet, layer: 3, timeoutMs, first: false }, timeoutMs + 30_000);
  const state = new Map<number, "open" | "closed" | "filtered">(ports.map((p) => [p, "filtered"]));
  for (const a of r.answers) {
    const reply = packetOf(a.reply);
    const flags = reply.get("TCP.flags");
    if (typeof flags === "number") state.set(ports[a.request], (flags & 0x12) === 0x12 ? "open" : flags & 0x04 ? "closed" : "filtered");
  }
  const of = (k: string) => ports.filter((p) => state.get(p) === k);
  const found = { open: of("open"), closed: of("closed"), filtered: of("filtered") };
  const details = `scan of ${to}: open [${found.open.join(", ")}], closed ${found.closed.length} port(s), filtered ${found.filtered.length} port(s)`;
  const problems: string[] = [];
  for (const k of ["open", "closed", "filtered"] as const) {
    const want = s.expect?.[k];
    if (!want) continue;
    const w = [...new Set(want)].sort((a, b) => a - b);
    if (w.length !== found[k].length || w.some((p, i) => p !== found[k][i])) problems.push(`${k}: expected [${w.join(", ")}], got [${found[k].join(", ")}]`);
  }
  return problems.length ? { status: "failed", message: problems.join("; "), details: `${problems.join("\n")}\n\n${details}` } : { status: "passed", details };
};
