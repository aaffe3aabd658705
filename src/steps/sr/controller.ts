import { checkPacket, closest, type PacketExpect } from "../../assert/packet.js";
import { matchValue } from "../../assert/value.js";
import type { Sr1Step } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { SrArgs, SrResult } from "../../wire/sr.js";
import type { StepRunner, Verdict } from "../types.js";
import { packetDump, packetOf, labPacket } from "../wire-report.js";
import { firstValueAt } from "../../packet/path.js";

/** sr1 / srp1 (one reply checked) and sr / srp (answered, unanswered, each). */
export const runSr: StepRunner = async ({ plan, step, agent, vars }): Promise<Verdict> => {
  const s = step.spec as Sr1Step;
  const kind = step.kind as "sr1" | "sr" | "srp1" | "srp";
  const first = kind === "sr1" || kind === "srp1";
  const timeoutMs = durationMs(s.timeout, 2000);
  const args: SrArgs = {
    packet: labPacket(plan, step.resolved.packet!),
    layer: kind.startsWith("srp") ? 2 : 3,
    iface: s.iface,
    timeoutMs,
    retry: s.retry,
    first,
    intervalMs: s.interval === undefined ? undefined : durationMs(s.interval, 0),
  };
  const r = await agent(step.host).request<SrResult>("wire.sr", args, (timeoutMs + 2000) * ((s.retry ?? 0) + 1) + 10_000);
  const sent = r.sent.map(packetOf);
  const seen = r.seen.map(packetOf);
  const seenText = (seen.length ? `seen instead (${seen.length}):\n${seen.map((p) => `  ${p.summary()}`).join("\n")}` : "nothing else was seen") + r.notes.map((n) => `\n${n}`).join("");
  const expect = (s.expect ?? {}) as Record<string, unknown>;

  if (first) {
    const a = r.answers[0];
    if (!a) {
      const near = closest(seen, expect as PacketExpect);
      return {
        status: "failed",
        message: `no reply to ${sent[0].summary()} within ${timeoutMs} ms`,
        details: `expected: a reply to\n  ${packetDump(sent[0]).replace(/\n/g, "\n  ")}\n     got: no answer\n\n${seenText}${near ? `\n\nclosest:\n${packetDump(near.packet)}` : ""}`,
      };
    }
    const reply = packetOf(a.reply);
    const check = checkPacket(reply, expect as PacketExpect, { rttMs: a.rttMs });
    if (check.ok) {
      for (const [name, path] of Object.entries(s.save ?? {})) {
        const v = firstValueAt(reply, path);
        if (typeof v === "number" || typeof v === "string") vars.set(name, v);
        else return { status: "failed", message: `save ${name}: the reply has no ${path}`, details: packetDump(reply) };
      }
      return { status: "passed", details: `sent: ${sent[0].summary()}\nreply: ${reply.summary()} (rtt ${a.rttMs.toFixed(3)} ms)` };
    }
    return {
      status: "failed",
      message: `reply to ${sent[0].summary()}: ${check.problems.join("; ")}`,
      details: `${check.problems.map((p) => `  ${p}`).join("\n")}\n\nsent:\n${packetDump(sent[0])}\n\nreply (rtt ${a.rttMs.toFixed(3)} ms):\n${packetDump(reply)}`,
    };
  }

  const problems: string[] = [];
  if (expect.answered !== undefined) {
    const m = matchValue(expect.answered as string | number, r.answers.length);
    if (!m.ok) problems.push(`answered: expected ${m.expected}, got ${m.got}`);
  }
  if (expect.unanswered !== undefined) {
    const m = matchValue(expect.unanswered as string | number, r.unanswered.length);
    if (!m.ok) problems.push(`unanswered: expected ${m.expected}, got ${m.got}`);
  }
  // Said neither way, every packet is to be answered (as ping's received): a set half of which went unanswered
  // does not pass by saying nothing about it.
  if (expect.answered === undefined && expect.unanswered === undefined && r.unanswered.length)
    problems.push(`answered: expected all ${sent.length} (the default: give answered or unanswered to allow fewer), got ${r.answers.length}`);
  if (expect.each !== undefined && r.answers.length === 0) problems.push("each: no reply to check: each needs at least one");
  const each = (expect.each ?? {}) as PacketExpect;
  for (const a of r.answers) {
    const reply = packetOf(a.reply);
    const c = checkPacket(reply, each, { rttMs: a.rttMs });
    if (!c.ok) problems.push(`reply ${reply.summary()}: ${c.problems.join("; ")}`);
  }
  const table = r.answers.map((a) => `  ${sent[a.request].summary()}  →  ${packetOf(a.reply).summary()} (${a.rttMs.toFixed(3)} ms)`).join("\n");
  const details = `${r.answers.length} answered, ${r.unanswered.length} unanswered\n${table}${r.unanswered.length ? `\nunanswered:\n${r.unanswered.map((i) => `  ${sent[i].summary()}`).join("\n")}` : ""}`;
  return problems.length ? { status: "failed", message: problems.join("; "), details: `${problems.join("\n")}\n\n${details}` } : { status: "passed", details };
};
