import type { StepKind } from "../scenario/model.js";
import { runExec } from "./exec/controller.js";
import { runFile } from "./file/controller.js";
import { runHttp } from "./http/controller.js";
import { runTcp } from "./tcp/controller.js";
import { runUdp } from "./udp/controller.js";
import type { StepRunner } from "./types.js";

/** The controller side of every step kind: one line each. */
export const stepRunners: Record<StepKind, StepRunner> = {
  tcp: runTcp,
  udp: runUdp,
  http: runHttp,
  exec: runExec,
  file: runFile,
};
