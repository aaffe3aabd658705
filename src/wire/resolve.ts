import { isIP } from "node:net";
import { writeIPv6 } from "../packet/addr.js";
import { dissect, stack } from "../packet/index.js";
import { multicastMac } from "../util/ip.js";
import type { Frame } from "./capture.js";
import type { Host } from "./host.js";

const cache = new Map<string, string>();

/** The cache is the scenario's: a pooled agent forgets it before serving another host. */
export function forgetNeighbours(): void {
  cache.clear();
}

/**
 * The MAC of a next hop, as Scapy finds it: ARP (IPv4) or neighbour solicitation (IPv6) on the interface, answers
 * cached for the scenario. Three tries of 300 ms; undefined when nobody answers.
 */
export async function resolveMac(h: Host, ip: string, dev: string, src: string): Promise<string | undefined> {
  const key = `${dev}/${ip}`;
  const known = cache.get(key);
  if (known) return known;
  const iface = h.iface(dev);
  const mine = h.mac(dev);
  const v6 = isIP(ip) === 6;
  const request = v6 ? neighborSolicitation(ip, mine, src) : stack(["Ether", { dst: "ff:ff:ff:ff:ff:ff", src: mine }], ["ARP", { hwsrc: mine, psrc: src, pdst: ip }]).bytes;
  for (let attempt = 0; attempt < 3; attempt++) {
    const mac = await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => (stop(), resolve(undefined)), 300);
      const stop = iface.listen((f: Frame) => {
        const mac = v6 ? fromAdvertisement(f.data, ip) : fromArpReply(f.data, ip);
        if (mac) (clearTimeout(timer), stop(), resolve(mac));
      });
      iface.send(request);
    });
    if (mac) {
      cache.set(key, mac);
      return mac;
    }
  }
  return undefined;
}

function fromArpReply(data: Buffer, ip: string): string | undefined {
  if (data.length < 42 || data[12] !== 0x08 || data[13] !== 0x06) return undefined;
  const p = dissect(data);
  return p.get("ARP.op") === 2 && p.get("ARP.psrc") === ip ? (p.get("ARP.hwsrc") as string) : undefined;
}

function fromAdvertisement(data: Buffer, ip: string): string | undefined {
  if (data.length < 78 || data[12] !== 0x86 || data[13] !== 0xdd) return undefined;
  const p = dissect(data);
  if (p.get("ICMPv6ND_NA.tgt") !== ip) return undefined;
  return (p.get("ICMPv6NDOptDstLLAddr.lladdr") as string | undefined) ?? (p.get("Ether.src") as string);
}

function neighborSolicitation(ip: string, mac: string, src: string): Buffer {
  // The solicited-node multicast group of the target: ff02::1:ffXX:XXXX from its last 24 bits.
  const t = Buffer.alloc(16);
  writeIPv6(t, 0, ip);
  const h = (b: number) => b.toString(16).padStart(2, "0");
  const group = `ff02::1:ff${h(t[13])}:${h(t[14])}${h(t[15])}`;
  return stack(["Ether", { dst: multicastMac(group), src: mac }], ["IPv6", { src, dst: group, hlim: 255 }], ["ICMPv6ND_NS", { tgt: ip }], ["ICMPv6NDOptSrcLLAddr", { lladdr: mac }]).bytes;
}
