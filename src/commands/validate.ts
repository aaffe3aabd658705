import { loadAll } from "./load-all.js";

export function validateCommand(paths: string[], o: { var?: string[] }): number {
  const { plans, ok } = loadAll(paths, o.var);
  for (const p of plans) process.stdout.write(`✔ ${p.file}\n`);
  if (!ok) process.stderr.write("invalid: nothing was run\n");
  return ok ? 0 : 2;
}
