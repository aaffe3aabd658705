// Scapy's show() and summary() text for every vector (test/fixtures/show-vectors.jsonl, made by
// test/oracle/scapy_show.py): the packet as the expression gives it (before building, computed fields None) and the
// packet dissected from its bytes must print exactly what Scapy prints. One test per vector.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { craft, dissect } from "../../src/packet/index.js";
import { linkOf, readVectors } from "./helpers.js";

type ShowVector = { expr: string; show: string; summary: string; dissected_show: string; dissected_summary: string; error?: string };

const rows = readFileSync("test/fixtures/show-vectors.jsonl", "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as ShowVector);

function diff(want: string, got: string): string {
  const w = want.split("\n");
  const g = got.split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(w.length, g.length) && out.length < 12; i++)
    if (w[i] !== g[i]) out.push(`line ${i + 1}: expected ${JSON.stringify(w[i])}\n           got      ${JSON.stringify(g[i])}`);
  return out.join("\n");
}

describe("show() and summary() as Scapy 2.5 prints them", () => {
  it("covers every vector of the vector files, none of them a Scapy error", () => {
    const exprs = new Set(rows.map((r) => r.expr));
    const vectors = ["scapy", "extra", "issue14"].flatMap((f) => readVectors(`test/fixtures/${f}-vectors.jsonl`));
    expect(vectors.filter((v) => !exprs.has(v.expr)).map((v) => v.expr)).toEqual([]);
    expect(rows.filter((r) => r.error).map((r) => `${r.expr}: ${r.error}`)).toEqual([]);
  });

  rows.forEach((r, i) => {
    it(`#${i + 1} ${r.expr}`, () => {
      const p = craft(r.expr)[0];
      const d = dissect(p.bytes, { link: linkOf(p.layers[0].name) });
      const problems: string[] = [];
      if (p.show() !== r.show) problems.push(`show():\n${diff(r.show, p.show())}`);
      if (p.summary() !== r.summary) problems.push(`summary(): expected ${JSON.stringify(r.summary)}, got ${JSON.stringify(p.summary())}`);
      if (d.show() !== r.dissected_show) problems.push(`show() of the dissected bytes:\n${diff(r.dissected_show, d.show())}`);
      if (d.summary() !== r.dissected_summary) problems.push(`summary() of the dissected bytes: expected ${JSON.stringify(r.dissected_summary)}, got ${JSON.stringify(d.summary())}`);
      if (problems.length) expect.fail(problems.join("\n"));
    });
  });
});
