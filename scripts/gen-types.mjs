// Generates src/scenario/schema-types.ts from schemas/, so the TypeScript types and the JSON Schema cannot drift.
import { compileFromFile } from "json-schema-to-typescript";
import { writeFileSync, readFileSync, existsSync } from "node:fs";

const out = "src/scenario/schema-types.ts";
const ts = await compileFromFile("schemas/scenario.schema.json", {
  cwd: "schemas",
  bannerComment: "/* Generated from schemas/ by scripts/gen-types.mjs at build time. Do not edit. */",
  additionalProperties: false,
  format: false,
  unreachableDefinitions: false,
});
if (!existsSync(out) || readFileSync(out, "utf8") !== ts) writeFileSync(out, ts);
