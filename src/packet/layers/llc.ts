// IEEE 802.2 LLC and SNAP, under 802.3 frames (and Ethernet types 122 and 0x8870), and after an 802.1Q tag whose
// type field is a length.
import { bind } from "../bind.js";
import { int, u16, u8, type Field } from "../field.js";
import { defineLayer } from "../layer.js";
import { ARP } from "./arp.js";
import { Dot1AD } from "./dot1ad.js";
import { Dot3 } from "./dot3.js";
import { Dot1Q, Ether, etherTypes } from "./ether.js";
import { IP } from "./ip.js";
import { IPv6 } from "./ipv6.js";

const hexShown = (f: Field): Field => ({ ...f, show: (v) => (v === undefined ? "None" : `0x${Number(v).toString(16)}`) });

export const LLC = defineLayer("LLC", [hexShown(u8("dsap", 0)), hexShown(u8("ssap", 0)), u8("ctrl", 0)]);
export const SNAP = defineLayer("SNAP", [hexShown(int("OUI", 24, 0)), { ...u16("code", 0, { names: etherTypes }), show: (v) => etherTypes[v as number] ?? `0x${Number(v).toString(16)}` }]);

bind(Dot3, LLC, {});
bind(Ether, LLC, { type: 122 }, { build: false });
bind(Ether, LLC, { type: 0x8870 });
// 802.1Q and 802.1ad tags take Ethernet's bindings in Scapy (aliastypes).
for (const tag of [Dot1Q, Dot1AD]) {
  bind(tag, LLC, { type: 122 }, { build: false });
  bind(tag, LLC, { type: 0x8870 });
}
bind(LLC, SNAP, { dsap: 0xaa, ssap: 0xaa, ctrl: 3 });
bind(SNAP, Dot1Q, { code: 0x8100 });
bind(SNAP, Ether, { code: 1 });
bind(SNAP, ARP, { code: 0x0806 });
bind(SNAP, IP, { code: 0x0800 });
bind(SNAP, IPv6, { code: 0x86dd });

// An 802.1Q (or 802.1ad) tag whose type is 1500 or less gives the length of an LLC payload, as in Scapy.
for (const tag of [Dot1Q, Dot1AD]) {
  const before = tag.guessPayload;
  tag.guessPayload = (v, payload) => ((v.type as number) <= 1500 ? LLC : before?.(v, payload));
  tag.payloadLength = (v) => (typeof v.type === "number" && v.type <= 1500 ? v.type : -1);
}
