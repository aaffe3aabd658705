// The library API: the same pieces the CLI uses.
export { craft, dissect, Packet, Layer, PacketError, encodePcap, decodePcap, type Link } from "./packet/index.js";
export * from "./api/index.js";
export { loadScenario, loadScenarioText, loadScenarioVariants, type LoadOptions } from "./scenario/load.js";
export { ScenarioError, formatIssue, type Issue } from "./scenario/errors.js";
export type { Plan, PlanStep, PlanServer, PlanHost, WirecheckScenario } from "./scenario/model.js";
export { runPlans, checkEnvironment, EnvironmentError, type RunOptions } from "./run/run.js";
export type { RunEvents, Listener, ScenarioResult, StepResult, Status } from "./run/events.js";
export { buildJUnit, writeJUnit, type JUnitOptions } from "./report/junit.js";
export { ConsoleReporter } from "./report/console.js";
export { matchValue } from "./assert/value.js";
export { matchBytes } from "./assert/bytes.js";
export { sweepStale } from "./lab/sweep.js";
