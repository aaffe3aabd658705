/** The JSON-lines protocol between the controller and an agent (one line a message, over the agent's stdio). */
export interface Request {
  id: number;
  op: string;
  args: unknown;
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Something the agent reports on its own, e.g. a server that exited. */
export interface AgentEvent {
  event: "server-exit" | "log" | "progress";
  [k: string]: unknown;
}

export type AgentMessage = Reply | AgentEvent;

/** The context every agent action runs in. */
export interface AgentContext {
  /** The scenario file's folder: commands run here. */
  dir: string;
  /** The scenario's work folder ($WIRECHECK_WORK). */
  work: string;
  emit(event: AgentEvent): void;
  /** Set by "halt" (the run was interrupted): long actions (a flood) stop at their next slice. */
  halted: boolean;
}

export type AgentAction = (args: any, ctx: AgentContext) => Promise<unknown>;
