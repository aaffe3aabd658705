// Writes src/api/layers.generated.ts from the layer definitions the compiled packet model registers (dist/), after
// tsc; when the file changed (a layer was added or changed), compiles again so dist/ carries the new types.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const out = "src/api/layers.generated.ts";
await import("../dist/packet/index.js");
const { registry } = await import("../dist/packet/layer.js");
const { layerTypesSource } = await import("../dist/api/generate-types.js");
const ts = layerTypesSource(registry.values());
if (!existsSync(out) || readFileSync(out, "utf8") !== ts) {
  writeFileSync(out, ts);
  console.log(`${out}: written from the layer definitions; compiling again`);
  const r = spawnSync("npx", ["tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
