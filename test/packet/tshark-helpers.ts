// tshark's verdict on crafted packets, for the oracle tests: each packet written to a pcap of its link type (the
// product's own writer) and read with checksum validation on.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodePcap, type Packet } from "../../src/packet/index.js";

const TSHARK = "/usr/bin/tshark";
const PI_CHECKSUM = 0x01000000;
const PI_MALFORMED = 0x07000000;
const PI_ERROR = 0x00800000;

/**
 * The problems tshark finds in each packet, by its index: malformed-packet and error expert infos, bad checksums,
 * and `protocol` missing from what it decoded. Throws when tshark cannot run.
 */
export function tsharkProblems(packets: Packet[], dir: string, protocol = "dhcpv6"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [link, linktype] of [["ether", 1], ["raw", 101]] as const) {
    const mine = packets.map((p, i) => ({ p, i })).filter(({ p }) => (p.layers[0].name === "Ether") === (link === "ether"));
    if (!mine.length) continue;
    const file = join(dir, `${link}.pcap`);
    writeFileSync(file, encodePcap(mine.map(({ p }) => ({ data: p.bytes })), linktype));
    const r = spawnSync(
      TSHARK,
      ["-r", file, "-n", "-o", "udp.check_checksum:TRUE", "-T", "json", "-e", "frame.number", "-e", "frame.protocols", "-e", "_ws.expert.message", "-e", "_ws.expert.group", "-e", "_ws.expert.severity", "-e", "_ws.malformed"],
      { encoding: "utf8", timeout: 300_000, maxBuffer: 256 * 1024 * 1024 },
    );
    if (r.error || r.status !== 0) throw new Error(`tshark failed (status ${r.status}): ${r.error?.message ?? r.stderr} (run \`make test\`, which installs tshark)`);
    const frames = JSON.parse(r.stdout) as { _source: { layers: Record<string, string[]> } }[];
    if (frames.length !== mine.length) throw new Error(`tshark read ${frames.length} of ${mine.length} frames from ${file}`);
    for (const entry of frames) {
      const l = entry._source.layers;
      const { i } = mine[Number(l["frame.number"][0]) - 1];
      const groups = (l["_ws.expert.group"] ?? []).map(Number);
      const severities = (l["_ws.expert.severity"] ?? []).map(Number);
      const problems = (l["_ws.expert.message"] ?? [])
        .map((message, k) => ({ message, group: groups[k], severity: severities[k] }))
        .filter((x) => x.group === PI_MALFORMED || x.group === PI_CHECKSUM || x.severity === PI_ERROR)
        .map((x) => `${x.message} (group 0x${x.group.toString(16)})`);
      if ((l["_ws.malformed"] ?? []).length) problems.push("marked malformed");
      const protocols = (l["frame.protocols"] ?? [""])[0];
      if (!protocols.split(":").includes(protocol)) problems.push(`not read as ${protocol}: ${protocols}`);
      out.set(String(i), problems);
    }
  }
  return out;
}
