import { describe, expect, it } from "vitest";
import { parseShard, shardPlans } from "../../src/run/shard.js";
import { readJUnit } from "../../src/report/junit-read.js";
import type { Plan } from "../../src/scenario/model.js";

const plans = (names: string[]) => names.map((classname) => ({ classname }) as Plan);

describe("--shard", () => {
  it("parses I/N and refuses what is not a share", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "2", "a/b", "1/2/3"]) expect(parseShard(bad)).toMatch(/^--shard /);
  });

  it("splits every scenario into exactly one shard, the same way whatever the order of the files", () => {
    const all = plans(["a", "b", "c", "d", "e", "f", "g"]);
    const shards = [1, 2, 3].map((index) => shardPlans(all, { index, count: 3 }).map((p) => p.classname));
    expect(shards.flat().sort()).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(shards.map((s) => s.length)).toEqual([3, 2, 2]);
    const reversed = [1, 2, 3].map((index) => shardPlans([...all].reverse(), { index, count: 3 }).map((p) => p.classname).sort());
    expect(reversed).toEqual(shards.map((s) => [...s].sort()));
  });

  it("balances by a previous report's durations: the long one alone, the rest beside it", () => {
    const all = plans(["long", "s1", "s2", "s3", "s4", "new"]);
    const d = new Map([["long", 40_000], ["s1", 10_000], ["s2", 10_000], ["s3", 10_000], ["s4", 10_000]]);
    const one = shardPlans(all, { index: 1, count: 2 }, d).map((p) => p.classname);
    const two = shardPlans(all, { index: 2, count: 2 }, d).map((p) => p.classname);
    // Longest first, each to the lighter shard: long 40 | new (unknown: the median, 10 s), s1, s2, s3 = 40 | then s4
    // on the tie to the first. 50 s and 40 s, where file order alone would give 60 and 30.
    expect(one).toEqual(["long", "s4"]);
    expect(two).toEqual(["s1", "s2", "s3", "new"]);
  });
});

describe("reading JUnit back", () => {
  it("keeps CDATA as text, even when it spells a closing tag, and tells outcomes apart", () => {
    const xml = `<?xml version="1.0"?>
<!-- a comment with <testsuite> in it -->
<testsuites time="1.5" tests="3">
  <testsuite name="x &amp; y" tests="3"><properties><property name="wirecheck.order" value="4"/></properties>
    <testcase classname="a" name="p"/>
    <testcase classname="a" name="f" time="0.1"><failure message="m &gt; n"><![CDATA[got </testsuite></testsuites> "quoted" > ]]></failure><system-out><![CDATA[]]]]><![CDATA[>]]></system-out></testcase>
    <testcase classname="a" name="s"><skipped message="why"/></testcase>
  </testsuite>
  <testsuite name="empty" tests="0"/>
</testsuites>`;
    const r = readJUnit(xml);
    expect(r.attrs.time).toBe("1.5");
    expect(r.suites.map((s) => s.attrs.name)).toEqual(["x & y", "empty"]);
    expect(r.suites[0].properties).toEqual({ "wirecheck.order": "4" });
    expect(r.suites[0].cases.map((c) => [c.attrs.name, c.outcome])).toEqual([["p", "passed"], ["f", "failed"], ["s", "skipped"]]);
    expect(r.suites[0].raw.startsWith("<testsuite name=")).toBe(true);
    expect(r.suites[0].raw.endsWith("</testsuite>")).toBe(true);
    expect(r.suites[0].raw).toContain("got </testsuite></testsuites>");
  });

  it("refuses a file that is cut off", () => {
    expect(() => readJUnit("<testsuites><testsuite name='a'><testcase name='b'>")).toThrow(/not closed/);
  });
});
