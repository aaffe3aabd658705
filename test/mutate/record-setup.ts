// Vitest setup: with WIRECHECK_RECORD_SCENARIOS=dir, every `wirecheck run` a test starts records its scenarios there
// (see record-run.mjs). A preload in the child, not a patched helper: tests start the CLI in many ways (spawn,
// spawnSync, a shell under `script`), and only the child knows what it ran and how it ended.
import { beforeEach } from "vitest";
import { fileURLToPath } from "node:url";
import { join, relative } from "node:path";

const dir = process.env.WIRECHECK_RECORD_SCENARIOS;
if (dir) {
  const preload = `--import=${fileURLToPath(new URL("./record-run.mjs", import.meta.url))}`;
  if (!(process.env.NODE_OPTIONS ?? "").includes(preload)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} ${preload}`.trim();
  // Which test ran it, for the survivors' report (children started with the test's env inherit it).
  const root = join(fileURLToPath(new URL("../..", import.meta.url)));
  beforeEach((ctx) => {
    process.env.WIRECHECK_RECORD_TEST = `${relative(root, ctx.task.file.filepath)} > ${ctx.task.name}`;
  });
}
