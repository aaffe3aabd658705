import { bind } from "../bind.js";
import { u16 } from "../field.js";
import type { Values } from "../field.js";
import { defineLayer, type BuildContext, type Layer } from "../layer.js";
import { udpServices } from "../services.js";
import { pseudoHeaderChecksum } from "../transport-checksum.js";
import { IP, IPerror } from "./ip.js";
import { putWord } from "../word.js";

const udpFields = () => [u16("sport", 53, { names: udpServices }), u16("dport", 53, { names: udpServices }), u16("len", undefined), u16("chksum", undefined)];

function udpPostBuild(ctx: BuildContext) {
  const { buf, start, end, values } = ctx;
  if (values.len === undefined) putWord(buf, start + 4, Math.min(0xffff, end - start));
  if (values.chksum === undefined) {
    putWord(buf, start + 6, 0);
    const ck = pseudoHeaderChecksum(ctx, 17);
    // RFC 768: a computed checksum of 0 is sent as 0xffff (0 means "no checksum").
    if (ck !== undefined) putWord(buf, start + 6, ck === 0 ? 0xffff : ck);
  }
}

/**
 * The payload's share of the bytes after the header, as Scapy's extract_padding slices it (s[:len - 8]): a length
 * below 8 counts from the end, so `len=0` leaves the last 8 bytes as padding.
 */
function udpPayloadLength(v: Values, _hdr: number, available: number): number {
  if (typeof v.len !== "number") return -1;
  const n = v.len - 8;
  return n >= 0 ? n : Math.max(0, available + n);
}

const port = (p: unknown) => udpServices[p as number] ?? String(p);

export const UDP = defineLayer("UDP", udpFields(), {
  postBuild: udpPostBuild,
  payloadLength: udpPayloadLength,
  summary: (l: Layer) => {
    const u = l.under;
    if (u && (u.name === "IP" || u.name === "IPv6")) return `UDP ${u.get("src")}:${port(l.get("sport"))} > ${u.get("dst")}:${port(l.get("dport"))}`;
    // Scapy asks a quoted header (IPerror, IPerror6) for IP's fields by the name IP, which it does not have: ??.
    if (u && (u.name === "IPerror" || u.name === "IPerror6")) return `UDP ??:${port(l.get("sport"))} > ??:${port(l.get("dport"))}`;
    return `UDP ${port(l.get("sport"))} > ${port(l.get("dport"))}`;
  },
  answers: (reply, req) => req.name === "UDP" && reply.get("dport") === req.get("sport"),
});

export const UDPerror = defineLayer("UDPerror", udpFields(), {
  postBuild: udpPostBuild,
  payloadLength: udpPayloadLength,
  answers: (quoted, req) => req.name === "UDP" && quoted.get("sport") === req.get("sport") && quoted.get("dport") === req.get("dport"),
});

bind(IP, UDP, { frag: 0, proto: 17 });
bind(IPerror, UDPerror, { proto: 17 });
bind(IPerror, UDP, { proto: 17 }, { dissect: false }); // building: Scapy's IPerror is an IP

UDP.span = (buf, off, end) =>
  end - off < 8 ? undefined : { hdrEnd: off + 8, key: { sport: (buf[off] << 8) | buf[off + 1], dport: (buf[off + 2] << 8) | buf[off + 3], len: (buf[off + 4] << 8) | buf[off + 5] } };
