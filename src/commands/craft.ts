import { writeFileSync } from "node:fs";
import { craft, encodePcap, linkTypes, PacketError } from "../packet/index.js";

export interface CraftOptions {
  hex?: boolean;
  show?: boolean;
  json?: boolean;
  pcap?: string;
}

/** wirecheck craft EXPR: the packets of a Scapy expression as hex (one line each), a tree, JSON or a pcap file. */
export function craftCommand(expr: string, o: CraftOptions): number {
  let packets;
  try {
    packets = craft(expr);
  } catch (e) {
    if (!(e instanceof PacketError)) throw e;
    process.stderr.write(`${expr}\n${e.col > 0 ? `${" ".repeat(e.col - 1)}^\n` : ""}${e.col > 0 ? `column ${e.col}: ` : ""}${e.message}\n`);
    return 2;
  }
  try {
    if (o.pcap) {
      const ether = packets.every((p) => p.layers[0].name === "Ether");
      writeFileSync(o.pcap, encodePcap(packets.map((p) => ({ data: p.bytes })), ether ? linkTypes.ether : linkTypes.raw));
      if (!o.hex && !o.json && !o.show) process.stdout.write(`${packets.length} packet(s) written to ${o.pcap}\n`);
    }
    if (o.json) process.stdout.write(JSON.stringify(packets.length === 1 ? packets[0].toJSON() : packets.map((p) => p.toJSON()), null, 2) + "\n");
    // What Scapy's show() prints for each packet: its text, then an empty line.
    else if (o.show) process.stdout.write(packets.map((p) => `${p.show()}\n`).join(""));
    else if (o.hex || !o.pcap) process.stdout.write(packets.map((p) => p.bytes.toString("hex")).join("\n") + "\n");
  } catch (e) {
    if (!(e instanceof PacketError)) throw e;
    process.stderr.write(`cannot build the packet: ${e.message}\n`);
    return 2;
  }
  return 0;
}
