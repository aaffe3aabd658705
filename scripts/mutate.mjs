// npm run mutate [-- --suite [--reuse]] [filter] — every expected value of every bundled scenario changed one at a
// time; each mutant must fail its step or be refused at load. With --suite, the scenarios the test suite runs and that
// pass too: the suite runs first with recording into reports/suite-scenarios/ (--reuse: that recording as it is).
// Prints the figures and every survivor; exits 1 if any survived. Root: runs labs.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { bundledScenarios, mutantsOf, passingOnReplay, runMutants } from "../test/mutate/mutants.mjs";
import { recordedScenarios } from "../test/mutate/recorded.mjs";

const usage = `usage: node scripts/mutate.mjs [--suite [--reuse]] [FILTER]   (npm run mutate -- …; as root: it runs labs)

Changes every expected value of every bundled scenario one at a time, and each mutant must fail its step or be
refused at load; a mutant that passes is an expectation that cannot fail. Mutated: the values under expect: (and
expect_error:), a list's last element dropped; the with: values a scenario gives a playbook where only the
playbook's expectations use them (a default changed when with: leaves it out); and matrix values an expectation
takes (\${size}, or a family's address \${lab.HOST.ip} in another family's form), one variant at a time.
  FILTER     only the scenarios whose path contains it
  --suite    also the scenarios the test suite runs and that pass (recorded into reports/suite-scenarios/)
  --reuse    with --suite: the recording already there, without running the suite
  --help     this text
Prints the figures and every survivor; exits 1 if any survived or a mutant got no report.`;
const known = new Set(["--suite", "--reuse", "--help"]);
const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith("-")));
if (flags.has("--help") || flags.has("-h")) {
  console.log(usage);
  process.exit(0);
}
for (const f of flags)
  if (!known.has(f)) {
    console.error(`unknown option ${f}\n\n${usage}`);
    process.exit(2);
  }
const filter = process.argv.slice(2).find((a) => !a.startsWith("--"));
const recording = resolve("reports/suite-scenarios");
const t0 = performance.now();
const secs = (t) => ((performance.now() - t) / 1000).toFixed(1);

const files = bundledScenarios().filter((f) => !filter || f.includes(filter));
// The scenario that attaches to a machine interface gets the stand-in device make demo uses, as in the test suite.
const device = ["wcmutate0", "wcdev-mutate"];
const mutants = files.flatMap(mutantsOf).map((m) => ({ ...m, label: m.file.replace(/.*\//, ""), args: ["--attach", `dut=${device[0]}`] }));
console.log(`bundled: ${mutants.length} mutants of ${files.length} scenarios`);

let suiteMutants = [];
if (flags.has("--suite")) {
  if (!flags.has("--reuse")) {
    rmSync(recording, { recursive: true, force: true });
    console.log(`recording the scenarios the test suite runs into ${recording}/ …`);
    // Not the mutation sample: its mutants are not the suite's scenarios (and it would double the time).
    const r = spawnSync("npx", ["vitest", "run", "--exclude", "test/e2e/mutation.test.ts"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, WIRECHECK_RECORD_SCENARIOS: recording } });
    console.log(`test suite ran (exit ${r.status}) in ${secs(t0)} s`);
  }
  const { passing, left } = recordedScenarios(recording);
  const mine = passing.filter((s) => !filter || s.origin.includes(filter) || s.test.includes(filter));
  const withExpectations = mine.filter((s) => mutantsOf(s.file).length > 0);
  const replay = await passingOnReplay(withExpectations);
  for (const f of replay.failing) console.log(`not replayable: ${f.origin} (${f.test}) — ${f.verdict}: ${f.why || "fails outside its test"}`);
  for (const [why, n] of left) console.log(`left out: ${n} × ${why}`);
  console.log(`suite: ${mine.length} passing scenarios, ${withExpectations.length} with expectations, ${replay.passing.length} pass when replayed`);
  suiteMutants = replay.passing.flatMap((s) => mutantsOf(s.file).map((m) => ({ ...m, beside: s.beside, rel: s.rel, args: s.args, label: `${s.origin} (${s.test})` })));
  console.log(`suite: ${suiteMutants.length} mutants`);
}

const all = [...mutants, ...suiteMutants];
spawnSync("scripts/demo-device.sh", ["up", ...device], { stdio: "inherit" });
let results;
try {
  results = await runMutants(all);
} finally {
  spawnSync("scripts/demo-device.sh", ["down", ...device], { stdio: "inherit" });
}
const count = (v, of = results) => of.filter((r) => r.verdict === v).length;
for (const r of results.filter((r) => r.verdict === "survived")) console.log(`SURVIVED ${r.label} #${r.index} ${r.how} — ${r.why}`);
for (const r of results.filter((r) => r.verdict === "absent")) console.log(`absent   ${r.label} #${r.index} ${r.how} — ${r.why}`);
// A mutant whose run wrote no report has no verdict: said, and the run is not a pass.
for (const r of results.filter((r) => r.verdict === "no report")) console.log(`NO REPORT ${r.label} #${r.index} ${r.how} — ${r.why}`);
const line = (name, of) => `${name}: ${of.length} mutants: ${count("killed", of)} killed, ${count("refused", of)} refused at load, ${count("absent", of)} on a layer the capture never holds, ${count("survived", of)} survived${count("no report", of) ? `, ${count("no report", of)} without a report` : ""}`;
const suiteFiles = new Set(suiteMutants.map((m) => m.file));
console.log(`\n${line("bundled", results.filter((r) => !suiteFiles.has(r.file)))}`);
if (flags.has("--suite")) console.log(line("suite", results.filter((r) => suiteFiles.has(r.file))));
console.log(`${all.length} mutants in ${secs(t0)} s`);
process.exit(count("survived") || count("no report") ? 1 : 0);
