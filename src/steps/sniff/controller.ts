import { checkPacketList } from "../../assert/packet-list.js";
import type { SniffStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { SniffResult } from "../../wire/sniff.js";
import type { StepRunner, Verdict } from "../types.js";
import { judgeCapture, sniffedPackets } from "./judge.js";

/** The capture is armed (and confirmed by the agent) before the while steps run: no race with what they send. */
export const runSniff: StepRunner = async ({ step, agent, runChild }): Promise<Verdict> => {
  const s = step.spec as SniffStep;
  const a = agent(step.host);
  const { id } = await a.request<{ id: number }>("wire.sniffStart", { filter: s.filter }, 10_000);
  const childLines: string[] = [];
  let childFailed = false;
  let capture: SniffResult | undefined;
  try {
    for (const child of step.children) {
      const v = await runChild(child);
      childLines.push(`${v.status === "passed" ? "✔" : "✖"} ${child.name}${v.message ? `: ${v.message}` : ""}`);
      if (v.status !== "passed") childFailed = true;
    }
    await listen(a, id, s, durationMs(s.timeout, step.children.length ? 1000 : 2000));
  } finally {
    capture = await a.request<SniffResult>("wire.sniffStop", { id }, 10_000);
  }
  const { problems, details } = judgeCapture(capture, s.expect, `${step.host}${s.filter ? ` (filter: ${s.filter})` : ""}`, {
    preface: childLines.length ? `while:\n${childLines.map((l) => `  ${l}`).join("\n")}\n\n` : "",
    problems: childFailed ? ["a step run while sniffing did not pass"] : [],
    reassemble: s.reassemble,
  });
  return problems.length ? { status: "failed", message: problems.join("; "), details } : { status: "passed", details };
};

/**
 * Listens for the sniff's timeout, but stops as soon as the outcome is settled: when only `any` is asked (more
 * packets cannot undo it) and it already holds. count, none and each need the whole window, and so does sequence:
 * frames still on their way from another interface may belong before those seen so far.
 */
async function listen(a: { request<T>(op: string, args: unknown, timeoutMs?: number): Promise<T> }, id: number, s: SniffStep, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const settles = s.expect.count === undefined && s.expect.none === undefined && s.expect.each === undefined && s.expect.sequence === undefined && s.expect.any !== undefined;
  const seen: { hex: string }[] = [];
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(100, Math.max(0, deadline - Date.now()))));
    if (!settles) continue;
    const { frames } = await a.request<{ frames: { hex: string }[] }>("wire.sniffPeek", { id, from: seen.length }, 10_000);
    seen.push(...frames);
    // Reassembled from everything so far: a datagram or stream may complete with the latest frames.
    if (checkPacketList(sniffedPackets(seen, s.reassemble).packets, s.expect).problems.length === 0) return;
  }
}
