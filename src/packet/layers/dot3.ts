// IEEE 802.3 framing: a frame whose type field is a length (1500 or less) is Scapy's Dot3, its payload LLC.
import { mac, u16 } from "../field.js";
import { defineLayer, type LayerDef } from "../layer.js";
import { Ether } from "./ether.js";

const lengthAt12 = (buf: Buffer, off: number, end: number) => (end - off >= 14 ? (buf[off + 12] << 8) | buf[off + 13] : undefined);

export const Dot3: LayerDef = defineLayer("Dot3", [mac("dst", "ff:ff:ff:ff:ff:ff"), mac("src", "00:00:00:00:00:00"), u16("len", undefined)], {
  postBuild: ({ buf, start, hdrEnd, end, values }) => {
    if (values.len === undefined) buf.writeUInt16BE(Math.min(0xffff, end - hdrEnd), start + 12);
  },
  payloadLength: (v) => (typeof v.len === "number" ? v.len : -1),
  summary: (l) => `802.3 ${l.get("src")} > ${l.get("dst")}`,
  answers: (reply, req) => req.name === "Dot3" && reply.name === "Dot3",
  dispatch: (buf, off, end) => {
    const t = lengthAt12(buf, off, end);
    return t !== undefined && t > 1500 ? Ether : undefined;
  },
});

Ether.dispatch = (buf, off, end) => {
  const t = lengthAt12(buf, off, end);
  return t !== undefined && t <= 1500 ? Dot3 : undefined;
};

