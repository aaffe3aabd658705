// Scapy vectors: for each expression, craft() must build Scapy's bytes, and dissect() of those bytes must give
// Scapy's summary, layers and field values. One test per vector, so each mismatch is visible on its own.
import { describe, expect, it } from "vitest";
import { craft } from "../../src/packet/index.js";
import { compareDissection, dissectVector, readVectors, type Vector } from "./helpers.js";

const files = ["test/fixtures/scapy-vectors.jsonl", "test/fixtures/extra-vectors.jsonl", "test/fixtures/issue14-vectors.jsonl", "test/fixtures/net-layers-vectors.jsonl", "test/fixtures/app-vectors.jsonl", "test/fixtures/app-malformed-vectors.jsonl"];

for (const file of files) {
  const vectors = readVectors(file);
  describe(file, () => {
    it("holds vectors, none of them a Scapy error", () => {
      expect(vectors.length).toBeGreaterThan(0);
      expect(vectors.filter((v) => v.error).map((v) => `${v.expr}: ${v.error}`)).toEqual([]);
    });

    vectors.forEach((v: Vector, i) => {
      it(`#${i + 1} ${v.expr}`, () => {
        const problems: string[] = [];
        let built: string | undefined;
        try {
          built = craft(v.expr)[0].bytes.toString("hex");
        } catch (e) {
          problems.push(`craft() throws: ${(e as Error).message}`);
        }
        if (built !== undefined && built !== v.hex) problems.push(`bytes: expected ${v.hex}\n        got      ${built}`);
        try {
          problems.push(...compareDissection(dissectVector(v), v));
        } catch (e) {
          problems.push(`dissect() throws: ${(e as Error).message}`);
        }
        if (problems.length) expect.fail(`${v.expr}\n  ${problems.join("\n  ")}`);
      });
    });
  });
}
