import { constants, lstatSync, mkdirSync, openSync, realpathSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";

/**
 * Files a scenario writes stay inside its work folder. Load refuses a path that leaves it by its text; the run refuses
 * one that would leave it through a symlink (a command of the scenario may have made one), since agents write as root.
 */
export function workPathProblem(p: string): string | undefined {
  if (p.includes("\0")) return "a path cannot hold a NUL byte";
  if (isAbsolute(p)) return `\`${p}\` is absolute: paths a scenario writes are relative to its work folder (reports/<scenario>/) and stay inside it`;
  const n = normalize(p);
  if (n === "." || n === ".." || n.startsWith(`..${sep}`) || n.endsWith(sep))
    return `\`${p}\` ${n === "." || n.endsWith(sep) ? "names a folder, not a file" : "leaves the work folder"}: paths a scenario writes are relative to its work folder (reports/<scenario>/) and stay inside it`;
  return undefined;
}

/** Opens (creating or truncating) a file for writing inside the work folder; every folder on the way is made, none followed if it is a symlink. */
export function openInWork(work: string, rel: string): number {
  const problem = workPathProblem(rel);
  if (problem) throw new Error(problem);
  let dir = realpathSync(work);
  const parts = normalize(rel).split(sep).filter((x) => x && x !== ".");
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part);
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (!lstatSync(dir).isDirectory()) throw new Error(`\`${rel}\`: ${part} is not a folder inside the work folder (a symlink is not followed)`);
  }
  const file = join(dir, parts[parts.length - 1]);
  try {
    return openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOOP") throw new Error(`\`${rel}\` is a symlink: files a scenario writes stay inside its work folder, and a symlink is not followed`);
    throw e;
  }
}
