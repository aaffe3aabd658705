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
  /** JUnit classname: scenario path without extension, dots for slashes (a variant's values in brackets). */
  classname: string;
  /** The values of this variant of a file with a `matrix:`. */
  variant?: Record<string, string | number | boolean>;
  timeoutMs: number;
  /** true when the scenario has no lab: one host "local" with loopback only. */
  implicitLab: boolean;
  hosts: PlanHost[];
  segments: Segment[];
  tunnels: PlanTunnel[];
  /** What the scenario needs from the machine (its own `requires:` and what its lab needs), checked before the lab. */
  requires: { commands: string[]; kernel: string[]; line: number };
  setup: PlanSetupItem[];
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
  reassemble?: "ip" | "tcp";
  expect: PacketListExpect;
  line: number;
}

export interface PlanHost {
  name: string;
  /** Every address of the host's interfaces, in the order given (links, then tunnels). */
  addrs: Cidr[];
  /** Extra addresses on its loopback interface. */
  loopback: Cidr[];
  gateways: string[];
  routes: PlanRoute[];
  router: boolean;
}

export interface PlanRoute {
  /** The destination network, host bits cleared. */
  to: Cidr;
  via?: string;
  dev?: string;
}

/** A host's interface on a segment or tunnel. */
export interface PlanIface {
  host: string;
  ifname: string;
  mac: string;
  addrs: Cidr[];
}

/** Link conditions in the emulator's units. */
export interface LinkConditions {
  delayUs: number;
  jitterUs: number;
  /** 0..1 */
  loss: number;
  rateBps: number;
  limit: number;
}

/** One layer-2 segment: two members become a veth pair (through the link emulator when it has conditions), more a bridge. */
export interface Segment {
  name: string;
  line: number;
  members: PlanIface[];
  /** Present when the link goes through the emulator: the conditions of the frames each end sends. */
  emulated?: { seed: number; from: Record<string, LinkConditions> };
  mtu?: number;
  /** One lab end on a machine interface that --attach names. */
  attach?: { name: string; scope: Cidr[] };
}

export interface PlanTunnel {
  name: string;
  vni: number;
  port: number;
  ends: (PlanIface & { local: string; remote: string; dev?: string })[];
}

/** One setup item, in the order written. */
export interface PlanSetupItem {
  host: string;
  line: number;
  /** What the report calls it: `run nft -f ruleset.nft`, `sysctl net.ipv4.ip_forward=1`, `file ruleset.nft`. */
  label: string;
  run?: { command: string; timeoutMs: number };
  sysctl?: Record<string, string>;
  file?: { name: string; text: string; mode: number };
}

export interface PlanServer {
  name: string;
  host: string;
  kind: "tcp" | "udp" | "http" | "command";
  spec: NonNullable<WirecheckServer["tcp" | "udp" | "http" | "command"]>;
  line: number;
}

export type StepKind = "tcp" | "udp" | "http" | "exec" | "file" | "send" | "sendp" | "sr1" | "sr" | "srp1" | "srp" | "sniff" | "ping" | "arp_scan" | "traceroute" | "port_scan" | "wait" | "link";

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
  /** late: a destination written with saved values, resolved (and checked to be inside the lab) when the step runs. */
  resolved: { endpoint?: Endpoint; url?: string; packet?: string; to?: string; late?: { field: "url" | "endpoint" | "to"; text: string } };
  /** Steps that run inside this one (sniff's while). */
  children: PlanStep[];
  /** Tried again until it passes or forMs has passed since the first attempt. */
  retry?: { forMs: number; everyMs: number };
}
