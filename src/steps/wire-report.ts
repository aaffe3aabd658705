import { dissect, type Packet } from "../packet/index.js";
import { hexdump } from "../util/text.js";
import type { WirePacket } from "../wire/sr.js";
import type { Plan } from "../scenario/model.js";
import { checkPacketExpr } from "../scenario/packet-expr.js";

/** A packet the agent saw or sent, readable again on this side. */
export function packetOf(w: WirePacket): Packet {
  return dissect(Buffer.from(w.hex, "hex"), { link: w.link });
}

/** Summary line and hexdump, as a failing packet step shows it. */
export function packetDump(p: Packet): string {
  return `${p.summary()}\n${hexdump(p.bytes, 256)}`;
}

/**
 * The packet a step sends, checked again now that saved values are in it: a destination that came from a saved
 * value was not known before the run, and packets go only to the lab.
 */
export function labPacket(plan: Plan, expr: string): string {
  const problem = checkPacketExpr(expr, expr, plan.hosts.flatMap((h) => h.addrs));
  if (problem) throw new Error(problem.message);
  return expr;
}
