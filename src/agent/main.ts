#!/usr/bin/env node
// wirecheck agent: runs inside one lab host's namespace and owns everything that touches its network.
// It reads requests from stdin and exits, taking its servers with it, as soon as the controller is gone.
import "../node-warnings.js";
import { createInterface } from "node:readline";
import { actions, preloadWire, shutdownAll } from "./actions.js";
import type { AgentContext, AgentMessage, Request } from "./protocol.js";

const [dir, work] = [process.env.WIRECHECK_DIR ?? process.cwd(), process.env.WIRECHECK_WORK ?? process.cwd()];
const send = (m: AgentMessage) => process.stdout.write(JSON.stringify(m) + "\n");
const ctx: AgentContext = { dir, work, emit: send };

let exiting = false;
async function exit(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  await shutdownAll().catch(() => undefined);
  process.exit(code);
}

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  let req: Request;
  try {
    req = JSON.parse(line) as Request;
  } catch {
    return;
  }
  if (req.op === "shutdown") {
    send({ id: req.id, ok: true, result: null });
    return void exit(0);
  }
  const action = actions[req.op];
  if (!action) return send({ id: req.id, ok: false, error: `unknown agent operation ${req.op}` });
  try {
    send({ id: req.id, ok: true, result: await action(req.args, ctx) });
  } catch (e) {
    send({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
// The controller is gone (closed pipe, crash, kill -9): stop everything and leave.
lines.on("close", () => void exit(0));
process.stdout.on("error", () => void exit(0));
for (const sig of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(sig, () => void exit(0));
send({ event: "log", message: "ready", pid: process.pid });
setImmediate(preloadWire);
