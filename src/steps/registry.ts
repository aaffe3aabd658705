import type { StepKind } from "../scenario/model.js";
import { runExec } from "./exec/controller.js";
import { runFile } from "./file/controller.js";
import { runHttp } from "./http/controller.js";
import { runTcp } from "./tcp/controller.js";
import { runUdp } from "./udp/controller.js";
import type { StepRunner } from "./types.js";
import { runArpScan } from "./arp-scan/controller.js";
import { runPing } from "./ping/controller.js";
import { runPortScan } from "./port-scan/controller.js";
import { runSend } from "./send/controller.js";
import { runSniff } from "./sniff/controller.js";
import { runSr } from "./sr/controller.js";
import { runTraceroute } from "./traceroute/controller.js";
import { runWait } from "./wait/controller.js";
import { runLink } from "./link/controller.js";

/** The controller side of every step kind: one line each. */
export const stepRunners: Record<StepKind, StepRunner> = {
  tcp: runTcp,
  udp: runUdp,
  http: runHttp,
  exec: runExec,
  file: runFile,
  send: runSend,
  sendp: runSend,
  sr1: runSr,
  sr: runSr,
  srp1: runSr,
  srp: runSr,
  sniff: runSniff,
  ping: runPing,
  arp_scan: runArpScan,
  traceroute: runTraceroute,
  port_scan: runPortScan,
  wait: runWait,
  link: runLink,
};
