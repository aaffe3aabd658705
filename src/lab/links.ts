import type { LinkConditions, PlanRoute, Segment } from "../scenario/model.js";
import { native, type NativeConditions, type NativeLink, type NativeLinkStats } from "../wire/native.js";
import { ipBatch } from "./command.js";

/** One end of a link as the lab built it. */
export interface LinkEnd {
  host: string;
  netns: string;
  ifname: string;
  /** The routes the lab declares on this host (put back when the link comes up again). */
  routes: string[];
}

/** What one direction of an emulated link did, for the report. */
export interface LinkDirectionReport extends NativeLinkStats {
  from: string;
  to: string;
  conditions: LinkConditions;
}

/** A link of the lab that steps can change: its state, and its conditions when it goes through the emulator. */
export class LabLink {
  private emulator?: NativeLink;
  private conditions: [LinkConditions, LinkConditions] | undefined;
  private state: "up" | "down" = "up";

  constructor(
    readonly seg: Segment,
    readonly ends: LinkEnd[],
  ) {}

  /** Starts the emulator between the two middle ends (in the switch namespace). */
  startEmulator(switchNs: string, middle: [string, string]): void {
    const e = this.seg.emulated!;
    const [a, b] = this.ends;
    this.conditions = [e.from[a.host], e.from[b.host]];
    this.emulator = native().linkStart(`/run/netns/${switchNs}`, middle[0], middle[1], toNative(this.conditions[0]), toNative(this.conditions[1]), e.seed);
  }

  get emulated(): boolean {
    return this.emulator !== undefined;
  }

  /** New conditions, per sending host (both when `from` names neither). */
  setConditions(both: LinkConditions, from: Record<string, LinkConditions> = {}): string {
    if (!this.emulator) throw new Error(`link ${this.seg.name} has no emulator`);
    this.ends.forEach((end, i) => {
      const c = from[end.host] ?? both;
      this.conditions![i] = c;
      native().linkSet(this.emulator!, i as 0 | 1, toNative(c));
    });
    return this.ends.map((end, i) => `${end.host}→${this.ends[1 - i].host}: ${describeConditions(this.conditions![i])}`).join("; ");
  }

  /** Takes both ends' interfaces down, or brings them up and puts back the routes the lab declared. */
  async setState(state: "up" | "down"): Promise<string> {
    await Promise.all(this.ends.map((e) => ipBatch([`link set ${e.ifname} ${state}`], e.netns)));
    this.state = state;
    if (state === "up")
      // -force: a route through another link that is down meanwhile is left out, the rest goes in.
      await Promise.all(this.ends.filter((e) => e.routes.length).map((e) => ipBatch(e.routes.map((r) => `route replace ${r}`), e.netns).catch(() => undefined)));
    return `${this.ends.map((e) => `${e.host} ${e.ifname}`).join(" and ")} ${state}`;
  }

  get isUp(): boolean {
    return this.state === "up";
  }

  report(): LinkDirectionReport[] {
    if (!this.emulator) return [];
    const stats = native().linkStats(this.emulator);
    return stats.map((st, i) => ({ ...st, from: this.ends[i].host, to: this.ends[1 - i].host, conditions: this.conditions![i] }));
  }

  stop(): void {
    if (this.emulator) native().linkStop(this.emulator);
  }
}

function toNative(c: LinkConditions): NativeConditions {
  return { delayNs: c.delayUs * 1000, jitterNs: c.jitterUs * 1000, loss: c.loss, rateBps: c.rateBps, limit: c.limit };
}

export function describeConditions(c: LinkConditions): string {
  const parts: string[] = [];
  if (c.delayUs) parts.push(`delay ${c.delayUs / 1000} ms`);
  if (c.jitterUs) parts.push(`jitter ±${c.jitterUs / 1000} ms`);
  if (c.loss) parts.push(`loss ${+(c.loss * 100).toFixed(4)}%`);
  if (c.rateBps) parts.push(`rate ${formatRate(c.rateBps)}`);
  return parts.length ? parts.join(", ") : "no conditions";
}

function formatRate(bps: number): string {
  return bps >= 1e9 ? `${bps / 1e9} gbit/s` : bps >= 1e6 ? `${bps / 1e6} mbit/s` : bps >= 1e3 ? `${bps / 1e3} kbit/s` : `${bps} bit/s`;
}

/** One line per direction: what the link did to the frames it carried (under the conditions it has at the end). */
export function describeLinkReport(name: string, seed: number, dirs: LinkDirectionReport[]): string[] {
  return dirs.map((d) => {
    const parts = [`${d.frames} frame${d.frames === 1 ? "" : "s"} in`, `${d.forwarded} forwarded`];
    if (d.droppedLoss || d.conditions.loss)
      parts.push(`${d.droppedLoss} of ${d.lossySeen} dropped by loss (seed ${seed}${d.drops.length ? `: #${d.drops.slice(0, 12).join(", #")}${d.drops.length > 12 ? ", …" : ""}` : ""})`);
    if (d.shaped) parts.push(`${d.shaped} waited for the rate`);
    if (d.droppedLimit) parts.push(`${d.droppedLimit} dropped over the limit of ${d.conditions.limit} waiting`);
    if (d.sendErrors) parts.push(`${d.sendErrors} lost while the far end was down`);
    if (d.missed) parts.push(`${d.missed} lost before the emulator could read them (it fell behind)`);
    return `link ${name} ${d.from}→${d.to} (${describeConditions(d.conditions)}): ${parts.join(", ")}`;
  });
}

/** The ip(8) route arguments of a host's declared routes (gateways first). */
export function routeArgs(gateways: string[], routes: PlanRoute[]): string[] {
  return [
    ...gateways.map((g) => `${g.includes(":") ? "::/0" : "0.0.0.0/0"} via ${g}`),
    ...routes.map((r) => `${r.to.text}${r.via ? ` via ${r.via}` : ""}${r.dev ? ` dev ${r.dev}` : ""}`),
  ];
}
