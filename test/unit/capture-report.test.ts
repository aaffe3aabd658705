import { describe, expect, it } from "vitest";
import { craft } from "../../src/index.js";
import { judgeCapture } from "../../src/steps/sniff/judge.js";
import { Recording } from "../../src/wire/recording.js";

const frame = (sport: number) => craft(`Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=${sport}, dport=9)`)[0].bytes;
const stats = (dropped: number, ifDropped = 0) => [{ iface: "eth0", received: 3, dropped, ifDropped }];

describe("a capture's report", () => {
  const frames = [1, 2, 3].map((p) => ({ hex: frame(p).toString("hex") }));

  it("shows libpcap's counters, and passes when nothing was lost", () => {
    const r = judgeCapture({ frames, total: 3, stats: stats(0) }, { count: 3 }, "server");
    expect(r.problems).toEqual([]);
    expect(r.details).toContain("captured 3 packet(s) on server (libpcap: eth0 3 received, 0 dropped, 0 dropped by the interface)");
  });

  it("fails an expectation judged on a capture that lost packets, even one that would pass", () => {
    const r = judgeCapture({ frames, total: 3, stats: stats(2, 1) }, { none: { "UDP.dport": 53 } }, "server");
    expect(r.problems).toEqual(["the capture lost 3 packet(s) (libpcap's drop counters): what it saw is incomplete"]);
  });

  it("fails when the capture took more packets than it keeps", () => {
    const r = judgeCapture({ frames, total: 5, stats: stats(0) }, { count: ">= 3" }, "server");
    expect(r.problems).toEqual(["the capture took 5 packets but keeps only the first 3: narrow its filter"]);
  });
});

describe("a host's recording", () => {
  it("keeps copied and adopted frames with their times, without sharing the sender's scratch buffer", () => {
    const rec = new Recording();
    const scratch = Buffer.from(frame(1));
    rec.add(scratch, 1000.5);
    scratch.fill(0);
    const batch = Buffer.concat([frame(2), frame(3)]);
    rec.adopt(batch, new Uint32Array([frame(2).length, frame(3).length]), 2, 2000);
    const out = rec.frames();
    expect(out.map((f) => f.data.readUInt16BE(34))).toEqual([1, 2, 3]);
    expect(out.map((f) => f.timeUs)).toEqual([1000.5, 2000, 2000]);
    expect(out[0].data.length).toBe(frame(1).length);
  });

  it("keeps copied frames apart from adopted batches that arrive between them", () => {
    const rec = new Recording();
    rec.add(frame(1), 1);
    rec.adopt(Buffer.from(frame(2)), new Uint32Array([frame(2).length]), 1, new Float64Array([2]));
    rec.add(frame(3), 3);
    expect(rec.frames().map((f) => f.data.readUInt16BE(34))).toEqual([1, 2, 3]);
  });

  it("stops at its limit, counts what it did not keep, and grows past its first index size", () => {
    const rec = new Recording(1500);
    for (let i = 0; i < 2000; i++) rec.add(frame(i + 1), i);
    rec.adopt(Buffer.concat([frame(1), frame(2)]), new Uint32Array([frame(1).length, frame(2).length]), 2, 0);
    expect(rec.count).toBe(1500);
    expect(rec.missed).toBe(502);
    expect(rec.frames()[1499].data.readUInt16BE(34)).toBe(1500);
  });
});
