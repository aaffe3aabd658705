import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { schemaDir } from "../util/paths.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

let compiled: ValidateFunction | undefined;

/** The scenario validator, compiled once per process from every file in schemas/. */
export function scenarioValidator(): ValidateFunction {
  if (compiled) return compiled;
  // strictRequired off: top-level steps require a name that the shared step schema (also used by sniff's while) declares.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  // tsType tells the type generator what to write where JSON Schema and TypeScript differ; it validates nothing.
  ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
  for (const file of schemaFiles(schemaDir)) {
    ajv.addSchema(JSON.parse(readFileSync(file, "utf8")), relative(schemaDir, file));
  }
  compiled = ajv.getSchema("scenario.schema.json")!;
  return compiled;
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? schemaFiles(join(dir, e.name)) : e.name.endsWith(".schema.json") ? [join(dir, e.name)] : [],
  );
}

export type { ErrorObject };
