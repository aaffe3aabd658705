import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioVariants } from "../../src/scenario/load.js";
import { netns, parseJUnit, runCliAsync } from "./helpers.js";
import { scenarioFiles } from "../../src/files.js";

describe("every bundled scenario runs and passes in real namespaces", () => {
  it("wirecheck run scenarios/ exits 0 with a testcase per step, all passed, and leaves nothing behind", async () => {
    const junit = join(mkdtempSync(join(tmpdir(), "wc-junit-")), "junit.xml");
    // The scenario that attaches to a machine interface gets the stand-in device make demo uses.
    execFileSync("scripts/demo-device.sh", ["up", "wcbundled0", "wcdev-bundled"]);
    let r: Awaited<ReturnType<typeof runCliAsync>>;
    try {
      r = await runCliAsync(["run", "scenarios/", "--attach", "dut=wcbundled0", "--junit", junit], {}, 280_000);
    } finally {
      execFileSync("scripts/demo-device.sh", ["down", "wcbundled0", "wcdev-bundled"]);
    }
    expect(r.stderr).toBe("");
    expect(r.code, r.stdout).toBe(0);

    const plans = scenarioFiles(["scenarios/"]).files.flatMap((f) => loadScenarioVariants(f));
    const { suites } = parseJUnit(readFileSync(junit, "utf8"));
    expect(suites.map((s) => s.attrs.name).sort()).toEqual(plans.map((p) => p.name).sort());
    for (const plan of plans) {
      const suite = suites.find((s) => s.attrs.name === plan.name)!;
      // Every scenario's setup is its first testcase, at its first setup item (or server, or the top of the file).
      const testcases = [{ name: "setup", line: plan.setup[0]?.line ?? plan.servers[0]?.line ?? 1 }, ...plan.steps, ...plan.sniffers];
      expect(suite.attrs).toMatchObject({ tests: String(testcases.length), failures: "0", errors: "0", skipped: "0" });
      expect(suite.cases.map((c) => c.name)).toEqual(testcases.map((s) => s.name));
      for (const [i, c] of suite.cases.entries()) {
        if (c.name !== "setup") expect(c.body).toBe("");
        expect(c.attrs.line).toBe(String(testcases[i].line));
        expect(c.attrs.file).toBe(plan.file);
      }
    }
    const runId = /wirecheck run (\w+):/.exec(r.stdout)![1];
    expect(netns().filter((n) => n.startsWith(`wc-${runId}-`))).toEqual([]);
  }, 300_000);
});
