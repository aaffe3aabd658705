import { matchValue } from "../../assert/value.js";
import type { HttpStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import { type StepRunner, type Verdict } from "../types.js";
import { jsonAt, saveInto } from "../save.js";
import type { SaveSpec } from "../../scenario/save-sources.js";
import type { HttpStepArgs, HttpStepResult } from "./agent.js";

export const runHttp: StepRunner = async ({ step, agent, vars }): Promise<Verdict> => {
  const h = step.spec as HttpStep;
  const timeoutMs = durationMs(h.timeout, 5000);
  const args: HttpStepArgs = {
    url: step.resolved.url!,
    method: (h.request?.method ?? "GET").toUpperCase(),
    headers: Object.fromEntries(Object.entries(h.request?.headers ?? {}).map(([k, v]) => [k, String(v)])),
    body: h.request?.body,
    timeoutMs,
  };
  const shownUrl = h.get ?? h.request!.url;
  const r = await agent(step.host).request<HttpStepResult>("http", args, timeoutMs + 5000);
  if (!r.ok) return { status: "failed", message: `${args.method} ${shownUrl} got no response: ${r.error}`, details: `expected: a response\n     got: ${r.error}` };
  const checks: [string, ReturnType<typeof matchValue>][] = [];
  const e = h.expect ?? {};
  checks.push(["status", matchValue(e.status ?? "< 400", r.status)]);
  if (e.body !== undefined) checks.push(["body", matchValue(e.body, r.body)]);
  for (const [name, m] of Object.entries(e.headers ?? {})) checks.push([`header ${name}`, matchValue(m, r.headers[name.toLowerCase()])]);
  let doc: unknown;
  let notJson: string | undefined;
  try {
    doc = JSON.parse(r.body);
  } catch (err) {
    notJson = (err as Error).message;
  }
  for (const [path, m] of Object.entries(e.json ?? {})) {
    if (notJson !== undefined) {
      checks.push([`json ${path}`, { ok: false, expected: "a JSON body", got: `a body that is not JSON (${notJson})` }]);
      break;
    }
    const v = jsonAt(doc, path);
    checks.push([`json ${path || "(the document)"}`, matchValue(m, v !== null && typeof v === "object" ? JSON.stringify(v) : v)]);
  }
  const bad = checks.filter(([, c]) => !c.ok);
  if (bad.length === 0) {
    const read = (src: string) =>
      src === "status" ? r.status : src === "body" ? r.body : src.startsWith("header.") ? r.headers[src.slice(7).toLowerCase()] : src.startsWith("json.") && notJson === undefined ? jsonAt(doc, src.slice(5)) : undefined;
    const unsaved = saveInto(h.save as SaveSpec | undefined, read, "body", vars);
    if (!unsaved) return { status: "passed" };
    checks.push(["save", { ok: false, expected: "a value to save", got: unsaved }]);
  }
  const lines = checks.filter(([, c]) => !c.ok).map(([what, c]) => `${what}: expected ${c.expected}, got ${c.got}`);
  const response = `HTTP ${r.status}\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${r.body.slice(0, 2000)}`;
  return { status: "failed", message: `${args.method} ${shownUrl}: ${lines.join("; ")}`, details: `${lines.join("\n")}\n\nresponse:\n${response}` };
};

