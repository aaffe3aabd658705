// DNS read as Scapy 2.5 reads it, whatever the bytes: a header that ends between fields keeps the defaults (a bare
// one keeps the default question), counts that lie, records whose data is shorter than rdlen, records read alone.
// Expected views are Scapy's own, recorded in test/fixtures/scapy-corpus/scapy-2.jsonl by scripts/corpus-scapy.py.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Packet } from "../../src/packet/index.js";
import { dissectLayers } from "../../src/packet/dissect.js";
import { registry } from "../../src/packet/layer.js";
import { compareDissection, readVectors } from "./helpers.js";

type Row = { expr?: string; dissect?: string; hex?: string; hexes?: string[]; summary: string; layers: { name: string; fields: Record<string, unknown> }[] };
const rows = readVectors(join(import.meta.dirname, "..", "fixtures", "scapy-corpus", "scapy-2.jsonl")) as unknown as Row[];

/** How wirecheck reads a recorded row's bytes with the class Scapy read them with, against Scapy's view. */
function problems(r: Row): string[] {
  const cls = r.dissect ?? r.layers[0].name;
  const bytes = Buffer.from(r.hex ?? r.hexes![0], "hex");
  return compareDissection(new Packet(dissectLayers(registry.get(cls)!, bytes)), r);
}
const byExpr = (e: string) => rows.find((r) => r.expr === e)!;
const byHexStart = (cls: string, h: string) => rows.filter((r) => r.dissect === cls && !("error" in r) && r.hex!.startsWith(h));

describe("DNS read as Scapy reads it", () => {
  it("a payload that ends inside the fixed part keeps the defaults: UDP sport 53 carrying 2 bytes is a DNS query for www.example.com", () => {
    const r = byExpr('IP(dst="198.18.1.9")/UDP()/("x" + "y")');
    expect(r.summary).toBe("IP / UDP / DNS Qry \"b'www.example.com.'\" ");
    expect(problems(r)).toEqual([]);
  });

  it("non-DNS bytes after port 53 read as DNS with what they hold (a GENEVE header as a question, the rest Raw)", () => {
    for (const e of [
      'IP(dst="198.18.1.9")/UDP(dport=6081)/GENEVE(vni=5, proto=0x0800)/IP(src="10.9.0.1", dst="10.9.0.2")/UDP(dport=7)',
      'IP(dst="198.18.1.9")/UDP(dport=6635)/MPLS(label=40)/IP(dst="10.9.0.1")/ICMP()',
      'IP(dst="198.18.1.9")/UDP(dport=9)/Raw(load="A"*64)/Padding(b"\\x00"*2)',
    ])
      expect(problems(byExpr(e)), e).toEqual([]);
  });

  it("a count larger than the bytes after the header holds nothing, and the next section reads those bytes again", () => {
    const r = byExpr('IP(dst="198.18.1.53")/UDP(dport=53)/DNS(qdcount=2, qd=DNSQR(qname="example.org"))');
    expect(problems(r)).toEqual([]);
    // A record cut short of its 10 fixed bytes is not DNS: Raw (Scapy fails the layer).
    const cut = rows.filter((x) => x.dissect === "IP" && !("error" in x) && x.summary === "IP / UDP / DNS Ans ");
    expect(cut.length).toBeGreaterThan(0);
    for (const x of cut) expect(problems(x), x.hex).toEqual([]);
  });

  it("records read alone, as DNSRR(b\"…\") reads them (names: JSON keeps them as text, where Scapy's are bytes)", () => {
    for (const e of ['DNSRR(rrname="solo.example", type="NS", rdata="ns.example")', 'DNSRRMX(exchange="mail.example")', "DNSRRSOA()", 'DNSRRSRV(target="t.example", port=80)'])
      expect(problems(byExpr(e)).filter((m) => !/name|rdata|exchange|target/.test(m)), e).toEqual([]);
    const rr = new Packet(dissectLayers(registry.get("DNSRR")!, Buffer.from(byExpr('DNSRR(rrname="solo.example", type="NS", rdata="ns.example")').hexes![0], "hex")));
    expect([rr.top.get("rrname"), rr.top.get("type"), rr.top.get("rdata")]).toEqual(["solo.example.", 2, "ns.example."]);
  });

  it("every DNS byte string of the second set that Scapy reads is read alike", () => {
    const dns = byHexStart("DNS", "");
    expect(dns.length).toBeGreaterThan(0);
    for (const r of dns) expect(problems(r), r.hex).toEqual([]);
  });
});
