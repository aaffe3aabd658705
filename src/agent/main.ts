#!/usr/bin/env node
// wirecheck agent: serves one lab host at a time, from inside its namespace, and owns everything that touches its
// network. It starts parked (argv: wirecheck-agent <parking namespace>), is sent into a host for a scenario and back
// after it (placement.ts), reads requests from stdin and exits, taking its servers with it, as soon as the controller
// is gone.
import "../node-warnings.js";
import { createInterface } from "node:readline";
import { actions, preloadWire, resetAll, shutdownAll } from "./actions.js";
import { enter, leave, placement, type EnterArgs } from "./placement.js";
import type { AgentContext, AgentMessage, Request } from "./protocol.js";

const park = process.argv[3];
const send = (m: AgentMessage) => process.stdout.write(JSON.stringify(m) + "\n");
const ctx: AgentContext = { dir: process.cwd(), work: process.cwd(), emit: send, halted: false };

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
  if (req.op === "halt") {
    ctx.halted = true;
    return send({ id: req.id, ok: true, result: null });
  }
  if (req.op === "shutdown") {
    send({ id: req.id, ok: true, result: null });
    return void exit(0);
  }
  const action = req.op === "enter" ? async (a: EnterArgs) => enter(a, ctx) : req.op === "leave" ? toPark : actions[req.op];
  if (!action) return send({ id: req.id, ok: false, error: `unknown agent operation ${req.op}` });
  // Nothing touches a network before the agent is inside a lab host.
  if (req.op !== "enter" && !placement()) return send({ id: req.id, ok: false, error: `the agent serves no host yet (${req.op})` });
  try {
    send({ id: req.id, ok: true, result: await action(req.args, ctx) });
  } catch (e) {
    send({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
/** The host's scenario is over: everything it started stops, what the agent learnt of it is forgotten. */
async function toPark(): Promise<null> {
  await resetAll();
  leave(park);
  ctx.halted = false;
  return null;
}

// The controller is gone (closed pipe, crash, kill -9): stop everything and leave.
lines.on("close", () => void exit(0));
process.stdout.on("error", () => void exit(0));
for (const sig of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(sig, () => void exit(0));
send({ event: "log", message: "ready", pid: process.pid });
setImmediate(preloadWire);
