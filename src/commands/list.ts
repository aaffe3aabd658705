import { loadAll } from "./load-all.js";

export function listCommand(paths: string[]): number {
  const { plans, ok } = loadAll(paths);
  for (const p of plans) {
    process.stdout.write(`${p.name}  ${p.file}${p.tags.length ? `  [${p.tags.join(", ")}]` : ""}\n`);
    for (const s of p.steps) process.stdout.write(`  - ${s.name}  (${s.kind} on ${s.host}, line ${s.line})\n`);
  }
  return ok ? 0 : 2;
}
