// Compiles the scenario schema (and the playbook schema) into a standalone validator at build time (dist/scenario/validator.cjs), so a run
// loads ready code instead of compiling the schema (the largest part of `wirecheck validate`'s start-up).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { ajvOptions } from "../dist/scenario/schema-options.js";

const Ajv2020 = Ajv2020Module.default;
const standalone = standaloneModule.default;
const dir = "schemas";
const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith(".schema.json") ? [join(d, e.name)] : []));
const ajv = new Ajv2020({ ...ajvOptions, code: { source: true } });
ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
for (const f of files(dir)) ajv.addSchema(JSON.parse(readFileSync(f, "utf8")), relative(dir, f));
mkdirSync("dist/scenario", { recursive: true });
writeFileSync("dist/scenario/validator.cjs", standalone(ajv, ajv.getSchema("scenario.schema.json")));
writeFileSync("dist/scenario/playbook-validator.cjs", standalone(ajv, ajv.getSchema("playbook.schema.json")));
