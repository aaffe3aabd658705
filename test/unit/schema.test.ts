import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020Module from "ajv/dist/2020.js";
import { parse } from "yaml";
import { playbookValidator, scenarioValidator } from "../../src/scenario/schema.js";
import { ajvOptions } from "../../src/scenario/schema-options.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

const dir = "schemas";
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".schema.json"));
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));

/** Follows a $ref like "../common.schema.json#/$defs/port" from the file that holds it. */
function resolveRef(from: string, ref: string): Record<string, unknown> {
  const [file, pointer = ""] = ref.split("#");
  const target = file ? join(dirname(from), file) : from;
  let node = load(target);
  for (const part of pointer.split("/").filter(Boolean)) node = node[part];
  return node;
}

describe("the schema", () => {
  it("compiles in strict mode", () => {
    expect(typeof scenarioValidator()).toBe("function");
  });

  it("documents every property (editors show these descriptions) and closes every object", () => {
    const missing: string[] = [];
    const open: string[] = [];
    const walk = (file: string, node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      // Closed: no unknown keys at all, or every other key constrained by a schema of its own.
      // An `if` only tests which shape applies (its `then` and `else` are closed).
      if (n.type === "object" && n.properties && !path.endsWith("/if") && (n.additionalProperties === undefined || n.additionalProperties === true)) open.push(`${file}${path}`);
      for (const [name, prop] of Object.entries((n.properties as Record<string, Record<string, unknown>>) ?? {})) {
        const described = prop.description ?? (typeof prop.$ref === "string" ? resolveRef(file, prop.$ref).description : undefined);
        if (!described) missing.push(`${file}${path}/properties/${name}`);
      }
      for (const [k, v] of Object.entries(n)) walk(file, v, `${path}/${k}`);
    };
    for (const f of files) walk(f, load(f), "#");
    expect(missing).toEqual([]);
    expect(open).toEqual([]);
  });

  it("every bundled playbook names its schema for editors and is valid against it", () => {
    const validate = playbookValidator();
    for (const f of readdirSync("playbooks").filter((f) => f.endsWith(".yaml"))) {
      const text = readFileSync(join("playbooks", f), "utf8");
      expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/playbook.schema.json");
      expect(validate(parse(text)), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // Declared with a description, and nothing else than a default.
    expect(validate({ playbook: "p", params: { a: { default: 1 } }, steps: [{}] })).toBe(false);
    expect(validate({ playbook: "p", params: { a: { description: "x", defualt: 1 } }, steps: [{}] })).toBe(false);
  });

  it("takes `uses:` items where a scenario's lists take them, as an editor reads the file before the playbooks are in", () => {
    // The editor's view: the schema as it stands, over the file as written (wirecheck itself validates it expanded).
    const ajv = new Ajv2020({ ...ajvOptions });
    ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
    for (const f of files) ajv.addSchema(load(f), f);
    const validate = ajv.getSchema("scenario.schema.json")!;
    const use = { uses: "playbooks/default-deny.yaml", with: { from: "a", target: "b", ports: [22], open: [] } };
    const scenario = (over: Record<string, unknown>) => ({ name: "s", steps: [use], ...over });
    expect(validate(scenario({ setup: [use], servers: [use], sniffers: [use] })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(scenario({ steps: [{ name: "w", sniff: { while: [use], expect: { count: 1 } } }] })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(scenario({ steps: [{ ...use, name: "x" }] }))).toBe(false);
    expect(validate(scenario({ steps: [{ uses: "p.yaml", with: { "not a name": 1 } }] }))).toBe(false);
    expect(validate(scenario({ steps: [{ with: {} }] }))).toBe(false);
    // A step without uses is still a step: its name is required at the top level.
    expect(validate(scenario({ steps: [{ wait: "1s" }] }))).toBe(false);
  });

  it("every bundled scenario names the schema for editors", () => {
    for (const f of readdirSync("scenarios").filter((f) => f.endsWith(".yaml")))
      expect(readFileSync(join("scenarios", f), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/scenario.schema.json");
  });
});
