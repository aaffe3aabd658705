// NTP and the DNS additions beyond the oracle: paths through them (checked at load, read at run time), and the
// values a scenario compares them with.
import { describe, expect, it } from "vitest";
import { checkField } from "../../src/assert/packet.js";
import { craft, dissect } from "../../src/packet/index.js";
import { checkPath } from "../../src/packet/path.js";

const ip = (expr: string) => dissect(craft(expr)[0].bytes, { link: "ip" });

describe("NTP", () => {
  const reply = ip('IP(src="198.18.0.123", dst="198.18.0.1")/UDP(sport=123, dport=40000)/NTPHeader(mode="server", stratum=1, ref_id="GPS ", delay=0.5, orig=1, sent=3900000000.25)');

  it("is read as Scapy's NTPHeader, by its fields and symbolic values", () => {
    expect(reply.layers.map((l) => l.name)).toEqual(["IP", "UDP", "NTPHeader"]);
    expect(checkPath("NTPHeader.stratum").problem).toBeUndefined();
    expect(checkField(reply, "NTPHeader.stratum", 1).ok).toBe(true);
    expect(checkField(reply, "NTPHeader.mode", "server").ok).toBe(true);
    expect(checkField(reply, "NTPHeader.mode", "client").ok).toBe(false);
  });

  it("compares fixed-point fields in seconds, as they are written", () => {
    expect(checkField(reply, "NTPHeader.delay", 0.5).ok).toBe(true);
    expect(checkField(reply, "NTPHeader.delay", 0.25).ok).toBe(false);
  });

  it("fills orig and sent with the time of the build when none is given, as Scapy does", () => {
    const sent = dissect(craft('IP()/UDP(sport=123, dport=123)/NTPHeader()')[0].bytes, { link: "ip" }).layers[2].get("sent") as bigint;
    const seconds = Number(sent >> 32n) - 2208988800;
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe("DNS records and DNS over TCP", () => {
  const answer = ip(
    'IP(src="198.18.0.53", dst="198.18.0.1")/TCP(sport=53, dport=40000, flags="PA")/DNS(id=9, qr=1, qd=DNSQR(qname="a.lab", qtype="MX"), ' +
      'an=DNSRRMX(rrname="a.lab", type="MX", preference=10, exchange="mx.a.lab")/DNSRRSRV(rrname="_x._tcp.a.lab", port=8080, target="a.lab"), ar=DNSRROPT(rclass=1232))',
  );

  it("reads the length prefix over TCP and every record's own fields", () => {
    expect(answer.layers.map((l) => l.name)).toEqual(["IP", "TCP", "DNS"]);
    expect(checkField(answer, "DNS.length", answer.bytes.length - 40 - 2).ok).toBe(true);
    expect(checkField(answer, "DNS.an.exchange", "mx.a.lab.").ok).toBe(true);
    expect(checkField(answer, "DNS.an.port", 8080).ok).toBe(true);
    expect(checkField(answer, "DNS.an[1].port", 8080).ok).toBe(true);
    expect(checkField(answer, "DNS.an[0].port", 8080).ok).toBe(false);
    expect(checkField(answer, "DNS.ar.rclass", 1232).ok).toBe(true);
    expect(checkField(answer, "DNS.an.type", "SRV").ok).toBe(true);
  });

  it("checks those paths at load", () => {
    expect(checkPath("DNS.an.exchange").problem).toBeUndefined();
    expect(checkPath("DNS.ar.rdata.optcode").problem).toBeUndefined();
    expect(checkPath("DNS.an.exchnge").problem).toMatch(/did you mean `exchange`/);
  });

  it("has no length field over UDP", () => {
    const udp = ip('IP()/UDP(sport=53, dport=40000)/DNS(id=9, qr=1, qd=DNSQR(qname="a.lab"))');
    expect(checkField(udp, "DNS.length", 1)).toMatchObject({ ok: false });
    expect(udp.bytes.subarray(28, 30).readUInt16BE(0)).toBe(9);
  });
});
