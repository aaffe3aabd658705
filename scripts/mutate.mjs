// npm run mutate [filter] — every expected value of every bundled scenario changed one at a time; each mutant must
// fail its step or be refused at load. Prints the figures and every survivor; exits 1 if any survived. Root: runs labs.
import { bundledScenarios, mutantsOf, runMutants } from "../test/mutate/mutants.mjs";

const filter = process.argv[2];
const t0 = performance.now();
const files = bundledScenarios().filter((f) => !filter || f.includes(filter));
const mutants = files.flatMap(mutantsOf);
console.log(`mutating expectations: ${mutants.length} mutants of ${files.length} scenarios`);
const results = await runMutants(mutants);
const count = (v) => results.filter((r) => r.verdict === v).length;
for (const r of results.filter((r) => r.verdict === "survived")) console.log(`SURVIVED ${r.file.replace(/.*\//, "")} #${r.index} ${r.how} — ${r.why}`);
for (const r of results.filter((r) => r.verdict === "absent")) console.log(`absent   ${r.file.replace(/.*\//, "")} #${r.index} ${r.how} — ${r.why}`);
console.log(`\n${mutants.length} mutants: ${count("killed")} killed, ${count("refused")} refused at load, ${count("absent")} on a layer the capture never holds, ${count("survived")} survived (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(count("survived") ? 1 : 0);
