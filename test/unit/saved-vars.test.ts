import { describe, expect, it } from "vitest";
import { fillSaved } from "../../src/run/saved-vars.js";

describe("saved values filled into a step", () => {
  const saved = new Map<string, string | number>([["peer", "198.18.0.2"], ["seq", 41]]);
  const names = ["peer", "seq", "later"];

  it("fills strings anywhere, keeps a whole reference's type, and adds to a number", () => {
    const spec = { run: "ping ${peer}", expect: { "IP.src": "${peer}", "ICMP.seq": "${seq}", "TCP.ack": "${seq}+1-2", list: ["${peer}:7"] } };
    expect(fillSaved(spec, saved, names)).toEqual({ run: "ping 198.18.0.2", expect: { "IP.src": "198.18.0.2", "ICMP.seq": 41, "TCP.ack": 40, list: ["198.18.0.2:7"] } });
  });

  it("leaves names that are not saved values alone (a command's own ${HOME})", () => {
    expect(fillSaved({ run: "echo ${HOME}" }, saved, names)).toEqual({ run: "echo ${HOME}" });
  });

  it("says which value is missing when the step that saves it did not pass", () => {
    expect(() => fillSaved({ packet: 'IP(dst="${later}")' }, saved, names)).toThrow("${later} has no value yet");
  });

  it("leaves a sniff's while steps to be filled when they run", () => {
    const spec = { while: [{ exec: { run: "echo ${later}" } }], expect: { any: { "IP.src": "${peer}" } } };
    expect(fillSaved(spec, saved, names)).toEqual({ while: spec.while, expect: { any: { "IP.src": "198.18.0.2" } } });
  });
});
