import { isRunAlive, prefix, registeredRuns, unregisterRun } from "./registry.js";
import { listNetns, removeNetns } from "./netns.js";

/** Removes what killed runs left behind: their namespaces (with the processes inside) and their run records. */
export async function sweepStale(): Promise<string[]> {
  // Only names this program makes (wc-<6 hex>-<host>): a namespace someone else called wc-… is not ours to remove.
  const ours = new RegExp(`^${prefix}[0-9a-f]{6}[-.]`);
  const stale = listNetns().filter((n) => ours.test(n) && !isRunAlive(n.slice(prefix.length, prefix.length + 6)));
  await removeNetns(stale);
  for (const run of registeredRuns()) if (!isRunAlive(run)) unregisterRun(run);
  return stale;
}
