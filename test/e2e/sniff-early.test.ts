import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJUnit, runCli, tempScenario } from "./helpers.js";

// A sniff stops once its outcome is settled (only `any`/`sequence` asked, and they hold), not at its timeout;
// with `none` it must watch the whole window.
describe("a sniff whose outcome is settled stops early", () => {
  it("stops long before a 20 s timeout when `any` already holds, and waits when `none` is asked", () => {
    const { dir, file } = tempScenario(
      "early.yaml",
      `name: sniff settles early
lab: { hosts: { earlya: 198.18.0.1/24, earlyb: 198.18.0.2/24 } }
steps:
  - name: settled
    sniff:
      host: earlyb
      filter: icmp
      timeout: 20s
      while:
        - { host: earlya, ping: { to: earlyb, count: 1 } }
      expect: { any: { ICMP.type: echo-request } }
  - name: watches the window
    sniff:
      host: earlyb
      filter: icmp
      timeout: 2s
      while:
        - { host: earlya, ping: { to: earlyb, count: 1 } }
      expect: { any: { ICMP.type: echo-request }, none: { ICMP.type: dest-unreach } }
`,
    );
    const junit = join(dir, "junit.xml");
    const r = runCli(["run", file, "--junit", junit]);
    expect(r.code, r.stdout).toBe(0);
    const [, settled, watched] = parseJUnit(readFileSync(junit, "utf8")).suites[0].cases; // after the setup testcase
    expect(Number(settled.attrs.time)).toBeLessThan(15);
    expect(Number(watched.attrs.time)).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
