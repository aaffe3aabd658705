// Differential test against Scapy for the link and network layers of issue 14 (IPv6 extension headers, MLD, ND
// options, IPv4 source route and timestamp options, IGMP v1/v2/v3, MPLS, GENEVE, 802.3/LLC/SNAP/STP, 802.1ad): random field
// values built by craft() and by Scapy (test/oracle/scapy_oracle.py), compared byte for byte, then Scapy's bytes
// dissected by both and compared by summary, layers and fields. Rerun a failure with NET_ORACLE_SEED=<seed>.
import { beforeAll, describe, expect, it } from "vitest";
import { oracleProblems, runOracle, type Vector } from "./helpers.js";
// @ts-expect-error plain JS module shared with the fuzzer (its seeded PRNG)
import { prng } from "../fuzz/fuzz-cases.mjs";

const seed = process.env.NET_ORACLE_SEED === "random" ? Math.floor(Math.random() * 2 ** 32) >>> 0 : process.env.NET_ORACLE_SEED ? Number(process.env.NET_ORACLE_SEED) >>> 0 : 20261203;
const count = Number(process.env.NET_ORACLE_COUNT ?? 300);

const rnd = prng(seed);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
const chance = (p: number) => rnd() < p;
const u32 = () => int(0, 0xffffffff);
const hex = (n: number) => `0x${n.toString(16)}`;

function bytesLit(n: number): string {
  let s = 'b"';
  for (let i = 0; i < n; i++) {
    const c = int(0, 255);
    s += c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, "0")}`;
  }
  return `${s}"`;
}
const mac = () => `02:00:00:00:00:${int(1, 254).toString(16).padStart(2, "0")}`;
const v4 = () => `198.${int(18, 19)}.${int(0, 255)}.${int(1, 254)}`;
const group4 = () => `${int(224, 239)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
const v6 = () => `2001:db8:${Array.from({ length: 6 }, () => (chance(0.4) ? "0" : int(0, 0xffff).toString(16))).join(":")}`;
const ll6 = () => `fe80::${int(0, 0xffff).toString(16)}:${int(1, 0xffff).toString(16)}`;
const group6 = () => `ff0${pick([2, 5, 8, "e"])}::${int(1, 0xffff).toString(16)}`;
const ether = () => `Ether(dst="${mac()}", src="${mac()}")/`;
const maybeEther = () => (chance(0.5) ? ether() : "");
const ipv6 = (dst = v6()) => `IPv6(src="${chance(0.5) ? v6() : ll6()}", dst="${dst}"${chance(0.4) ? `, hlim=${int(0, 255)}` : ""})`;
const ip = (extra = "") => `IP(src="${v4()}", dst="${v4()}"${chance(0.4) ? `, ttl=${int(2, 255)}` : ""}${extra})`;
const inner4 = () => `IP(src="10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}", dst="10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}")`;
// Ports Scapy binds a layer of its own to are avoided (L2TP 1701, RADIUS 1812, HSRP 1985, …), as in the main oracle.
const boundPorts = new Set([1701, 1723, 1812, 1813, 1985, 2000, 2029, 2055, 2056, 2727, 3268, 3799, 4500, 4789, 4790]);
function port(): number {
  for (;;) {
    const p = int(1024, 5000);
    if (!boundPorts.has(p)) return p;
  }
}
const transport = () =>
  pick([
    () => `UDP(sport=${port()}, dport=${port()})${chance(0.4) ? `/Raw(load=${bytesLit(int(1, 12))})` : ""}`,
    () => `TCP(sport=${port()}, dport=${port()}, flags="${pick(["S", "SA", "A", "PA", "R"])}", seq=${u32()})`,
    () => `ICMPv6EchoRequest(id=${int(0, 65535)}, seq=${int(0, 65535)}${chance(0.5) ? `, data=${bytesLit(int(1, 16))}` : ""})`,
  ])();

function hbhOption(): string {
  return pick([
    () => "Pad1()",
    () => `PadN(optdata=${bytesLit(int(0, 6))})`,
    () => `RouterAlert(value=${pick([0, 1, 2, 68, 69, int(3, 60000)])})`,
    () => "RouterAlert()",
    () => `HBHOptUnknown(otype=${pick([0x3e, 0x07, 0x63, 0x8a, 0xc7, 0x1e])}, optdata=${bytesLit(int(0, 8))})`,
    () => `Jumbo(jumboplen=${int(65536, 0xffffffff)})`,
  ])();
}
const optionList = () => `[${Array.from({ length: int(0, 4) }, hbhOption).join(", ")}]`;

function extHeader(): string {
  return pick([
    () => `IPv6ExtHdrHopByHop(${chance(0.8) ? `options=${optionList()}` : ""})`,
    () => `IPv6ExtHdrDestOpt(${chance(0.8) ? `options=${optionList()}` : ""})`,
    () => `IPv6ExtHdrDestOpt(options=[HAO(hoa="${v6()}")])`,
    () => `IPv6ExtHdrRouting(addresses=[${Array.from({ length: int(1, 3), }, () => `"${v6()}"`).join(", ")}]${chance(0.3) ? `, segleft=${int(0, 3)}` : ""})`,
    () => {
      const n = int(1, 3);
      const tlvs = chance(0.5)
        ? `, tlv_objects=[${pick([
            () => `IPv6ExtHdrSegmentRoutingTLV(type=${pick([7, 9, 130])}, len=${int(0, 3)})`,
            () => `IPv6ExtHdrSegmentRoutingTLVIngressNode(ingress_node="${v6()}")`,
            () => `IPv6ExtHdrSegmentRoutingTLVEgressNode(egress_node="${v6()}")`,
            () => `IPv6ExtHdrSegmentRoutingTLVPadN(padding=${bytesLit(int(0, 5))})`,
          ])()}]`
        : "";
      return `IPv6ExtHdrSegmentRouting(addresses=[${Array.from({ length: n }, () => `"${v6()}"`).join(", ")}], tag=${int(0, 65535)}${chance(0.3) ? `, oam=1, alert=${int(0, 1)}` : ""}${tlvs})`;
    },
  ])();
}

function mld(): string {
  const head = (dst?: string) => `${maybeEther()}IPv6(src="${ll6()}"${dst ? `, dst="${dst}"` : ""})/${chance(0.5) ? "IPv6ExtHdrHopByHop(options=[RouterAlert(value=0)])/" : ""}`;
  return pick([
    () => `${head()}ICMPv6MLQuery(mrd=${int(0, 65535)}${chance(0.5) ? `, mladdr="${group6()}"` : ""})`,
    () => {
      const g = group6();
      return `${head(g)}ICMPv6MLReport(mladdr="${g}")`;
    },
    () => `${head()}ICMPv6MLDone(mladdr="${group6()}")`,
    () => `${head()}ICMPv6MLQuery2(mrd=${int(0, 65535)}, mladdr="${group6()}", S=${int(0, 1)}, QRV=${int(0, 7)}, QQIC=${int(0, 255)}, sources=[${Array.from({ length: int(0, 3) }, () => `"${v6()}"`).join(", ")}])`,
    () => {
      const records = Array.from(
        { length: int(0, 3) },
        () => `ICMPv6MLDMultAddrRec(rtype=${int(1, 6)}, dst="${group6()}", sources=[${Array.from({ length: int(0, 2) }, () => `"${v6()}"`).join(", ")}]${chance(0.3) ? `, auxdata=${bytesLit(int(1, 8))}` : ""})`,
      );
      return `${head()}ICMPv6MLReport2(records=[${records.join(", ")}])`;
    },
  ])();
}

function ndOption(): string {
  return pick([
    () => `ICMPv6NDOptRDNSS(lifetime=${u32()}, dns=[${Array.from({ length: int(1, 3) }, () => `"${v6()}"`).join(", ")}])`,
    () => `ICMPv6NDOptDNSSL(lifetime=${u32()}, searchlist=[${Array.from({ length: int(1, 3) }, () => `"${pick(["lab", "a.b", "example.test", "x1.y2.z3"])}${chance(0.5) ? "." : ""}"`).join(", ")}])`,
    () => `ICMPv6NDOptRouteInfo(prefix="2001:db8:${int(0, 0xffff).toString(16)}::", plen=${int(0, 128)}, prf=${int(0, 3)}, rtlifetime=${u32()}${chance(0.3) ? `, len=${int(1, 3)}` : ""})`,
    () => `ICMPv6NDOptMTU(mtu=${int(1280, 9000)})`,
    () => `ICMPv6NDOptSrcLLAddr(lladdr="${mac()}")`,
  ])();
}

function nd(): string {
  return pick([
    () => `${maybeEther()}IPv6(src="${ll6()}", dst="ff02::1", hlim=255)/ICMPv6ND_RA(routerlifetime=${int(0, 9000)})/${Array.from({ length: int(1, 3) }, ndOption).join("/")}`,
    () =>
      `${maybeEther()}IPv6(src="${ll6()}", dst="${ll6()}", hlim=255)/ICMPv6ND_Redirect(tgt="${ll6()}", dst="${v6()}")${chance(0.5) ? `/ICMPv6NDOptDstLLAddr(lladdr="${mac()}")` : ""}${chance(0.7) ? `/ICMPv6NDOptRedirectedHdr(pkt=IPv6(src="${v6()}", dst="${v6()}")/UDP(sport=${port()}, dport=${port()})/Raw(load=${bytesLit(int(0, 40))}))` : ""}`,
  ])();
}

function ipOptions(): string {
  const routers = () => `[${Array.from({ length: int(1, 4) }, () => `"${v4()}"`).join(", ")}]`;
  return pick([
    () => `options=[IPOption_LSRR(routers=${routers()})]`,
    () => `options=[IPOption_SSRR(routers=${routers()}${chance(0.3) ? `, pointer=${pick([4, 8, 12])}` : ""})]`,
    () => `options=[IPOption_NOP(), IPOption_Timestamp(flg=${pick([0, 1, 3])}, oflw=${int(0, 15)}, timestamp=${u32()}${chance(0.5) ? `, internet_address="${v4()}"` : ""})]`,
    () => `options=[IPOption_Timestamp(timestamp=${u32()}), IPOption_LSRR(routers=${routers()})]`,
  ])();
}

function igmp(): string {
  const type = pick([0x11, 0x12, 0x16, 0x17]);
  const g = group4();
  const dst = type === 0x11 ? "224.0.0.1" : type === 0x17 ? "224.0.0.2" : g;
  return `${maybeEther()}IP(src="${v4()}", dst="${dst}"${chance(0.5) ? ", ttl=1" : ""}${chance(0.3) ? ", options=[IPOption_Router_Alert()]" : ""})/IGMP(type=${hex(type)}, mrcode=${int(0, 255)}, gaddr="${type === 0x11 && chance(0.5) ? "0.0.0.0" : g}")`;
}

function igmpv3(): string {
  const srcs = () => `[${Array.from({ length: int(0, 3) }, () => `"${v4()}"`).join(", ")}]`;
  const ipHead = `${maybeEther()}IP(src="${v4()}"${chance(0.3) ? ", options=[IPOption_Router_Alert()]" : ""})`;
  return pick([
    () => `${ipHead}/IGMPv3(mrcode=${int(0, 255)})/IGMPv3mq(gaddr="${chance(0.3) ? "0.0.0.0" : group4()}", s=${int(0, 1)}, qrv=${int(0, 7)}, qqic=${int(0, 255)}, srcaddrs=${srcs()})`,
    () => `${ipHead}/IGMPv3(type=0x22)/IGMPv3mr(records=[${Array.from({ length: int(0, 3) }, () => `IGMPv3gr(rtype=${int(1, 6)}, maddr="${group4()}", srcaddrs=${srcs()})`).join(", ")}])`,
    () => `${ipHead}/IGMPv3(type=0x30, mrcode=${int(0, 255)})/IGMPv3mra(qryIntvl=${int(0, 65535)}, robust=${int(0, 65535)})`,
  ])();
}

function mpls(): string {
  const labels = Array.from({ length: int(1, 3) }, () => `MPLS(label=${int(16, 0xfffff)}, cos=${int(0, 7)}, ttl=${int(0, 255)})`).join("/");
  const below = pick([() => `${inner4()}/ICMP(id=${int(0, 65535)})`, () => `IPv6(src="${v6()}", dst="${v6()}")/UDP(sport=${port()}, dport=${port()})`]);
  return pick([
    () => `${ether()}${labels}/${below()}`,
    () => `${ip()}/GRE()/${labels}/${below()}`,
    () => `${ip()}/UDP(sport=${port()}, dport=6635)/${labels}/${below()}`,
  ])();
}

function geneve(): string {
  const options = chance(0.5)
    ? `, options=[GeneveOptions(classid=${pick([0x0100, 0x0101, 0x0102, 0xffff, int(0x200, 0xfe00)])}, type=${int(0, 255)}, data=${bytesLit(4 * int(0, 3))})]`
    : "";
  const inner = pick([
    () => [`0x6558`, `Ether(dst="${mac()}", src="${mac()}")/${inner4()}/ICMP()`],
    () => [`0x0800`, `${inner4()}/UDP(sport=${port()}, dport=${port()})`],
    () => [`0x86dd`, `IPv6(src="${v6()}", dst="${v6()}")/ICMPv6EchoRequest()`],
  ])();
  return `${maybeEther()}${chance(0.5) ? ip() : `IPv6(src="${v6()}", dst="${v6()}")`}/UDP(sport=${port()}, dport=6081)/GENEVE(vni=${int(0, 0xffffff)}, proto=${inner[0]}, oam=${int(0, 1)}, critical=${int(0, 1)}${options})/${inner[1]}`;
}

function l2(): string {
  const stp = () =>
    `STP(bpdutype=${pick([0, 0x80])}, bpduflags=${int(0, 255)}, rootid=${int(0, 65535)}, rootmac="${mac()}", pathcost=${u32()}, bridgeid=${int(0, 65535)}, bridgemac="${mac()}", portid=${int(0, 65535)}, age=${int(0, 40) / 4}, maxage=${int(24, 160) / 8}, hellotime=${int(1, 10)}, fwddelay=${int(4, 30)})`;
  return pick([
    () => `Dot3(dst="01:80:c2:00:00:00", src="${mac()}")/LLC()/${stp()}`,
    () => `Dot3(dst="${mac()}", src="${mac()}")/LLC()/SNAP()/${ip()}/UDP(sport=${port()}, dport=${port()})`,
    () => `Dot3(dst="${mac()}", src="${mac()}")/LLC(dsap=${pick([0xf0, 0xe0, 0x06, 0xfe])}, ssap=${pick([0xf0, 0xe0, 0x06, 0xfe])}, ctrl=${int(0, 255)})/Raw(load=${bytesLit(int(1, 30))})`,
    () => `${ether()}LLC()/SNAP()/${pick([() => `${ip()}/ICMP()`, () => `IPv6(src="${v6()}", dst="${v6()}")/UDP(sport=${port()}, dport=${port()})`, () => `ARP(hwsrc="${mac()}", psrc="${v4()}", pdst="${v4()}")`])()}`,
    () => `${ether()}Dot1Q(vlan=${int(0, 4095)})/LLC()/${stp()}`,
    () => `${ether()}Dot1AD(vlan=${int(0, 4095)}, prio=${int(0, 7)})/Dot1Q(vlan=${int(0, 4095)})/${ip()}/UDP(sport=${port()}, dport=${port()})`,
    // Ether()/Ether() builds type 1, which Scapy reads back as an 802.3 length (Dot3/LLC/Padding).
    () => `${ether()}Ether(dst="${mac()}", src="${mac()}")/${ip()}/ICMP()`,
    () => `${ether()}Dot1AD(vlan=${int(0, 4095)})/${pick([() => `${ip()}/ICMP()`, () => `IPv6(src="${v6()}", dst="${v6()}")/ICMPv6EchoReply()`, () => `ARP(hwsrc="${mac()}", psrc="${v4()}", pdst="${v4()}")`])()}`,
  ])();
}

const templates: (() => string)[] = [
  () => `${maybeEther()}${ipv6()}/${Array.from({ length: int(1, 3) }, extHeader).join("/")}/${transport()}`,
  () => `${maybeEther()}${ipv6()}/${extHeader()}/${pick([() => `IPv6(src="${v6()}", dst="${v6()}")/${transport()}`, () => `${inner4()}/ICMP()`])()}`,
  mld,
  nd,
  () => `${maybeEther()}${ip(`, ${ipOptions()}`)}/${pick([() => `UDP(sport=${port()}, dport=${port()})`, () => `TCP(sport=${port()}, dport=${port()}, flags="S")`, () => "ICMP()"])()}`,
  igmp,
  igmpv3,
  mpls,
  geneve,
  l2,
];

// Malformed on purpose (so not in the tshark-checked vectors): IPv6 payload length 0 before a hop-by-hop header,
// read as Scapy reads a jumbogram, its Jumbo option's length taken little-endian, or not read at all where Scapy's
// search for that option runs to the very end of the data; ICMPv6 messages shorter than their type's shortest, or
// of a type Scapy does not list, read as Raw.
const malformed = [
  'IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=8)])/UDP(sport=1000, dport=2000)/Raw(b"abcdefghijkl")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=0x0c000000)])/UDP(sport=1000, dport=2000)/Raw(b"abcdefghijkl")',
  'Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")/IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop()/UDP(sport=1000, dport=2000)',
  'IP(src="198.18.0.1", dst="198.18.0.2")/IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop()/UDP(sport=1000, dport=2000)',
  'IP(src="198.18.0.1", dst="198.18.0.2")/IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=0x10000000)])/UDP(sport=1000, dport=2000)/Raw(b"abcdefghijkl")',
  'IP(src="198.18.0.1", dst="198.18.0.2")/IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop()/UDP(sport=1000, dport=2000)/Raw(b"ab")',
  'IP(src="198.18.0.1", dst="198.18.0.2")/IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0)/IPv6ExtHdrHopByHop()/UDP(sport=1000, dport=2000)/Raw(b"abcdef")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2", nh=58)/Raw(load=b"\\xc8\\x00\\x00\\x00abcd")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2", nh=58)/Raw(load=b"\\x82\\x00\\x00\\x00abcd")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2", nh=58)/Raw(load=b"\\x8f\\x00\\x00\\x00")',
  'IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrDestOpt(nh=58)/Raw(load=b"\\x80\\x00\\x00")',
];

const exprs = [...malformed, ...Array.from({ length: count }, () => pick(templates)())];

describe(`Scapy oracle for the link and network layers, seed ${seed} (rerun with NET_ORACLE_SEED=${seed})`, () => {
  let results: Vector[] = [];
  let failure = "";

  beforeAll(() => {
    ({ results, failure } = runOracle(exprs));
  }, 600_000);

  it("Scapy answers every expression", () => {
    if (failure) expect.fail(failure);
    expect(results.map((r) => r.expr)).toEqual(exprs);
  });

  exprs.forEach((expr, i) => {
    it(`[seed ${seed} #${i}] ${expr}`, () => {
      if (failure) expect.fail(failure);
      const v = results[i];
      if (v.error) expect.fail(`Scapy cannot build ${expr}: ${v.error}`);
      const problems = oracleProblems(expr, v);
      if (problems.length) expect.fail(`seed ${seed} #${i}: ${expr}\n  ${problems.join("\n  ")}`);
    });
  });
});
