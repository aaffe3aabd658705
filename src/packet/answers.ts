import type { Layer } from "./layer.js";
import type { Packet } from "./packet.js";
import { icmpErrorTypes } from "./layers/icmp.js";

/** Layers whose own check decides: Scapy does not look further into their payloads. */
const decisive = new Set(["TCP", "ICMP", "ARP", "DNS", "ICMPv6EchoReply", "ICMPv6ND_NA", "TCPerror", "UDPerror", "ICMPerror", "BOOTP", "DHCP6_Advertise", "DHCP6_Reply", "DHCP6_RelayReply"]);

/**
 * Scapy's answers(): walks both packets layer by layer, each layer kind judging its own part (ports swapped, ids
 * equal, ack in the window…). An ICMP error answers the packet it quotes.
 */
export function answers(reply: Packet, request: Packet): boolean {
  return layerAnswers(reply.top, request.top, 0);
}

function layerAnswers(r: Layer | undefined, q: Layer | undefined, depth: number): boolean {
  if (depth > 32) return false;
  if (!q || q.name === "Raw" || q.name === "Padding") return true;
  if (!r) return false;
  // IP carrying an ICMP error: the quoted packet is what must match the request.
  if ((r.name === "IP" || r.name === "IPv6") && r.payload && isError(r.payload)) {
    const quoted = r.payload.payload;
    if (!quoted) return false;
    return quotedAnswers(quoted, q, depth + 1);
  }
  // A request to the limited broadcast (a DHCP discover) is answered from an address it could not name: the IP
  // addresses are not compared, as Scapy's users get with conf.checkIPaddr = False.
  if (r.name === "IP" && q.name === "IP" && q.get("dst") === "255.255.255.255") return r.get("proto") === q.get("proto") && layerAnswers(r.payload, q.payload, depth + 1);
  const judge = r.def.answers;
  if (!judge) return r.name === q.name && layerAnswers(r.payload, q.payload, depth + 1);
  if (!judge(r, q)) return false;
  if (decisive.has(r.name)) return true;
  return layerAnswers(r.payload, q.payload, depth + 1);
}

function isError(l: Layer): boolean {
  if (l.name === "ICMP") return icmpErrorTypes.has(l.get("type") as number);
  return l.name === "ICMPv6DestUnreach" || l.name === "ICMPv6TimeExceeded" || l.name === "ICMPv6PacketTooBig" || l.name === "ICMPv6ParamProblem";
}

/** The quoted packet (IPerror/UDPerror…) against the request it quotes, layer by layer as far as it was quoted. */
function quotedAnswers(quoted: Layer | undefined, q: Layer | undefined, depth: number): boolean {
  if (!quoted || !q || depth > 32) return true;
  if (quoted.name === "Raw" || quoted.name === "Padding") return true;
  const judge = quoted.def.answers;
  if (judge && !judge(quoted, q)) return false;
  // The quoted transport header decides (a quoted DNS query is no DNS answer).
  if (decisive.has(quoted.name)) return true;
  return quotedAnswers(quoted.payload, q.payload, depth + 1);
}
