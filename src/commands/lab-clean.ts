import { sweepStale } from "../lab/sweep.js";

export async function labCleanCommand(): Promise<number> {
  if (process.getuid?.() !== 0) {
    process.stderr.write("wirecheck lab clean needs root (a run without root leaves nothing to clean: its lab ends with its user namespace)\n");
    return 3;
  }
  const removed = await sweepStale();
  process.stdout.write(removed.length ? `removed ${removed.join(", ")}\n` : "nothing to clean\n");
  return 0;
}
