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
  // The link and network layers of issue 14: extension headers with options and TLVs, MLD, ND options, IPv4 options,
  // IGMP, MPLS, GENEVE with options, 802.3/LLC/SNAP/STP and 802.1ad.
  'Ether(dst="33:33:00:00:00:16", src="02:00:00:00:00:01")/IPv6(src="fe80::1", dst="ff02::16", hlim=1)/IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"ab"), Jumbo(jumboplen=70000)])/ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff02::5", sources=["2001:db8::1"], auxdata=b"abcd"), ICMPv6MLDMultAddrRec(dst="ff02::6")])',
  'IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrDestOpt(options=[HAO(hoa="2001:db8::9"), HBHOptUnknown(otype=0x3e, optdata=b"xyz")])/IPv6ExtHdrRouting(addresses=["2001:db8::10", "2001:db8::11"])/IPv6ExtHdrSegmentRouting(addresses=["2001:db8::12", "2001:db8::13"], tlv_objects=[IPv6ExtHdrSegmentRoutingTLVIngressNode(), IPv6ExtHdrSegmentRoutingTLV(type=7, len=1, value=b"a")])/TCP(sport=1, dport=2)',
  'IPv6(src="fe80::1", dst="ff02::1")/ICMPv6MLQuery2(sources=["2001:db8::1", "2001:db8::2"])',
  'IPv6(src="fe80::1", dst="ff02::1", hlim=255)/ICMPv6ND_RA()/ICMPv6NDOptRDNSS(dns=["2001:db8::53"])/ICMPv6NDOptDNSSL(searchlist=["lab.example."])/ICMPv6NDOptRouteInfo(prefix="2001:db8:1::", plen=48)/ICMPv6NDOptMTU()',
  'IPv6(src="fe80::1", dst="fe80::2", hlim=255)/ICMPv6ND_Redirect(tgt="fe80::3", dst="2001:db8::9")/ICMPv6NDOptRedirectedHdr(pkt=IPv6(src="2001:db8::1", dst="2001:db8::9")/UDP(sport=1, dport=2)/Raw(b"abcdefghijklmnop"))',
  'IP(src="198.18.0.1", dst="198.18.0.2", options=[IPOption_LSRR(routers=["198.18.0.5", "198.18.0.6"]), IPOption_Timestamp(flg=1, timestamp=7)])/UDP(sport=1, dport=2)',
  'Ether(dst="01:00:5e:01:02:03", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="224.1.2.3", ttl=1)/IGMP(type=0x16, gaddr="224.1.2.3")',
  'IP(src="198.18.0.1", options=[IPOption_Router_Alert()])/IGMPv3(type=0x22)/IGMPv3mr(records=[IGMPv3gr(rtype=4, maddr="224.1.2.3", srcaddrs=["198.18.0.7"]), IGMPv3gr(maddr="239.0.0.1")])',
  'IP(src="198.18.0.1")/IGMPv3()/IGMPv3mq(gaddr="224.1.2.3", srcaddrs=["198.18.0.5", "198.18.0.6"])',
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/MPLS(label=100)/MPLS(label=200)/IP(src="198.18.0.1", dst="198.18.0.2")/ICMP()',
  'IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1000, dport=6081)/GENEVE(vni=7, options=[GeneveOptions(classid=0x102, data=b"abcd")])/Ether()/IP()/ICMP()',
  'Ether(dst="01:80:c2:00:00:00", src="02:00:00:00:00:01", type=38)/LLC()/STP()',
  'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/Dot1AD(vlan=5)/Dot1Q(vlan=7, type=40)/LLC()/SNAP()/IP(src="198.18.0.1", dst="198.18.0.2")',
  'IP(src="198.18.0.1", dst="198.18.0.123")/UDP(sport=40000, dport=123)/NTPHeader(stratum=1, ref_id="GPS ", orig=0, sent=3900000000.5)/NTPAuthenticator(key_id=5, dgst=b"0123456789abcdef")',
  'IP(src="198.18.0.1", dst="198.18.0.53")/TCP(sport=40000, dport=53, flags="PA")/DNS(id=9, qd=DNSQR(qname="a.lab", qtype="SOA"), ar=DNSRROPT())',
  'IP(src="198.18.0.53", dst="198.18.0.1")/UDP(sport=53, dport=4000)/DNS(id=3, qr=1, qd=DNSQR(qname="a.lab", qtype="MX"), an=DNSRRMX(rrname="a.lab", type="MX", exchange="mx.a.lab")/DNSRRSRV(rrname="_x._tcp.a.lab", port=80, target="a.lab")/DNSRRSOA(rrname="a.lab", mname="ns.a.lab", rname="h.a.lab"), ar=DNSRROPT(rdata=[EDNS0TLV(optcode=3, optdata=b"ab")]))',
  'Ether(dst="ff:ff:ff:ff:ff:ff", src="02:00:00:00:00:01")/IP(src="0.0.0.0", dst="255.255.255.255")/UDP(sport=68, dport=67)/BOOTP(chaddr=mac2str("02:00:00:00:00:01"), xid=7, flags="B")/DHCP(options=[("message-type", "request"), ("requested_addr", "198.18.0.9"), ("param_req_list", [1, 3, 6]), ("hostname", "c"), ("classless_static_routes", "198.18.0.0/24:198.18.0.1"), (250, b"xy"), "pad", "end"])',
  // DHCPv6: a message with options chained, IAs holding option lists, DUIDs, and a relayed message.
  'Ether(dst="33:33:00:01:00:02", src="02:00:00:00:00:01")/IPv6(src="fe80::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit(trid=7)/DHCP6OptClientId(duid=DUID_LLT(lladdr="02:00:00:00:00:01", timeval=5))/DHCP6OptIA_NA(iaid=1, ianaopts=[DHCP6OptIAAddress(addr="2001:db8::5", iaaddropts=[DHCP6OptStatusCode(statusmsg="ok")]), DHCP6OptStatusCode()])/DHCP6OptIA_PD(iapdopt=[DHCP6OptIAPrefix()])/DHCP6OptElapsedTime()/DHCP6OptOptReq()/DHCP6OptDNSDomains(dnsdomains=["lab.example."])/DHCP6OptUnknown(optcode=200, data=b"xy")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2")/UDP(sport=547, dport=547)/DHCP6_RelayForward(linkaddr="2001:db8::1", peeraddr="fe80::2")/DHCP6OptIfaceId(ifaceid="eth0")/DHCP6OptRelayMsg(message=DHCP6_Reply(trid=9)/DHCP6OptServerId(duid=DUID_EN(id=b"abc"))/DHCP6OptClientId(duid=DUID_UUID(uuid="12345678-1234-5678-9abc-def012345678"))/DHCP6OptDNSServers(dnsservers=["2001:db8::53"])/DHCP6OptIA_TA(iataopts=[DHCP6OptIAAddress()]))',
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
paths.push("IPv6ExtHdrHopByHop.options", "IPv6ExtHdrSegmentRouting.tlv_objects", "ICMPv6MLReport2.records", "ICMPv6NDOptRedirectedHdr.pkt", "GENEVE.options", "STP.age", "Dot3.len", "MPLS.label");
paths.push("BOOTP.chaddr", "DHCP.options", "NTPHeader.sent", "DNS.an.exchange");
paths.push("DHCP6_Solicit.trid", "DHCP6OptIA_NA.ianaopts.addr", "DHCP6OptIAAddress.addr", "DHCP6OptClientId.duid", "DHCP6OptRelayMsg.message", "DHCP6OptStatusCode.statuscode");

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
