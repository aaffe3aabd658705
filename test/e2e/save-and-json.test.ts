// JSON bodies by path and `save:` from http and exec steps: they pass on the right values and fail on the wrong ones.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runCli, tempScenario } from "./helpers.js";

const bundled = readFileSync(join(root, "scenarios/http-json.yaml"), "utf8");
const run = (text: string) => runCli(["run", tempScenario("json.yaml", text).file, "--junit", "/dev/null"]);

describe("json bodies and saved values", () => {
  it("a JSON value out of its range fails, naming the path", () => {
    const r = run(bundled.replace('">= 8 and < 10"', '">= 10"'));
    // 3: the steps that use what it would have saved cannot run (an error), which is said too.
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/\$\{port\} has no value yet/);
    expect(r.stdout).toMatch(/json items\[1\]\.id: expected >= 10, got 9/);
  });

  it("a body that is not JSON fails a json expectation", () => {
    const r = run(bundled.replace(`'{"status": "ok", "items": [{"id": 7}, {"id": 9}], "port": 8080}'`, "'status: ok'"));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/not JSON/);
  });

  it("a saved value is what later steps see: a wrong expectation on it fails", () => {
    const r = run(bundled.replace('stdout: "12 application/json"', 'stdout: "13 application/json"'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expected "13 application\/json", got "12 application\/json"/);
  });

  it("saving what the response lacks fails the step", () => {
    const r = run(bundled.replace("ctype: header.content-type", "ctype: header.x-missing"));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/save ctype: the step's header.x-missing holds no value/);
  });

  it("a source a step does not offer is refused at load", () => {
    const r = runCli(["validate", tempScenario("bad.yaml", bundled.replace("save: { major:", "save: { other: body, major:")).file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/save other: `body` is not something this step can save: it offers stdout, stderr, exit/);
  });
});
