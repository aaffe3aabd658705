// ICMPv6 multicast listener discovery: MLD (RFC 2710) query, report and done; MLDv2 (RFC 3810) query and report
// with its multicast address records. Sent with hop limit 1, to the groups Scapy sends them to.
import { bind } from "../bind.js";
import { bytes, int, ipv6, u16, u8, type Field } from "../field.js";
import { defineLayer, type BuildContext, type Layer, type LayerDef } from "../layer.js";
import { packetList } from "../packet-list.js";
import { pseudoHeaderChecksum } from "../transport-checksum.js";
import { addressList } from "./address-list.js";
import { icmpv6, icmpv6Types, icmpv6Variants } from "./icmpv6.js";
import { IPv6 } from "./ipv6.js";
import { pyList, pyReprChain, strShown } from "./py-repr.js";
import { readSequence } from "./sequence.js";

const mldFields = (mrd: number): Field[] => [u16("mrd", mrd), u16("reserved", 0), ipv6("mladdr", "::")];

export const ICMPv6MLQuery = icmpv6("ICMPv6MLQuery", 130, mldFields(10000), {}, { dst: "ff02::1", hlim: 1 });
export const ICMPv6MLReport = icmpv6("ICMPv6MLReport", 131, mldFields(0), { answers: (_reply, req) => req.name === "ICMPv6MLQuery" }, { hlim: 1 });
export const ICMPv6MLDone = icmpv6("ICMPv6MLDone", 132, mldFields(0), {}, { dst: "ff02::2", hlim: 1 });

export const ICMPv6MLQuery2 = icmpv6(
  "ICMPv6MLQuery2",
  130,
  [
    ...mldFields(10000),
    int("Resv", 4, 0),
    int("S", 1, 0),
    int("QRV", 3, 0),
    u8("QQIC", 0),
    u16("sources_number", undefined),
    addressList("sources", 6, { spaced: true, count: (v) => v.sources_number as number }),
  ],
  { json: (l, out) => void (out.sources = pyList(l.get("sources") as string[])) },
  { dst: "ff02::1", hlim: 1 },
);
withCount(ICMPv6MLQuery2, "sources_number", "sources", 26);
// Type 130 is an MLDv2 query when it is long enough to be one (RFC 3810 8.1), else an MLD query.
icmpv6Variants.set(130, (message) => (message.length >= 28 ? ICMPv6MLQuery2 : ICMPv6MLQuery));

/** One multicast address record of an MLDv2 report; records follow one another. */
export const ICMPv6MLDMultAddrRec = defineLayer(
  "ICMPv6MLDMultAddrRec",
  [
    u8("rtype", 4),
    u8("auxdata_len", undefined),
    u16("sources_number", undefined),
    ipv6("dst", "::"),
    addressList("sources", 6, { spaced: true, count: (v) => v.sources_number as number }),
    strShown(bytes("auxdata", Buffer.alloc(0), { length: (v) => v.auxdata_len as number })),
  ],
  {
    postBuild: ({ buf, start, values }: BuildContext) => {
      if (values.auxdata_len === undefined) buf[start + 1] = Math.min(255, (values.auxdata as Buffer).length);
      if (values.sources_number === undefined) buf.writeUInt16BE(Math.min(0xffff, (values.sources as string[]).length), start + 2);
    },
  },
);

// Scapy reads the records after the first as payloads of the one before, so all of them, whatever the count.
const records = packetList("records", {
  readItems: (buf, off, end, v) => ((v.records_number as number) > 0 ? readSequence(buf, off, end, () => ICMPv6MLDMultAddrRec, Infinity) : []),
  accepts: (l) => l.def === ICMPv6MLDMultAddrRec,
  acceptsText: "a list of ICMPv6MLDMultAddrRec(dst=…, sources=[…])",
});

// Its second byte is `res`, not `code`: its own header, then registered as the other messages are.
export const ICMPv6MLReport2 = defineLayer(
  "ICMPv6MLReport2",
  [u8("type", 143, { names: icmpv6Types }), u8("res", 0), u16("cksum", undefined), u16("reserved", 0), u16("records_number", undefined), records],
  {
    postBuild: (ctx) => {
      const { buf, start, values } = ctx;
      if (values.cksum !== undefined) return;
      buf.writeUInt16BE(0, start + 2);
      const ck = pseudoHeaderChecksum(ctx, 58);
      if (ck !== undefined) buf.writeUInt16BE(ck, start + 2);
    },
    answers: (_reply, req) => req.name === "ICMPv6MLQuery2",
    json: (l, out) => void (out.records = pyReprChain(l.get("records") as Layer[])),
  },
);
withCount(ICMPv6MLReport2, "records_number", "records", 6);
icmpv6Variants.set(143, () => ICMPv6MLReport2);
bind(IPv6, ICMPv6MLReport2, { nh: 58, dst: "ff02::16", hlim: 1 }, { dissect: false });

/** A 16-bit count of a list field, written before the checksum is computed over it. */
function withCount(def: LayerDef, count: string, list: string, at: number) {
  const after = def.postBuild;
  def.postBuild = (ctx) => {
    if (ctx.values[count] === undefined) ctx.buf.writeUInt16BE(Math.min(0xffff, (ctx.values[list] as unknown[]).length), ctx.start + at);
    after?.(ctx);
  };
}
