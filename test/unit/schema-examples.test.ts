// Every example a schema description shows (in backticks) is loaded, in its place in a frame scenario, by the loader
// `wirecheck validate` runs: a value must validate and pass the checks of load, a step must load with the frame.
import { describe, expect, it } from "vitest";
import { classify, descriptions, examplesOf, frameText, loadProblems, placeOf, withExample } from "../schema-examples.js";

describe("schema description examples", () => {
  const all = descriptions();
  const examples = all.flatMap((d) => examplesOf(d).map((text) => ({ d, text })));

  it("the frame loads alone", () => expect(loadProblems(frameText)).toEqual([]));
  it("descriptions show examples", () => expect(examples.length).toBeGreaterThan(50));
  it("an e.g. or a such as is followed by an example in backticks", () => {
    expect(all.filter((d) => /\b(e\.g\.|such as)\s+[^`\s]/.test(d.text)).map((d) => `${d.file}#${d.pointer}: ${d.text}`)).toEqual([]);
  });

  examples.forEach(({ d, text }, n) => {
    if (text.startsWith("wirecheck ")) return;
    it(`${d.file}#${d.pointer || "/"}: \`${text}\` loads`, () => {
      const e = classify(text, d.pointer); // an example that is not YAML fails here
      const path = placeOf(d.file, d.pointer);
      if (e.kind === "value") expect(path, "this description has no place in the frame: add one to `places`").toBeDefined();
      expect(loadProblems(withExample(e, path, n))).toEqual([]);
    });
  });
});
