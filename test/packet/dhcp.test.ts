// BOOTP/DHCP beyond the oracle: paths into the options list (checked at load, read at run time), reply matching by
// transaction id, and the errors a wrong options list gets.
import { describe, expect, it } from "vitest";
import { checkField } from "../../src/assert/packet.js";
import { craft, dissect, PacketError } from "../../src/packet/index.js";
import { checkPath } from "../../src/packet/path.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ScenarioError, type Issue } from "../../src/scenario/errors.js";

const offer = dissect(
  craft(
    'IP(src="198.18.0.67", dst="255.255.255.255")/UDP(sport=67, dport=68)/BOOTP(op=2, xid=0x2a17, yiaddr="198.18.0.120")/' +
      'DHCP(options=[("message-type", "offer"), ("server_id", "198.18.0.67"), ("lease_time", 3600), ("name_server", "198.18.0.53", "198.18.0.54"), "end"])',
  )[0].bytes,
  { link: "ip" },
);
const discover = (xid: number) =>
  craft(`IP(src="0.0.0.0", dst="255.255.255.255")/UDP(sport=68, dport=67)/BOOTP(xid=${xid}, flags="B")/DHCP(options=[("message-type", "discover"), "end"])`)[0];

describe("DHCP.options.NAME paths", () => {
  it("name an option, whose field reads symbolic values", () => {
    expect(checkPath("DHCP.options.message-type")).toMatchObject({ field: { name: "message-type" } });
    expect(checkPath("DHCP.options.server_id").problem).toBeUndefined();
    expect(checkPath("DHCP.options.server_idd").problem).toMatch(/has no item `server_idd` \(did you mean `server_id`\?\)/);
    expect(checkPath("DHCP.options.lease_time.x").problem).toMatch(/holds values/);
  });

  it("match the option's values: names, numbers, comparisons, any of several", () => {
    expect(checkField(offer, "DHCP.options.message-type", "offer").ok).toBe(true);
    expect(checkField(offer, "DHCP.options.message-type", 2).ok).toBe(true);
    expect(checkField(offer, "DHCP.options.message-type", "ack")).toMatchObject({ ok: false, got: "offer (2)" });
    expect(checkField(offer, "DHCP.options.lease_time", 3600).ok).toBe(true);
    expect(checkField(offer, "DHCP.options.lease_time", "> 3600").ok).toBe(false);
    expect(checkField(offer, "DHCP.options.name_server", "198.18.0.54").ok).toBe(true);
    expect(checkField(offer, "DHCP.options.name_server", "198.18.0.55").ok).toBe(false);
    expect(checkField(offer, "DHCP.options.router", "198.18.0.1")).toMatchObject({ ok: false, got: "no field DHCP.options.router" });
  });

  it("are checked when a scenario loads, at the key's line and column", () => {
    const text = [
      "name: t",
      "lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }",
      "steps:",
      "  - name: s",
      "    host: a",
      "    srp1:",
      '      packet: Ether(dst="ff:ff:ff:ff:ff:ff")/IP(src="0.0.0.0", dst="255.255.255.255")/UDP(sport=68, dport=67)/BOOTP()/DHCP(options=[("message-type", "discover"), "end"])',
      "      expect: { DHCP.options.mesage-type: offer, DHCP.options.lease_time: 60 }",
    ].join("\n");
    let issues: Issue[] = [];
    try {
      loadScenarioText("t.yaml", text);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues = e.issues;
    }
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 8, col: 17 });
    expect(issues[0].message).toMatch(/did you mean `message-type`/);
  });
});

describe("BOOTP replies", () => {
  it("answer the request with the same transaction id, whatever address a broadcast request went to", () => {
    expect(offer.answers(discover(0x2a17))).toBe(true);
    expect(offer.answers(discover(0x2a18))).toBe(false);
  });
});

describe("DHCP options that cannot be built", () => {
  it("say what is wrong", () => {
    expect(() => craft('BOOTP()/DHCP(options=[("mesage-type", "discover")])')).toThrow(/"mesage-type" is unknown/);
    expect(() => craft('BOOTP()/DHCP(options=[("message-type", "discovery")])')).toThrow(/one of discover, offer/);
    expect(() => craft('BOOTP()/DHCP(options=[("lease_time", 4294967296)])')).toThrow(PacketError);
    expect(() => craft('BOOTP()/DHCP(options=[("hostname", "x" * 256)])')).toThrow(/at most 255/);
    expect(() => craft('BOOTP()/DHCP(options=[("server_id", "not-an-address")])')[0].bytes).toThrow(/not an IPv4 address/);
  });
});

describe("ICMP errors quoting an application layer", () => {
  it("read it as Scapy does and answer the request they quote", () => {
    const query = craft('IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=40000, dport=53)/DNS(id=5, qd=DNSQR(qname="a.lab"))')[0];
    const quoted = 'IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=40000, dport=53)/DNS(id=5, qd=DNSQR(qname="a.lab"))';
    const error = dissect(craft(`IP(src="198.18.0.2", dst="198.18.0.1")/ICMP(type=3, code=3)/${quoted}`)[0].bytes, { link: "ip" });
    expect(error.layers.map((l) => l.name)).toEqual(["IP", "ICMP", "IPerror", "UDPerror", "DNS"]);
    expect(error.answers(query)).toBe(true);
    const other = craft('IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=40001, dport=53)/DNS(id=5, qd=DNSQR(qname="a.lab"))')[0];
    expect(error.answers(other)).toBe(false);
  });
});
