import { describeBytes, matchBytes } from "../../assert/bytes.js";
import { saveInto, text } from "../save.js";
import type { SaveSpec } from "../../scenario/save-sources.js";
import type { UdpStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import { hexdump, quoted } from "../../util/text.js";
import { payloadChunks } from "../payload.js";
import { failed, passed, type StepRunner, type Verdict } from "../types.js";
import type { UdpStepArgs, UdpStepResult } from "./agent.js";

export const runUdp: StepRunner = async ({ step, agent, vars }): Promise<Verdict> => {
  const u = step.spec as UdpStep;
  const timeoutMs = durationMs(u.timeout, 5000);
  const args: UdpStepArgs = {
    endpoint: step.resolved.endpoint!,
    send: payloadChunks(u.send),
    expect: u.expect,
    expectNoneMs: u.expect_none === undefined ? undefined : durationMs(u.expect_none, 0),
    timeoutMs,
  };
  const r = await agent(step.host).request<UdpStepResult>("udp", args, timeoutMs + (args.expectNoneMs ?? 0) + 5000);
  const got = r.got.map((g) => Buffer.from(g, "base64"));
  if (r.ok) {
    // What save: reads: the datagram that met the expectation.
    const data = (u.expect === undefined ? got[0] : got.find((g) => matchBytes(u.expect!, g).matched)) ?? Buffer.alloc(0);
    const unsaved = saveInto(u.save as SaveSpec | undefined, (src) => (src === "data" ? text(data) : undefined), "data", vars);
    return unsaved ? { status: "failed", message: unsaved, details: `received: ${quoted(data)}` } : passed;
  }
  const shown = got.length ? got.map((g, i) => `datagram ${i + 1} (${g.length} bytes): ${quoted(g)}\n${hexdump(g)}`).join("\n") : "";
  if (r.phase === "send") return { status: "error", message: `cannot send to ${u.to}: ${r.detail}` };
  if (r.phase === "expect_none")
    return failed(`expected no datagram from ${u.to} for ${u.expect_none}, got ${quoted(got[0], 80)}`, `nothing for ${u.expect_none}`, `${got.length} datagram(s)`, shown);
  return failed(
    `expected ${describeBytes(u.expect!)} from ${u.to}, ${got.length ? `got ${quoted(got[0], 80)}` : "got nothing"}`,
    describeBytes(u.expect!),
    got.length ? got.map((g) => quoted(g)).join(", ") : `nothing within ${timeoutMs} ms`,
    shown,
  );
};
