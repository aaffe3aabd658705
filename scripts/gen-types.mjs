// Generates src/scenario/schema-types.ts from schemas/, so the TypeScript types and the JSON Schema cannot drift.
// The types are those of a scenario once its playbooks are in: an item that may be `uses:` (if it has uses, the
// playbook use, else the item) is typed as the item, from a copy of schemas/ with those conditions taken out.
import { compileFromFile } from "json-schema-to-typescript";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const usesOrItem = (n) => n && typeof n === "object" && n.if && typeof n.then?.$ref === "string" && n.then.$ref.endsWith("#/$defs/playbookUse");
const withoutUses = (n) => {
  if (Array.isArray(n)) return n.map(withoutUses);
  if (!n || typeof n !== "object") return n;
  if (usesOrItem(n)) return withoutUses(n.else);
  return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, withoutUses(v)]));
};
const copy = mkdtempSync(join(tmpdir(), "wc-schema-types-"));
try {
  cpSync("schemas", copy, { recursive: true });
  for (const f of readdirSync(copy, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".schema.json")))
    writeFileSync(join(copy, f), JSON.stringify(withoutUses(JSON.parse(readFileSync(join(copy, f), "utf8")))));
  const out = "src/scenario/schema-types.ts";
  const ts = await compileFromFile(join(copy, "scenario.schema.json"), {
    cwd: copy,
    bannerComment: "/* Generated from schemas/ by scripts/gen-types.mjs at build time. Do not edit. */",
    additionalProperties: false,
    format: false,
    unreachableDefinitions: false,
  });
  if (!existsSync(out) || readFileSync(out, "utf8") !== ts) writeFileSync(out, ts);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
