import { spawnSync } from "node:child_process";
import { existsSync, readlinkSync } from "node:fs";
import { basename } from "node:path";
import type { Plan } from "../scenario/model.js";

/** Parses --attach NAME=IFACE options; a message for a malformed one. */
export function parseAttachOptions(opts: string[] = []): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const o of opts) {
    const m = /^([A-Za-z][A-Za-z0-9_-]{0,31})=([A-Za-z0-9_.:@-]{1,15})$/.exec(o);
    if (!m) return `--attach ${o}: write it as NAME=IFACE, the attachment's name in the scenario and the machine's interface (--attach dut=enp3s0)`;
    if (out[m[1]] !== undefined) return `--attach ${m[1]} is given twice`;
    out[m[1]] = m[2];
  }
  return out;
}

/** The bridge or bond an interface belongs to: a port of the uplink's bridge is the uplink too. */
function masterOf(dev: string): string | undefined {
  try {
    return basename(readlinkSync(`/sys/class/net/${dev}/master`));
  } catch {
    return undefined;
  }
}

/** The interfaces that carry the machine's default routes (IPv4 and IPv6). */
function defaultRouteInterfaces(): Set<string> {
  const devs = new Set<string>();
  for (const fam of ["-4", "-6"]) {
    const r = spawnSync("ip", [fam, "route", "show", "default"], { encoding: "utf8" });
    for (const m of (r.stdout ?? "").matchAll(/\bdev (\S+)/g)) devs.add(m[1]);
  }
  return devs;
}

/**
 * Checks the selected scenarios' attachments against the command line before anything runs: every attachment is named
 * there (a file alone never attaches), every name given is used, and no interface is loopback, missing or the one
 * the machine's default route goes through. Returns the problems, one line each.
 */
export function attachmentProblems(plans: Plan[], given: Record<string, string>): string[] {
  const problems: string[] = [];
  const used = new Map<string, string>(); // attachment → first scenario that uses it
  for (const p of plans) for (const seg of p.segments) if (seg.attach && !used.has(seg.attach.name)) used.set(seg.attach.name, `${p.file}:${seg.line}`);
  for (const [name, where] of used)
    if (given[name] === undefined) problems.push(`${where}: link attaches to \`${name}\`, an interface of this machine: name it on the command line (--attach ${name}=IFACE) to let the run use it`);
  const defaults = defaultRouteInterfaces();
  for (const [name, dev] of Object.entries(given)) {
    if (!used.has(name)) problems.push(`--attach ${name}=${dev}: no selected scenario attaches to \`${name}\`${used.size ? ` (they attach to ${[...used.keys()].join(", ")})` : ""}`);
    else if (dev === "lo") problems.push(`--attach ${name}=lo: the loopback interface cannot be attached`);
    else if (!existsSync(`/sys/class/net/${dev}`)) problems.push(`--attach ${name}=${dev}: this machine has no interface ${dev}`);
    else if (defaults.has(dev) || (masterOf(dev) !== undefined && defaults.has(masterOf(dev)!))) problems.push(`--attach ${name}=${dev}: ${dev} carries this machine's default route${defaults.has(dev) ? "" : ` (through ${masterOf(dev)}, which it belongs to)`}; attaching to it could send lab traffic out of the machine, so it is refused (attach a NIC, tap or bridge port that faces only the device)`);
  }
  return problems;
}
