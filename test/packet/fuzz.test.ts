import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module shared with `npm run fuzz`
import { fuzz } from "../fuzz/fuzz-cases.mjs";

describe("the dissector never throws, whatever the bytes", () => {
  it("20,000 cases from a fixed seed (random bytes, mutated packets, lying lengths, DNS pointer loops)", () => {
    expect(fuzz(12345, 20_000)).toEqual([]);
  });

  // A second fixed seed keeps CI repeatable; `npm run fuzz` draws a new seed each time for exploration.
  const seed = 20261125;
  it(`20,000 more cases (seed ${seed}; replay with npm run fuzz 20000 ${seed})`, () => {
    expect(fuzz(seed, 20_000)).toEqual([]);
  });
});
