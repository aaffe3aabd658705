import { lstatSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Plan } from "../scenario/model.js";

/**
 * Work folders: one per scenario, named after its classname, strictly inside the reports folder and never shared by
 * two scenarios of a run (x/y.yaml and x.y.yaml both have the classname x.y: the second gets x.y~2).
 */
export function workDirNames(plans: readonly Plan[]): string[] {
  const taken = new Set<string>();
  return plans.map((p) => {
    let base = p.classname.replace(/[^A-Za-z0-9._-]/g, "_");
    // ".", "..", "..." or a hidden name would be the folder itself, its parent, or an invisible one.
    if (base === "" || base.startsWith(".")) base = `_${base}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}~${n}`;
    taken.add(name);
    return name;
  });
}

/** Empties (or makes) reports/<name>/ for a new run; refuses anything that is not a plain folder inside reports/. */
export function freshWorkDir(reportsDir: string, name: string): string {
  const root = resolve(reportsDir);
  const work = resolve(root, name);
  if (dirname(work) !== root || name.includes("/")) throw new Error(`work folder \`${name}\` would not be inside ${root}`);
  mkdirSync(root, { recursive: true });
  let st;
  try {
    st = lstatSync(work);
  } catch {
    /* new */
  }
  // A symlink is removed, never followed: what it points to is not ours.
  if (st) rmSync(work, { recursive: st.isDirectory(), force: true });
  mkdirSync(work);
  return work;
}
