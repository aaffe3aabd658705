#!/usr/bin/python3
"""Writes test/fixtures/scapy-corpus/dissect.txt, the corpus's byte strings (run once; see the file's header):

    unshare -n sh -c 'ip link set lo up && /usr/bin/python3 scripts/corpus-bytes.py' > test/fixtures/scapy-corpus/dissect.txt
"""
import warnings; warnings.filterwarnings("ignore")
import logging; logging.getLogger("scapy").setLevel(logging.ERROR)
from scapy.all import *
print("# Byte strings read by Scapy and by wirecheck (CLASS HEX a line): frames as captures hold them, padded to Ethernet's")
print("# minimum, cut short, with lengths that lie, and odd stacks; the first is the Ether docstring's example. Made once")
print("# from packets built by Scapy 2.5; scripts/corpus-scapy.py records how Scapy reads each one.")
print("Ether ffffffffffffd0509956ddf9123400000000000000")
base = [
 ("Ether", Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/ICMP()),
 ("Ether", Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=1234, dport=80, flags="S", options=[("MSS", 1460), ("NOP", None), ("WScale", 7)])),
 ("Ether", Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1234, dport=9999)/b"hello"),
 ("Ether", Ether(dst="ff:ff:ff:ff:ff:ff", src="02:00:00:00:00:01")/ARP(hwsrc="02:00:00:00:00:01", psrc="198.18.0.1", pdst="198.18.0.2")),
 ("Ether", Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/Dot1Q(vlan=10)/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=5, dport=6)),
 ("Ether", Ether(dst="33:33:00:00:00:01", src="02:00:00:00:00:01")/IPv6(src="fe80::1", dst="ff02::1")/ICMPv6EchoRequest(id=1, seq=1)),
 ("Ether", Ether(dst="33:33:ff:00:00:02", src="02:00:00:00:00:01")/IPv6(src="2001:db8::1", dst="ff02::1:ff00:2")/ICMPv6ND_NS(tgt="2001:db8::2")/ICMPv6NDOptSrcLLAddr(lladdr="02:00:00:00:00:01")),
 ("IP", IP(src="198.18.0.2", dst="198.18.0.1")/UDP(sport=53, dport=1234)/DNS(id=1, qr=1, qd=DNSQR(qname="www.lab"), an=DNSRR(rrname="www.lab", rdata="198.18.0.10"))),
 ("IP", IP(src="198.18.0.254", dst="198.18.0.1")/ICMP(type=11)/IP(src="198.18.0.1", dst="198.18.0.2", ttl=1)/UDP(sport=40000, dport=33434)),
 ("IP", IP(src="198.18.0.1", dst="198.18.0.2", options=[IPOption_RR(routers=["198.18.0.5"])])/ICMP()),
 ("IPv6", IPv6(src="2001:db8::1", dst="2001:db8::2")/TCP(sport=1, dport=2, flags="SA")),
 ("IPv6", IPv6(src="2001:db8::9", dst="2001:db8::1")/ICMPv6DestUnreach(code=4)/IPv6(src="2001:db8::1", dst="2001:db8::2")/UDP(sport=1234, dport=5678)),
 ("IP", IP(src="198.18.0.1", dst="198.18.0.2")/GRE()/IP(src="10.0.0.1", dst="10.0.0.2")/ICMP()),
 ("IP", IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1, dport=4789)/VXLAN(vni=7)/Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="10.0.0.1", dst="10.0.0.2")/ICMP()),
]
for cls, p in base:
    b = raw(p)
    print(cls, b.hex())
    if cls == "Ether" and len(b) < 60: print(cls, (b + b"\x00" * (60 - len(b))).hex())
    for cut in sorted({len(b) - 1, len(b) - 4, len(b) // 2, 21, 14}):
        if 0 < cut < len(b): print(cls, b[:cut].hex())
    print(cls, (b + b"trailer!").hex())
ip = raw(IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1, dport=2)/b"abcdefgh")
for n in (0, 20, 24, 28, 200):
    print("IP", (ip[:2] + n.to_bytes(2, "big") + ip[4:]).hex())
for n in (0, 8, 10, 64):
    print("IP", (ip[:24] + n.to_bytes(2, "big") + ip[26:]).hex())
for ihl in (0, 4, 6, 15):
    print("IP", (bytes([0x40 | ihl]) + ip[1:]).hex())
v6 = raw(IPv6(src="2001:db8::1", dst="2001:db8::2")/UDP(sport=1, dport=2)/b"abcd")
for n in (0, 4, 12, 100):
    print("IPv6", (v6[:4] + n.to_bytes(2, "big") + v6[6:]).hex())
tcp = raw(IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=1, dport=2, flags="S", options=[("MSS", 1460)]))
for off in (0, 4, 5, 8, 15):
    print("IP", (tcp[:32] + bytes([(off << 4) | (tcp[32] & 0xf)]) + tcp[33:]).hex())
print("IP", (tcp[:-4] + b"\x02\x07\x05\xb4").hex())
print("IP", (tcp[:-4] + b"\x08\x00\x01\x01").hex())
e = dict(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")
print("Ether", raw(Ether(type=0x0800, **e)).hex())
print("Ether", raw(Ether(type=0x86dd, **e)/b"\x60\x00").hex())
print("Ether", raw(Ether(type=0x0806, **e)/b"\x00\x01\x08\x00\x06\x04").hex())
print("Ether", raw(Ether(**e)/ARP(ptype=0x86dd, hwsrc="02:00:00:00:00:01", psrc="2001:db8::1", pdst="2001:db8::2")).hex())
print("Ether", raw(Ether(type=0x8100, **e)/b"\x00\x0a\x08\x00").hex())
print("IP", raw(IP(src="198.18.0.1", dst="198.18.0.2", flags="MF")/UDP()/(b"x"*20)).hex())
print("IP", raw(IP(src="198.18.0.1", dst="198.18.0.2", frag=3, proto=17)/(b"x"*20)).hex())
print("IP", raw(IP(src="198.18.0.1", dst="198.18.0.2")/ICMP(type=3, code=3)/IP(src="198.18.0.2", dst="198.18.0.1")/UDP()).hex()[:112])
print("IP", raw(IP(src="198.18.0.1", dst="198.18.0.2", proto=41)/IPv6(src="2001:db8::1", dst="2001:db8::2")/ICMPv6EchoRequest()).hex())
