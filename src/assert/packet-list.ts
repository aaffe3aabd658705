import type { Packet } from "../packet/index.js";
import type { PacketListExpect } from "../scenario/model.js";
import { checkPacket, closest, type PacketExpect } from "./packet.js";
import { matchValue } from "./value.js";

/**
 * Expectations on captured packets: count (number or comparison), any (at least one matches), none (none matches),
 * each (all match, and at least one was seen), sequence (matches in this order, others allowed between). Returns one line per broken one, and
 * the packet that best shows what went wrong (the one breaking none/each, the closest for any).
 */
export function checkPacketList(packets: Packet[], e: PacketListExpect, total = packets.length): { problems: string[]; evidence?: Packet } {
  const problems: string[] = [];
  let evidence: Packet | undefined;
  // count is of every packet captured (total), kept or not.
  if (e.count !== undefined) {
    const m = matchValue(e.count, total);
    if (!m.ok) problems.push(`count: expected ${m.expected}, got ${total}`);
  }
  if (e.any) {
    if (!packets.some((p) => checkPacket(p, e.any as PacketExpect).ok)) {
      const near = closest(packets, e.any as PacketExpect);
      problems.push(`any: no packet matches ${show(e.any)}${near ? `; closest: ${near.packet.summary()} (${near.check.problems.join("; ")})` : " (no packet seen)"}`);
      evidence ??= near?.packet;
    }
  }
  if (e.none) {
    const bad = packets.filter((p) => checkPacket(p, e.none as PacketExpect).ok);
    if (bad.length) {
      problems.push(`none: ${bad.length} packet(s) match ${show(e.none)}, first: ${bad[0].summary()}`);
      evidence = bad[0];
    }
  }
  if (e.each) {
    // "Every packet matches" of no packet at all would hold whatever was expected: it does not.
    if (packets.length === 0) problems.push(`each: no packet to check (${total ? `${total} seen, none kept` : "none seen"}): each needs at least one`);
    const bad = packets.map((p) => ({ p, c: checkPacket(p, e.each as PacketExpect) })).filter((x) => !x.c.ok);
    if (bad.length) {
      problems.push(`each: ${bad.length} of ${packets.length} packet(s) do not match, first: ${bad[0].p.summary()} (${bad[0].c.problems.join("; ")})`);
      evidence ??= bad[0].p;
    }
  }
  if (e.sequence) {
    let i = 0;
    let after = 0;
    packets.forEach((p, k) => {
      if (i < e.sequence!.length && checkPacket(p, e.sequence![i] as PacketExpect).ok) (i++, (after = k + 1));
    });
    if (i < e.sequence.length) {
      // The packet nearest to the missing one among those after the last match: usually the one that went wrong.
      const rest = packets.slice(after);
      const near = closest(rest, e.sequence[i] as PacketExpect);
      const where = i > 0 ? ` after packet ${after}` : "";
      problems.push(`sequence: matched ${i} of ${e.sequence.length} in order; missing ${show(e.sequence[i])}${where}${near ? `; closest: packet ${after + rest.indexOf(near.packet) + 1}, ${near.packet.summary()} (${near.check.problems.join("; ")})` : rest.length ? "" : " (no packet after it)"}`);
      evidence ??= near?.packet;
    }
  }
  return { problems, evidence };
}

function show(e: unknown): string {
  return JSON.stringify(e);
}
