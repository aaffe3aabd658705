import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioValidator } from "../../src/scenario/schema.js";

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

  it("every bundled scenario names the schema for editors", () => {
    for (const f of readdirSync("scenarios").filter((f) => f.endsWith(".yaml")))
      expect(readFileSync(join("scenarios", f), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/scenario.schema.json");
  });
});
