// Reassembly of captured packets: IP fragments with Linux's rules (a duplicate is dropped so the first copy wins, a
// partial overlap discards the datagram), and TCP streams in sequence order. Inputs are built by fragment() and
// read back from their bytes, as a capture gives them.
import { describe, expect, it } from "vitest";
import { craft, dissect, type Packet } from "../../src/packet/index.js";
import { maxPendingBytes, reassembleIp } from "../../src/packet/reassemble-ip.js";
import { maxStreamBytes, reassembleTcp } from "../../src/packet/reassemble-tcp.js";
import { reassemble } from "../../src/packet/reassemble.js";

const eth = 'Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")';
const captured = (expr: string): Packet[] => craft(expr).map((p) => dissect(p.bytes));
const hex = (p: Packet) => p.bytes.toString("hex");
const original = (expr: string) => craft(expr)[0].bytes.toString("hex");

describe("IP reassembly", () => {
  const whole = `${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=77)/UDP(sport=4000, dport=4001)/Raw(load=b"0123456789abcdef"*40)`;

  it("gives back the original datagram, whatever order the fragments came in", () => {
    const frags = captured(`fragment(${whole}, fragsize=100)`);
    expect(frags.length).toBe(7);
    for (const order of [frags, [...frags].reverse(), [frags[3], frags[0], frags[6], frags[1], frags[5], frags[2], frags[4]]]) {
      const r = reassembleIp(order);
      expect(r.packets.length).toBe(1);
      expect(hex(r.packets[0])).toBe(original(whole));
      expect(r.packets[0].summary()).toBe("Ether / IP / UDP 198.18.0.1:4000 > 198.18.0.2:4001 / Raw");
      expect(r.notes.get(r.packets[0])).toBe("reassembled from 7 fragment(s)");
      expect(r.remarks).toEqual([]);
    }
  });

  it("puts the datagram where its last fragment came and leaves other packets alone", () => {
    const a = captured(`fragment(${whole}, fragsize=400)`);
    const b = captured(`fragment(${whole.replace("id=77", "id=78")}, fragsize=400)`);
    const ping = captured(`${eth}/IP(src="198.18.0.1", dst="198.18.0.2")/ICMP()`)[0];
    const r = reassembleIp([a[0], b[0], ping, a[1], b[1]]);
    expect(r.packets.map((p) => p.summary())).toEqual([
      "Ether / 198.18.0.1 > 198.18.0.2 icmp / ICMP 198.18.0.1 > 198.18.0.2 echo-request 0",
      "Ether / IP / UDP 198.18.0.1:4000 > 198.18.0.2:4001 / Raw",
      "Ether / IP / UDP 198.18.0.1:4000 > 198.18.0.2:4001 / Raw",
    ].map((s, i) => (i === 0 ? ping.summary() : s)));
    expect(r.packets[1].get("IP.id")).toBe(77);
    expect(r.packets[2].get("IP.id")).toBe(78);
    expect(r.packets[0]).toBe(ping);
  });

  it("drops a fragment wholly inside bytes already held: the first copy wins (overlap_frag's payload)", () => {
    // proto given: overlap_frag's overlapping fragment otherwise says proto 0 (its payload is Raw), another datagram.
    const frags = captured(`overlap_frag(${whole.replace("id=77", "id=77, proto=17")}, Raw(load=b"B"*16), fragsize=16)`);
    const r = reassembleIp(frags);
    expect(r.packets.length).toBe(1);
    const load = r.packets[0].bytes.subarray(14 + 20);
    expect(load.subarray(0, 16).toString()).toBe("B".repeat(16));
    expect(load.length).toBe(8 + 640);
    // The other way round, the genuine bytes came first and win.
    const genuineFirst = reassembleIp([frags[1], frags[0], ...frags.slice(2)]);
    expect(hex(genuineFirst.packets[0])).toBe(original(whole.replace("id=77", "id=77, proto=17")));
    expect([...genuineFirst.notes.values()]).toContain("a duplicate fragment (its bytes had come already): dropped, as Linux does");
  });

  it("discards a datagram whose fragments overlap in part, leaving them as captured", () => {
    const frags = captured(`fragment(${whole}, fragsize=96)`);
    const overlapping = captured(`${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=77, proto=17, flags="MF", frag=10)/Raw(load=b"X"*96)`);
    const r = reassembleIp([frags[0], overlapping[0], ...frags.slice(1)]);
    expect(r.packets.length).toBe(frags.length + 1);
    expect(r.packets.some((p) => p.hasLayer("UDP") && !p.get("IP.frag") && !(Number(p.get("IP.flags")) & 1))).toBe(false);
    // The fragments after the discard start a datagram anew, as in Linux, which lacks its first fragment.
    expect(r.remarks).toEqual([
      "IPv4 datagram 198.18.0.1 > 198.18.0.2 proto 17 id 77: discarded, as Linux does: a fragment (bytes 80–176) overlaps bytes 0–96 only in part; its 2 fragment(s) are left as captured",
      "IPv4 datagram 198.18.0.1 > 198.18.0.2 proto 17 id 77: incomplete: its first fragment never came; its 6 fragment(s) are left as captured",
    ]);
    // Sent again whole after the discard, the datagram goes through.
    expect(reassembleIp([frags[0], overlapping[0], ...frags]).packets.filter((p) => p.hasLayer("UDP") && !p.get("IP.frag") && !(Number(p.get("IP.flags")) & 1)).length).toBe(1);
  });

  it("leaves an incomplete datagram's fragments as captured, saying what is missing", () => {
    const frags = captured(`fragment(${whole}, fragsize=200)`);
    const noLast = reassembleIp(frags.slice(0, -1));
    expect(noLast.packets).toEqual(frags.slice(0, -1));
    expect(noLast.remarks[0]).toMatch(/incomplete: its last fragment never came; its 3 fragment\(s\) are left as captured/);
    expect(reassembleIp([frags[0], frags[2], frags[3]]).remarks[0]).toMatch(/incomplete: bytes are missing/);
    expect(reassembleIp(frags.slice(1)).remarks[0]).toMatch(/incomplete: its first fragment never came/);
  });

  it("keeps Linux's limits: no empty fragments, nothing past 65,535 bytes, a bounded buffer", () => {
    const empty = captured(`${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=5, flags="MF", frag=3, proto=17)`);
    const first = captured(`${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=5, flags="MF", proto=17)/Raw(load=b"x"*24)`);
    expect(reassembleIp([first[0], empty[0]]).remarks[0]).toMatch(/discarded, as Linux does: a fragment carries no data/);
    const far = captured(`${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=6, frag=8190, proto=17)/Raw(load=b"x"*100)`);
    expect(reassembleIp(far).remarks[0]).toMatch(/it would be longer than 65535 bytes/);
    // 80 datagrams of 60,000 bytes, each without its last fragment: 4.48 MB waiting, more than the buffer holds.
    const waiting: Packet[] = [];
    for (let id = 1; id <= 80; id++) waiting.push(...captured(`fragment(${eth}/IP(src="198.18.0.1", dst="198.18.0.2", id=${id})/Raw(load=b"y"*60000), fragsize=8000)`).slice(0, -1));
    const r = reassembleIp(waiting);
    expect(r.packets.length).toBe(waiting.length);
    const notBuffered = r.remarks.filter((m) => m.endsWith(`fragment(s) not reassembled: more than ${maxPendingBytes} bytes of fragments were waiting`));
    expect(notBuffered.length).toBe(1);
    expect(r.remarks.filter((m) => m.includes("incomplete: its last fragment never came")).length).toBeGreaterThanOrEqual(74);
  });

  it("reassembles IPv6 fragments (fragment6) into the packet without its Fragment header", () => {
    const v6 = `${eth}/IPv6(src="2001:db8::1", dst="2001:db8::2")/UDP(sport=4000, dport=4001)/Raw(load=b"z"*3000)`;
    const frags = captured(`fragment6(${v6}, 1280)`);
    expect(frags.length).toBe(3);
    const r = reassembleIp([frags[2], frags[0], frags[1]]);
    expect(r.packets.length).toBe(1);
    expect(hex(r.packets[0])).toBe(original(v6));
    const withHeader = `${eth}/IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrFragment(id=9)/ICMPv6EchoRequest(data=b"q"*2000)`;
    const r2 = reassembleIp(captured(`fragment6(${withHeader}, 1000)`));
    expect(r2.packets[0].summary()).toMatch(/ICMPv6 Echo Request|ICMPv6EchoRequest/);
    expect(r2.packets[0].get("ICMPv6EchoRequest.data")).toEqual(Buffer.from("q".repeat(2000)));
  });
});

describe("TCP stream reassembly", () => {
  const seg = (seq: number, load: string, flags = "PA", sport = 40000, dport = 80) =>
    captured(`${eth}/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=${sport}, dport=${dport}, seq=${seq}, flags="${flags}")${load ? `/Raw(load=b"${load}")` : ""}`)[0];
  const loads = (ps: Packet[]) => ps.map((p) => (p.hasLayer("Raw") ? String(p.get("Raw.load")) : p.summary()));

  it("joins a payload split across segments, in sequence order, after the SYN", () => {
    const syn = seg(999, "", "S");
    const ps = [syn, seg(1006, "wor"), seg(1000, "hello "), seg(1009, "ld")];
    const r = reassembleTcp(ps);
    expect(r.packets.length).toBe(2);
    expect(r.packets[0]).toBe(syn);
    expect(String(r.packets[1].get("Raw.load"))).toBe("hello world");
    expect(r.packets[1].get("TCP.dport")).toBe(80);
    expect(r.notes.get(r.packets[1])).toBe("the TCP stream 198.18.0.1:40000 > 198.18.0.2:80: 11 byte(s) from 3 segment(s)");
    // Its bytes are a consistent packet: read back, the same stream.
    expect(String(dissect(r.packets[1].bytes).get("Raw.load"))).toBe("hello world");
  });

  it("keeps the bytes that came first where segments overlap (a retransmission adds nothing)", () => {
    const r = reassembleTcp([seg(1, "abcd"), seg(3, "XXYY"), seg(1, "ZZZZ")]);
    expect(loads(r.packets)).toEqual(["abcdYY"]);
  });

  it("stops at a gap and leaves the segments past it as captured", () => {
    const late = seg(20, "late");
    const r = reassembleTcp([seg(1, "abc"), late, seg(4, "def")]);
    expect(loads(r.packets)).toEqual(["abcdef", "late"]);
    expect(r.packets[1]).toBe(late);
    expect(r.remarks).toEqual(["TCP 198.18.0.1:40000 > 198.18.0.2:80: 6 byte(s) in order; 1 segment(s) left as captured (they lie past a gap: bytes are missing)"]);
  });

  it("keeps each direction and connection apart", () => {
    const r = reassembleTcp([seg(1, "GET "), seg(1, "HTTP/1.1 200", "PA", 80, 40000), seg(5, "/"), seg(1, "other", "PA", 40001)]);
    expect(loads(r.packets)).toEqual(["GET /", "HTTP/1.1 200", "other"]);
  });

  it("bounds what one stream keeps", () => {
    const ps: Packet[] = [];
    const chunk = "k".repeat(1000);
    for (let i = 0; i < 1100; i++) ps.push(seg(1 + i * 1000, chunk));
    const r = reassembleTcp(ps);
    expect((r.packets[0].get("Raw.load") as Buffer).length).toBe(maxStreamBytes);
    expect(r.packets.length).toBe(1 + (1100 - Math.ceil(maxStreamBytes / 1000)));
    expect(r.remarks[0]).toMatch(/past the limit of 1048576 bytes/);
  });

  it("reassemble('tcp') puts IP fragments together first", () => {
    const frags = captured(`fragment(${eth}/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=80, seq=1, flags="PA")/Raw(load=b"secret-"*20), fragsize=32)`);
    const r = reassemble([...frags, seg(141, "tail")], "tcp");
    expect(loads(r.packets)).toEqual(["secret-".repeat(20) + "tail"]);
    expect(reassemble(frags, "ip").packets.length).toBe(1);
  });
});
