import type { Cidr, Endpoint } from "../util/ip.js";
import type { PacketListExpect, WirecheckServer, WirecheckStep } from "./schema-types.js";

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
  flows: TcpFlow[];
  sniffers: PlanSniffer[];
  /** Vars that steps save while the scenario runs (`save:`): ${name} of these is filled in just before a step runs. */
  savedVars: string[];
  /** The names the scenario defines under `vars:` (a --var naming none of any file's vars is refused). */
  varNames: string[];
}

/** A capture for the whole scenario: a testcase of its own. */
export interface PlanSniffer {
  name: string;
  host: string;
  filter?: string;
  expect: PacketListExpect;
  line: number;
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

export type StepKind = "tcp" | "udp" | "http" | "exec" | "file" | "send" | "sendp" | "sr1" | "sr" | "srp1" | "srp" | "sniff" | "ping" | "arp_scan" | "traceroute" | "port_scan" | "wait";

/** A TCP flow a scenario crafts by hand: the sending host's kernel must not reset it. */
export interface TcpFlow {
  host: string;
  /** A port, or a range "first:last". */
  sport: string;
  dst: string;
  /** Absent when the flow covers every destination port. */
  dport?: number;
}

export interface PlanStep {
  name: string;
  host: string;
  kind: StepKind;
  spec: NonNullable<WirecheckStep[StepKind]>;
  line: number;
  col: number;
  /** Endpoints, URLs, packet expressions and targets with lab host names replaced by addresses. */
  resolved: { endpoint?: Endpoint; url?: string; packet?: string; to?: string };
  /** Steps that run inside this one (sniff's while). */
  children: PlanStep[];
  /** Tried again until it passes or forMs has passed since the first attempt. */
  retry?: { forMs: number; everyMs: number };
}
