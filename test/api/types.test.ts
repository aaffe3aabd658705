// The generated types as a user meets them: a file written against "wirecheck" compiles with tsc --strict, and a
// file with a wrong field name or value does not (every wrong line is reported, nothing else).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { registry } from "../../src/packet/layer.js";
import "../../src/packet/index.js";
import { layerTypesSource } from "../../src/api/generate-types.js";

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "wc-types-"));
mkdirSync(join(dir, "node_modules"));
symlinkSync(root, join(dir, "node_modules", "wirecheck"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tsc(file: string) {
  cpSync(join(root, "test/api/fixtures", file), join(dir, file));
  const args = ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(root, "node_modules/@types"), join(dir, file)];
  return spawnSync(join(root, "node_modules/.bin/tsc"), args, { encoding: "utf8", cwd: dir, timeout: 120_000 });
}

describe("the typed API under tsc --strict", () => {
  it("a file written against it compiles", () => {
    const r = tsc("typed-ok.ts");
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);

  it("a wrong field name, symbolic value, flag, value type, path or template layer does not, each on its line", () => {
    const r = tsc("typed-bad.ts");
    expect(r.status).not.toBe(0);
    const src = readFileSync(join(root, "test/api/fixtures/typed-bad.ts"), "utf8").split("\n");
    const bad = src.flatMap((l, i) => (l.includes("// BAD") ? [i + 1] : []));
    const reported = [...new Set([...r.stdout.matchAll(/typed-bad\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])))];
    expect(reported).toEqual(bad);
  }, 120_000);
});

describe("the generated layer types", () => {
  it("are current: generated from the layer definitions as they are now", () => {
    expect(readFileSync("src/api/layers.generated.ts", "utf8")).toBe(layerTypesSource(registry.values()));
  });

  it("cover every layer the registry holds", () => {
    const src = readFileSync("src/api/layers.generated.ts", "utf8");
    for (const name of registry.keys()) expect(src).toContain(`export const ${name} = constructor("${name}")`);
  });
});
