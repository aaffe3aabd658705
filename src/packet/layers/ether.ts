import { bind } from "../bind.js";
import { int, mac, u16 } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";

// Scapy's names, from Debian's /etc/ethertypes.
export const etherTypes: Record<number, string> = {
  0x0800: "IPv4", 0x0806: "ARP", 0x86dd: "IPv6", 0x8100: "n_802_1Q", 0x88a8: "802_AD", 0x6558: "TEB", 0x8035: "RARP", 0x888e: "EAPOL",
  0x88cc: "LLDP", 0x8847: "MPLS", 0x8863: "PPP_DISC", 0x8864: "PPP_SES", 0x88e5: "802_1AE", 0xa0ed: "6LoWPAN", 0x880b: "PPP", 0x22f4: "L2_IS_IS",
};

export const Ether = defineLayer("Ether", [mac("dst", "ff:ff:ff:ff:ff:ff"), mac("src", "00:00:00:00:00:00"), u16("type", 0x9000, { names: etherTypes })], {
  summary: (l: Layer) => `${l.get("src")} > ${l.get("dst")} (${hexOrName(l.get("type") as number)})`,
  answers: (reply, req) => reply.get("type") === req.get("type"),
});

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

Ether.span = (buf, off, end) => (end - off >= 14 ? { hdrEnd: off + 14, key: { type: (buf[off + 12] << 8) | buf[off + 13] } } : undefined);
