// fragment(), fragment6() and overlap_frag() against Scapy 2.5, every fragment byte for byte: random payload sizes,
// fragment sizes, headers above and below IP, and given flags and offsets (a seeded generator, so a failure replays).
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/packet/build.js";
import { craft, dissect } from "../../src/packet/index.js";
import { PacketError } from "../../src/packet/errors.js";

const PYTHON = "/usr/bin/python3";
const ORACLE = "test/oracle/scapy_oracle.py";

function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

function randomCases(n: number): string[] {
  const g = generator(14);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const load = `Raw(load=b"${String.fromCharCode(97 + (i % 26))}"*${g.int(0, 3000)})`;
    const ether = g.pick(["", 'Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")/']);
    if (i % 3 !== 2) {
      const ipFields = [`src="198.18.0.1"`, `dst="198.18.${g.int(0, 1)}.${g.int(1, 254)}"`, `id=${g.int(0, 65535)}`, `ttl=${g.int(1, 255)}`];
      if (g.int(0, 3) === 0) ipFields.push(`flags=${g.pick(['"DF"', '"evil"', "0"])}`);
      if (g.int(0, 4) === 0) ipFields.push(`frag=${g.int(0, 100)}`);
      if (g.int(0, 4) === 0) ipFields.push("options=[IPOption_NOP(), IPOption_NOP(), IPOption_NOP(), IPOption_NOP()]");
      const upper = g.pick([`UDP(sport=${g.int(1, 65535)}, dport=${g.int(1, 65535)})/`, `TCP(sport=${g.int(1, 65535)}, dport=80, flags="PA")/`, "ICMP()/", ""]);
      const pkt = `${ether}IP(${ipFields.join(", ")})/${upper}${load}`;
      const size = g.pick([8, 15, 16, 24, 100, 576, 1000, 1480, g.int(8, 2000)]);
      out.push(g.int(0, 1) ? `fragment(${pkt}, fragsize=${size})` : `fragment(${pkt}, ${size})`);
    } else {
      const v6 = `IPv6(src="2001:db8::1", dst="2001:db8::${g.int(2, 0xffff).toString(16)}", hlim=${g.int(1, 255)}, fl=${g.int(0, 1048575)})`;
      const frag = g.pick([`IPv6ExtHdrFragment(id=${g.int(0, 2 ** 32 - 1)})/`, `IPv6ExtHdrFragment(id=${g.int(0, 9)}, res1=${g.int(0, 255)}, res2=${g.int(0, 3)})/`]);
      const upper = g.pick([`UDP(sport=${g.int(1, 65535)}, dport=${g.int(1, 65535)})/`, "ICMPv6EchoRequest(id=3)/", `TCP(sport=1, dport=${g.int(1, 65535)})/`, ""]);
      const header = ether ? 14 + 48 : 48;
      const size = g.pick([header + 8, 1280, 1500, g.int(header + 8, 2000)]);
      out.push(`fragment6(${ether}${v6}/${frag}${upper}${load}, ${g.int(0, 1) ? `fragSize=${size}` : size})`);
    }
  }
  return out;
}

const fixed = [
  'fragment(IP(src="198.18.0.1", dst="198.18.0.2")/UDP()/Raw(load="x"*3000), fragsize=1000)',
  'fragment(IP(src="198.18.0.1", dst="198.18.0.2")/ICMP()/Raw(load=b"x"*3000))',
  'fragment(IP(src="198.18.0.1", dst=["198.18.0.2", "198.18.0.3"])/UDP()/Raw(load=b"x"*30), fragsize=16)',
  'fragment(IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1, dport=2)/b"tiny", fragsize=8)',
  'fragment(IP(src="198.18.0.1", dst="198.18.0.2")/IP(src="198.18.1.1", dst="198.18.1.2")/UDP()/Raw(load=b"q"*100), fragsize=40)',
  'fragment(fragment(IP(src="198.18.0.1", dst="198.18.0.2")/UDP()/Raw(load=b"q"*100), fragsize=64), fragsize=24)',
  'overlap_frag(IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1, dport=2)/Raw(load=b"A"*40), Raw(load=b"B"*16), fragsize=16)',
  'overlap_frag(IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=1, dport=80, flags="S")/Raw(load=b"GET /"), b"XXXXXXXXXXXXXXXXXXXXXXXXXXXXX", 8, 16)',
  'fragment6(IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrFragment(id=1)/UDP(sport=1, dport=2)/Raw(load=b"x"*3000), 1280)',
  'fragment6(IPv6(src="2001:db8::1", dst="2001:db8::2")/UDP(sport=1, dport=2)/Raw(load=b"x"*30), 1280)',
  'fragment6(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")/IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrFragment(id=7, res1=3)/ICMPv6EchoRequest(data=b"z"*500), fragSize=300)',
];

const cases = [...fixed, ...randomCases(300)];

describe("fragment(), fragment6(), overlap_frag() against Scapy", () => {
  const want: Record<string, string[] | string> = {};
  let failure = "";
  beforeAll(() => {
    const r = spawnSync(PYTHON, [ORACLE, "--all"], { input: `${cases.join("\n")}\n`, encoding: "utf8", timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
    if (r.error || r.status !== 0) failure = `${ORACLE} --all failed (status ${r.status}): ${r.error?.message ?? r.stderr}`;
    else
      for (const line of r.stdout.split("\n").filter((l) => l.trim())) {
        const o = JSON.parse(line) as { expr: string; hexes?: string[]; error?: string };
        want[o.expr] = o.hexes ?? `Scapy: ${o.error}`;
      }
  }, 300_000);

  it("builds every fragment of 311 expressions as Scapy does", () => {
    if (failure) expect.fail(failure);
    let fragments = 0;
    const differ: string[] = [];
    for (const expr of cases) {
      const w = want[expr];
      if (typeof w === "string") expect.fail(`${expr}: ${w}`);
      const got = craft(expr).map((p) => p.bytes.toString("hex"));
      fragments += got.length;
      const at = got.findIndex((h, i) => h !== w[i]);
      if (got.length !== w.length || at >= 0) differ.push(`${expr}: ${got.length} fragments (Scapy ${w.length}); fragment ${at}: ${got[at]?.slice(0, 120)} (Scapy ${w[at]?.slice(0, 120)})`);
    }
    expect(differ).toEqual([]);
    expect(fragments).toBeGreaterThan(cases.length * 2);
  });

  it("reads the fragments back as Scapy does: later fragments as Raw, the first as the transport header", () => {
    const [first, second] = craft('fragment(IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=4000, dport=4001)/Raw(load=b"x"*40), fragsize=16)');
    expect(dissect(first.bytes, { link: "ip" }).summary()).toBe("IP / UDP 198.18.0.1:4000 > 198.18.0.2:4001 / Raw");
    expect(dissect(second.bytes, { link: "ip" }).summary()).toBe("198.18.0.1 > 198.18.0.2 udp frag:2 / Raw");
    const six = craft('fragment6(IPv6(src="2001:db8::1", dst="2001:db8::2")/UDP(sport=7, dport=9)/Raw(load=b"x"*3000), 1280)');
    const d0 = dissect(six[0].bytes, { link: "ipv6" });
    expect(d0.layers.map((l) => l.name)).toEqual(["IPv6", "IPv6ExtHdrFragment", "UDP", "Raw"]);
    expect(d0.get("IPv6ExtHdrFragment.m")).toBe(1);
    const d1 = dissect(six[1].bytes, { link: "ipv6" });
    expect(d1.layers.map((l) => l.name)).toEqual(["IPv6", "IPv6ExtHdrFragment", "Raw"]);
    expect(d1.get("IPv6ExtHdrFragment.offset")).toBe(154);
    // One random id shared by all fragments of a packet when the header gives none, as Scapy picks one.
    expect(new Set(six.map((p) => p.bytes.readUInt32BE(44))).size).toBe(1);
  });

  it("refuses what Scapy cannot cut, saying what would do", () => {
    const err = (expr: string) => {
      try {
        craft(expr);
      } catch (e) {
        return e instanceof PacketError ? `${e.col}: ${e.message}` : String(e);
      }
      return "no error";
    };
    expect(err('fragment(IP()/UDP()/Raw(load=b"x"*100), fragsize=7)')).toMatch(/^1: fragment\(\): fragsize=7 is too small: it is at least 8/);
    expect(err('fragment(IPv6()/UDP(), 100)')).toMatch(/the packet has no IP layer: fragment\(\) cuts IPv4 datagrams \(fragment6\(\) IPv6 ones\)/);
    expect(err('fragment6(IPv6()/UDP()/Raw(load=b"x"*100))')).toMatch(/fragment6\(\) needs pkt and fragSize/);
    expect(err('fragment6(IPv6()/UDP()/Raw(load=b"x"*100), 50)')).toMatch(/fragSize=50 leaves no room for data: with the 48 bytes of headers before the data it is at least 56/);
    expect(err('fragment(IP()/UDP(), size=8)')).toMatch(/fragment\(\) has no parameter `size`: its parameters are pkt, fragsize/);
    expect(err('Ether()/fragment(IP()/UDP()/Raw(load=b"x"*100), 16)')).toMatch(/fragment\(\) gives a list of packets, which \/ cannot stack/);
    expect(err('fragment(IP()/Raw(load=b""), fragsize=15)')).toMatch(/gives no fragments with fragsize=15 \(Scapy returns none either\)/);
  });

  it("a source address filled in later gives the first fragment the checksum over that address", () => {
    const [first] = craft('fragment(IP(dst="198.18.0.2")/UDP(sport=7, dport=9)/Raw(load=b"x"*40), fragsize=16)');
    const filled = first.top.with({ src: "198.18.0.1" });
    const [scapyFirst] = craft('fragment(IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=7, dport=9)/Raw(load=b"x"*40), fragsize=16)');
    expect(build(filled).toString("hex")).toBe(scapyFirst.bytes.toString("hex"));
    // Fragments of fragments too: every piece, once the source is in, is the piece Scapy cuts with that source.
    const twice = (src: string) => craft(`fragment(fragment(IP(${src}dst="198.18.0.2")/UDP(sport=7, dport=9)/Raw(load=b"q"*100), fragsize=64), fragsize=24)`);
    expect(twice("").map((p) => build(p.top.with({ src: "198.18.0.1" })).toString("hex"))).toEqual(twice('src="198.18.0.1", ').map((p) => p.bytes.toString("hex")));
  });
});
