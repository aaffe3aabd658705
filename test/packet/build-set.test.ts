import { describe, expect, it } from "vitest";
import { build } from "../../src/packet/build.js";
import { buildSet } from "../../src/packet/build-set.js";
import { craft } from "../../src/packet/index.js";

// Packet sets are built by patching copies of the first packet: the bytes must be exactly those of full builds.
const sets = [
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=(1, 300), dport=9)/b"payload"',
  'IP(src="198.18.0.1", dst="198.18.0.2", ttl=(1, 40))/TCP(sport=40000, dport=[22, 80, 443], flags="S", options=[("MSS", 1460)])',
  'IP(src="198.18.0.1", dst=["198.18.0.2", "198.18.0.3"])/ICMP(id=7, seq=(1, 20))',
  'IPv6(src="2001:db8::1", dst="2001:db8::2", hlim=(1, 30))/UDP(sport=1000, dport=(33434, 33440))',
  'Ether(dst="ff:ff:ff:ff:ff:ff", src="02:00:00:00:00:01")/ARP(psrc="198.18.0.1", pdst=["198.18.0.2", "198.18.0.3", "198.18.0.4"])',
  'IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=5353, dport=53)/DNS(id=(1, 10), qd=DNSQR(qname="a.lab"))',
];

describe("building a packet set", () => {
  for (const expr of sets) {
    it(`gives the bytes of full builds: ${expr}`, () => {
      const tops = craft(expr).map((p) => p.top);
      expect(tops.length).toBeGreaterThan(1);
      expect(buildSet(tops).map((b) => b.toString("hex"))).toEqual(tops.map((t) => build(t).toString("hex")));
    });
  }
});

describe("frames of a packet set without building each packet", () => {
  for (const expr of sets) {
    it(`frame n equals packet n built in full, or the set is declined: ${expr}`, async () => {
      const { parsePacketSet } = await import("../../src/packet/expr.js");
      const { setFrames } = await import("../../src/packet/build-set.js");
      const set = parsePacketSet(expr);
      const frame = setFrames(set.first, set.dims);
      const full = craft(expr).map((p) => p.bytes.toString("hex"));
      expect(set.count).toBe(full.length);
      if (!frame) return expect(expr).toMatch(/ICMP|DNS|dst=\[/); // conditional layers, sizes or destinations vary
      expect(full.map((_, n) => frame(n).toString("hex"))).toEqual(full);
    });
  }
});
