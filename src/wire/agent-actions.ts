import { closeSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { networkInterfaces } from "node:os";
import type { AgentAction, AgentContext } from "../agent/protocol.js";
import { encodePcapng, linkTypes } from "../packet/index.js";
import { host } from "./host.js";
import { forgetNeighbours } from "./resolve.js";
import { sendOnly } from "./send-only.js";
import { openInWork } from "../util/work-path.js";
import { sendReceive, type SrArgs } from "./sr.js";
import { peekSniff, startSniff, stopAllSniffs, stopSniff } from "./sniff.js";

/** Opens every interface of the host for capture: the scenario's pcap starts here. */
const open: AgentAction = async () => {
  await host.openAll();
  return host.opened().map((i) => i.name);
};

/**
 * Writes what the host's interfaces saw, in time order, as one pcapng in the work folder: an interface block per
 * interface (its name, MAC and addresses), and each frame marked with the interface it was seen on and whether it
 * went out (its source is the interface's own MAC) or came in.
 */
const save: AgentAction = async (a: { file: string }, ctx: AgentContext) => {
  const opened = host.opened();
  const interfaces = opened.map((i) => ({ name: i.name, linkType: linkTypes.ether, mac: host.mac(i.name), description: addressesOf(i.name) }));
  const records = opened
    .flatMap((i, n) => {
      const own = Buffer.from(interfaces[n].mac.replace(/:/g, ""), "hex");
      // Loopback's MAC is zero, as is every source on it: there, in and out cannot be told apart, so it is not said.
      const direction = (d: Buffer): "in" | "out" | undefined => (own.every((b) => b === 0) ? undefined : d.length >= 12 && d.subarray(6, 12).equals(own) ? "out" : "in");
      return i.recording.frames().map((f) => ({ ...f, iface: n, direction: direction(f.data) }));
    })
    .sort((x, y) => x.timeUs - y.timeUs);
  // What a pcap lacks is said, interface by interface: it keeps the first frames of each.
  const missed = opened.flatMap((i) => (i.recording.missed ? [`${i.name}: ${i.recording.missed} frame(s) after the first ${i.recording.count}, the most a pcap keeps per interface,`] : []));
  if (records.length === 0) return { file: undefined, packets: 0, missed };
  const path = join(ctx.work, a.file);
  // Not through a symlink a command of the scenario may have left in the work folder.
  const fd = openInWork(ctx.work, a.file);
  try {
    writeFileSync(fd, encodePcapng(interfaces, records));
  } finally {
    closeSync(fd);
  }
  return { file: path, packets: records.length, missed };
};

/** An interface's addresses now, link-local ones left out, for its interface block (getifaddrs: no process). */
function addressesOf(dev: string): string {
  return (networkInterfaces()[dev] ?? [])
    .filter((a) => !(a.family === "IPv6" && /^fe[89ab]/i.test(a.address)) && !(a.family === "IPv4" && a.address.startsWith("169.254.")))
    .map((a) => a.cidr ?? a.address)
    .join(" ");
}

export const wireActions: Record<string, AgentAction> = {
  "wire.open": open,
  "wire.save": save,
  "wire.sr": (a: SrArgs, ctx) => sendReceive(host, a, (text) => ctx.emit({ event: "progress", text })),
  "wire.send": (a, ctx) => sendOnly(host, a, () => ctx.halted),
  // A scenario's sniffers are quiet: their counts would show as the progress of whatever step is running.
  "wire.sniffStart": (a: { filter?: string; iface?: string; quiet?: boolean }, ctx) => startSniff(host, a, a.quiet ? undefined : (text) => ctx.emit({ event: "progress", text })),
  "wire.sniffStop": (a) => stopSniff(a),
  "wire.sniffPeek": (a) => Promise.resolve(peekSniff(a)),
};

/** What was learnt of the host (routes, MACs, addresses, neighbours) goes: a pooled agent serves another next. */
export function forgetHost(): void {
  host.forget();
  forgetNeighbours();
}

export function closeWire(): void {
  stopAllSniffs();
  host.closeAll();
}
