// DHCPv6 messages (RFC 8415) as Scapy 2.5's dhcp6.py declares them: a message type and transaction id (relay
// messages: hop count and two addresses), then options as layers of their own (dhcp6-options.ts). Read from UDP to
// port 546 or 547 by the message type, as Scapy's _dhcp6_dispatcher reads them; built with the ports each class sets.
import { bind } from "../bind.js";
import { int, ipv6, u8, type Field } from "../field.js";
import { defineLayer, Layer, type LayerDef } from "../layer.js";
import { packetLen } from "./dhcp6-fields.js";
import { nextOption, option } from "./dhcp6-options.js";
import { Raw } from "./raw.js";
import { UDP, UDPerror } from "./udp.js";

export const dhcp6MessageTypes: Record<number, string> = {
  1: "SOLICIT", 2: "ADVERTISE", 3: "REQUEST", 4: "CONFIRM", 5: "RENEW", 6: "REBIND", 7: "REPLY", 8: "RELEASE", 9: "DECLINE", 10: "RECONFIGURE",
  11: "INFORMATION-REQUEST", 12: "RELAY-FORW", 13: "RELAY-REPL",
};

const byType = new Map<number, LayerDef>();
/** Scapy's _dhcp6_dispatcher: the message class of the type byte, Raw for fewer than 2 bytes or a type it lacks. */
const messageKind = (buf: Buffer, off: number, end: number): LayerDef => (end - off >= 2 ? (byType.get(buf[off]) ?? Raw) : Raw);

const client = { sport: 546, dport: 547 };
const server = { sport: 547, dport: 546 };

function message(name: string, type: number | undefined, ports: { sport: number; dport: number }, answers?: (reply: Layer, request: Layer) => boolean): LayerDef {
  const def = defineLayer(name, [u8("msgtype", type, { names: dhcp6MessageTypes, auto: false }), int("trid", 24, 0)], { guessPayload: nextOption, answers });
  if (type !== undefined) byType.set(type, def);
  bind(UDP, def, ports, { dissect: false });
  return def;
}

const sameTrid = (kinds: string[]) => (reply: Layer, request: Layer) => kinds.includes(request.name) && reply.get("trid") === request.get("trid");

/** Scapy's DHCP6, the generic message (type None, written 0): what a relay message holds by default. */
export const DHCP6 = message("DHCP6", undefined, client);
// Under UDP to port 547 or 546 the message kind comes from the type byte, whichever class the binding names.
DHCP6.dispatch = messageKind;

export const DHCP6_Solicit = message("DHCP6_Solicit", 1, client);
export const DHCP6_Advertise = message("DHCP6_Advertise", 2, server, sameTrid(["DHCP6_Solicit"]));
export const DHCP6_Request = message("DHCP6_Request", 3, client);
export const DHCP6_Confirm = message("DHCP6_Confirm", 4, client);
export const DHCP6_Renew = message("DHCP6_Renew", 5, client);
export const DHCP6_Rebind = message("DHCP6_Rebind", 6, client);
export const DHCP6_Reply = message(
  "DHCP6_Reply",
  7,
  server,
  sameTrid(["DHCP6_Solicit", "DHCP6_InfoRequest", "DHCP6_Confirm", "DHCP6_Rebind", "DHCP6_Decline", "DHCP6_Request", "DHCP6_Release", "DHCP6_Renew"]),
);
export const DHCP6_Release = message("DHCP6_Release", 8, client);
export const DHCP6_Decline = message("DHCP6_Decline", 9, client);
export const DHCP6_Reconf = message("DHCP6_Reconf", 10, server);
export const DHCP6_InfoRequest = message("DHCP6_InfoRequest", 11, client);

const relayFields = (type: number): Field[] => [u8("msgtype", type, { names: dhcp6MessageTypes }), u8("hopcount", undefined, { auto: false }), ipv6("linkaddr", "::"), ipv6("peeraddr", "::")];
const relayPorts = { sport: 547, dport: 547 };
export const DHCP6_RelayForward = defineLayer("DHCP6_RelayForward", relayFields(12), { guessPayload: nextOption });
export const DHCP6_RelayReply = defineLayer("DHCP6_RelayReply", relayFields(13), {
  guessPayload: nextOption,
  answers: (reply, req) =>
    req.name === "DHCP6_RelayForward" && (["hopcount", "linkaddr", "peeraddr"] as const).every((k) => (reply.get(k) ?? 0) === (req.get(k) ?? 0)),
});
byType.set(12, DHCP6_RelayForward);
byType.set(13, DHCP6_RelayReply);
bind(UDP, DHCP6_RelayForward, relayPorts, { dissect: false });
bind(UDP, DHCP6_RelayReply, relayPorts, { dissect: false });

/** The relayed message: read by its type; by default Scapy's DHCP6() (four zero bytes). */
export const DHCP6OptRelayMsg = option("DHCP6OptRelayMsg", 9, [{ ...packetLen("message", 0, () => new Layer(DHCP6), messageKind, () => [DHCP6, ...byType.values()], "a DHCPv6 message (DHCP6_Solicit()/…)") }]);

// Scapy binds bottom-up only, on the destination port: either port reads as DHCPv6 (quoted in ICMPv6 errors too).
for (const lower of [UDP, UDPerror]) {
  bind(lower, DHCP6, { dport: 547 }, { build: false });
  bind(lower, DHCP6, { dport: 546 }, { build: false });
}
