// IGMP v1 and v2 (RFC 2236), as Scapy's contrib IGMP: bound under IP with TTL 1, as the RFC sends it.
import { bind } from "../bind.js";
import { checksum } from "../checksum.js";
import { ipv4, u16, u8 } from "../field.js";
import { defineLayer } from "../layer.js";
import { IP } from "./ip.js";

const igmpTypes = { 0x11: "Group Membership Query", 0x12: "Version 1 - Membership Report", 0x16: "Version 2 - Membership Report", 0x17: "Leave Group" };

export const IGMP = defineLayer("IGMP", [u8("type", 0x11, { names: igmpTypes }), u8("mrcode", 20), u16("chksum", undefined), ipv4("gaddr", "0.0.0.0")], {
  postBuild: ({ buf, start, end, values }) => {
    if (values.chksum !== undefined) return;
    buf.writeUInt16BE(0, start + 2);
    buf.writeUInt16BE(checksum(buf, start, end), start + 2);
  },
  summary: (l) => {
    const type = igmpTypes[l.get("type") as keyof typeof igmpTypes] ?? String(l.get("type"));
    const ip = l.under?.name === "IP" ? l.under : undefined;
    return ip ? `IGMP: ${ip.get("src")} > ${ip.get("dst")} ${type} ${l.get("gaddr")}` : `IGMP ${type} ${l.get("gaddr")}`;
  },
});

bind(IP, IGMP, { frag: 0, proto: 2, ttl: 1 });
