import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { decodePcapng, dissect } from "../../packet/index.js";
import type { Status } from "../../run/events.js";
import type { PageScenario } from "./page-data.js";
import { hexdump } from "../../util/text.js";

/** Who is not a lab host: an attached device, or a MAC no lab interface has. */
export const outside = "(outside the lab)";

export interface LadderFrame {
  timeUs: number;
  from: string;
  /** A host, or "*" for broadcast and multicast. */
  to: string;
  /** For "*": the other hosts on the sender's segment, who all get it. */
  reach?: string[];
  /** The interface it left (or, from outside the lab, entered) by. */
  iface: string;
  summary: string;
  show: string;
  hex: string;
}

/** The frames of one step's time window (or of before the first step, after the last), with how many were left out. */
export interface LadderWindow {
  name: string;
  status: Status | "none";
  frames: LadderFrame[];
  /** Frames of the window not shown: the middle of a long run of them. */
  omitted: number;
  /** Where in frames the omission is. */
  omittedAt: number;
}

export interface Ladder {
  columns: string[];
  windows: LadderWindow[];
  total: number;
}

/** Frames kept at each end of a window (the rest of a long window is counted, not shown). */
export const keptPerEnd = 15;

/**
 * The scenario's frames as one ladder: every frame once, from the pcapng of the host that sent it (its "out" copy),
 * or from the host that received it when the sender is no lab host; its destination is the host owning its
 * destination MAC. In the kernel's time order, grouped by the step whose time window holds it.
 */
export function ladderOf(r: PageScenario): Ladder | undefined {
  const pcaps = (r.steps.find((s) => s.attachments?.length)?.attachments ?? []).filter((f) => f.endsWith(".pcapng") && existsSync(f));
  if (pcaps.length === 0) return undefined;
  const owner = new Map<string, string>();
  const peers = new Map<string, string[]>();
  for (const seg of [...r.plan.segments, ...r.plan.tunnels.map((t) => ({ members: t.ends }))])
    for (const m of seg.members) {
      owner.set(m.mac.toLowerCase(), m.host);
      peers.set(`${m.host}/${m.ifname}`, seg.members.filter((x) => x.host !== m.host).map((x) => x.host));
    }
  const frames: (Omit<LadderFrame, "summary" | "show" | "hex"> & { data: Buffer })[] = [];
  for (const file of pcaps) {
    const host = basename(file, ".pcapng");
    const ng = decodePcapng(readFileSync(file));
    for (const rec of ng.records) {
      const iface = ng.interfaces[rec.iface];
      const d = rec.data;
      if (d.length < 14 || !iface) continue;
      const dst = mac(d, 0);
      const src = mac(d, 6);
      const to = d[0] & 1 ? "*" : (owner.get(dst) ?? (iface.name === "lo" ? host : outside));
      if (rec.direction === "out" || (rec.direction === undefined && iface.name === "lo"))
        frames.push({ timeUs: rec.timeUs ?? 0, from: host, to, iface: iface.name, data: d, ...(to === "*" ? { reach: peers.get(`${host}/${iface.name}`) ?? [] } : {}) });
      else if (rec.direction === "in" && !owner.has(src)) frames.push({ timeUs: rec.timeUs ?? 0, from: outside, to: d[0] & 1 ? "*" : host, iface: iface.name, data: d, ...(d[0] & 1 ? { reach: [host] } : {}) });
    }
  }
  frames.sort((a, b) => a.timeUs - b.timeUs);
  const used = new Set(frames.flatMap((f) => [f.from, f.to, ...(f.reach ?? [])]));
  const columns = [...r.plan.hosts.map((h) => h.name), ...(used.has(outside) ? [outside] : [])];

  // Windows: each step that ran, from its start to its end; what lies between or around them goes to the nearest before.
  const ran = r.steps.filter((s) => s.startedAtUs !== undefined);
  const windows: (LadderWindow & { all: typeof frames })[] = [{ name: "before the steps", status: "none", frames: [], omitted: 0, omittedAt: 0, all: [] }];
  for (const s of ran) windows.push({ name: s.name, status: s.status, frames: [], omitted: 0, omittedAt: 0, all: [] });
  for (const f of frames) {
    let w = 0;
    for (let i = 0; i < ran.length; i++) if (f.timeUs >= ran[i].startedAtUs!) w = i + 1;
    const last = ran[w - 1];
    // After the last step's end: the teardown's frames.
    if (w === ran.length && last && f.timeUs > last.startedAtUs! + last.timeMs * 1000) {
      if (windows.at(-1)!.name !== "after the steps") windows.push({ name: "after the steps", status: "none", frames: [], omitted: 0, omittedAt: 0, all: [] });
      windows.at(-1)!.all.push(f);
    } else windows[w].all.push(f);
  }
  const out: LadderWindow[] = [];
  for (const w of windows) {
    if (w.status === "none" && w.all.length === 0) continue;
    const keep = w.all.length > 2 * keptPerEnd ? [...w.all.slice(0, keptPerEnd), ...w.all.slice(-keptPerEnd)] : w.all;
    out.push({
      name: w.name,
      status: w.status,
      omitted: w.all.length - keep.length,
      omittedAt: w.all.length > keep.length ? keptPerEnd : 0,
      frames: keep.map(({ data, ...f }) => {
        const hex = hexdump(data, 2048);
        try {
          const p = dissect(data, { link: "ether" });
          return { ...f, summary: p.summary(), show: p.show(), hex };
        } catch (e) {
          return { ...f, summary: `${data.length} bytes (not dissected: ${(e as Error).message})`, show: "", hex };
        }
      }),
    });
  }
  return { columns, windows: out, total: frames.length };
}

function mac(b: Buffer, at: number): string {
  return [...b.subarray(at, at + 6)].map((x) => x.toString(16).padStart(2, "0")).join(":");
}
