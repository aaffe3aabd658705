// The packet model: Scapy's layers and syntax, pure TypeScript (Buffers, no I/O).
import "./layers/raw.js";
import "./layers/ether.js";
import "./layers/arp.js";
import "./layers/ip.js";
import "./layers/icmp.js";
import "./layers/tcp.js";
import "./layers/udp.js";
import "./layers/ipv6.js";
import "./layers/icmpv6.js";
import "./layers/dns.js";
import "./layers/dhcp.js";
import "./layers/dhcp6.js";
import "./layers/ntp.js";
// After the application layers, as Scapy loads vxlan after them: UDP ports bound to both read as theirs.
import "./layers/tunnels.js";
import "./layers/ip-options.js";
import "./layers/ipv6-options.js";
import "./layers/ipv6-ext.js";
import "./layers/ipv6-fragment.js";
import "./layers/ipv6-segment-routing.js";
import "./layers/mld.js";
import "./layers/nd-options.js";
import "./layers/igmp.js";
import "./layers/igmpv3.js";
import "./layers/mpls.js";
import "./layers/geneve.js";
import "./layers/dot3.js";
import "./layers/dot1ad.js";
import "./layers/llc.js";
import "./layers/stp.js";
import { bindUnderExtensionHeaders } from "./layers/ipv6-ext.js";
import { dissectLayers } from "./dissect.js";
import { PacketError } from "./errors.js";
import { registry } from "./layer.js";
import { Layer, type LayerDef } from "./layer.js";
import { Packet } from "./packet.js";

// Once every layer is known: extension headers carry what IPv6 can carry.
bindUnderExtensionHeaders();

export { Packet } from "./packet.js";
export { craft } from "./craft.js";
export { Template, type Change } from "./template.js";
export { Layer } from "./layer.js";
export { PacketError } from "./errors.js";
export { encodePcap, decodePcap, linkTypes, type PcapRecord } from "./pcap.js";
export { encodePcapng, decodePcapng, type PcapngInterface, type PcapngRecord } from "./pcapng.js";

export type Link = "ether" | "ip" | "ipv6" | "raw";


let etherDef: LayerDef | undefined;

/**
 * Reads a packet from bytes. `link` says what the first byte is: an Ethernet frame (default), IPv4, IPv6, or "raw"
 * (IPv4 or IPv6, told by the version nibble, as pcap's LINKTYPE_RAW). Never throws on bad bytes.
 */
export function dissect(bytes: Buffer | Uint8Array, o?: { link?: Link }): Packet {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const link = o?.link ?? "ether";
  const first = link === "ether" ? "Ether" : link === "ip" ? "IP" : link === "ipv6" ? "IPv6" : (buf[0] ?? 0) >> 4 === 6 ? "IPv6" : "IP";
  const def = first === "Ether" ? (etherDef ??= registry.get("Ether")) : registry.get(first);
  if (!def) throw new PacketError(`unknown link type ${link}`);
  return new Packet(dissectLayers(def, buf));
}

/**
 * Builds a packet from layer names and field values, without parsing an expression:
 * `stack(["IP", { dst: "198.18.0.2" }], ["TCP", { dport: 80, flags: "S" }])`. Values are checked as in craft()
 * and kept as given (lists too, whose encoding is remembered): do not change them after building.
 */
export function stack(...layers: [string, Record<string, unknown>?][]): Packet {
  let top: Layer | undefined;
  for (let i = layers.length - 1; i >= 0; i--) {
    const [name, values = {}] = layers[i];
    const def = registry.get(name);
    if (!def) throw new PacketError(`unknown layer ${name}`);
    const given: Record<string, unknown> = {};
    for (const k in values) {
      const f = def.byName.get(k);
      if (!f) throw new PacketError(`${name} has no field ${k}`);
      given[k] = f.parse(values[k]);
    }
    const l = new Layer(def, given);
    l.payload = top;
    top = l;
  }
  if (!top) throw new PacketError("a packet needs at least one layer");
  return new Packet(top);
}
