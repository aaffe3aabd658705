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
  // Each failure again, short, just above the totals: a CI log that keeps only its last lines still says what failed.
  const plain = (t) => t.replace(/\x1b\[[0-9;]*m/g, "");
  for (const file of j.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === "failed") console.log(`\nFAILED ${file.name.replace(process.cwd() + "/", "")} > ${t.fullName}\n  ${plain((t.failureMessages ?? []).join("\n")).split("\n").slice(0, 4).join("\n  ").slice(0, 700)}`);
  if (j.numFailedTests === 0 && j.success === false) for (const file of j.testResults ?? []) if (file.status === "failed" && file.message) console.log(`\nFAILED ${file.name}: ${plain(file.message).slice(0, 700)}`);
  console.log(`\ntests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) code = 1;
} catch {
  console.log("\ntests: 0 passed, 1 failed (no test report was written)");
  code = code || 1;
}
process.exit(code);
