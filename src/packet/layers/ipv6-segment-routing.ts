// The segment routing header (RFC 8754), a routing header of type 4: a list of segments and optional TLVs.
import { PacketError } from "../errors.js";
import { bytes, int, ipv6, u16, u8, type Field, type Values } from "../field.js";
import { defineLayer, Layer, type LayerDef } from "../layer.js";
import { acceptedLayers } from "../path.js";
import { bind } from "../bind.js";
import { addressList } from "./address-list.js";
import { afterExtension, nextHeader } from "./ipv6-ext.js";
import { IPv6 } from "./ipv6.js";
import { pyList, pyReprList, strShown } from "./py-repr.js";
import { builtBytes, readSequence } from "./sequence.js";

const tlvTypes = { 0: "Pad1 TLV", 1: "Ingress Node TLV", 2: "Egress Node TLV", 4: "PadN TLV", 5: "HMAC TLV" };
const lenAuto = ({ buf, start, hdrEnd, values }: { buf: Buffer; start: number; hdrEnd: number; values: Values }) => {
  if (values.len === undefined) buf[start + 1] = Math.min(255, hdrEnd - start - 2);
};

export const IPv6ExtHdrSegmentRoutingTLV = defineLayer("IPv6ExtHdrSegmentRoutingTLV", [u8("type", undefined, { names: tlvTypes, auto: false }), u8("len", 0), strShown(bytes("value", Buffer.alloc(0), { length: (v) => v.len as number }))]);
const padTLV = (name: string, type: number) =>
  defineLayer(name, [u8("type", type, { names: tlvTypes }), u8("len", undefined), strShown(bytes("padding", Buffer.from([0]), { length: (v) => v.len as number }))], { postBuild: lenAuto });
export const IPv6ExtHdrSegmentRoutingTLVPad1 = padTLV("IPv6ExtHdrSegmentRoutingTLVPad1", 0);
export const IPv6ExtHdrSegmentRoutingTLVPadN = padTLV("IPv6ExtHdrSegmentRoutingTLVPadN", 4);
const nodeTLV = (name: string, type: number, field: string) =>
  defineLayer(name, [u8("type", type, { names: tlvTypes }), u8("len", 18), u8("reserved", 0), u8("flags", 0), ipv6(field, "::1")]);
export const IPv6ExtHdrSegmentRoutingTLVIngressNode = nodeTLV("IPv6ExtHdrSegmentRoutingTLVIngressNode", 1, "ingress_node");
export const IPv6ExtHdrSegmentRoutingTLVEgressNode = nodeTLV("IPv6ExtHdrSegmentRoutingTLVEgressNode", 2, "egress_node");

const tlvByType = new Map<number, LayerDef>([
  [0, IPv6ExtHdrSegmentRoutingTLVPad1], [1, IPv6ExtHdrSegmentRoutingTLVIngressNode], [2, IPv6ExtHdrSegmentRoutingTLVEgressNode], [4, IPv6ExtHdrSegmentRoutingTLVPadN],
]);
const isTLV = (l: Layer) => l.def.name.startsWith("IPv6ExtHdrSegmentRoutingTLV");

const readTLVs = (buf: Buffer, off: number, end: number) => readSequence(buf, off, end, (t) => tlvByType.get(t) ?? IPv6ExtHdrSegmentRoutingTLV, 128);


/**
 * The TLVs, and when the header length is left to compute, the padding Scapy appends to reach a multiple of 8
 * bytes: a PadN TLV, or for one missing byte its Pad1 TLV (three bytes, as Scapy builds it).
 */
function tlvBytes(items: Layer[], v: Values): Buffer {
  const body = Buffer.concat(items.map(builtBytes));
  if (v.len !== undefined) return body;
  const headerSize = 8 + 16 * ((v.addresses as string[]) ?? []).length + body.length;
  const missing = (8 - (headerSize % 8)) % 8;
  if (missing === 0) return body;
  const pad = missing === 1 ? Buffer.from([0, 1, 0]) : Buffer.concat([Buffer.from([4, missing - 2]), Buffer.alloc(missing - 2)]);
  return Buffer.concat([body, pad]);
}

const tlvObjects: Field = {
  name: "tlv_objects",
  bits: 0,
  default: [],
  isList: true,
  elements: acceptedLayers(isTLV),
  size: (value, v) => tlvBytes(value as Layer[], v).length,
  write: (buf, off, value, v) => void tlvBytes(value as Layer[], v).copy(buf, off),
  read: (buf, off, end, v) => {
    const stop = Math.max(off, Math.min(end, off + 8 * (v.len as number) - 16 * ((v.lastentry as number) + 1)));
    return [readTLVs(buf, off, stop), stop];
  },
  parse: (input) => {
    const list = input === null || input === undefined ? [] : Array.isArray(input) ? input : [input];
    for (const item of list) if (!(item instanceof Layer) || !isTLV(item)) throw new PacketError("tlv_objects takes a list of segment routing TLVs (IPv6ExtHdrSegmentRoutingTLV(type=…, value=b\"…\"), …TLVPadN(), …TLVIngressNode(), …)");
    return list;
  },
  show: (v) => pyReprList(v as Layer[]),
};

export const IPv6ExtHdrSegmentRouting = defineLayer(
  "IPv6ExtHdrSegmentRouting",
  [
    nextHeader(),
    u8("len", undefined),
    u8("type", 4),
    u8("segleft", undefined),
    u8("lastentry", undefined),
    int("unused1", 1, 0),
    int("protected", 1, 0),
    int("oam", 1, 0),
    int("alert", 1, 0),
    int("hmac", 1, 0),
    int("unused2", 3, 0),
    u16("tag", 0),
    addressList("addresses", 6, { spaced: true, default: ["::1"], count: (v) => (v.lastentry as number) + 1 }),
    tlvObjects,
  ],
  {
    postBuild: ({ buf, start, hdrEnd, values }) => {
      const n = (values.addresses as string[]).length;
      if (values.len === undefined) buf[start + 1] = Math.min(255, Math.floor((hdrEnd - start - 8) / 8));
      if (values.segleft === undefined) buf[start + 3] = Math.min(255, Math.max(0, n - 1));
      if (values.lastentry === undefined) buf[start + 4] = Math.min(255, Math.max(0, n - 1));
    },
    guessPayload: afterExtension,
    json: (l, out) => void (out.addresses = pyList(l.get("addresses") as string[])),
  },
);

bind(IPv6, IPv6ExtHdrSegmentRouting, { nh: 43 }, { dissect: false });
