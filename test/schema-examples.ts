// The examples of the schemas' descriptions, and the frame scenario they are tried in (test/unit/schema-examples.test.ts
// loads each, test/e2e/schema-examples.test.ts runs the steps and commands). The convention: an example is written in backticks, and nothing else is (field names are plain words).
// An example is a command (`wirecheck …`, run by the e2e test), a step (a mapping with a step's action, with or
// without a name), `KEY: value` for the described property KEY, or a value of the property (of a list property: one
// item, added to the frame's list). It is put into its place in a frame scenario that is valid alone, and loaded.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, stringify } from "yaml";
import { loadScenarioText } from "../src/scenario/load.js";
import { ScenarioError } from "../src/scenario/errors.js";
import { stepKinds } from "../src/scenario/plan.js";

const schemaDir = join(__dirname, "../schemas");

/** The frame: a lab, servers, a sniffer and one step of every kind, each a place an example can go. */
export const frameText = `name: schema examples
lab:
  hosts:
    client: [198.18.0.1/24, 2001:db8::1/64]
    server: [198.18.0.2/24, 2001:db8::2/64]
    r1: { addr: 198.18.0.3/24, router: true, addresses: [198.19.255.2/32] }
    spare: { addr: 198.18.0.9/24, ifname: eth0 }
  links:
    - { name: wan, ends: { client: 198.18.5.1/24, r1: 198.18.5.2/24 }, delay: 1ms }
    - { name: extra, ends: { server: 198.18.6.1/24, r1: 198.18.6.2/24 } }
setup:
  - { host: r1, run: "true" }
  - { host: r1, sysctl: { net.ipv4.ip_forward: 1 } }
  - { host: r1, file: fw.conf, text: x, mode: "0600" }
servers:
  - { name: web, host: server, http: { port: 80, routes: { /: { status: 200, body: hello } } } }
  - { name: echo, host: server, tcp: { port: 7, echo: true } }
  - { name: uecho, host: server, udp: { port: 7, echo: true } }
sniffers:
  - { name: watch, host: client, filter: icmp, expect: { any: { IP.dst: 198.18.0.2 } } }
steps:
  - { name: learn, host: client, exec: { run: "echo 198.18.0.2", save: { ip: stdout, port: { regex: "(2)$" } } } }
  - { name: web, host: client, http: { get: "http://server/", expect: { status: 200, body: hello } } }
  - { name: post, host: client, http: { request: { method: POST, url: "http://server/" } } }
  - { name: conn, host: client, tcp: { connect: "server:7", send: hi, expect: hi } }
  - { name: dgram, host: client, udp: { to: "server:7", send: hi, expect: hi } }
  - { name: check, host: server, file: { path: x.txt, size: 0 } }
  - { name: send, host: client, send: { packet: 'IP(dst="server")/ICMP()' } }
  - { name: sr1, host: client, sr1: { packet: 'IP(dst="server")/ICMP()' } }
  - { name: sniff, host: client, sniff: { filter: icmp, expect: { count: 0 } } }
  - { name: ping, host: client, ping: { to: server } }
  - { name: arp, host: client, arp_scan: { network: 198.18.0.0/24 } }
  - { name: trace, host: client, traceroute: { to: server } }
  - { name: scan, host: client, port_scan: { to: server, ports: [7] } }
  - { name: pause, wait: 1ms }
  - { name: flap, link: { name: wan, state: up } }
  - { name: keep, host: client, exec: { run: "echo version 1", save: { w: stdout } } }
`;
const frame = parse(frameText) as { steps: { name: string }[] };
const step = (name: string, kind: string) => ["steps", frame.steps.findIndex((s) => s.name === name), kind];

/** Where a schema's description speaks of in the frame: the longest of these prefixes, then the pointer's own keys. */
const places: Record<string, (string | number)[]> = {
  "scenario.schema.json#": [],
  "lab.schema.json#": ["lab"],
  "lab.schema.json#/properties/hosts": ["lab", "hosts", "newhost"],
  "lab.schema.json#/$defs/cidr": ["lab", "hosts", "spare", "addr"],
  "lab.schema.json#/$defs/ifname": ["lab", "hosts", "spare", "ifname"],
  "lab.schema.json#/$defs/hostObject": ["lab", "hosts", "r1"],
  "lab.schema.json#/$defs/linkObject": ["lab", "links", 0],
  "lab.schema.json#/$defs/linkObject/properties/name": ["lab", "links", 1, "name"],
  "lab.schema.json#/$defs/conditions": ["lab", "links", 0],
  "setup.schema.json#": ["setup", 0],
  "setup.schema.json#/properties/sysctl": ["setup", 1, "sysctl"],
  "setup.schema.json#/properties/mode": ["setup", 2, "mode"],
  "sniffer.schema.json#": ["sniffers", 0],
  "server.schema.json#": ["servers", 0],
  "step.schema.json#": ["steps", 0],
  "steps/http.schema.json#": step("web", "http"),
  "steps/http.schema.json#/properties/request": step("post", "http").concat("request"),
  "steps/tcp.schema.json#": step("conn", "tcp"),
  "steps/udp.schema.json#": step("dgram", "udp"),
  "steps/exec.schema.json#": step("learn", "exec"),
  "steps/file.schema.json#": step("check", "file"),
  "steps/send.schema.json#": step("send", "send"),
  "steps/sr.schema.json#": step("sr1", "sr1"),
  "steps/sniff.schema.json#": step("sniff", "sniff"),
  "steps/ping.schema.json#": step("ping", "ping"),
  "steps/arp-scan.schema.json#": step("arp", "arp_scan"),
  "steps/traceroute.schema.json#": step("trace", "traceroute"),
  "steps/port-scan.schema.json#": step("scan", "port_scan"),
  "steps/wait.schema.json#": step("pause", "wait"),
  "steps/link.schema.json#": step("flap", "link"),
  "common.schema.json#/$defs/saveFrom": step("keep", "exec").concat("save"),
  "common.schema.json#/$defs/duration": ["timeout"],
  "common.schema.json#/$defs/endpoint": step("conn", "tcp").concat("connect"),
  "common.schema.json#/$defs/payload": step("dgram", "udp").concat("send"),
  "common.schema.json#/$defs/matcher": step("web", "http").concat("expect", "body"),
  "common.schema.json#/$defs/packetExpr": step("send", "send").concat("packet"),
  "common.schema.json#/$defs/packetExpect": step("sr1", "sr1").concat("expect"),
  "common.schema.json#/$defs/packetList": ["sniffers", 0, "expect"],
};

interface Described {
  file: string;
  pointer: string;
  text: string;
}

/** Every description of every schema file, with where it stands. */
export function descriptions(): Described[] {
  const out: Described[] = [];
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : []));
  for (const full of files(schemaDir)) {
    const file = relative(schemaDir, full);
    const walk = (v: unknown, pointer: string) => {
      if (!v || typeof v !== "object") return;
      for (const [k, x] of Object.entries(v)) {
        if (k === "description" && typeof x === "string") out.push({ file, pointer, text: x });
        else walk(x, `${pointer}/${k}`);
      }
    };
    walk(JSON.parse(readFileSync(full, "utf8")), "");
  }
  return out;
}

export type Example = { kind: "command"; text: string } | { kind: "step"; step: Record<string, unknown> } | { kind: "value"; value: unknown; key?: string };

/** What one backticked example is, by the convention above. */
export function classify(text: string, pointer: string): Example {
  if (text.startsWith("wirecheck ")) return { kind: "command", text };
  const own = /\/properties\/([^/]+)$/.exec(pointer)?.[1];
  const value: unknown = parse(text);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.some((k) => (stepKinds as readonly string[]).includes(k) && k !== own)) return { kind: "step", step: value as Record<string, unknown> };
    if (keys.length === 1 && keys[0] === own) return { kind: "value", value: (value as Record<string, unknown>)[own], key: own };
  }
  return { kind: "value", value };
}

export function examplesOf(d: Described): string[] {
  return [...d.text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/** The frame path a description's pointer stands for, or undefined when no place is known. */
export function placeOf(file: string, pointer: string): (string | number)[] | undefined {
  const prefix = Object.keys(places)
    .filter((p) => p.startsWith(`${file}#`) && (`${file}#${pointer}` === p || `${file}#${pointer}`.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const path = [...places[prefix]];
  const rest = pointer.slice(prefix.length - file.length - 1).split("/").filter(Boolean);
  let at: unknown = valueAt(frame, path);
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i];
    if (seg === "properties") path.push(rest[++i]);
    else if (seg === "items") path.push(0);
    else if (seg === "additionalProperties") path.push(Object.keys((at as object) ?? {})[0] ?? "key");
    else if (seg === "anyOf" || seg === "oneOf" || seg === "allOf") i++; // the same place, another shape
    else if (seg === "if" || seg === "then" || seg === "else") continue;
    else return undefined; // a $defs inside: give it a place of its own
    at = valueAt(frame, path);
  }
  return path;
}

function valueAt(v: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), v);
}

/** The frame with the example in its place (a step added to the steps); the scenario's YAML. */
export function withExample(e: Example, path: (string | number)[] | undefined, n: number): string {
  const s = structuredClone(frame) as Record<string, unknown>;
  if (e.kind === "step") (s.steps as unknown[]).push({ name: `example ${n}`, host: "client", ...e.step });
  else if (e.kind === "value" && path) {
    let parent = s as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) parent = (parent[k] ??= {}) as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (Array.isArray(parent[last]) && !Array.isArray(e.value)) (parent[last] as unknown[]).push(e.value);
    else if (path.length === 0) Object.assign(s, e.value);
    else parent[last] = e.value;
  }
  return stringify(s);
}

/** The issues load finds, as the CLI prints them; none when it loads. */
export function loadProblems(text: string): string[] {
  try {
    loadScenarioText("example.yaml", text);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.line}:${i.col}: ${i.message}`);
    throw e;
  }
}

