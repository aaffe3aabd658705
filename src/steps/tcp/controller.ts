import { isAbsolute, join } from "node:path";
import { describeBytes } from "../../assert/bytes.js";
import type { TcpStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import { hexdump, quoted } from "../../util/text.js";
import { payloadChunks } from "../payload.js";
import { failed, passed, type StepRunner } from "../types.js";
import type { TcpStepArgs, TcpStepResult } from "./agent.js";
import { saveInto, text } from "../save.js";
import type { SaveSpec } from "../../scenario/save-sources.js";

export const runTcp: StepRunner = async ({ step, plan, agent, vars }) => {
  const t = step.spec as TcpStep;
  const timeoutMs = durationMs(t.timeout, 5000);
  const args: TcpStepArgs = {
    endpoint: step.resolved.endpoint,
    session: t.session,
    as: t.as,
    send: payloadChunks(t.send),
    sendFile: t.send_file === undefined ? undefined : isAbsolute(t.send_file) ? t.send_file : join(plan.dir, t.send_file),
    expect: t.expect,
    expectClose: t.expect_close,
    expectNoneMs: t.expect_none === undefined ? undefined : durationMs(t.expect_none, 0),
    expectError: t.expect_error,
    timeoutMs,
    step: step.name,
  };
  const budget = timeoutMs * 3 + (args.expectNoneMs ?? 0) + 5000;
  const r = await agent(step.host).request<TcpStepResult>("tcp", args, budget);
  const aside = r.setAside ? Buffer.from(r.setAside.bytes, "base64") : undefined;
  const asideNote = aside ? `set aside ${aside.length} byte${aside.length > 1 ? "s" : ""} that ${r.setAside!.from ? `step \`${r.setAside!.from}\`` : "an earlier step"} left unread: ${quoted(aside, 80)}` : "";
  if (r.ok) {
    const data = r.matched ? Buffer.from(r.matched, "base64") : Buffer.alloc(0);
    const unsaved = saveInto(t.save as SaveSpec | undefined, (src) => (src === "data" ? text(data) : undefined), "data", vars);
    if (unsaved) return { status: "failed", message: unsaved, details: `received: ${quoted(data)}` };
    return asideNote ? { status: "passed", details: asideNote } : passed;
  }
  const where = t.connect ?? `session ${t.session}`;
  const got = r.got ? Buffer.from(r.got, "base64") : Buffer.alloc(0);
  const dump = [got.length ? `received (${got.length} bytes):\n${hexdump(got)}` : "", asideNote].filter(Boolean).join("\n\n");
  switch (r.phase) {
    case "connect":
      return failed(`cannot connect to ${where}: ${r.outcome ?? r.detail}`, "a connection", `${r.outcome ?? "error"} (${r.detail})`);
    case "expect_error":
      return failed(`expected the connection to ${where} to be ${t.expect_error}, it was ${r.outcome}`, t.expect_error!, `${r.outcome}${r.detail ? ` (${r.detail})` : ""}`);
    case "send":
      return failed(`sending to ${where} failed: ${r.detail}`, "the data sent", `${r.outcome}: ${r.detail}`);
    case "expect":
      return failed(`expected ${describeBytes(t.expect!)} from ${where}, ${got.length ? `got ${quoted(got, 80)}` : "got nothing"}`, describeBytes(t.expect!), `${got.length ? quoted(got) : "nothing"} — ${r.detail}`, dump);
    case "expect_none":
      return failed(`expected nothing from ${where} for ${t.expect_none}, got ${quoted(got, 80)}`, `nothing for ${t.expect_none}`, quoted(got), dump);
    default:
      return failed(`expected ${where} to close, ${r.detail}`, "the peer closes the connection", r.detail ?? "still open", dump);
  }
};
