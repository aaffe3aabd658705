// npm run fuzz:load [count] [seed] — 10,000 mutated scenario files by default through the real loader, with
// progress; exits 1 when any ends in a crash, a stack trace, over 2 s or 200 MB, or an unlocated message.
// npm run fuzz:load -- --replay FILE... — the same checks on saved mutants (reports/fuzz-load/<seed>-<i>.yaml).
import { fuzzLoad, limits, replayFiles } from "../test/fuzz/load-mutants.mjs";

const saveDir = "reports/fuzz-load";
const args = process.argv.slice(2);

if (args[0] === "--replay") {
  let failed = 0;
  for (const r of await replayFiles(args.slice(1))) {
    const problems = [r.loader.failure, r.cli.failure].filter(Boolean);
    failed += problems.length > 0;
    const mb = (v) => (v.rssMb ? `, ${Math.round(v.rssMb)} MB` : "");
    const outcome = `loader exit ${r.loader.status ?? "-"} in ${Math.round(r.loader.ms)} ms of CPU${mb(r.loader)}; cli exit ${r.cli.status ?? "-"} in ${Math.round(r.cli.ms)} ms${mb(r.cli)}`;
    console.log(`${problems.length ? "FAIL" : "ok  "} ${r.path}: ${outcome}`);
    for (const p of problems) console.log(`  ${p.kind}: ${p.detail.split("\n").slice(0, 8).join("\n  ")}`);
  }
  process.exit(failed ? 1 : 0);
}

const count = Number(args[0] ?? 10_000);
const seed = Number(args[1] ?? Date.now() % 2 ** 31);
const loaders = Number(process.env.FUZZ_LOADERS ?? 2); // the machine's two cores
console.log(`fuzzing the loader: ${count} mutants, seed ${seed}, ${loaders} loader processes, limits ${limits.ms} ms of CPU and ${limits.heapMb} MB each`);

// A terminal gets one line rewritten in place; a log (CI, a pipe) a line every 10%.
let shown = 0;
let shownAt = -1;
const progress = (t, final = false) => {
  const now = performance.now();
  if (process.stdout.isTTY ? !final && now - shown < 250 : t.mutants === shownAt || (!final && t.mutants % Math.max(1, Math.round(count / 10)) !== 0)) return;
  [shown, shownAt] = [now, t.mutants];
  const s = (now - t0) / 1000;
  const line = `${t.mutants}/${count} mutants, ${t.failed} failures (${s.toFixed(1)} s, ${Math.round(t.mutants / s)}/s)`;
  process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
};
const t0 = performance.now();
let r;
try {
  r = await fuzzLoad({ seed, count, loaders, processEvery: 200, saveDir, onProgress: progress });
} catch (e) {
  // Not a finding: the loader could not even start (dist/ missing, or rebuilt half-way while this ran).
  console.error(`\nfuzz:load stopped: ${e.message}\n(is dist/ built? npm run build)`);
  process.exit(3);
}
progress(r, true);

console.log(`${process.stdout.isTTY ? "\n" : ""}\nmutants           ${r.mutants}`);
console.log(`exit 0 (loaded)   ${r.exit0}`);
console.log(`exit 2 (refused)  ${r.exit2}`);
console.log(`failures          ${r.failed} in ${r.classes.length} classes`);
console.log(`slowest mutant    ${Math.round(r.slowest.ms)} ms of CPU (#${r.slowest.i}: ${r.slowest.how ?? "-"})`);
console.log(`peak RSS          ${Math.round(r.loaderMaxRssMb)} MB in a loader process`);
console.log(`CLI sample        ${r.processes} run as \`wirecheck validate\`${r.cliMaxRssMb ? `, peak RSS ${Math.round(r.cliMaxRssMb)} MB` : ""}`);
console.log(`total time        ${(r.ms / 1000).toFixed(1)} s`);

for (const c of r.classes) {
  const e = c.examples[0];
  console.log(`\nFAIL ×${c.count} ${c.signature}`);
  console.log(`  first: seed ${e.seed} mutant ${e.i} (${e.bytes} bytes): ${e.how}`);
  console.log(`  ${e.detail.split("\n").slice(0, 6).join("\n  ")}`);
  console.log(`  text:\n    ${e.head.split("\n").join("\n    ")}`);
  if (e.saved) console.log(`  saved: ${c.examples.map((x) => x.saved).join(" ")}`);
}
if (r.failed) {
  console.log(`\nreplay the saved mutants: node scripts/fuzz-load.mjs --replay ${saveDir}/${seed}-*.yaml`);
  console.log(`replay the whole run:     node scripts/fuzz-load.mjs ${count} ${seed}`);
  process.exit(1);
}
