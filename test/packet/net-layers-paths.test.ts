// The new link and network layers in expectations: load checks their paths against the layer definitions (a
// misspelt one is refused with the valid names), and run time reads the same paths from dissected packets.
import { describe, expect, it } from "vitest";
import { checkPacket } from "../../src/assert/packet.js";
import { craft, dissect } from "../../src/packet/index.js";
import { ScenarioError, type Issue } from "../../src/scenario/errors.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const scenario = (expectYaml: string) =>
  `name: x\nlab: { hosts: { a: 198.18.0.1/24, b: 2001:db8::1/120 } }\nsteps:\n  - name: t\n    host: a\n    sr1:\n      packet: 'IPv6(dst="2001:db8::2")/ICMPv6EchoRequest()'\n      expect: ${expectYaml}\n`;

const issuesOf = (text: string): Issue[] => {
  try {
    loadScenarioText("t.yaml", text);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
};

const paths: Record<string, unknown> = {
  "IPv6ExtHdrHopByHop.options.value": 0,
  "IPv6ExtHdrHopByHop.options.otype": "Router Alert",
  "IPv6ExtHdrHopByHop.nh": 58,
  "ICMPv6MLReport2.records.dst": "ff02::5",
  "ICMPv6MLReport2.records[1].rtype": 2,
  "ICMPv6MLQuery.mladdr": "ff02::1:3",
  "IPv6ExtHdrSegmentRouting.addresses[0]": "2001:db8::10",
  "IPv6ExtHdrSegmentRouting.tlv_objects.ingress_node": "2001:db8::7",
  "IPv6ExtHdrRouting.segleft": 2,
  "ICMPv6NDOptRDNSS.dns[0]": "2001:db8::53",
  "ICMPv6NDOptRouteInfo.prf": "Low",
  "IP.options.routers[0]": "198.18.0.5",
  "IP.options[0].routers[1]": "198.18.0.6",
  "IGMP.type": "Leave Group",
  "MPLS.label": 100,
  "GENEVE.vni": 42,
  "GENEVE.options.classid": 0x102,
  "STP.age": 1.5,
  "Dot3.len": 38,
  "LLC.dsap": 0x42,
  "SNAP.code": 0x0800,
  "Dot1AD.vlan": 5,
};

describe("paths through the new layers", () => {
  it("load accepts every one of them", () => {
    const yaml = `{ ${Object.entries(paths).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")} }`;
    expect(issuesOf(scenario(yaml)).map((i) => i.message)).toEqual([]);
  });

  it("load refuses a misspelt layer, field or symbolic value, saying what is valid", () => {
    const messages = (e: string) => issuesOf(scenario(e)).map((i) => i.message).join("\n");
    expect(messages('{ "IPv6ExtHdrHopByHops.nh": 0 }')).toMatch(/did you mean `IPv6ExtHdrHopByHop`/);
    expect(messages('{ "ICMPv6MLReport.mladdres": "ff02::1" }')).toMatch(/did you mean `mladdr`.*its fields are type, code, cksum, mrd, reserved, mladdr/);
    expect(messages('{ "IPv6ExtHdrHopByHop.options.valeu": 0 }')).toMatch(/did you mean `value`/);
    expect(messages('{ "IGMP.type": "leave" }')).toMatch(/not a known value.*Leave Group/);
  });

  const packets = [
    'IPv6(src="fe80::1")/IPv6ExtHdrHopByHop(options=[RouterAlert(value=0)])/ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff02::5"), ICMPv6MLDMultAddrRec(rtype=2, dst="ff02::6")])',
    'IPv6(src="fe80::1")/ICMPv6MLQuery(mladdr="ff02::1:3")',
    'IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrSegmentRouting(addresses=["2001:db8::10", "2001:db8::11"], tlv_objects=[IPv6ExtHdrSegmentRoutingTLVIngressNode(ingress_node="2001:db8::7")])/UDP(sport=1, dport=2)',
    'IPv6(src="2001:db8::1", dst="2001:db8::2")/IPv6ExtHdrRouting(addresses=["2001:db8::10", "2001:db8::11"])/UDP(sport=1, dport=2)',
    'IPv6(src="fe80::1", dst="ff02::1")/ICMPv6ND_RA()/ICMPv6NDOptRDNSS(dns=["2001:db8::53"])/ICMPv6NDOptRouteInfo(prefix="2001:db8:1::", plen=48, prf=3)',
    'IP(src="198.18.0.1", dst="198.18.0.2", options=[IPOption_LSRR(routers=["198.18.0.5", "198.18.0.6"])])/UDP(sport=1, dport=2)',
    'IP(src="198.18.0.1", dst="224.0.0.2")/IGMP(type=0x17, gaddr="224.1.2.3")',
    'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/MPLS(label=100)/IP(src="198.18.0.1", dst="198.18.0.2")/ICMP()',
    'IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1000)/GENEVE(vni=42, options=[GeneveOptions(classid=0x102, data=b"abcd")])/Ether()/IP()/ICMP()',
    'Ether(dst="01:80:c2:00:00:00", src="02:00:00:00:00:01", type=38)/LLC()/STP(age=1.5)',
    'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/LLC()/SNAP()/IP(src="198.18.0.1", dst="198.18.0.2")',
    'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/Dot1AD(vlan=5)/Dot1Q(vlan=7)/IP(src="198.18.0.1", dst="198.18.0.2")',
  ].map((e) => {
    const bytes = craft(e)[0].bytes;
    return dissect(bytes, { link: e.startsWith("Ether") ? "ether" : e.startsWith("IPv6") ? "ipv6" : "ip" });
  });

  for (const [path, want] of Object.entries(paths)) {
    it(`reads ${path} from a dissected packet`, () => {
      const head = path.split(".")[0];
      const p = packets.find((x) => x.layers.some((l) => l.name === head || (head === "IP" && l.name === "IP")))!;
      expect(checkPacket(p, { [path]: want }).problems).toEqual([]);
      // The same path with another value does not hold: the check reads the value, it does not just find the field.
      const other = typeof want === "number" ? (want as number) + 1 : `${want}x`;
      expect(checkPacket(p, { [path]: other }).ok).toBe(false);
    });
  }

  it("find the packet a redirect carries as Scapy's getlayer does: IPv6[1] is the redirected header, UDP is in it", () => {
    // Scapy 2.5 on these bytes: pkt[IPv6:2].dst 2001:db8::9, pkt[UDP].dport 2000.
    const redirect = 'IPv6(src="fe80::1", dst="fe80::2")/ICMPv6ND_Redirect(tgt="fe80::3", dst="2001:db8::9")/ICMPv6NDOptRedirectedHdr(pkt=IPv6(src="2001:db8::1", dst="2001:db8::9")/UDP(sport=1000, dport=2000))';
    const p = dissect(craft(redirect)[0].bytes, { link: "ipv6" });
    expect(checkPacket(p, { "IPv6.dst": "fe80::2", "IPv6[1].dst": "2001:db8::9", "UDP.dport": 2000, "ICMPv6NDOptRedirectedHdr.pkt.src": "2001:db8::1" }).problems).toEqual([]);
    expect(checkPacket(p, { "IPv6[1].dst": "fe80::2" }).ok).toBe(false);
    expect(issuesOf(scenario('{ "ICMPv6NDOptRedirectedHdr.pkt.src": "2001:db8::1" }')).map((i) => i.message)).toEqual([]);
  });
});
