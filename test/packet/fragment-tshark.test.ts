// Wireshark's view of what fragment() and fragment6() build: the fragments of each expression written to a pcap and
// read by tshark, which reassembles them. No frame may be malformed, and every reassembled datagram is the
// transport layer with a good checksum (status 1), so the bytes the fragments carry are the datagram's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { craft, encodePcap } from "../../src/packet/index.js";

const eth = 'Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")';
const cases: { expr: string; field: string; length: string }[] = [
  { expr: `fragment(${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=1)/UDP(sport=4000, dport=4001)/Raw(load=b"x"*3000), fragsize=1000)`, field: "udp.length", length: "3008" },
  { expr: `fragment(${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=2)/UDP(sport=4000, dport=4001)/Raw(load=b"tiny"*5), fragsize=8)`, field: "udp.length", length: "28" },
  { expr: `fragment(${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=3)/TCP(sport=4000, dport=80, flags="PA")/Raw(load=b"t"*2000), fragsize=600)`, field: "tcp.len", length: "2000" },
  { expr: `fragment6(${eth}/IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrFragment(id=4)/UDP(sport=4000, dport=4001)/Raw(load=b"z"*3000), 1280)`, field: "udp.length", length: "3008" },
  { expr: `fragment6(${eth}/IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrFragment(id=5)/TCP(sport=4000, dport=80, flags="PA")/Raw(load=b"w"*1500), 500)`, field: "tcp.len", length: "1500" },
];

const dir = mkdtempSync(join(tmpdir(), "wc-frag-tshark-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tshark reads fragment() and fragment6() output and reassembles it", () => {
  for (const c of cases) {
    it(c.expr, () => {
      const frames = craft(c.expr);
      expect(frames.length).toBeGreaterThan(1);
      const file = join(dir, "f.pcap");
      writeFileSync(file, encodePcap(frames.map((p) => ({ data: p.bytes }))));
      const r = spawnSync(
        "/usr/bin/tshark",
        ["-r", file, "-n", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-T", "json",
          "-e", "_ws.malformed", "-e", "_ws.expert.message", "-e", "udp.checksum.status", "-e", "tcp.checksum.status", "-e", "ip.checksum.status", "-e", c.field],
        { encoding: "utf8", timeout: 60_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const layers = (JSON.parse(r.stdout) as { _source: { layers: Record<string, string[]> } }[]).map((e) => e._source.layers);
      expect(layers.flatMap((l) => l["_ws.malformed"] ?? [])).toEqual([]);
      expect(layers.flatMap((l) => l["_ws.expert.message"] ?? []).filter((m) => /checksum|malformed|overlap/i.test(m))).toEqual([]);
      // The last fragment completes the datagram: Wireshark dissects the transport layer there, whole and checked.
      const last = layers[layers.length - 1];
      expect(last[c.field]).toEqual([c.length]);
      expect(last["udp.checksum.status"] ?? last["tcp.checksum.status"]).toEqual(["1"]);
      for (const l of layers) expect(l["ip.checksum.status"] ?? ["1"]).toEqual(["1"]);
    });
  }
});
