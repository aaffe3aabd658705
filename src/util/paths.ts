import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root folder (where package.json, schemas/ and dist/ are), from src/ or dist/ alike. */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "schemas"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("wirecheck: cannot find the package root (schemas/ next to package.json)");
})();

export const schemaDir = join(packageRoot, "schemas");
export const scenarioSchemaPath = join(schemaDir, "scenario.schema.json");
