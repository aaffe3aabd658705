import { describe, expect, it } from "vitest";
import { craft, dissect, Packet } from "../../src/index.js";
import { AnswerIndex } from "../../src/wire/answer-index.js";

const l3 = (expr: string) => dissect(craft(expr)[0].bytes, { link: "raw" });

describe("which requests a reply is compared with", () => {
  const requests = craft('IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=(1, 1000), flags="S")').map((l) => new Packet(l.top));
  const index = new AnswerIndex(requests);

  it("a TCP answer: only the request to the port it comes from, which answers() then accepts", () => {
    const reply = l3('IP(src="198.18.0.2", dst="198.18.0.1")/TCP(sport=500, dport=40000, flags="SA")');
    const c = [...index.candidates(reply)];
    expect(c).toEqual([499]);
    expect(reply.answers(requests[499])).toBe(true);
  });

  it("an ICMP error: the request it quotes", () => {
    const udp = craft('IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=33000, dport=(33434, 33436))').map((l) => new Packet(l.top));
    const err = l3('IP(src="198.18.0.2", dst="198.18.0.1")/ICMP(type=3, code=3)/IPerror(src="198.18.0.1", dst="198.18.0.2")/UDPerror(sport=33000, dport=33435)');
    expect([...new AnswerIndex(udp).candidates(err)]).toEqual([1]);
  });

  it("a reply it cannot key is compared with every request", () => {
    const other = l3('IP(src="198.18.0.2", dst="198.18.0.1", proto=253)');
    expect([...index.candidates(other)]).toHaveLength(1000);
  });
});
