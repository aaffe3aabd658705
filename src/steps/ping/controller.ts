import { isIP } from "node:net";
import { matchValue } from "../../assert/value.js";
import type { PingStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { SrResult } from "../../wire/sr.js";
import type { StepRunner } from "../types.js";

/** Echo requests with one id and rising sequence numbers; each reply is matched to its request. */
export const runPing: StepRunner = async ({ step, agent }) => {
  const s = step.spec as PingStep;
  const count = s.count ?? 3;
  const to = step.resolved.to!;
  const id = 0x7700 + (process.pid & 0xff);
  const packet = isIP(to) === 6 ? `IPv6(dst="${to}")/ICMPv6EchoRequest(id=${id}, seq=(1, ${count}), data=b"wirecheck")` : `IP(dst="${to}")/ICMP(id=${id}, seq=(1, ${count}))/b"wirecheck"`;
  const timeoutMs = durationMs(s.timeout, 1000);
  const r = await agent(step.host).request<SrResult>("wire.sr", { packet, layer: 3, timeoutMs, first: false, intervalMs: durationMs(s.interval, 10) }, timeoutMs + count * 1000 + 10_000);
  const rtts = r.answers.map((a) => a.rttMs);
  const received = r.answers.length;
  const summary = `${count} sent, ${received} received, ${Math.round((100 * (count - received)) / count)}% loss${rtts.length ? `, rtt min/avg/max ${Math.min(...rtts).toFixed(3)}/${(rtts.reduce((a, b) => a + b, 0) / rtts.length).toFixed(3)}/${Math.max(...rtts).toFixed(3)} ms` : ""}`;
  const problems: string[] = [];
  const e = s.expect ?? {};
  const rec = matchValue(e.received ?? count, received);
  if (!rec.ok) problems.push(`received: expected ${rec.expected}, got ${received}`);
  if (e.rtt !== undefined)
    for (const rtt of rtts) {
      const m = matchValue(e.rtt, rtt);
      if (!m.ok) {
        problems.push(`rtt: expected ${m.expected}, got ${rtt.toFixed(3)}ms`);
        break;
      }
    }
  return problems.length ? { status: "failed", message: `ping ${to}: ${problems.join("; ")}`, details: `${problems.join("\n")}\n\n${summary}` } : { status: "passed", details: summary };
};
