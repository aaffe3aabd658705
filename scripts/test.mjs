// Runs the vitest suite and ends with one plain line of totals ("N passed, N failed, N skipped"), which CI reads.
import { spawnSync } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";

mkdirSync("reports", { recursive: true });
const out = "reports/vitest.json";
const r = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...process.argv.slice(2)], { stdio: "inherit" });
let code = r.status ?? 1;
try {
  const j = JSON.parse(readFileSync(out, "utf8"));
  const skipped = j.numPendingTests + j.numTodoTests;
  console.log(`\ntests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) code = 1;
} catch {
  console.log("\ntests: 0 passed, 1 failed (no test report was written)");
  code = code || 1;
}
process.exit(code);
