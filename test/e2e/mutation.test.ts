// A sample of `npm run mutate`: expected values of the bundled scenarios changed one at a time must each fail their
// step or be refused at load. A survivor is an expectation that cannot fail.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module shared with `npm run mutate`
import { bundledScenarios, mutantsOf, runMutants } from "../mutate/mutants.mjs";

type Result = { verdict: string; how: string; file: string; why: string };

describe("mutated expectations never pass", () => {
  const all = (bundledScenarios() as string[]).flatMap(mutantsOf) as { how: string }[];
  // Every 9th mutant: a fixed sample across all scenarios, each kind of mutation among them.
  const sample = all.filter((_, i) => i % 9 === 0);
  it(`${sample.length} of ${all.length} mutants of the bundled scenarios are killed or refused`, async () => {
    const results = (await runMutants(sample)) as Result[];
    expect(results).toHaveLength(sample.length);
    const survivors = results.filter((r) => r.verdict === "survived").map((r) => `${r.file.replace(/.*\//, "")}: ${r.how} — ${r.why}`);
    expect(survivors).toEqual([]);
  }, 600_000);
});
