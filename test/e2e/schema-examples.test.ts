// The schema descriptions' examples that say what happens when they run: each step example runs in the frame's lab
// (its servers, no sniffer) and passes; each command example runs on the frame and exits 0.
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { classify, descriptions, examplesOf, frameText } from "../schema-examples.js";
import { runCli, tempScenario } from "./helpers.js";

const examples = descriptions().flatMap((d) => examplesOf(d).map((text) => ({ d, text, e: classify(text, d.pointer) })));

describe("schema description examples, run", () => {
  const steps = examples.filter((x) => x.e.kind === "step");
  it("has step examples", () => expect(steps.length).toBeGreaterThan(0));
  it("every step example runs in the frame's lab and passes", () => {
    const frame = parse(frameText) as Record<string, unknown>;
    delete frame.sniffers;
    frame.steps = steps.map((x, i) => ({ name: `example ${i + 1}`, host: "client", ...(x.e as { step: object }).step }));
    const r = runCli(["run", tempScenario("examples.yaml", stringify(frame)).file, "--junit", "/dev/null"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(` ${steps.length} passed, 0 failed, 0 errors, 0 skipped`));
  });

  const commands = examples.filter((x) => x.e.kind === "command");
  for (const { text } of commands)
    it(`\`${text}\` runs on the frame and exits 0`, () => {
      const { file } = tempScenario("frame.yaml", frameText);
      const r = runCli(text.slice("wirecheck ".length).split(" ").map((a) => (a === "FILE" ? file : a)));
      expect(r.code, r.stdout + r.stderr).toBe(0);
    });
});
