import { existsSync, readFileSync } from "node:fs";
import { decodePcap, dissect, type Link } from "../packet/index.js";
import { hexdump } from "../util/text.js";

export interface DissectOptions {
  json?: boolean;
  link?: Link;
}

const pcapLinks: Record<number, Link> = { 1: "ether", 101: "raw", 228: "ip", 229: "ipv6", 12: "raw", 14: "raw" };

/** wirecheck dissect HEX|FILE.pcap: each packet's summary and field tree, or JSON. */
export function dissectCommand(input: string, o: DissectOptions): number {
  let frames: Buffer[];
  let link: Link = o.link ?? "ether";
  if (existsSync(input)) {
    let pcap;
    try {
      pcap = decodePcap(readFileSync(input));
    } catch (e) {
      process.stderr.write(`${input}: ${(e as Error).message}\n`);
      return 2;
    }
    if (!o.link) {
      const l = pcapLinks[pcap.linkType];
      if (!l) {
        process.stderr.write(`${input}: link type ${pcap.linkType} is not supported (ether 1, raw 101); give --link\n`);
        return 2;
      }
      link = l;
    }
    frames = pcap.records.map((r) => r.data);
  } else {
    const hex = input.replace(/[\s:]/g, "").replace(/^0x/i, "");
    if (!/^([0-9a-fA-F]{2})+$/.test(hex)) {
      process.stderr.write(`${input}: neither a file nor hex bytes (write them like 4500001c…, spaces and colons allowed)\n`);
      return 2;
    }
    frames = [Buffer.from(hex, "hex")];
    if (!o.link) link = guessLink(frames[0]);
  }
  const packets = frames.map((f) => dissect(f, { link }));
  if (o.json) process.stdout.write(JSON.stringify(packets.length === 1 ? packets[0].toJSON() : packets.map((p) => p.toJSON()), null, 2) + "\n");
  else
    process.stdout.write(
      packets.map((p, i) => `${packets.length > 1 ? `#${i + 1} ` : ""}${p.summary()}\n${p.show()}${hexdump(p.bytes)}`).join("\n\n") + "\n",
    );
  return 0;
}

/**
 * What bare hex starts with, when --link does not say: an IPv4 or IPv6 header whose length fields agree with the
 * bytes given (as tshark's and Scapy's users expect of `4500…`), else an Ethernet frame.
 */
export function guessLink(b: Buffer): Link {
  if (b.length >= 20 && b[0] >> 4 === 4 && (b[0] & 0x0f) >= 5 && b.readUInt16BE(2) === b.length) return "ip";
  if (b.length >= 40 && b[0] >> 4 === 6 && b.readUInt16BE(4) + 40 === b.length) return "ipv6";
  return "ether";
}
