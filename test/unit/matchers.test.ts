import { describe, expect, it } from "vitest";
import { matchBytes } from "../../src/assert/bytes.js";
import { matchValue, toNumber } from "../../src/assert/value.js";

describe("matchValue", () => {
  it("treats a scalar as equality, across number and text", () => {
    expect(matchValue(200, 200).ok).toBe(true);
    expect(matchValue(200, "200").ok).toBe(true);
    expect(matchValue("text/html", "text/html").ok).toBe(true);
    expect(matchValue(200, 404)).toMatchObject({ ok: false, expected: "200", got: "404" });
  });

  it("compares numbers, durations and sizes", () => {
    expect(matchValue("< 10ms", 3).ok).toBe(true);
    expect(matchValue("< 10ms", 12).ok).toBe(false);
    expect(matchValue(">= 6", 6).ok).toBe(true);
    expect(matchValue(">= 6", 5).ok).toBe(false);
    expect(matchValue("!= 0", 1).ok).toBe(true);
    expect(matchValue("<= 1KiB", 1024).ok).toBe(true);
    expect(matchValue("> 1s", 999).ok).toBe(false);
    expect(matchValue("< 400", undefined).ok).toBe(false);
  });

  it("looks inside with contains, regex, hex and in", () => {
    expect(matchValue({ contains: "works" }, "<h1>It works</h1>").ok).toBe(true);
    expect(matchValue({ contains: "nope" }, "<h1>It works</h1>").ok).toBe(false);
    expect(matchValue({ regex: "^HTTP/1\\.[01]" }, "HTTP/1.1 200").ok).toBe(true);
    expect(matchValue({ hex: "00 ff" }, Buffer.from([0, 255])).ok).toBe(true);
    expect(matchValue({ in: [200, 204] }, 204).ok).toBe(true);
    expect(matchValue({ in: [200, 204] }, 500)).toMatchObject({ ok: false, expected: "one of 200, 204" });
  });

  it("reads numbers the way users write them", () => {
    expect(toNumber("0x10")).toBe(16);
    expect(toNumber("300ms")).toBe(300);
    expect(toNumber("2s")).toBe(2000);
    expect(toNumber("1.5KiB")).toBe(1536);
    expect(toNumber("many")).toBeUndefined();
  });
});

describe("matchBytes", () => {
  it("text means exactly these bytes, and says when more data cannot help", () => {
    expect(matchBytes("Goodbye!", Buffer.from("Good"))).toMatchObject({ matched: false, hopeless: false });
    expect(matchBytes("Goodbye!", Buffer.from("Goodbye!"))).toMatchObject({ matched: true, end: 8 });
    expect(matchBytes("Goodbye!", Buffer.from("Hello"))).toMatchObject({ matched: false, hopeless: true });
    expect(matchBytes("Goodbye!", Buffer.from("Goodbye!!"))).toMatchObject({ matched: false, hopeless: true });
  });

  it("contains and regex search and report how much they used", () => {
    expect(matchBytes({ contains: "over udp" }, Buffer.from("ping over udp!"))).toMatchObject({ matched: true, end: 13 });
    expect(matchBytes({ regex: "^hel+o" }, Buffer.from("hello world"))).toMatchObject({ matched: true, end: 5 });
    expect(matchBytes({ regex: "^x" }, Buffer.from("hello"))).toMatchObject({ matched: false });
  });

  it("hex compares raw bytes", () => {
    expect(matchBytes({ hex: "00ff10fe" }, Buffer.from([0, 0xff, 0x10, 0xfe])).matched).toBe(true);
    expect(matchBytes({ hex: "00:ff" }, Buffer.from([0, 0xfe])).hopeless).toBe(true);
  });
});
