import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module shared with `npm run fuzz:load`
import { fuzzLoad } from "./load-mutants.mjs";

type Example = { i: number; how: string; detail: string };
type FailureClass = { signature: string; count: number; examples: Example[] };

/** One line per kind of failure, with its first mutant, so a red test says what to replay. */
const describeClasses = (classes: FailureClass[]) =>
  classes.map((c) => `${c.count}× ${c.signature}\n    first: mutant ${c.examples[0].i}: ${c.examples[0].how}\n    ${c.examples[0].detail.split("\n")[0].slice(0, 300)}`);

describe("the loader ends every mutated scenario file with exit 0, or exit 2 and file:line:col", () => {
  // A fixed seed keeps CI repeatable; `npm run fuzz:load` draws a new one each time for exploration.
  const seed = 20261201;
  const count = 300;
  it(`${count} mutants in loader processes (2 s of CPU, 200 MB each) and 10 as \`wirecheck validate\` (seed ${seed}; replay with npm run fuzz:load ${count} ${seed})`, async () => {
    const run = await fuzzLoad({ seed, count, processIndices: Array.from({ length: 10 }, (_, k) => k * 30), saveDir: "reports/fuzz-load" });
    expect(describeClasses(run.classes)).toEqual([]);
    expect(run.mutants).toBe(count);
    expect(run.processes).toBe(10);
    // Both outcomes are reached: the mutants are neither all broken beyond reading nor all harmless.
    expect(run.exit0).toBeGreaterThan(0);
    expect(run.exit2).toBeGreaterThan(0);
  }, 120_000);
});
