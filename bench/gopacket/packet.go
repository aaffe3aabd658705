// The gopacket side of npm run bench:packet: the same two packets as bench/packet.mjs (a TCP SYN with five options,
// a DNS query), built with SerializeLayers and read with NewPacket (lazy) and a DecodingLayerParser. Prints one
// JSON object of packets per second of the process's CPU time (median of 5 rounds of a fixed CPU time), after checking that it builds the bytes
// given as arguments (the SYN and the DNS query as wirecheck and Scapy build them).
//
// Run: GO111MODULE=off GOPATH=/usr/share/gocode go run bench/gopacket/packet.go SYN_HEX DNS_HEX ROUND_MS
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

var roundMs = 300

// CPU time the process used (user and system, every thread: the collector's too).
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func rate(fn func(i int)) float64 {
	for i := 0; i < 2000; i++ {
		fn(i)
	}
	rounds := make([]float64, 0, 5)
	k := 0
	for r := 0; r < 5; r++ {
		n := 0
		t0 := cpu()
		t := t0
		for t-t0 < time.Duration(roundMs)*time.Millisecond {
			for i := 0; i < 200; i++ {
				fn(k)
				k++
			}
			n += 200
			t = cpu()
		}
		rounds = append(rounds, float64(n)/(t-t0).Seconds())
	}
	sort.Float64s(rounds)
	return rounds[2]
}

var (
	dstMac = net.HardwareAddr{2, 0, 0, 0, 0, 2}
	srcMac = net.HardwareAddr{2, 0, 0, 0, 0, 1}
	srcIP  = net.IP{198, 18, 0, 1}
	dstIP  = net.IP{198, 18, 0, 2}
	opts   = gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	sink   int
)

// The SYN of the bench: its layers made afresh for each packet, as a program building packets would.
func buildSyn(buf gopacket.SerializeBuffer, seq uint32) []byte {
	eth := &layers.Ethernet{DstMAC: dstMac, SrcMAC: srcMac, EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, Id: 1, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: srcIP, DstIP: dstIP}
	tcp := &layers.TCP{SrcPort: 40000, DstPort: 80, Seq: seq, SYN: true, Window: 8192, Options: []layers.TCPOption{
		{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0x05, 0xb4}},
		{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
		{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: []byte{0, 0, 0x30, 0x39, 0, 0, 0, 0}},
		{OptionType: layers.TCPOptionKindNop},
		{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{7}},
	}}
	tcp.SetNetworkLayerForChecksum(ip)
	if err := gopacket.SerializeLayers(buf, opts, eth, ip, tcp); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func buildDns(buf gopacket.SerializeBuffer, id uint16) []byte {
	eth := &layers.Ethernet{DstMAC: dstMac, SrcMAC: srcMac, EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, Id: 1, TTL: 64, Protocol: layers.IPProtocolUDP, SrcIP: srcIP, DstIP: dstIP}
	udp := &layers.UDP{SrcPort: 5353, DstPort: 53}
	udp.SetNetworkLayerForChecksum(ip)
	dns := &layers.DNS{ID: id, RD: true, Questions: []layers.DNSQuestion{{Name: []byte("www.example.com"), Type: layers.DNSTypeA, Class: layers.DNSClassIN}}}
	if err := gopacket.SerializeLayers(buf, opts, eth, ip, udp, dns); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func main() {
	if len(os.Args) > 3 {
		roundMs, _ = strconv.Atoi(os.Args[3])
	}
	buf := gopacket.NewSerializeBuffer()
	syn := append([]byte(nil), buildSyn(buf, 1000)...)
	dns := append([]byte(nil), buildDns(buf, 0xbeef)...)
	if got := hex.EncodeToString(syn); got != os.Args[1] {
		fmt.Fprintf(os.Stderr, "gopacket built a different SYN:\n%s\n%s\n", got, os.Args[1])
		os.Exit(1)
	}
	if got := hex.EncodeToString(dns); got != os.Args[2] {
		fmt.Fprintf(os.Stderr, "gopacket built a different DNS query:\n%s\n%s\n", got, os.Args[2])
		os.Exit(1)
	}

	var eth layers.Ethernet
	var ip4 layers.IPv4
	var tcp layers.TCP
	var udp layers.UDP
	var dnsL layers.DNS
	parser := gopacket.NewDecodingLayerParser(layers.LayerTypeEthernet, &eth, &ip4, &tcp, &udp, &dnsL)
	decoded := make([]gopacket.LayerType, 0, 8)

	out := map[string]float64{
		"build TCP SYN with options": rate(func(i int) { sink += len(buildSyn(buf, uint32(i))) }),
		"build DNS query":            rate(func(i int) { sink += len(buildDns(buf, uint16(i))) }),
		"dissect TCP SYN, read TCP.flags": rate(func(int) {
			p := gopacket.NewPacket(syn, layers.LayerTypeEthernet, gopacket.Lazy)
			if p.Layer(layers.LayerTypeTCP).(*layers.TCP).SYN {
				sink++
			}
		}),
		"dissect DNS query, read DNS.qd.qname": rate(func(int) {
			p := gopacket.NewPacket(dns, layers.LayerTypeEthernet, gopacket.Lazy)
			sink += len(string(p.Layer(layers.LayerTypeDNS).(*layers.DNS).Questions[0].Name))
		}),
		"DecodingLayerParser: TCP SYN, read TCP.flags": rate(func(int) {
			parser.DecodeLayers(syn, &decoded)
			if tcp.SYN {
				sink++
			}
		}),
		"DecodingLayerParser: DNS query, read DNS.qd.qname": rate(func(int) {
			parser.DecodeLayers(dns, &decoded)
			sink += len(string(dnsL.Questions[0].Name))
		}),
	}
	b, _ := json.Marshal(out)
	fmt.Println(string(b))
}
