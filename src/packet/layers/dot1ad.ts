// IEEE 802.1ad service tags (Q-in-Q's outer tag, type 0x88a8): Dot1Q's fields under its own name.
import { bind } from "../bind.js";
import { int, u16 } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { ARP } from "./arp.js";
import { Dot1Q, Ether, etherTypes } from "./ether.js";
import { IP } from "./ip.js";
import { IPv6 } from "./ipv6.js";

export const Dot1AD = defineLayer("Dot1AD", [int("prio", 3, 0), int("id", 1, 0), int("vlan", 12, 1), u16("type", 0, { names: etherTypes })], {
  // Scapy's Dot1Q summary, inherited: its type and vlan are those of the first 802.1Q tag it finds ("??" when none).
  summary: (l: Layer) => {
    const e = l.under?.name === "Ether" ? l.under : undefined;
    let q: Layer | undefined = l.payload;
    while (q && q.name !== "Dot1Q") q = q.payload;
    const type = q ? (etherTypes[q.get("type") as number] ?? `0x${(q.get("type") as number).toString(16)}`) : "??";
    const vlan = q ? String(q.get("vlan")) : "??";
    return e ? `802.1q ${e.get("src")} > ${e.get("dst")} (${type}) vlan ${vlan}` : `802.1q (${type}) vlan ${vlan}`;
  },
  answers: (reply, req) => reply.get("vlan") === req.get("vlan"),
});

bind(Ether, Dot1AD, { type: 0x88a8 });
bind(Dot1AD, Dot1AD, { type: 0x88a8 });
bind(Dot1AD, Dot1Q, { type: 0x8100 });
bind(Dot1Q, Dot1AD, { type: 0x88a8 });
bind(Dot1AD, IP, { type: 0x0800 });
bind(Dot1AD, IPv6, { type: 0x86dd });
bind(Dot1AD, ARP, { type: 0x0806 });
