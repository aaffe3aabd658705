// Every example of docs/api.md, run as written (its asserts are what it claims), and type-checked as a user's file
// under tsc --strict. The lab example builds a real lab (root), as a user's script would.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = process.cwd();
const doc = readFileSync(join(root, "docs/api.md"), "utf8");
const examples = [...doc.matchAll(/^## (.+)$|^```ts\n([\s\S]*?)^```$/gm)].reduce<{ title: string; code: string }[]>((out, m, i, all) => {
  if (m[2] !== undefined) out.push({ title: [...all.slice(0, i)].reverse().find((x) => x[1])?.[1] ?? "example", code: m[2] });
  return out;
}, []);

// Run from a folder inside the project (vitest compiles the TypeScript), importing the library's sources.
const runDir = mkdtempSync(join(root, "test/api/.examples-"));
// Type-checked where "wirecheck" is the package itself, as a user's project sees it.
const typeDir = mkdtempSync(join(tmpdir(), "wc-docs-"));
mkdirSync(join(typeDir, "node_modules"));
symlinkSync(root, join(typeDir, "node_modules", "wirecheck"));
writeFileSync(join(typeDir, "package.json"), JSON.stringify({ type: "module" }));
afterAll(() => {
  rmSync(runDir, { recursive: true, force: true });
  rmSync(typeDir, { recursive: true, force: true });
});

describe("docs/api.md", () => {
  it("has an example for each thing it shows: building, sets, a lab, a pcap, replies", () => {
    expect(examples.map((e) => e.title)).toEqual(["Build a packet", "Packet sets and templates", "Send through a lab from a script", "Dissect a pcap", "Match replies"]);
  });

  examples.forEach((e, i) => {
    it(`runs: ${e.title}`, async () => {
      const file = join(runDir, `example-${i}.ts`);
      writeFileSync(file, e.code.replace(/from "wirecheck"/g, `from ${JSON.stringify(join(root, "src/index.ts"))}`));
      await import(file);
    }, 60_000);
  });

  it("type-checks under tsc --strict, each example as a module of its own", () => {
    const files = examples.map((e, i) => {
      const f = join(typeDir, `example-${i}.ts`);
      writeFileSync(f, `${e.code}\nexport {};\n`);
      return f;
    });
    const args = ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(root, "node_modules/@types"), ...files];
    const r = spawnSync(join(root, "node_modules/.bin/tsc"), args, { encoding: "utf8", cwd: typeDir, timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);
});
