import { readdirSync, readlinkSync, statSync } from "node:fs";
import { ipBatch } from "./command.js";

const netnsDir = "/run/netns";

export function listNetns(): string[] {
  try {
    return readdirSync(netnsDir);
  } catch {
    return [];
  }
}

/** The pids of every process inside the given namespaces, found by one scan of /proc. */
export function pidsIn(names: string[]): number[] {
  const inodes = new Set<string>();
  for (const n of names) {
    try {
      inodes.add(`net:[${statSync(`${netnsDir}/${n}`).ino}]`);
    } catch {
      /* already gone */
    }
  }
  if (inodes.size === 0) return [];
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (inodes.has(readlinkSync(`/proc/${entry}/ns/net`))) pids.push(Number(entry));
    } catch {
      /* exited meanwhile, or not ours to read */
    }
  }
  return pids;
}

/** Kills whatever still runs inside the namespaces, then deletes them (and with them their veths and bridges). */
export async function removeNetns(names: string[]): Promise<void> {
  if (names.length === 0) return;
  for (const pid of pidsIn(names)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  const present = new Set(listNetns());
  await ipBatch(names.filter((n) => present.has(n)).map((n) => `netns del ${n}`)).catch(async () => {
    // One failing line stops a batch; delete the rest one by one so nothing stays behind.
    for (const n of names) await ipBatch([`netns del ${n}`]).catch(() => undefined);
  });
}
