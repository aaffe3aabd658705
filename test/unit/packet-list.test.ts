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

describe("what is expected of a numeric field is read by the field, on either side of a comparison", () => {
  const reply = echo("echo-reply", 64);
  const unreach = dissect(craft(`Ether()/IP(src="198.18.1.1", dst="198.18.1.2")/ICMP(type="dest-unreach", code="port-unreachable")`)[0].bytes);
  const exceeded = dissect(craft(`Ether()/IP(src="198.18.1.1", dst="198.18.1.2")/ICMP(type="time-exceeded", code=0)`)[0].bytes);
  const synack = dissect(craft(`Ether()/IP(src="198.18.1.1", dst="198.18.1.2")/TCP(flags="SA")`)[0].bytes);
  const ok = (p: Parameters<typeof checkPacketList>[0][number], e: Record<string, unknown>) => checkPacketList([p], { any: e }).problems.length === 0;

  it("!= a symbolic name or flag letters compares the numbers they stand for", () => {
    expect(ok(reply, { "ICMP.type": "!= echo-reply" })).toBe(false);
    expect(ok(reply, { "ICMP.type": "!= echo-request" })).toBe(true);
    expect(ok(synack, { "TCP.flags": "!= SA" })).toBe(false);
    expect(ok(synack, { "TCP.flags": "!= S" })).toBe(true);
    expect(ok(reply, { "ICMP.type": ">= echo-reply and < dest-unreach" })).toBe(true);
  });

  it("an ICMP code name means its number under its own type only", () => {
    expect(ok(unreach, { "ICMP.code": "port-unreachable" })).toBe(true);
    expect(ok(unreach, { "ICMP.code": "network-unreachable" })).toBe(false);
    // Code 0 of echo-reply and of time-exceeded is not network-unreachable (code 0 of dest-unreach).
    expect(ok(reply, { "ICMP.code": "network-unreachable" })).toBe(false);
    expect(ok(exceeded, { "ICMP.code": "network-unreachable" })).toBe(false);
    expect(ok(exceeded, { "ICMP.code": "ttl-zero-during-transit" })).toBe(true);
    expect(ok(exceeded, { "ICMP.code": "bad-spi" })).toBe(false);
  });

  it("{in: […]} reads each choice by the field", () => {
    expect(ok(reply, { "ICMP.type": { in: ["echo-reply", "dest-unreach"] } })).toBe(true);
    expect(ok(reply, { "ICMP.type": { in: ["dest-unreach", "time-exceeded"] } })).toBe(false);
  });

  it("each over no packet does not hold", () => {
    expect(checkPacketList([], { each: { "ICMP.type": "echo-reply" } }).problems[0]).toMatch(/^each: no packet to check/);
  });
});
