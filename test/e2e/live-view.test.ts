import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, root, tempScenario } from "./helpers.js";

// On a terminal the run is drawn by listr2, and long wire steps show their progress under their title. `script`
// gives the run a real pseudo-terminal (CI has none), 120 columns wide.
describe("the live view on a terminal", () => {
  it("shows a long step's packets as it runs and ends with the totals", () => {
    const { dir, file } = tempScenario(
      "live.yaml",
      `name: live view
lab: { hosts: { livea: 198.18.0.1/24, liveb: 198.18.0.2/24 } }
steps:
  - name: long sniff
    sniff:
      host: liveb
      filter: icmp
      timeout: 1500ms
      while: [ { host: livea, ping: { to: liveb, count: 2 } } ]
      expect: { count: 4 }
`,
    );
    const command = `stty cols 120 rows 40; ${process.execPath} ${cli} run ${file} --junit ${join(dir, "junit.xml")}`;
    const env = { ...process.env };
    delete env.CI;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: root, encoding: "utf8", env, timeout: 60_000 });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain("4 packet(s) captured");
    expect(r.stdout).toContain("1 scenario(s): 1 passed, 0 failed, 0 errors, 0 skipped");
    expect(r.stdout).not.toContain("TypeError");
  });
});
