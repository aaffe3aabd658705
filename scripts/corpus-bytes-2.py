#!/usr/bin/python3
"""Writes test/fixtures/scapy-corpus/dissect-2.txt, the second set's byte strings (run once; see the file's header):

    unshare -n sh -c 'ip link set lo up && /usr/bin/python3 scripts/corpus-bytes-2.py' > test/fixtures/scapy-corpus/dissect-2.txt

Frames of the layers the README claims beyond the first set's (options, extension headers, records, tunnels), each
whole, cut short, padded, and with a length field made to lie.
"""
import warnings; warnings.filterwarnings("ignore")
import logging; logging.getLogger("scapy").setLevel(logging.ERROR)
from scapy.all import *
from scapy.contrib.igmp import IGMP
from scapy.contrib.igmpv3 import IGMPv3, IGMPv3mq, IGMPv3mr, IGMPv3gr
from scapy.contrib.mpls import MPLS
from scapy.contrib.geneve import GENEVE, GeneveOptions

print("# The second set's byte strings (CLASS HEX a line), made once by scripts/corpus-bytes-2.py from packets built by")
print("# Scapy 2.5: each whole, cut short, padded, and with a length that lies; scripts/corpus-scapy.py records how Scapy")
print("# reads each one.")
E = dict(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")
A, B = dict(src="198.18.1.1", dst="198.18.1.9"), dict(src="2001:db8:1::1", dst="2001:db8:1::9")
base = [
 ("IP", IP(**A, options=[IPOption_RR(routers=["198.18.1.2", "198.18.1.3"]), IPOption_NOP()])/UDP(sport=1, dport=2)),
 ("IP", IP(**A, options=[IPOption_Timestamp(flg=1, internet_address="198.18.1.3", timestamp=7)])/ICMP()),
 ("IP", IP(**A)/TCP(sport=1, dport=2, flags="S", options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (5, 0)), ("NOP", None), ("WScale", 7)])),
 ("IP", IP(**A)/TCP(sport=1, dport=2, flags="A", options=[("NOP", None), ("NOP", None), ("SAck", (10, 20, 30, 40))])),
 ("IPv6", IPv6(**B)/IPv6ExtHdrHopByHop(options=[RouterAlert()])/ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff12::1", sources=["2001:db8:1::5"])])),
 ("IPv6", IPv6(**B)/IPv6ExtHdrDestOpt(options=[HAO(hoa="2001:db8:9::1")])/IPv6ExtHdrRouting(addresses=["2001:db8:1::7"])/UDP(sport=1, dport=2)),
 ("IPv6", IPv6(**B)/IPv6ExtHdrSegmentRouting(addresses=["2001:db8:1::5", "2001:db8:1::6"])/ICMPv6EchoRequest()),
 ("IPv6", IPv6(**B)/IPv6ExtHdrFragment(id=9, m=1)/UDP(sport=1, dport=2)/b"abcdefgh"),
 ("IPv6", IPv6(src="fe80::1", dst="ff02::1")/ICMPv6ND_RA()/ICMPv6NDOptPrefixInfo(prefix="2001:db8:1::")/ICMPv6NDOptRDNSS(dns=["2001:db8::53"])/ICMPv6NDOptDNSSL(searchlist=["lab.example"])),
 ("IPv6", IPv6(src="fe80::1", dst="2001:db8:1::2")/ICMPv6ND_Redirect(tgt="fe80::2", dst="2001:db8:6::1")/ICMPv6NDOptRedirectedHdr(pkt=IPv6(**B)/UDP())),
 ("IP", IP(src="198.18.1.53", dst="198.18.1.1")/UDP(sport=53, dport=3333)/DNS(id=5, qr=1, qd=DNSQR(qname="host.example"), an=DNSRR(rrname="host.example", rdata="198.18.1.10")/DNSRRMX(rrname="host.example", exchange="mx.host.example"), ns=DNSRRSOA(rrname="example", mname="ns.example", rname="h.example"), ar=DNSRROPT(rdata=[EDNS0TLV(optcode=10, optdata=b"12345678")]))),
 ("IP", IP(src="198.18.1.53", dst="198.18.1.1")/UDP(sport=53, dport=3333)/DNS(qr=1, an=DNSRRSRV(rrname="_s._tcp.example", port=80, target="t.example")/DNSRR(rrname="example", type="TXT", rdata=["a", "bc"]))),
 ("IP", IP(src="198.18.1.1", dst="255.255.255.255")/UDP(sport=68, dport=67)/BOOTP(chaddr=b"\x02\x00\x00\x00\x01\x01", xid=1)/DHCP(options=[("message-type", "discover"), ("param_req_list", [1, 3, 6]), ("hostname", "c1"), "end"])),
 ("IP", IP(**A)/UDP(sport=123, dport=123)/NTPHeader(mode=4, stratum=2, ref=0, orig=0, recv=0, sent=0)),
 ("IP", IP(src="198.18.1.1", dst="224.0.0.22")/IGMPv3(type=0x22)/IGMPv3mr(records=[IGMPv3gr(rtype=1, maddr="239.1.1.1", srcaddrs=["198.18.1.5"])])),
 ("IP", IP(src="198.18.1.1", dst="224.0.0.1")/IGMPv3()/IGMPv3mq(srcaddrs=["198.18.1.2"])),
 ("IP", IP(src="198.18.1.1", dst="239.1.1.1")/IGMP(type=0x16, gaddr="239.1.1.1")),
 ("Ether", Ether(**E)/MPLS(label=16, s=0)/MPLS(label=17)/IP(**A)/ICMP()),
 ("IP", IP(**A)/UDP(sport=5, dport=6081)/GENEVE(vni=3, options=[GeneveOptions(classid=1, type=2, data=b"abcd")])/Ether(**E)/IP(**A)/ICMP()),
 ("IP", IP(**A)/GRE(key_present=1, key=7, seqnum_present=1, seqence_number=2)/IP(**A)/ICMP()),
 ("Ether", Dot3(dst="01:80:c2:00:00:00", src="02:00:00:00:00:01")/LLC()/STP(rootmac="02:00:00:00:00:01", bridgemac="02:00:00:00:00:01")),
 ("Ether", Ether(**E)/Dot1AD(vlan=10)/Dot1Q(vlan=20)/IP(**A)/UDP(sport=1, dport=2)),
 ("IP", IP(src="198.18.1.254", dst="198.18.1.1")/ICMP(type=3, code=3)/IP(**A)/UDP(sport=1, dport=53)/DNS(qd=DNSQR(qname="q.example"))),
 ("IPv6", IPv6(src="2001:db8:1::254", dst="2001:db8:1::1")/ICMPv6PacketTooBig(mtu=1280)/IPv6(**B)/TCP(sport=1, dport=2)),
]
for cls, p in base:
    b = raw(p)
    print(cls, b.hex())
    for cut in sorted({len(b) - 1, len(b) - 3, (2 * len(b)) // 3, len(b) // 2}):
        if 0 < cut < len(b): print(cls, b[:cut].hex())
    print(cls, (b + b"\x00" * 6).hex())
# Lengths that lie, in the records and options themselves.
dns = raw(DNS(id=1, qr=1, qd=DNSQR(qname="a.example"), an=DNSRR(rrname="a.example", rdata="198.18.1.10")))
print("DNS", (dns[:6] + b"\x00\x05" + dns[8:]).hex())            # ancount 5, one record
print("DNS", (dns[:4] + b"\x00\x00" + dns[6:]).hex())            # qdcount 0 with a question there
print("DNS", (dns[:-6] + b"\x00\x10" + dns[-4:]).hex())          # rdlength 16, four bytes follow
print("DNS", (dns[:-6] + b"\x00\x02" + dns[-4:]).hex())          # rdlength 2
print("DNS", (dns[:4] + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\xc0\x0c\x00\x01\x00\x01").hex())
print("DNS", (dns[:4] + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x3fabc\x00\x00\x01\x00\x01").hex())  # label longer than the bytes
tcp = raw(IP(**A)/TCP(sport=1, dport=2, flags="S", options=[("MSS", 1460), ("WScale", 7), ("NOP", None), ("NOP", None)]))
print("IP", (tcp[:40] + b"\x02\x08\x05\xb4" + tcp[44:]).hex())    # MSS says 8 bytes
print("IP", (tcp[:40] + b"\x02\x00\x05\xb4" + tcp[44:]).hex())    # MSS says 0
print("IP", (tcp[:40] + b"\x02\x01\x05\xb4" + tcp[44:]).hex())    # MSS says 1
print("IP", (tcp[:40] + b"\x08\x0a\x00\x00" + tcp[44:]).hex())    # Timestamp cut by the header's end
print("IP", (tcp[:40] + b"\x05\x06\x00\x00" + tcp[44:]).hex())    # SAck with one odd block
ipo = raw(IP(**A, options=[IPOption_RR(routers=["198.18.1.2"])])/ICMP())
print("IP", (ipo[:21] + b"\x20" + ipo[22:]).hex())                # option length past the header
print("IP", (ipo[:21] + b"\x02" + ipo[22:]).hex())                # option length 2
print("IP", (ipo[:21] + b"\x00" + ipo[22:]).hex())                # option length 0
hbh = raw(IPv6(**B)/IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\x00\x00\x00\x00")])/UDP(sport=1, dport=2))
print("IPv6", (hbh[:41] + b"\x05" + hbh[42:]).hex())              # hdr len 5 (48 bytes) in a short packet
print("IPv6", (hbh[:43] + b"\x09" + hbh[44:]).hex())              # PadN longer than its header
rt = raw(IPv6(**B)/IPv6ExtHdrRouting(addresses=["2001:db8:1::7"])/UDP(sport=1, dport=2))
print("IPv6", (rt[:41] + b"\x04" + rt[42:]).hex())                # routing length 4, one address
udp = raw(IP(**A)/UDP(sport=1, dport=2)/b"abcd")
print("IP", (udp[:24] + b"\x00\x05" + udp[26:]).hex())            # UDP len 5 < header
print("IP", (udp[:24] + b"\x00\x20" + udp[26:]).hex())            # UDP len past the datagram
ra = raw(IPv6(src="fe80::1", dst="ff02::1")/ICMPv6ND_RA()/ICMPv6NDOptSrcLLAddr(lladdr="02:00:00:00:00:01"))
print("IPv6", (ra[:57] + b"\x00" + ra[58:]).hex())                # ND option length 0
print("IPv6", (ra[:57] + b"\x03" + ra[58:]).hex())                # ND option length past the end
gen = raw(IP(**A)/UDP(sport=5, dport=6081)/GENEVE(vni=3, options=[GeneveOptions(classid=1, type=2, data=b"abcd")])/Ether(**E))
print("IP", (gen[:28] + bytes([0x3f]) + gen[29:]).hex())          # GENEVE optionlen 63
igmp = raw(IP(src="198.18.1.1", dst="224.0.0.22")/IGMPv3(type=0x22)/IGMPv3mr(records=[IGMPv3gr(maddr="239.1.1.1", srcaddrs=["198.18.1.5"])]))
print("IP", (igmp[:30] + b"\x00\x03" + igmp[32:]).hex())          # three records, one there
print("IP", (igmp[:36] + b"\x00\x09" + igmp[38:]).hex())          # nine sources, one there
dh = raw(IP(**A)/UDP(sport=68, dport=67)/BOOTP()/DHCP(options=[("message-type", "discover"), ("hostname", "abc"), "end"]))
print("IP", dh[:-2].hex())                                        # options without end
print("IP", (dh[:-7] + b"\x0c\x20abc\xff").hex())                 # hostname says 32 bytes
print("Ether", raw(Ether(**E, type=0x8847)/b"\x00\x01\x01").hex())   # MPLS cut
print("Ether", raw(Ether(**E, type=0x88a8)/b"\x00\x0a").hex())       # Dot1AD cut
print("Ether", raw(Ether(dst="01:80:c2:00:00:00", src="02:00:00:00:00:01", type=0x26)/b"\x42\x42\x03\x00\x00").hex())  # STP cut
print("Ether", raw(Ether(**E, type=0x05dc)/LLC()/SNAP(code=0x0800)/IP(**A)).hex())  # Dot3 length larger than the frame
