import type { Plan, PlanStep } from "../scenario/model.js";

export type Status = "passed" | "failed" | "error" | "skipped";

export interface StepResult {
  name: string;
  line: number;
  status: Status;
  timeMs: number;
  /** When it started, in µs since the epoch (the clock of the pcaps' timestamps); absent for a step that never ran. */
  startedAtUs?: number;
  message?: string;
  details?: string;
  /** Output that belongs with this testcase (server logs on a scenario error, command output). */
  output?: string;
  /** Files for a person to look at (the hosts' pcaps): linked from the JUnit testcase. */
  attachments?: string[];
  /** The hosts the step ran or sniffed on: their pcaps are linked first. */
  hosts?: string[];
}

export interface ScenarioResult {
  plan: Plan;
  status: Status;
  /** When it started (a scenario passed over: when it was). */
  startedAt: Date;
  timeMs: number;
  steps: StepResult[];
  /** Its work folder (pcaps, files), when it ran. */
  work?: string;
  /** A problem outside any step (lab, agents, servers): reported as a testcase of its own. */
  setupError?: { message: string; details?: string; /** The line of the item that failed (a setup item, requires:). */ line?: number };
  /** What the setup items did, in order, with their output. */
  setupLog?: string;
  serverLogs: Record<string, string>;
  /** What the reader of the report should know that no testcase says (a pcap cut short). */
  notes: string[];
  /** Where the time went, in ms. */
  timings: { lab: number; agents: number; setup: number; servers: number; steps: number; teardown: number };
}

/** What the runner tells the reporters; they only listen and never reach back. */
export interface RunEvents {
  /** runId names everything the run creates (namespaces wc-<runId>-<host>). */
  runStart: { plans: Plan[]; runId: string };
  scenarioStart: { plan: Plan };
  phase: { plan: Plan; phase: "lab" | "agents" | "setup" | "servers" | "steps" | "teardown" };
  stepStart: { plan: Plan; step: PlanStep };
  /** How far a long step is (packets sent, answered, captured), from the agents. */
  stepProgress: { plan: Plan; step: PlanStep; text: string };
  stepEnd: { plan: Plan; step: PlanStep; result: StepResult };
  scenarioEnd: { result: ScenarioResult };
  runEnd: { results: ScenarioResult[]; interrupted: boolean };
}

export type Listener = { [K in keyof RunEvents]?: (e: RunEvents[K]) => void | Promise<void> };
