// Imported first by the command line, before anything heavy loads: a Ctrl-C or SIGTERM while Node still loads the
// modules of `wirecheck run` is kept for the run to hear (it then runs nothing and writes a report saying so), instead
// of killing the process before it could write one. Other commands keep Node's default: a signal ends them.
//
// One listener stays for the whole process and passes signals on to whoever handles them now. Removing a listener
// and adding another would lose a signal: libuv hands a caught signal to the listener that was there when it came,
// and drops it if that one is gone by the time the event loop reads it (seen under load).
type Handler = (sig: NodeJS.Signals) => void;
let first: NodeJS.Signals | undefined;
let handler: Handler | undefined;
const listener = (sig: NodeJS.Signals) => (handler ? handler(sig) : void (first ??= sig));

const isRun = process.argv.slice(2).find((a) => !a.startsWith("-")) === "run";
if (isRun) {
  process.on("SIGINT", listener);
  process.on("SIGTERM", listener);
}

/** The first signal heard while nobody handled them (or undefined), forgotten once read. */
export function takeEarlySignal(): NodeJS.Signals | undefined {
  const sig = first;
  first = undefined;
  return sig;
}

/** From now on signals go to this handler; undefined keeps them for takeEarlySignal again. */
export function handleSignals(h: Handler | undefined): void {
  handler = h;
  if (!process.listeners("SIGINT").includes(listener)) process.on("SIGINT", listener);
  if (!process.listeners("SIGTERM").includes(listener)) process.on("SIGTERM", listener);
}
