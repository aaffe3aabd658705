import { bind } from "../bind.js";
import { int, ipv6, u16, u8, type Values } from "../field.js";
import { defineLayer, type BuildContext, type Layer } from "../layer.js";
import { Dot1Q, Ether } from "./ether.js";
import { portGroup } from "./ip.js";

// Scapy's names of next headers (IPv6 nh), which are not IP's protocol names.
const nextHeaders: Record<number, string> = {
  0: "Hop-by-Hop Option Header", 4: "IP", 6: "TCP", 17: "UDP", 41: "IPv6", 43: "Routing Header", 44: "Fragment Header", 47: "GRE",
  50: "ESP Header", 51: "AH Header", 58: "ICMPv6", 59: "No Next Header", 60: "Destination Option Header", 112: "VRRP", 132: "SCTP",
  135: "Mobility Header",
};

const ipv6Fields = () => [
  int("version", 4, 6),
  int("tc", 8, 0),
  int("fl", 20, 0),
  u16("plen", undefined),
  u8("nh", 59, { names: nextHeaders }),
  u8("hlim", 64),
  ipv6("src", "::"),
  ipv6("dst", "::1"),
];

/**
 * Scapy's default source: the address its routes give for dst. Without a lab the only interface is loopback, whose
 * ::1 is a source for ::1 alone; to any other destination (global, link-local, multicast) there is none: "::".
 * In a lab the sending host's own address is given instead (wire/send.ts).
 */
const ownSource = { fills: ["src"], reads: ["dst"], values: (v: Values) => ({ src: v.dst === "::1" ? "::1" : "::" }) } as const;

function postBuild({ buf, start, hdrEnd, end, values }: BuildContext) {
  if (values.plen === undefined) buf.writeUInt16BE(Math.min(0xffff, end - hdrEnd), start + 4);
}

const payloadLength = (v: Values) => (typeof v.plen === "number" ? v.plen : -1);

export const IPv6 = defineLayer("IPv6", ipv6Fields(), {
  fromPayload: portGroup(6),
  fromSelf: ownSource,
  postBuild,
  payloadLength,
  summary: (l: Layer) => `${l.get("src")} > ${l.get("dst")} (${l.get("nh")})`,
  answers: (reply, req) => {
    if (req.name !== "IPv6") return false;
    const multicast = String(req.get("dst")).toLowerCase().startsWith("ff");
    return (multicast || reply.get("src") === req.get("dst")) && reply.get("dst") === req.get("src");
  },
});

/** The IPv6 header quoted in an ICMPv6 error. */
export const IPerror6 = defineLayer("IPerror6", ipv6Fields(), {
  fromSelf: ownSource,
  postBuild,
  payloadLength: () => -1,
  answers: (quoted, req) => req.name === "IPv6" && quoted.get("src") === req.get("src") && quoted.get("dst") === req.get("dst"),
});

bind(Ether, IPv6, { type: 0x86dd });
bind(Dot1Q, IPv6, { type: 0x86dd });

IPv6.span = (buf, off, end) => (end - off < 40 ? undefined : { hdrEnd: off + 40, key: { plen: (buf[off + 4] << 8) | buf[off + 5], nh: buf[off + 6] } });
