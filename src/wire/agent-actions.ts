import { closeSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AgentAction, AgentContext } from "../agent/protocol.js";
import { encodePcap, linkTypes } from "../packet/index.js";
import { host } from "./host.js";
import { sendOnly } from "./send-only.js";
import { openInWork } from "../util/work-path.js";
import { sendReceive, type SrArgs } from "./sr.js";
import { peekSniff, startSniff, stopAllSniffs, stopSniff } from "./sniff.js";

/** Opens every interface of the host for capture: the scenario's pcap starts here. */
const open: AgentAction = async () => {
  await host.openAll();
  return host.opened().map((i) => i.name);
};

/** Writes what the host's interfaces saw, in time order, as one pcap in the work folder. */
const save: AgentAction = async (a: { file: string }, ctx: AgentContext) => {
  const frames = host.opened().flatMap((i) => i.recording.frames()).sort((x, y) => x.timeUs - y.timeUs);
  // What a pcap lacks is said, interface by interface: it keeps the first frames of each.
  const missed = host.opened().flatMap((i) => (i.recording.missed ? [`${i.name}: ${i.recording.missed} frame(s) after the first ${i.recording.count}, the most a pcap keeps per interface,`] : []));
  if (frames.length === 0) return { file: undefined, packets: 0, missed };
  const path = join(ctx.work, a.file);
  // Not through a symlink a command of the scenario may have left in the work folder.
  const fd = openInWork(ctx.work, a.file);
  try {
    writeFileSync(fd, encodePcap(frames, linkTypes.ether));
  } finally {
    closeSync(fd);
  }
  return { file: path, packets: frames.length, missed };
};

export const wireActions: Record<string, AgentAction> = {
  "wire.open": open,
  "wire.save": save,
  "wire.sr": (a: SrArgs, ctx) => sendReceive(host, a, (text) => ctx.emit({ event: "progress", text })),
  "wire.send": (a) => sendOnly(host, a),
  // A scenario's sniffers are quiet: their counts would show as the progress of whatever step is running.
  "wire.sniffStart": (a: { filter?: string; iface?: string; quiet?: boolean }, ctx) => startSniff(host, a, a.quiet ? undefined : (text) => ctx.emit({ event: "progress", text })),
  "wire.sniffStop": (a) => stopSniff(a),
  "wire.sniffPeek": (a) => Promise.resolve(peekSniff(a)),
};

export function closeWire(): void {
  stopAllSniffs();
  host.closeAll();
}
