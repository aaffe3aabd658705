// The scenarios a recorded test-suite run (record-run.mjs) handed to `wirecheck run` and that passed, ready to mutate:
// each with its folder's copy, its path there and its --var arguments, once however many tests ran it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Recorded scenarios: `passing` to mutate, `left` (not replayable or not passing) with why, by reason. */
export function recordedScenarios(dir) {
  const passing = [];
  const left = new Map();
  const seen = new Set();
  const leave = (why) => left.set(why, (left.get(why) ?? 0) + 1);
  for (const id of existsSync(dir) ? readdirSync(dir).sort() : []) {
    let rec;
    try {
      rec = JSON.parse(readFileSync(join(dir, id, "run.json"), "utf8"));
    } catch {
      continue;
    }
    if (rec.skip) leave(rec.skip);
    else if (rec.status !== 0) leave(rec.status === null ? "killed or still running" : `exit ${rec.status} (not passing)`);
    else {
      const file = join(dir, id, "files", rec.rel);
      const text = readFileSync(file, "utf8");
      const key = createHash("sha256").update(JSON.stringify([text, rec.vars])).digest("hex");
      if (seen.has(key)) leave("the same scenario and vars again");
      else {
        seen.add(key);
        passing.push({ file, origin: rec.file, test: rec.test, rel: rec.rel, beside: [[join(dir, id, "files"), "."]], args: rec.vars.flatMap((v) => ["--var", v]) });
      }
    }
  }
  return { passing, left };
}
