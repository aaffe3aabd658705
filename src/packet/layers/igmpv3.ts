// IGMPv3 (RFC 3376), as Scapy's contrib IGMPv3: a common header, then a membership query (IGMPv3mq), a membership
// report with group records (IGMPv3mr, IGMPv3gr) or a multicast router advertisement (IGMPv3mra) as its payload.
// IGMP and IGMPv3 are told apart by the message's type and length, as Scapy's dispatch hooks do.
import { bind } from "../bind.js";
import { checksum } from "../checksum.js";
import { int, ipv4, u16, u8, type Field } from "../field.js";
import { defineLayer, type BuildContext, type LayerDef } from "../layer.js";
import { packetList } from "../packet-list.js";
import { addressList } from "./address-list.js";
import { IGMP } from "./igmp.js";
import { IP } from "./ip.js";
import { pyList } from "./py-repr.js";
import { readSequence } from "./sequence.js";

const types = { 0x11: "Membership Query", 0x22: "Version 3 Membership Report", 0x30: "Multicast Router Advertisement", 0x31: "Multicast Router Solicitation", 0x32: "Multicast Router Termination" };

export const IGMPv3: LayerDef = defineLayer("IGMPv3", [u8("type", 0x11, { names: types }), u8("mrcode", 20), u16("chksum", undefined)], {
  // The checksum covers the message and what follows it (the query or report).
  postBuild: ({ buf, start, end, values }) => {
    if (values.chksum !== undefined) return;
    buf.writeUInt16BE(0, start + 2);
    buf.writeUInt16BE(checksum(buf, start, end), start + 2);
  },
  summary: (l) => {
    const type = types[l.get("type") as keyof typeof types] ?? String(l.get("type"));
    const ip = l.under?.name === "IP" ? l.under : undefined;
    return ip ? `IGMPv3: ${ip.get("src")} > ${ip.get("dst")} ${type}` : `IGMPv3 ${type}`;
  },
  dispatch: (buf, off, end) => {
    const t = buf[off];
    return end - off >= 4 && ([0x12, 0x16, 0x17].includes(t) || (t === 0x11 && end - off < 12)) ? IGMP : undefined;
  },
});

IGMP.dispatch = (buf, off, end) => {
  const t = buf[off];
  return end - off >= 4 && ([0x22, 0x30, 0x31, 0x32].includes(t) || (t === 0x11 && end - off >= 12)) ? IGMPv3 : undefined;
};

/** A 16-bit count of an address or record list, written when not given (Scapy's FieldLenField count_of). */
const countOf = (count: string, list: string, at: number) => ({ buf, start, values }: BuildContext) => {
  if (values[count] === undefined) buf.writeUInt16BE(Math.min(0xffff, ((values[list] as unknown[] | undefined) ?? []).length), start + at);
};
const sources = (): Field => addressList("srcaddrs", 4, { count: (v) => v.numsrc as number });

export const IGMPv3mq = defineLayer(
  "IGMPv3mq",
  [ipv4("gaddr", "0.0.0.0"), int("resv", 4, 0), int("s", 1, 0), int("qrv", 3, 0), u8("qqic", 0), u16("numsrc", undefined), sources()],
  { postBuild: countOf("numsrc", "srcaddrs", 6), json: (l, out) => void (out.srcaddrs = pyList(l.get("srcaddrs") as string[])) },
);

const recordTypes = { 1: "Mode Is Include", 2: "Mode Is Exclude", 3: "Change To Include Mode", 4: "Change To Exclude Mode", 5: "Allow New Sources", 6: "Block Old Sources" };
export const IGMPv3gr = defineLayer(
  "IGMPv3gr",
  [u8("rtype", 1, { names: recordTypes }), u8("auxdlen", 0), u16("numsrc", undefined), ipv4("maddr", "0.0.0.0"), sources()],
  { postBuild: countOf("numsrc", "srcaddrs", 2) },
);

export const IGMPv3mr = defineLayer(
  "IGMPv3mr",
  [
    { ...u16("res2", 0), show: (v) => `0x${Number(v).toString(16)}` },
    u16("numgrp", undefined),
    packetList("records", {
      readItems: (buf, off, end, v) => readSequence(buf, off, end, () => IGMPv3gr, (v.numgrp as number) ?? 0),
      accepts: (l) => l.def === IGMPv3gr,
      acceptsText: "a list of IGMPv3gr(rtype=…, maddr=…, srcaddrs=[…])",
    }),
  ],
  { postBuild: countOf("numgrp", "records", 2) },
);

export const IGMPv3mra = defineLayer("IGMPv3mra", [u16("qryIntvl", 0), u16("robust", 0)]);

bind(IP, IGMPv3, { frag: 0, proto: 2, ttl: 1, tos: 0xc0, dst: "224.0.0.22" });
bind(IGMPv3, IGMPv3mq, { type: 0x11 });
bind(IGMPv3, IGMPv3mr, { type: 0x22, mrcode: 0 });
bind(IGMPv3, IGMPv3mra, { type: 0x30 });
