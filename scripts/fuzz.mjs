// npm run fuzz [cases] [seed] — a million dissector cases by default, with progress; exits 1 on the first failures.
import { fuzz } from "../test/fuzz/fuzz-cases.mjs";

const total = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const batch = 50_000;
const t0 = performance.now();
console.log(`fuzzing the dissector: ${total} cases, seed ${seed}`);
for (let done = 0, b = 0; done < total; done += batch, b++) {
  const n = Math.min(batch, total - done);
  const failures = fuzz(seed + b, n);
  if (failures.length) {
    for (const f of failures) console.log(`FAIL seed ${f.seed} case ${f.i} link ${f.link} bytes ${f.hex}\n${f.error}\n`);
    process.exit(1);
  }
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(`\r${done + n} cases, no failure (${s.toFixed(1)} s, ${Math.round((done + n) / s)}/s)`);
}
console.log(`\n${total} passed, 0 failed`);
