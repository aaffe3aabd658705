// MPLS label stack entries (RFC 3032), as Scapy's contrib MPLS: below the bottom of the stack, the payload is told
// by its first nibble (IPv4, IPv6, else Ethernet).
import { bind } from "../bind.js";
import { int, u8 } from "../field.js";
import { defineLayer, type LayerDef } from "../layer.js";
import { Dot1Q, Ether } from "./ether.js";
import { IP } from "./ip.js";
import { IPv6 } from "./ipv6.js";
import { Padding } from "./raw.js";
import { GRE } from "./tunnels.js";
import { UDP } from "./udp.js";

export const MPLS: LayerDef = defineLayer("MPLS", [int("label", 20, 3), int("cos", 3, 0), int("s", 1, 1), u8("ttl", 0)], {
  guessPayload: (v, payload) => {
    if (payload.length < 1) return Padding;
    if (!v.s) return MPLS;
    const version = payload[0] >> 4;
    if (version === 4) return IP;
    if (version === 6) return IPv6;
    // Scapy reads 0x0000 as a pseudowire control word (EoMCW), which the model does not have.
    return payload.length > 1 && payload[0] === 0 && payload[1] === 0 ? undefined : Ether;
  },
});

bind(Ether, MPLS, { type: 0x8847 });
bind(Dot1Q, MPLS, { type: 0x8847 });
bind(IP, MPLS, { proto: 137 });
bind(IPv6, MPLS, { nh: 137 });
bind(UDP, MPLS, { dport: 6635 });
bind(GRE, MPLS, { proto: 0x8847 });
// Building only: Scapy's MPLS reads its payload by the rule above, whatever these fields say.
bind(MPLS, MPLS, { s: 0 }, { dissect: false });
bind(MPLS, IP, { label: 0 }, { dissect: false });
bind(MPLS, IPv6, { label: 2 }, { dissect: false });
