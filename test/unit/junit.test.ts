import { describe, expect, it } from "vitest";
import { buildJUnit } from "../../src/report/junit.js";
import { xmlSafe } from "../../src/report/xml-safe.js";
import type { ScenarioResult } from "../../src/run/events.js";
import { loadScenario } from "../../src/scenario/load.js";

const plan = loadScenario("scenarios/quit-goodbye.yaml");
const result: ScenarioResult = {
  plan,
  status: "failed",
  startedAt: new Date("2026-12-01T10:00:00.250Z"),
  timeMs: 1234.5678,
  serverLogs: {},
  notes: [],
  timings: { lab: 0, agents: 0, setup: 0, servers: 0, steps: 0, teardown: 0 },
  steps: [
    { name: plan.steps[0].name, line: plan.steps[0].line, status: "passed", timeMs: 12 },
    { name: plan.steps[1].name, line: plan.steps[1].line, status: "failed", timeMs: 5, message: 'expected "Goodbye!" got "\u0000]]>"', details: "expected: x\n     got: \u0001]]>" },
  ],
};

describe("JUnit", () => {
  it("maps a scenario to a testsuite and steps to testcases with file and line", () => {
    const xml = buildJUnit([result]);
    expect(xml).toMatch(/<testsuites time="1.235" name="wirecheck" tests="3" failures="1" errors="0" skipped="0">/);
    // Its own start, in UTC without a zone as JUnit has it; the setup testcase first.
    expect(xml).toMatch(/<testsuite name="quit ends the conversation" time="1.235" timestamp="2026-12-01T10:00:00" tests="3" failures="1" errors="0" skipped="0">/);
    expect(xml).toMatch(/<testsuite [^>]*>\s*<testcase classname="scenarios.quit-goodbye" name="setup" /);
    expect(xml).toContain(`<testcase classname="scenarios.quit-goodbye" name="a greeting gets a greeting" time="0.012" file="scenarios/quit-goodbye.yaml" line="${plan.steps[0].line}"/>`);
    expect(xml).toContain('<failure message="expected &quot;Goodbye!&quot; got &quot;\\x00]]>&quot;" type="AssertionFailure">');
    // "]]>" in content is split across two CDATA sections, so a reader gets it back as it was.
    expect(xml).toContain("<![CDATA[expected: x\n     got: \\x01]]]]><![CDATA[>]]></failure>");
  });

  it("the strict flavour drops what Jenkins' schema rejects", () => {
    const xml = buildJUnit([result], { strict: true });
    expect(xml).not.toMatch(/ file="| line="/);
    expect(xml).toMatch(/<testsuites time="1.235" name="wirecheck" tests="3" failures="1" errors="0">/);
  });

  it("xmlSafe makes control bytes and lone surrogates visible and leaves ]]> to the writer", () => {
    expect(xmlSafe("a\u0000b\u001fc\ud800d]]>e\tf\n")).toBe("a\\x00b\\x1fc\\ud800d]]>e\tf\n");
  });
});
