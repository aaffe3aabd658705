import { isRunAlive, prefix, registeredRuns, unregisterRun } from "./registry.js";
import { listNetns, removeNetns } from "./netns.js";

/** Removes what killed runs left behind: their namespaces (with the processes inside) and their run records. */
export async function sweepStale(): Promise<string[]> {
  const stale = listNetns().filter((n) => n.startsWith(prefix) && !isRunAlive(n.slice(prefix.length).split("-")[0]));
  await removeNetns(stale);
  for (const run of registeredRuns()) if (!isRunAlive(run)) unregisterRun(run);
  return stale;
}
