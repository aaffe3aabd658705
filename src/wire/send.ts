import { isIP } from "node:net";
import { readMac } from "../packet/addr.js";
import { multicastMac } from "../util/ip.js";
import { buildSet } from "../packet/build-set.js";
import { Layer, Packet } from "../packet/index.js";
import { registry } from "../packet/layer.js";
import type { Interface } from "./capture.js";
import type { Host } from "./host.js";
import { resolveMac } from "./resolve.js";

export interface Prepared {
  iface: Interface;
  /** The frame as it goes on the wire. */
  frame: Buffer;
  /** The packet as sent, at the layer the user wrote (IP for send/sr1, Ether for sendp/srp1): what answers() compares. */
  packet: Packet;
  /** Something the person reading a failure should know (the next hop never answered ARP/ND). */
  note?: string;
}

/**
 * Layer 3 (send, sr1): routed from the host like Scapy does — the route gives the interface and the source address
 * (filled in unless given), ARP/ND gives the next hop's MAC. Loopback frames carry zero MACs.
 */
export async function prepareL3(h: Host, p: Packet): Promise<Prepared> {
  const top = p.top;
  if (top.name !== "IP" && top.name !== "IPv6") throw new Error(`send and sr1 take a packet starting with IP or IPv6 (this one starts with ${top.name}); use sendp/srp1 for layer 2`);
  const dst = top.get("dst") as string;
  const route = h.route(dst);
  const ip = "src" in top.given || !route.src ? top : top.with({ src: route.src });
  const packet = ip === top ? p : new Packet(ip);
  const iface = h.iface(route.dev);
  let dstMac = "00:00:00:00:00:00";
  let note: string | undefined;
  let srcMac = "00:00:00:00:00:00";
  if (route.dev !== "lo") {
    srcMac = h.mac(route.dev);
    if (route.kind === "broadcast") dstMac = "ff:ff:ff:ff:ff:ff";
    else if (route.kind === "multicast") dstMac = multicastMac(dst);
    // Nobody answers for the next hop: as Scapy does, send to the broadcast address anyway (the step then sees
    // no reply, which is what it tests).
    else {
      const resolved = await resolveMac(h, route.via, route.dev, (ip.get("src") as string) || route.src);
      dstMac = resolved ?? "ff:ff:ff:ff:ff:ff";
      if (!resolved) note = `nobody answered ${dst.includes(":") ? "neighbor solicitations" : "ARP requests"} for ${route.via} (the next hop, asked 3 times over 0.9 s): sent to ff:ff:ff:ff:ff:ff instead, as Scapy does`;
    }
  }
  const ether = new Layer(registry.get("Ether")!, { dst: dstMac, src: srcMac });
  ether.payload = ip;
  return { iface, frame: new Packet(ether).bytes, packet, note };
}

function routedSource(h: Host, dst: string): string {
  try {
    return h.route(dst).src;
  } catch {
    return "";
  }
}


/** Layer 2 (sendp, srp1): the frame as written, on the named interface or the host's only one. */
export function prepareL2(h: Host, p: Packet, ifaceName?: string): Prepared {
  const names = h.usableInterfaces(false);
  if (ifaceName !== undefined) h.checkedInterface(ifaceName, false);
  const name = ifaceName ?? (names.length === 1 ? names[0] : undefined);
  if (!name) throw new Error(`this host has ${names.length} interfaces (${names.join(", ")}): say which with iface:`);
  // As Scapy does: the interface's own addresses where the user gave none (Ether.src, ARP.hwsrc), ARP.psrc by route.
  const mac = h.mac(name);
  const fill = (l: Layer | undefined): Layer | undefined => {
    if (!l) return undefined;
    const changes: Record<string, unknown> = {};
    if (l.name === "Ether" && !("src" in l.given)) changes.src = mac;
    // Scapy's IP and IPv6 take their source from the route to their destination.
    if ((l.name === "IP" || l.name === "IPv6") && !("src" in l.given)) {
      const src = routedSource(h, l.get("dst") as string) || (l.name === "IP" ? h.ipv4(name) : "");
      if (src) changes.src = src;
    }
    if (l.name === "ARP") {
      if (!("hwsrc" in l.given)) changes.hwsrc = mac;
      // Scapy's psrc: the source the route to pdst gives (the host's address on that route's interface).
      const pdst = l.get("pdst");
      if (!("psrc" in l.given) && l.get("ptype") === 0x0800) changes.psrc = (typeof pdst === "string" && isIP(pdst) === 4 && routedSource(h, pdst)) || h.ipv4(name);
    }
    const c = l.with(changes);
    c.payload = fill(l.payload);
    return c;
  };
  const packet = new Packet(fill(p.top)!);
  return { iface: h.iface(name), frame: packet.bytes, packet };
}

/**
 * Prepares many packets at once (a packet set): routed like the first when they go where it goes, built as one
 * set (copies of the first with the varying fields written) — what makes sending from an expression fast.
 */
export async function prepareMany(h: Host, packets: Packet[], layer: 2 | 3, ifaceName?: string): Promise<Prepared[]> {
  if (packets.length === 0) return [];
  if (layer === 2) return packets.map((p) => prepareL2(h, p, ifaceName));
  const first = await prepareL3(h, packets[0]);
  if (packets.length === 1) return [first];
  const wrapped: Layer[] = [etherOf(first)];
  const same: boolean[] = [true];
  for (const p of packets.slice(1)) {
    const top = p.top;
    const sameRoute = (top.name === "IP" || top.name === "IPv6") && top.get("dst") === packets[0].top.get("dst");
    if (!sameRoute) {
      same.push(false);
      wrapped.push(top);
      continue;
    }
    const ip = "src" in top.given ? top : top.with({ src: first.packet.top.get("src") });
    const ether = new Layer(registry.get("Ether")!, { ...wrapped[0].given });
    ether.payload = ip;
    wrapped.push(ether);
    same.push(true);
  }
  const frames = buildSet(wrapped.filter((_, i) => same[i]));
  const out: Prepared[] = [];
  let f = 0;
  for (let i = 0; i < packets.length; i++) {
    if (!same[i]) out.push(await prepareL3(h, packets[i]));
    else {
      const frame = frames[f++];
      out.push({ iface: first.iface, frame, packet: i === 0 ? first.packet : new Packet(wrapped[i].payload!) });
    }
  }
  return out;
}

/** The Ether layer prepareL3 put in front of the first packet. */
export function etherOf(p: Prepared): Layer {
  const ether = new Layer(registry.get("Ether")!, { dst: readMac(p.frame, 0), src: readMac(p.frame, 6) });
  ether.payload = p.packet.top;
  return ether;
}
