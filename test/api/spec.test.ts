// The typed API against the expression parser and Scapy: the same packets, byte for byte, through the constructors.
import { describe, expect, it } from "vitest";
import { craft, dissect, layers, range, PacketError, Ether, IP, ICMP, TCP, UDP, DNS, DNSQR } from "../../src/index.js";
import type { PacketSpec } from "../../src/index.js";
import { readVectors } from "../packet/helpers.js";

const constructors = layers as unknown as Record<string, (v?: Record<string, unknown>) => PacketSpec>;

/** The spec a crafted packet's layers stand for, made with the constructors from the values craft() stored. */
function specOf(expr: string): PacketSpec {
  const [first] = craft(expr);
  return first.layers.map((l) => constructors[l.name]({ ...l.given })).reduce((a, b) => a.div(b));
}

describe("the constructors build Scapy's bytes", () => {
  for (const file of ["test/fixtures/scapy-vectors.jsonl", "test/fixtures/extra-vectors.jsonl"]) {
    const vectors = readVectors(file).filter((v) => !v.error);
    it(`every vector of ${file} (${vectors.length}), built from the values craft() read, and read back from command()`, () => {
      const wrong: string[] = [];
      for (const v of vectors) {
        const spec = specOf(v.expr);
        if (spec.bytes.toString("hex") !== v.hex) wrong.push(`${v.expr}: constructors built ${spec.bytes.toString("hex")}`);
        const again = craft(spec.command())[0].bytes.toString("hex");
        if (again !== v.hex) wrong.push(`${v.expr}: command() ${spec.command()} built ${again}`);
        if (spec.summary() !== craft(v.expr)[0].summary()) wrong.push(`${v.expr}: summary ${spec.summary()}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe("PacketSpec", () => {
  const syn = Ether({ dst: "02:00:00:00:00:02", src: "02:00:00:00:00:01" }).div(
    IP({ src: "198.18.0.1", dst: "198.18.0.2" }),
    TCP({ sport: 40000, dport: "http", flags: "S", seq: 1000, options: [["MSS", 1460], ["NOP", null], ["WScale", 7]] }),
  );
  const synText = 'Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=80, flags="S", seq=1000, options=[("MSS", 1460), ("NOP", None), ("WScale", 7)])';

  it("builds what craft builds, and reads its fields, summary and show() as Scapy shows them", () => {
    expect(syn.bytes.toString("hex")).toBe(craft(synText)[0].bytes.toString("hex"));
    expect(syn.get("TCP.flags")).toBe(2);
    expect(syn.get("IP.proto")).toBe(6);
    expect(syn.summary()).toBe("Ether / IP / TCP 198.18.0.1:40000 > 198.18.0.2:http S");
    expect(syn.show()).toBe(craft(synText)[0].show());
    expect(dissect(syn.bytes).get("TCP.options")).toEqual([["MSS", 1460], ["NOP", null], ["WScale", 7]]);
  });

  it("the same bytes whether its shape is built for the first time or filled from its template", () => {
    const seqs = [0, 1, 1000, 0xffffffff];
    const fresh = seqs.map((seq) => craft(synText.replace("seq=1000", `seq=${seq}`))[0].bytes.toString("hex"));
    const made = seqs.map((seq) => Ether({ dst: "02:00:00:00:00:02", src: "02:00:00:00:00:01" }).div(IP({ src: "198.18.0.1", dst: "198.18.0.2" }), TCP({ sport: 40000, dport: "http", flags: "S", seq, options: [["MSS", 1460], ["NOP", null], ["WScale", 7]] })).bytes.toString("hex"));
    const t = syn.template();
    expect(made).toEqual(fresh);
    expect(seqs.map((seq) => t.fill({ TCP: { seq } }).toString("hex"))).toEqual(fresh);
    // A field whose size varies is built in full by the template: still the same bytes.
    const dns = Ether().div(IP({ dst: "198.18.0.2" }), UDP({ sport: 5353 }), DNS({ rd: 1, qd: DNSQR({ qname: "a.example" }) }));
    expect(dns.template().fill({ DNS: { id: 7, qd: DNSQR({ qname: "www.example.com" }) } }).toString("hex")).toBe(
      craft('Ether()/IP(dst="198.18.0.2")/UDP(sport=5353)/DNS(id=7, rd=1, qd=DNSQR(qname="www.example.com"))')[0].bytes.toString("hex"),
    );
  });

  it("a list or range() makes a packet set in Scapy's order, as the expression does", () => {
    const set = IP({ dst: "198.18.0.2", ttl: [1, 3] }).div(TCP({ dport: range(20, 22), flags: "S" }));
    const text = 'IP(dst="198.18.0.2", ttl=[1, 3])/TCP(dport=(20, 22), flags="S")';
    expect(set.count).toBe(6);
    expect(set.frames().map((b) => b.toString("hex"))).toEqual(craft(text).map((p) => p.bytes.toString("hex")));
    expect(set.packets().map((p) => p.summary())).toEqual(craft(text).map((p) => p.summary()));
    expect(() => set.bytes).toThrow(/packet set of 6 packets/);
    expect(IP({ dst: "198.18.0.0/30" }).div(ICMP()).count).toBe(4);
  });

  it("answers() as Scapy: a reply with the ports swapped and the ack in the window", () => {
    const req = IP({ src: "198.18.0.1", dst: "198.18.0.2" }).div(TCP({ sport: 40000, dport: 80, flags: "S", seq: 1000 }));
    const reply = IP({ src: "198.18.0.2", dst: "198.18.0.1" }).div(TCP({ sport: 80, dport: 40000, flags: "SA", ack: 1001 }));
    const other = IP({ src: "198.18.0.2", dst: "198.18.0.1" }).div(TCP({ sport: 80, dport: 40001, flags: "SA", ack: 1001 }));
    expect(reply.answers(req)).toBe(true);
    expect(other.answers(req)).toBe(false);
    expect(dissect(reply.bytes, { link: "ip" }).answers(req.packet())).toBe(true);
  });

  it("a wrong field or value is refused with what would be valid", () => {
    expect(() => (TCP as (v: object) => unknown)({ dprot: 80 })).toThrow(/TCP has no field `dprot` \(did you mean `dport`\?\)/);
    expect(() => (ICMP as (v: object) => unknown)({ type: "echo-reqest" })).toThrow(/ICMP.type="echo-reqest" is not a known value \(did you mean `echo-request`\?\)/);
    expect(() => TCP({ sport: 70000 })).toThrow(PacketError);
    expect(() => syn.template().fill({ TCP: { flags: "SX" as "S" } })).toThrow(/`X` is not a flag of flags/);
  });

  it("values given again are parsed once, yet a list the caller changes builds what it holds now, and stays the caller's", () => {
    const opts: [string, unknown][] = [["MSS", 1460], ["Timestamp", [1, 0]]];
    const before = TCP({ options: opts }).bytes.toString("hex");
    expect(TCP({ options: opts }).bytes.toString("hex")).toBe(before);
    // Nothing of the caller's is frozen or kept: changing the list (deep inside too) changes the next packet.
    expect([Object.isFrozen(opts), Object.isFrozen(opts[0]), Object.isFrozen(opts[1][1])]).toEqual([false, false, false]);
    opts[0][1] = 1400;
    (opts[1][1] as number[])[0] = 7;
    const after = TCP({ options: opts }).bytes.toString("hex");
    expect(after).toBe(craft('TCP(options=[("MSS", 1400), ("Timestamp", (7, 0))])')[0].bytes.toString("hex"));
    expect(after).not.toBe(before);
    opts.push(["NOP", null]);
    expect(TCP({ options: opts }).bytes.toString("hex")).toBe(craft('TCP(options=[("MSS", 1400), ("Timestamp", (7, 0)), ("NOP", None)])')[0].bytes.toString("hex"));
    // The same for a layer given as a value: a record built from changed values is the new record.
    const q = { qname: "a.example" };
    const a = DNS({ qd: DNSQR(q) }).bytes;
    q.qname = "b.example";
    expect(DNS({ qd: DNSQR(q) }).bytes.toString("hex")).toBe(craft('DNS(qd=DNSQR(qname="b.example"))')[0].bytes.toString("hex"));
    expect(DNS({ qd: DNSQR(q) }).bytes.equals(a)).toBe(false);
    // A value that was parsed once and then given wrong is still refused.
    expect(() => TCP({ options: [["MSS", 1460], ["Timestamp", [1, 0]], ["Bogus", 1]] })).toThrow(PacketError);
  });

  it("specs are immutable: div() makes a new one", () => {
    const ip = IP({ dst: "198.18.0.2" });
    const a = ip.div(TCP());
    const b = ip.div(UDP());
    expect([ip.summary(), a.summary(), b.summary()]).toEqual(["127.0.0.1 > 198.18.0.2 hopopt", "IP / TCP 127.0.0.1:ftp_data > 198.18.0.2:http S", "IP / UDP 127.0.0.1:domain > 198.18.0.2:domain"]);
  });
});
