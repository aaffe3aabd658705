// Fuzzing the dissector: random and mutated bytes must never make it throw, hang, or produce a packet whose
// summary, fields, tree or JSON cannot be read. Shared by `npm run fuzz` (a million cases) and the test suite.
import { craft, dissect } from "../../dist/packet/index.js";

/** A small fast seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds = [
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=80, flags="S", options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 2)), ("NOP", None), ("WScale", 7), ("SAck", (1, 2))])',
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2", ihl=7, options=[IPOption_RR(routers=["198.18.0.9"])])/UDP(sport=5353, dport=53)/DNS(id=7, qr=1, qd=DNSQR(qname="a.lab"), an=DNSRR(rrname="a.lab", rdata="198.18.0.9")/DNSRR(rrname="b.lab", type="CNAME", rdata="a.lab")/DNSRR(rrname="t.lab", type="TXT", rdata=["hi"]))',
  'IP(src="198.18.0.1", dst="198.18.0.2")/ICMP(type=3, code=3)/IP(src="198.18.0.2", dst="198.18.0.1")/UDP(sport=53, dport=33434)/b"abcdefgh"',
  'Ether(dst="33:33:ff:00:00:02", src="02:00:00:00:00:01")/IPv6(src="fe80::1", dst="ff02::1:ff00:2")/ICMPv6ND_NS(tgt="fe80::2")/ICMPv6NDOptSrcLLAddr(lladdr="02:00:00:00:00:01")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2")/ICMPv6DestUnreach()/IPv6(src="2001:db8::2", dst="2001:db8::1")/UDP(sport=1, dport=2)',
  'IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrFragment(m=1, id=7)/UDP(sport=1, dport=2)/b"first fragment"',
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/Dot1Q(vlan=5)/Dot1Q(vlan=7)/ARP(psrc="198.18.0.1", pdst="198.18.0.2")',
  'IP(src="198.18.0.1", dst="198.18.0.2")/GRE(key_present=1, key=5, chksum_present=1)/IP(src="10.0.0.1", dst="10.0.0.2")/ICMP()',
  'IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=4789, dport=4789)/VXLAN(vni=42)/Ether()/IP()/ICMP()',
].map((e) => craft(e)[0].bytes);

const links = ["ether", "ip", "ipv6", "raw"];

/** One case: bytes from the seed, and the link to read them as. */
export function makeCase(rand) {
  const r = rand();
  let bytes;
  if (r < 0.25) {
    bytes = Buffer.alloc(Math.floor(rand() * 120));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
  } else {
    bytes = Buffer.from(seeds[Math.floor(rand() * seeds.length)]);
    const edits = 1 + Math.floor(rand() * 6);
    for (let e = 0; e < edits; e++) {
      const kind = rand();
      const at = Math.floor(rand() * Math.max(1, bytes.length));
      if (kind < 0.5 && bytes.length) bytes[at] = Math.floor(rand() * 256); // a byte anywhere, lengths and pointers included
      else if (kind < 0.65) bytes = bytes.subarray(0, at); // cut short
      else if (kind < 0.8 && bytes.length) bytes[at] ^= 1 << Math.floor(rand() * 8);
      else if (kind < 0.9) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([Math.floor(rand() * 256), 0xc0]), bytes.subarray(at)]);
      else bytes = Buffer.concat([bytes, Buffer.alloc(Math.floor(rand() * 40), Math.floor(rand() * 256))]);
    }
  }
  const link = r < 0.25 ? links[Math.floor(rand() * links.length)] : rand() < 0.8 ? (bytes[0] >> 4 === 4 || bytes[0] >> 4 === 6 ? "raw" : "ether") : links[Math.floor(rand() * links.length)];
  return { bytes, link };
}

const paths = ["IP.src", "TCP.flags", "TCP.options", "UDP.len", "DNS.qd.qname", "DNS.an.rdata", "ICMP.type", "IPv6.nh", "Raw.load", "ARP.op", "IPerror.dst", "Dot1Q.vlan"];

/** Reads everything a user could read of the dissected packet; throws only on a dissector bug. */
export function exercise({ bytes, link }) {
  const p = dissect(bytes, { link });
  p.summary();
  p.show();
  JSON.stringify(p.toJSON());
  for (const path of paths) p.get(path);
  if (!p.bytes.equals(bytes.subarray(0, p.bytes.length))) throw new Error("dissected bytes differ from the input");
  p.answers(p);
  return p.layers.length;
}

/** Runs n cases from a seed; returns the failures (seed, case index, hex, error). */
export function fuzz(seed, n) {
  const rand = prng(seed);
  const failures = [];
  for (let i = 0; i < n; i++) {
    const c = makeCase(rand);
    try {
      exercise(c);
    } catch (e) {
      failures.push({ seed, i, link: c.link, hex: c.bytes.toString("hex"), error: String(e?.stack ?? e) });
      if (failures.length >= 10) break;
    }
  }
  return failures;
}
