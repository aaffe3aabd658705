// Packet sets against Scapy, every packet of each set (the oracle's --all mode): address prefixes in IP fields, ranges
// inside lists, and the two mixed; defaults taken from the layer above as a set varies them. craft(), buildSet() and
// setFrames() must give Scapy's bytes in Scapy's order.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/packet/build.js";
import { buildSet, setFrames } from "../../src/packet/build-set.js";
import { parsePacketSet } from "../../src/packet/expr.js";
import { craft } from "../../src/packet/index.js";

const PYTHON = "/usr/bin/python3";
const ORACLE = "test/oracle/scapy_oracle.py";

const sets = [
  'IP(src="198.18.0.1", dst="198.18.0.0/30")/ICMP()',
  'IP(src="198.18.0.1", dst="198.18.0.5/30")/UDP(sport=1000, dport=2000)',
  'IP(src="198.18.0.1", dst="198.18.7.9/32")/ICMP()',
  'IP(src="198.18.0.0/31", dst="198.18.0.9")/TCP(sport=1, dport=[22, 80], flags="S")',
  'IP(src="198.18.0.1", dst="198.18.2.0/24")/TCP(sport=40000, dport=80, flags="S")',
  'IP(src="198.18.0.1", dst=["198.18.0.9", "198.18.1.0/31", "198.18.0.3"])/ICMP(id=1)',
  'IP(src="198.18.0.1", dst="198.18.0.2", ttl=[1, 2, (5, 9)])/UDP(sport=1, dport=33434)',
  'IP(src="198.18.0.1", dst="198.18.0.2", ttl=[(1, 2), (2, 3)])/ICMP()',
  'IP(src="198.18.0.1", dst="198.18.0.2", ttl=[1, 3], id=[5, 6])/ICMP()',
  'IP(src="198.18.0.1", dst=["198.18.0.2", "198.18.0.3"], id=(5, 6), ttl=[1, 3])/TCP(dport=[1, 2], sport=[3, 4])',
  'IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=[22, (80, 83), 443, (8000, 8002)], flags="S")',
  'IP(src="198.18.0.1", dst="198.18.0.2")/ICMP(type=5, gw="198.18.0.4/31")/IP(src="198.18.0.2", dst="198.18.0.1")/ICMP()',
  'Ether(dst="ff:ff:ff:ff:ff:ff", src="02:00:00:00:00:01")/ARP(hwsrc="02:00:00:00:00:01", psrc="198.18.0.1", pdst="198.18.0.1/29")',
  'Ether(dst="ff:ff:ff:ff:ff:ff", src="02:00:00:00:00:01")/ARP(hwsrc="02:00:00:00:00:01", psrc="198.18.0.4/31", pdst="198.18.0.1")',
  'IPv6(src="2001:db8::1", dst="2001:db8::/126")/ICMPv6EchoRequest()',
  'IPv6(src="2001:db8::1", dst="2001:db8:0:1::5/125")/UDP(sport=1, dport=2)',
  'IPv6(src="2001:db8::1", dst=["2001:db8::9", "2001:db8::/127"], hlim=[1, (3, 4)])/ICMPv6EchoRequest(id=2)',
  'IPv6(src="2001:db8::1", dst="2001:db8::2")/ICMPv6ND_NS(tgt="2001:db8::a/127")',
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.0/28")/UDP(sport=5000, dport=(7, 9))/b"x"',
  // Ether's dst follows each packet's multicast group (built packet by packet, not patched from the first).
  'Ether(src="02:00:00:00:00:01")/IPv6(src="2001:db8::1", dst=["ff02::1", "ff02::1:ff00:5", "ff05::fb"])/UDP(sport=1, dport=2)',
  'Ether(src="02:00:00:00:00:01")/Dot1Q(vlan=3)/IPv6(src="2001:db8::1", dst="ff02::/126")/ICMPv6EchoRequest()',
  'Ether(src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="224.0.0.0/30")/UDP(sport=1, dport=2)',
  'Ether(src="02:00:00:00:00:01")/ARP(hwsrc="02:00:00:00:00:01", psrc="198.18.0.1", pdst="224.0.0.4/31")',
  // The IP dst follows UDP's dport (mDNS's group at 5353), and Ether's dst follows that.
  'Ether(src="02:00:00:00:00:01")/IPv6(src="2001:db8::1")/UDP(sport=1, dport=[5352, 5353, 5354])',
  'Ether(src="02:00:00:00:00:01")/IP(src="198.18.0.1")/UDP(sport=1, dport=(5352, 5354))',
  // Ether()/Ether() builds type 1, which Scapy (and the model) read back as 802.3 (Dot3/LLC): see net-layers-vectors.
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/Ether(dst="02:00:00:00:00:03", src="02:00:00:00:00:04")/IP(src="198.18.0.1", dst="198.18.0.2")/ICMP(seq=(1, 3))',
];

describe("packet sets, every packet against Scapy", () => {
  let hexes: Record<string, string[] | string> = {};
  let failure = "";
  beforeAll(() => {
    const r = spawnSync(PYTHON, [ORACLE, "--all"], { input: `${sets.join("\n")}\n`, encoding: "utf8", timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.error || r.status !== 0) failure = `${ORACLE} --all failed (status ${r.status}): ${r.error?.message ?? r.stderr}`;
    else for (const line of r.stdout.split("\n").filter((l) => l.trim())) {
      const o = JSON.parse(line) as { expr: string; hexes?: string[]; error?: string };
      hexes[o.expr] = o.hexes ?? `Scapy: ${o.error}`;
    }
  }, 300_000);

  for (const expr of sets) {
    it(expr, () => {
      if (failure) expect.fail(failure);
      const want = hexes[expr];
      if (typeof want === "string") expect.fail(want);
      const packets = craft(expr);
      expect(packets.map((p) => p.bytes.toString("hex"))).toEqual(want);
      const tops = packets.map((p) => p.top);
      expect(buildSet(tops).map((b) => b.toString("hex"))).toEqual(tops.map((t) => build(t).toString("hex")));
      // Frames written from the first packet, when the set allows it, are the same bytes.
      const set = parsePacketSet(expr);
      expect(set.count).toBe(want.length);
      const frame = setFrames(set.first, set.dims);
      if (frame) expect(want.map((_, n) => frame(n).toString("hex"))).toEqual(want);
    });
  }
});
