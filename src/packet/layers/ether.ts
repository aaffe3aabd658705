import { isIP } from "node:net";
import { writeIPv6 } from "../addr.js";
import { bind } from "../bind.js";
import { buildValues } from "../build.js";
import { int, mac, u16 } from "../field.js";
import type { Values } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";

// Scapy's names, from Debian's /etc/ethertypes.
export const etherTypes: Record<number, string> = {
  0x0800: "IPv4", 0x0806: "ARP", 0x86dd: "IPv6", 0x8100: "n_802_1Q", 0x88a8: "802_AD", 0x6558: "TEB", 0x8035: "RARP", 0x888e: "EAPOL",
  0x88cc: "LLDP", 0x8847: "MPLS", 0x8863: "PPP_DISC", 0x8864: "PPP_SES", 0x88e5: "802_1AE", 0xa0ed: "6LoWPAN", 0x880b: "PPP", 0x22f4: "L2_IS_IS",
};

export const Ether = defineLayer("Ether", [mac("dst", "ff:ff:ff:ff:ff:ff"), mac("src", "00:00:00:00:00:00"), u16("type", 0x9000, { names: etherTypes })], {
  summary: (l: Layer) => `${l.get("src")} > ${l.get("dst")} (${hexOrName(l.get("type") as number)})`,
  answers: (reply, req) => reply.get("type") === req.get("type"),
  fromPayload: { fills: ["dst"], reads: ["dst", "pdst"], values: (payload) => groupMac(payload) },
});

/**
 * Scapy's Ether dst when none is given and the packet goes to a multicast group: 01:00:5e and the group's low 23
 * bits for IPv4 (IP dst, ARP pdst), 33:33 and its last 32 bits for IPv6, looking through 802.1Q tags. Anything else
 * keeps the broadcast default (Scapy would ask the network; the model does not).
 */
function groupMac(payload: Layer): Values | undefined {
  let l: Layer | undefined = payload;
  while (l && l.def.name === "Dot1Q") l = l.payload;
  if (!l || (l.def.name !== "IP" && l.def.name !== "IPv6" && l.def.name !== "ARP")) return undefined;
  const field = l.def.name === "ARP" ? "pdst" : "dst";
  const dst = buildValues(l)[field];
  if (typeof dst !== "string") return undefined;
  if (l.def.name === "IPv6") {
    if (isIP(dst) !== 6) return undefined;
    const b = Buffer.alloc(16);
    writeIPv6(b, 0, dst);
    return b[0] === 0xff ? { dst: `33:33:${[...b.subarray(12)].map(hex).join(":")}` } : undefined;
  }
  if (isIP(dst) !== 4) return undefined;
  const o = dst.split(".").map(Number);
  return o[0] >= 224 && o[0] <= 239 ? { dst: `01:00:5e:${hex(o[1] & 0x7f)}:${hex(o[2])}:${hex(o[3])}` } : undefined;
}

const hex = (n: number) => n.toString(16).padStart(2, "0");

export const Dot1Q = defineLayer("Dot1Q", [int("prio", 3, 0), int("id", 1, 0), int("vlan", 12, 1), u16("type", 0x0000, { names: etherTypes })], {
  summary: (l: Layer) => {
    const type = hexOrName(l.get("type") as number);
    const e = l.under?.name === "Ether" ? l.under : undefined;
    return e ? `802.1q ${e.get("src")} > ${e.get("dst")} (${type}) vlan ${l.get("vlan")}` : `802.1q (${type}) vlan ${l.get("vlan")}`;
  },
  answers: (reply, req) => reply.get("vlan") === req.get("vlan"),
});

function hexOrName(t: number): string {
  return etherTypes[t] ?? `0x${t.toString(16)}`;
}

bind(Ether, Dot1Q, { type: 0x8100 });
bind(Dot1Q, Dot1Q, { type: 0x8100 });
// Scapy builds Ether()/Ether() with type 1; reading, a type of 1500 or less is an 802.3 length (Dot3, in dot3.ts).
bind(Ether, Ether, { type: 1 }, { dissect: false });

Ether.span = (buf, off, end) => (end - off >= 14 ? { hdrEnd: off + 14, key: { type: (buf[off + 12] << 8) | buf[off + 13] } } : undefined);
