import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

export interface FileStepArgs {
  path: string;
  timeoutMs: number;
}

export type FileStepResult = { exists: false } | { exists: true; size: number; sha256: string; text: string };

/** Reads a file on the host, waiting up to the timeout for it to appear. */
export async function fileStep(a: FileStepArgs): Promise<FileStepResult> {
  const deadline = Date.now() + a.timeoutMs;
  for (;;) {
    try {
      const data = await readFile(a.path);
      return { exists: true, size: data.length, sha256: createHash("sha256").update(data).digest("hex"), text: data.subarray(0, 1 << 20).toString("latin1") };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || Date.now() >= deadline) return { exists: false };
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
