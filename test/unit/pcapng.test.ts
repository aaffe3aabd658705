import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { craft, decodePcap, decodePcapng, encodePcapng } from "../../src/packet/index.js";

const ifaces = [
  { name: "eth0", linkType: 1, mac: "02:77:00:01:00:01", description: "198.18.0.1/24" },
  { name: "eth1", linkType: 1, mac: "02:77:00:01:00:02" },
];
const a = craft('Ether(src="02:77:00:01:00:01", dst="02:77:00:02:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/ICMP()')[0].bytes;
const b = craft('Ether(src="02:77:00:03:00:01", dst="02:77:00:01:00:02")/IP(src="198.18.1.2", dst="198.18.0.1")/UDP(sport=4000, dport=9)/"odd"')[0].bytes;
const records = [
  { iface: 0, data: a, timeUs: 1_700_000_000_123_456, direction: "out" as const },
  { iface: 1, data: b, timeUs: 1_700_000_000_223_457, direction: "in" as const },
];
const dir = mkdtempSync(join(tmpdir(), "wc-pcapng-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pcapng", () => {
  it("reads back what it wrote: interfaces, frames, times, directions", () => {
    const back = decodePcapng(encodePcapng(ifaces, records));
    expect(back.interfaces.map((i) => [i.name, i.mac, i.description ?? ""])).toEqual([
      ["eth0", "02:77:00:01:00:01", "198.18.0.1/24"],
      ["eth1", "02:77:00:01:00:02", ""],
    ]);
    expect(back.records.map((r) => [r.iface, r.data.toString("hex"), r.timeUs, r.direction])).toEqual(records.map((r) => [r.iface, r.data.toString("hex"), r.timeUs, r.direction]));
    // decodePcap takes it too (dissect FILE.pcapng).
    expect(decodePcap(encodePcapng(ifaces, records)).records).toHaveLength(2);
  });

  it("tshark reads each frame's interface, direction and time", () => {
    const file = join(dir, "h.pcapng");
    writeFileSync(file, encodePcapng(ifaces, records));
    const rows = execFileSync("tshark", ["-n", "-r", file, "-T", "fields", "-E", "separator=,", "-e", "frame.interface_name", "-e", "frame.packet_flags_direction", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "_ws.expert"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    expect(rows.map((r) => [r[0], r[1], r[2].slice(0, 17), r[3], r[4] ?? ""])).toEqual([
      ["eth0", "0x00000002", "1700000000.123456", String(a.length), ""],
      ["eth1", "0x00000001", "1700000000.223457", String(b.length), ""],
    ]);
  });
});
