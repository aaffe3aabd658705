import type { Cidr, Endpoint } from "../util/ip.js";
import type { WirecheckServer, WirecheckStep } from "./schema-types.js";

export type * from "./schema-types.js";

/** A scenario after load, validation and planning: names resolved, defaults applied, ready to run. */
export interface Plan {
  file: string;
  /** The scenario file's folder: commands run here, brought files are relative to it. */
  dir: string;
  name: string;
  description?: string;
  tags: string[];
  /** JUnit classname: scenario path without extension, dots for slashes. */
  classname: string;
  timeoutMs: number;
  /** true when the scenario has no lab: one host "local" with loopback only. */
  implicitLab: boolean;
  hosts: PlanHost[];
  segments: Segment[];
  servers: PlanServer[];
  steps: PlanStep[];
}

export interface PlanHost {
  name: string;
  /** Every address of the host, in the order given. */
  addrs: Cidr[];
  gateways: string[];
  router: boolean;
}

/** One layer-2 segment: two members become a veth pair, more a bridge. */
export interface Segment {
  members: { host: string; addrs: Cidr[] }[];
}

export interface PlanServer {
  name: string;
  host: string;
  kind: "tcp" | "udp" | "http" | "command";
  spec: NonNullable<WirecheckServer["tcp" | "udp" | "http" | "command"]>;
  line: number;
}

export type StepKind = "tcp" | "udp" | "http" | "exec" | "file";

export interface PlanStep {
  name: string;
  host: string;
  kind: StepKind;
  spec: NonNullable<WirecheckStep[StepKind]>;
  line: number;
  col: number;
  /** Endpoints and URLs of the step with lab host names replaced by addresses. */
  resolved: { endpoint?: Endpoint; url?: string };
}
