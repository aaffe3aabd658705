import { checkPacketList } from "../../assert/packet-list.js";
import { dissect, type Packet } from "../../packet/index.js";
import { reassemble, type ReassembleMode } from "../../packet/reassemble.js";
import type { PacketListExpect } from "../../scenario/model.js";
import type { SniffResult } from "../../wire/sniff.js";
import { packetDump } from "../wire-report.js";

/** Frames a capture took (hex, as agents send them) as packets. */
export function capturedPackets(frames: { hex: string }[]): Packet[] {
  return frames.map((f) => dissect(Buffer.from(f.hex, "hex")));
}

/** The packets a sniff's expectations look at: as captured, or with fragments and streams put back together. */
export function sniffedPackets(frames: { hex: string }[], mode?: ReassembleMode): { packets: Packet[]; notes?: Map<Packet, string>; remarks: string[] } {
  const packets = capturedPackets(frames);
  return mode ? reassemble(packets, mode) : { packets, remarks: [] };
}

/**
 * A capture judged against a sniff's expectations (a sniff step's or a scenario sniffer's): the problems, and the
 * report — the packets seen, and when something failed, the problems first and the packet in question in full.
 */
export function judgeCapture(
  capture: SniffResult,
  expect: PacketListExpect,
  seenOn: string,
  o: { preface?: string; problems?: string[]; reassemble?: ReassembleMode } = {},
): { problems: string[]; details: string } {
  const { packets, notes, remarks } = sniffedPackets(capture.frames, o.reassemble);
  // count is of the packets after reassembly, frames the capture did not keep included.
  const { problems, evidence } = checkPacketList(packets, expect, capture.total - capture.frames.length + packets.length);
  problems.unshift(...(o.problems ?? []), ...incomplete(capture));
  const note = (p: Packet) => (notes?.has(p) ? ` (${notes.get(p)})` : "");
  const list = packets.slice(0, 50).map((p, i) => `  ${i + 1}. ${p.summary()}${note(p)}`).join("\n") + (packets.length > 50 ? `\n  … ${packets.length - 50} more` : "");
  const put = o.reassemble ? `, ${packets.length} after reassembling ${o.reassemble === "ip" ? "IP fragments" : "IP fragments and TCP streams"}` : "";
  const left = remarks.length ? `\n${remarks.slice(0, 20).map((r) => `  ${r}`).join("\n")}${remarks.length > 20 ? `\n  … ${remarks.length - 20} more` : ""}` : "";
  const seen = `${o.preface ?? ""}captured ${capture.frames.length} packet(s) on ${seenOn}${counters(capture)}${put}:\n${list}${left}`;
  if (problems.length === 0) return { problems, details: seen };
  return { problems, details: `${problems.join("\n")}\n\n${seen}${evidence ? `\n\nthe packet in question:\n${packetDump(evidence)}` : ""}` };
}

/** libpcap's counters, per interface, as the report shows them. */
function counters(c: SniffResult): string {
  if (c.stats.length === 0) return "";
  return ` (libpcap: ${c.stats.map((s) => `${s.iface} ${s.received} received, ${s.dropped} dropped, ${s.ifDropped} dropped by the interface`).join("; ")})`;
}

/**
 * Why a capture cannot be trusted to be whole: a packet it lost may be the one an expectation is about (none passes,
 * count is off), so losses fail the check instead of passing it by accident.
 */
function incomplete(c: SniffResult): string[] {
  const out: string[] = [];
  const lost = c.stats.reduce((n, s) => n + s.dropped + s.ifDropped, 0);
  if (lost > 0) out.push(`the capture lost ${lost} packet(s) (libpcap's drop counters): what it saw is incomplete`);
  if (c.total > c.frames.length) out.push(`the capture took ${c.total} packets but keeps only the first ${c.frames.length}: narrow its filter`);
  return out;
}
