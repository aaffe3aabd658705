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

  it("mutates the with: values that drive a playbook's expectations, and matrix values an expectation takes, and they are killed", async () => {
    const hows = (f: string) => (mutantsOf(`scenarios/${f}`) as { how: string }[]).map((m) => m.how);
    // Only what the playbooks expect: the scanned ports, the spoofed source, the SYN port are what is done, not expected.
    expect(hows("firewall-playbooks.yaml")).toEqual([
      "steps.0 (playbooks/default-deny.yaml) with.open: last element dropped",
      "steps.0 (playbooks/default-deny.yaml) with.open[0]: 80 → 81",
      "steps.0 (playbooks/default-deny.yaml) with.open[1]: 8080 → 8081",
      "steps.1 (playbooks/icmp-policy.yaml) with.echo_loss (its default): 0% → 50%",
      'steps.2 (playbooks/syn-rate-limit.yaml) with.passed: ">= 5 and <= 8" → "< 5 and <= 8" (comparison inverted)',
    ]);
    expect(hows("three-families.yaml").filter((h) => h.includes("with family="))).toHaveLength(3);
    const driven = (bundledScenarios() as string[]).flatMap(mutantsOf).filter((m: { how: string }) => / with[. ]/.test(m.how));
    const results = (await runMutants(driven)) as Result[];
    expect(results.map((r) => `${r.file.replace(/.*\//, "")}: ${r.how} — ${r.verdict}`).sort()).toEqual(driven.map((m: { file: string; how: string }) => `${m.file.replace(/.*\//, "")}: ${m.how} — killed`).sort());
  }, 600_000);
});
