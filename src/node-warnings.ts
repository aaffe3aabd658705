// Node's own warnings ("(node:123) ExperimentalWarning: …", a listener count) are for us, not for someone reading a
// test run's output: they are kept out of stderr unless WIRECHECK_DEBUG is set.
if (!process.env.WIRECHECK_DEBUG) {
  process.removeAllListeners("warning");
  process.on("warning", () => undefined);
}
