import { describe, expect, it } from "vitest";
import { checkPacketList } from "../../src/assert/packet-list.js";
import { craft, dissect } from "../../src/index.js";

const echo = (type: string, ttl: number) => dissect(craft(`Ether()/IP(src="198.18.1.2", dst="198.18.2.2", ttl=${ttl})/ICMP(type="${type}")`)[0].bytes);
const arp = dissect(craft(`Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(pdst="198.18.2.2")`)[0].bytes);

describe("expectations on a list of packets", () => {
  const seen = [echo("echo-request", 64), arp, echo("echo-request", 63), echo("echo-reply", 64)];

  it("holds a sequence with other packets between its items", () => {
    expect(checkPacketList(seen, { sequence: [{ "IP.ttl": 64 }, { "ARP.op": "who-has" }, { "ICMP.type": "echo-reply" }] }).problems).toEqual([]);
  });

  it("names where a sequence broke and shows the packet closest to the missing item after it", () => {
    const r = checkPacketList(seen, { sequence: [{ "ARP.op": "who-has" }, { "ICMP.type": "echo-request", "IP.ttl": 62 }] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^sequence: matched 1 of 2 in order; missing .* after packet 2; closest: packet 3, /);
    expect(r.problems[0]).toContain("IP.ttl: expected 62, got 63");
    expect(r.evidence).toBe(seen[2]);
  });

  it("prefers a packet with the right layers and a wrong value over one without the layers", () => {
    const r = checkPacketList([arp, echo("echo-request", 64)], { any: { "ICMP.type": "echo-reply" } });
    expect(r.evidence?.getLayer("ICMP")).toBeDefined();
    expect(r.problems[0]).toContain("closest: Ether / IP / ICMP");
  });
});
