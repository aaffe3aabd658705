// Imported first by the command line, before anything heavy loads: a Ctrl-C or SIGTERM while Node still loads the
// modules of `wirecheck run` is kept for the run to hear (it then runs nothing and writes a report saying so), instead
// of killing the process before it could write one. Other commands keep Node's default: a signal ends them.
let first: NodeJS.Signals | undefined;
const keep = (sig: NodeJS.Signals) => void (first ??= sig);
const isRun = process.argv.slice(2).find((a) => !a.startsWith("-")) === "run";
if (isRun) {
  process.on("SIGINT", keep);
  process.on("SIGTERM", keep);
}

/** The first signal heard so far; from now on the caller's own handlers listen. */
export function takeEarlySignal(): NodeJS.Signals | undefined {
  process.off("SIGINT", keep);
  process.off("SIGTERM", keep);
  return first;
}

/** Keeps listening (and keeping the first signal) while the caller loads files. */
export function keepEarlySignals(): void {
  if (!process.listeners("SIGINT").includes(keep)) process.on("SIGINT", keep);
  if (!process.listeners("SIGTERM").includes(keep)) process.on("SIGTERM", keep);
}
