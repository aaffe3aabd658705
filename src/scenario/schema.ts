import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { schemaDir } from "../util/paths.js";
import { ajvOptions } from "./schema-options.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

const compiled = new Map<string, ValidateFunction>();
const builtFile: Record<string, string> = { "scenario.schema.json": "./validator.cjs", "playbook.schema.json": "./playbook-validator.cjs" };

/**
 * The scenario validator: the one the build compiled ahead of time (dist/scenario/validator.cjs), or, running from
 * the sources, compiled here once per process from every file in schemas/.
 */
export function scenarioValidator(): ValidateFunction {
  return validator("scenario.schema.json");
}

/** The playbook validator (schemas/playbook.schema.json), built or compiled as the scenario's is. */
export function playbookValidator(): ValidateFunction {
  return validator("playbook.schema.json");
}

function validator(schema: string): ValidateFunction {
  const known = compiled.get(schema);
  if (known) return known;
  let fn: ValidateFunction;
  try {
    const mod = createRequire(import.meta.url)(builtFile[schema]) as { default?: ValidateFunction } & ValidateFunction;
    fn = mod.default ?? mod;
  } catch {
    const ajv = new Ajv2020({ ...ajvOptions });
    // tsType tells the type generator what to write where JSON Schema and TypeScript differ; it validates nothing.
    ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
    for (const file of schemaFiles(schemaDir)) ajv.addSchema(JSON.parse(readFileSync(file, "utf8")), relative(schemaDir, file));
    fn = ajv.getSchema(schema)!;
  }
  compiled.set(schema, fn);
  return fn;
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? schemaFiles(join(dir, e.name)) : e.name.endsWith(".schema.json") ? [join(dir, e.name)] : [],
  );
}

export type { ErrorObject };
