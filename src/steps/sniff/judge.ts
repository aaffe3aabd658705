import { checkPacketList } from "../../assert/packet-list.js";
import { dissect, type Packet } from "../../packet/index.js";
import type { PacketListExpect } from "../../scenario/model.js";
import { packetDump } from "../wire-report.js";

/** Frames a capture took (hex, as agents send them) as packets. */
export function capturedPackets(frames: { hex: string }[]): Packet[] {
  return frames.map((f) => dissect(Buffer.from(f.hex, "hex")));
}

/**
 * A capture judged against a sniff's expectations (a sniff step's or a scenario sniffer's): the problems, and the
 * report — the packets seen, and when something failed, the problems first and the packet in question in full.
 */
export function judgeCapture(packets: Packet[], expect: PacketListExpect, seenOn: string, o: { preface?: string; problems?: string[] } = {}): { problems: string[]; details: string } {
  const { problems, evidence } = checkPacketList(packets, expect);
  problems.unshift(...(o.problems ?? []));
  const list = packets.slice(0, 50).map((p, i) => `  ${i + 1}. ${p.summary()}`).join("\n") + (packets.length > 50 ? `\n  … ${packets.length - 50} more` : "");
  const seen = `${o.preface ?? ""}captured ${packets.length} packet(s) on ${seenOn}:\n${list}`;
  if (problems.length === 0) return { problems, details: seen };
  return { problems, details: `${problems.join("\n")}\n\n${seen}${evidence ? `\n\nthe packet in question:\n${packetDump(evidence)}` : ""}` };
}
