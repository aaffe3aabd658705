import { bind } from "../bind.js";
import { checksum } from "../checksum.js";
import { PacketError } from "../errors.js";
import { ipv4, u16, u32, u8, type Field, type Values } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { IP, IPerror } from "./ip.js";

/** Milliseconds since midnight UTC when the packet model loaded: Scapy's timestamp default (taken when it loads). */
const loadedAt = Math.floor(Date.now() % 86_400_000);
const timeOfDay = /^([0-2]?[0-9])[Hh:](([0-5]?[0-9])([Mm:]([0-5]?[0-9])([sS:.]([0-9]{0,3}))?)?)?$/;

/** An ICMP timestamp: milliseconds since midnight UTC, given as a number or as Scapy reads a time, "14:05:09.250". */
function timestamp(name: string): Field {
  const base = u32(name, loadedAt, { when: (v) => t(v) === 13 || t(v) === 14 });
  return {
    ...base,
    defaultText: "the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's",
    parse: (input) => {
      if (typeof input !== "string") return base.parse(input);
      const m = timeOfDay.exec(input);
      if (!m) throw new PacketError(`${name}=${JSON.stringify(input)}: give milliseconds since midnight UTC or a time of day, "14:05:09.250"`);
      const ms = Number(`${m[7] ?? ""}000`.slice(0, 3));
      return ((Number(m[1]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[5] ?? 0)) * 1000 + ms;
    },
  };
}

export const icmpTypes: Record<number, string> = {
  0: "echo-reply", 3: "dest-unreach", 4: "source-quench", 5: "redirect", 8: "echo-request", 9: "router-advertisement",
  10: "router-solicitation", 11: "time-exceeded", 12: "parameter-problem", 13: "timestamp-request", 14: "timestamp-reply",
  15: "information-request", 16: "information-response", 17: "address-mask-request", 18: "address-mask-reply",
  30: "traceroute", 31: "datagram-conversion-error", 32: "mobile-host-redirect", 33: "ipv6-where-are-you", 34: "ipv6-i-am-here",
  35: "mobile-registration-request", 36: "mobile-registration-reply", 37: "domain-name-request", 38: "domain-name-reply",
  39: "skip", 40: "photuris",
};

export const icmpCodes: Record<number, Record<number, string>> = {
  3: {
    0: "network-unreachable", 1: "host-unreachable", 2: "protocol-unreachable", 3: "port-unreachable", 4: "fragmentation-needed",
    5: "source-route-failed", 6: "network-unknown", 7: "host-unknown", 9: "network-prohibited", 10: "host-prohibited",
    11: "TOS-network-unreachable", 12: "TOS-host-unreachable", 13: "communication-prohibited", 14: "host-precedence-violation",
    15: "precedence-cutoff",
  },
  5: { 0: "network-redirect", 1: "host-redirect", 2: "TOS-network-redirect", 3: "TOS-host-redirect" },
  11: { 0: "ttl-zero-during-transit", 1: "ttl-zero-during-reassembly" },
  12: { 0: "ip-header-bad", 1: "required-option-missing" },
  40: { 0: "bad-spi", 1: "authentication-failed", 2: "decompression-failed", 3: "decryption-failed", 4: "need-authentification", 5: "need-authorization" },
};

const idSeqTypes = new Set([0, 8, 13, 14, 15, 16, 17, 18, 37, 38]);
/** ICMP messages that quote the packet that caused them. */
export const icmpErrorTypes = new Set([3, 4, 5, 11, 12]);
const t = (v: Values) => v.type as number;
const noUnused = new Set([0, 3, 5, 8, 11, 12, 13, 14, 15, 16, 17, 18]);

export const ICMP = defineLayer(
  "ICMP",
  [
    u8("type", 8, { names: icmpTypes }),
    u8("code", 0, { namesBy: { of: (v) => icmpCodes[t(v)], all: Object.values(icmpCodes) } }),
    u16("chksum", undefined),
    u16("id", 0, { when: (v) => idSeqTypes.has(t(v)) }),
    u16("seq", 0, { when: (v) => idSeqTypes.has(t(v)) }),
    timestamp("ts_ori"),
    timestamp("ts_rx"),
    timestamp("ts_tx"),
    ipv4("gw", "0.0.0.0", (v) => t(v) === 5),
    u8("ptr", 0, { when: (v) => t(v) === 12 }),
    u8("reserved", 0, { when: (v) => t(v) === 3 || t(v) === 11 }),
    u8("length", 0, { when: (v) => t(v) === 3 || t(v) === 11 || t(v) === 12 }),
    ipv4("addr_mask", "0.0.0.0", (v) => t(v) === 17 || t(v) === 18),
    u16("nexthopmtu", 0, { when: (v) => t(v) === 3 }),
    u16("unused", 0, { when: (v) => t(v) === 11 || t(v) === 12 }),
    // "unused" is 2 bytes, 4 bytes or absent depending on the type (Scapy's MultipleTypeField).
    u32("unused", 0, { when: (v) => !noUnused.has(t(v)) }),
  ],
  {
    postBuild: ({ buf, start, end, values }) => {
      if (values.chksum !== undefined) return;
      buf.writeUInt16BE(0, start + 2);
      buf.writeUInt16BE(checksum(buf, start, end), start + 2);
    },
    guessPayload: (v) => (icmpErrorTypes.has(t(v)) ? IPerror : undefined),
    // Scapy's zero-length "unused" of these types reads as b"" when bytes follow the header, else as None.
    json: (l, out) => {
      if (!("unused" in out) && noUnused.has(l.get("type") as number) && l.get("type") !== 11 && l.get("type") !== 12)
        out.unused = l.buf ? (l.end > l.hdrEnd ? "" : null) : l.payload ? "" : null;
    },
    summary: (l: Layer) => {
      const type = l.get("type") as number;
      const code = l.get("code") as number;
      const codeText = icmpCodes[type]?.[code] ?? String(code);
      const head = `${icmpTypes[type] ?? type} ${codeText}`;
      const under = l.under;
      return under?.name === "IP" ? `ICMP ${under.get("src")} > ${under.get("dst")} ${head}` : `ICMP ${head}`;
    },
    answers: (reply, req) => {
      if (req.name !== "ICMP") return false;
      const pairs = [[8, 0], [13, 14], [15, 16], [17, 18], [33, 34], [35, 36], [37, 38]];
      return pairs.some(([q, r]) => req.get("type") === q && reply.get("type") === r) && reply.get("id") === req.get("id") && reply.get("seq") === req.get("seq");
    },
  },
);

/** An ICMP message quoted inside an ICMP error. */
export const ICMPerror = defineLayer("ICMPerror", ICMP.fields, {
  postBuild: ICMP.postBuild,
  json: ICMP.json,
  answers: (quoted, req) => req.name === "ICMP" && quoted.get("type") === req.get("type") && quoted.get("id") === req.get("id") && quoted.get("seq") === req.get("seq"),
});

bind(IP, ICMP, { frag: 0, proto: 1 });
bind(IPerror, ICMPerror, { proto: 1 });
