import { bind } from "../bind.js";
import { checksum } from "../checksum.js";
import { int, u16, u32, u8 } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { ARP } from "./arp.js";
import { Dot1Q, Ether, etherTypes } from "./ether.js";
import { IP } from "./ip.js";
import { IPv6 } from "./ipv6.js";
import { UDP } from "./udp.js";

const withChecksum = (v: Record<string, unknown>) => v.chksum_present === 1 || v.routing_present === 1;

export const GRE = defineLayer(
  "GRE",
  [
    int("chksum_present", 1, 0),
    int("routing_present", 1, 0),
    int("key_present", 1, 0),
    int("seqnum_present", 1, 0),
    int("strict_route_source", 1, 0),
    int("recursion_control", 3, 0),
    int("flags", 5, 0),
    int("version", 3, 0),
    u16("proto", 0, { names: etherTypes }),
    u16("chksum", undefined, { when: withChecksum }),
    u16("offset", 0, { when: withChecksum }),
    u32("key", 0, { when: (v) => v.key_present === 1 }),
    u32("sequence_number", 0, { when: (v) => v.seqnum_present === 1 }),
  ],
  {
    // Scapy 2.4.4 renamed seqence_number; 2.5 still takes the old name.
    renamed: { seqence_number: "sequence_number" },
    postBuild: ({ buf, start, end, values }) => {
      if (values.chksum_present !== 1 || values.chksum !== undefined) return;
      buf.writeUInt16BE(0, start + 4);
      buf.writeUInt16BE(checksum(buf, start, end), start + 4);
    },
  },
);

const vxlanFlags = ["OAM", "R", "NextProtocol", "Instance", "V1", "V2", "R", "G"];
const hasNext = (v: Record<string, unknown>) => ((v.flags as number) & 0x04) !== 0;
const hasG = (v: Record<string, unknown>) => ((v.flags as number) & 0x80) !== 0;

export const VXLAN = defineLayer(
  "VXLAN",
  [
    int("flags", 8, 0x08, { flags: vxlanFlags }),
    u16("reserved0", 0, { when: hasNext }),
    u8("NextProtocol", 0, { when: hasNext, names: { 0: "NotDefined", 1: "IPv4", 2: "IPv6", 3: "Ethernet", 4: "NSH" } }),
    int("reserved1", 24, 0, { when: (v) => !hasG(v) && !hasNext(v) }),
    int("gpflags", 8, 0, { when: hasG, flags: ["R", "R", "R", "A", "R", "R", "D", "R"] }),
    u16("gpid", 0, { when: hasG }),
    int("vni", 24, 0),
    u8("reserved2", 0),
  ],
  {
    summary: (l: Layer) => (hasG(l.values()) ? `VXLAN (vni=0x${(l.get("vni") as number).toString(16)} gpid=${l.get("gpid")})` : `VXLAN (vni=0x${(l.get("vni") as number).toString(16)})`),
    // Without the NextProtocol flag the field is absent and reads as its default, 0: Ethernet.
    guessPayload: (v) => (v.NextProtocol === undefined ? Ether : undefined),
  },
);

bind(IP, GRE, { frag: 0, proto: 47 });
bind(IPv6, GRE, { nh: 47 });
bind(GRE, Dot1Q, { proto: 0x8100 });
bind(GRE, Ether, { proto: 0x6558 });
bind(GRE, ARP, { proto: 0x0806 });
bind(GRE, IP, { proto: 0x0800 });
bind(GRE, IPv6, { proto: 0x86dd });

// Scapy's order: the standard port first; building UDP/VXLAN sets both ports to 4789.
for (const dport of [4789, 4790, 6633, 8472, 48879]) bind(UDP, VXLAN, { dport }, { build: false });
for (const sport of [4789, 4790, 6633, 8472]) bind(UDP, VXLAN, { sport }, { build: false });
bind(UDP, VXLAN, { sport: 4789, dport: 4789 }, { dissect: false });
bind(VXLAN, Ether, { NextProtocol: 0 }, { build: false });
bind(VXLAN, IP, { NextProtocol: 1 }, { build: false });
bind(VXLAN, IPv6, { NextProtocol: 2 }, { build: false });
bind(VXLAN, Ether, { NextProtocol: 3 }, { build: false });
bind(VXLAN, Ether, { flags: 0x0c, NextProtocol: 3 }, { dissect: false });
bind(VXLAN, IP, { flags: 0x0c, NextProtocol: 1 }, { dissect: false });
bind(VXLAN, IPv6, { flags: 0x0c, NextProtocol: 2 }, { dissect: false });
