// craft(text) remembers what it parsed: a loop over one text does not parse it again, and no call's packets share
// anything a caller could change with another call's.
import { describe, expect, it } from "vitest";
import { craft } from "../../src/packet/index.js";

const text = 'IP(dst="198.18.0.2")/TCP(dport=80, options=[("MSS", 1460)])/b"payload"';

describe("craft's cache", () => {
  it("a text seen before is not parsed again: its (frozen) lists are the ones parsed the first time", () => {
    const a = craft(text)[0];
    const b = craft(text)[0];
    expect(b.layers[1].given.options).toBe(a.layers[1].given.options);
    expect(Object.isFrozen(a.layers[1].given.options)).toBe(true);
    expect(b.bytes.equals(a.bytes)).toBe(true);
  });

  it("results share no mutable state: layers, values objects and Buffers are each call's own", () => {
    const a = craft(text)[0];
    const b = craft(text)[0];
    expect(b).not.toBe(a);
    expect(b.top).not.toBe(a.top);
    expect(b.top.given).not.toBe(a.top.given);
    const before = b.bytes.toString("hex");
    a.top.given.dst = "198.18.0.9";
    (a.layers[2].given.load as Buffer)[0] = 0x50;
    expect(() => (a.layers[1].given.options as unknown[]).push(["NOP", null])).toThrow(TypeError);
    expect(craft(text)[0].bytes.toString("hex")).toBe(before);
    expect(craft(text)[0].get("IP.dst")).toBe("198.18.0.2");
    // A packet changed before its bytes are built is built as changed.
    expect(a.get("IP.dst")).toBe("198.18.0.9");
    expect(a.bytes.toString("hex")).not.toBe(before);
  });

  it("is bounded: after 300 other texts the first one is parsed again", () => {
    const first = craft(text)[0].layers[1].given.options;
    for (let i = 0; i < 300; i++) craft(`IP(dst="198.18.0.2")/TCP(dport=${i})`);
    expect(craft(text)[0].layers[1].given.options).not.toBe(first);
  });

  it("packet sets come back whole, each packet its own", () => {
    const set = 'IP(dst="198.18.0.2")/TCP(dport=[22, 80, 443])';
    const a = craft(set);
    const b = craft(set);
    expect(b.map((p) => p.get("TCP.dport"))).toEqual([22, 80, 443]);
    expect(b.map((p) => p.bytes.toString("hex"))).toEqual(a.map((p) => p.bytes.toString("hex")));
    expect(b[0].top).not.toBe(a[0].top);
  });
});
