#!/usr/bin/env node
// The entry point. Its only static imports are the two that must act before anything else loads: signals are heard
// (and kept for `run`) from the first line of JavaScript, and Node's warnings stay off stderr. The rest loads after.
import "./early-signals.js";
import "./node-warnings.js";

await import("./command-line.js");
