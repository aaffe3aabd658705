import { lstatSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Plan } from "../scenario/model.js";

/**
 * Classnames no two scenarios of a run share: x/y.yaml and x.y.yaml both give x.y, and a reader would merge their
 * testcases. The one later in path order gets x.y~2 (then ~3 …), whatever order the run takes them in.
 */
export function distinctClassnames<P extends Plan>(plans: readonly P[]): P[] {
  const byPath = plans.map((p, i) => ({ p, i, path: resolve(p.file) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.i - b.i));
  const taken = new Set<string>();
  const names: string[] = new Array(plans.length);
  for (const { p, i } of byPath) {
    let name = p.classname;
    for (let n = 2; taken.has(name); n++) name = `${p.classname}~${n}`;
    taken.add(name);
    names[i] = name;
  }
  return plans.map((p, i) => (names[i] === p.classname ? p : { ...p, classname: names[i] }));
}

/**
 * Work folders: one per scenario, named after its classname, strictly inside the reports folder and never shared by
 * two scenarios of a run (classnames are distinct, but two may clean up to the same folder name: the second gets ~2).
 */
export function workDirNames(plans: readonly Plan[]): string[] {
  const taken = new Set<string>();
  return plans.map((p) => {
    let base = p.classname.replace(/[^A-Za-z0-9._~-]/g, "_");
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
