import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

let root: string | undefined;

/**
 * The folder report paths are relative to (JUnit file and classname, GitHub annotations): the repository that holds
 * the working folder (the nearest folder upward with .git), else the working folder; --report-root chooses another.
 * A CI job that runs from a sub-folder then still points at paths that exist in the repository.
 */
export function reportRoot(): string {
  if (root) return root;
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return (root = dir);
    if (dirname(dir) === dir) return (root = process.cwd());
  }
}

export function setReportRoot(dir: string): void {
  root = resolve(dir);
}

/** A path as reports write it: relative to the report root, with forward slashes. */
export function reportPath(path: string): string {
  return relative(reportRoot(), resolve(path)).split("\\").join("/");
}
