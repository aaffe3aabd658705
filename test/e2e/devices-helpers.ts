// Helpers for the "devices under test" e2e files (issue 10): a scenario folder of its own (so the run's reports/,
// work folder, pcaps and setup files land in it), runs from that folder, and readers for what a run leaves behind.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cli, decodeXml, parseJUnit } from "./helpers.js";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A new world-readable folder under the system's temp folder (a non-root user can read what is written in it). */
export function scenarioDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-dev-"));
  chmodSync(dir, 0o755);
  return dir;
}

/** Writes a file (its folders made) under dir, world-readable; returns its path. */
export function put(dir: string, rel: string, text: string | Buffer): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true, mode: 0o755 });
  writeFileSync(p, text, { mode: 0o644 });
  chmodSync(p, 0o644);
  return p;
}

/** `node dist/cli.js ARGS` with the scenario folder as the current folder. `prefix` runs it under another program
 * (setpriv, ip netns exec). */
export function runIn(dir: string, args: string[], opts: { timeoutMs?: number; prefix?: string[] } = {}): Run {
  const t0 = Date.now();
  const cmd = [...(opts.prefix ?? []), process.execPath, cli, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: opts.timeoutMs ?? 90_000 });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: Date.now() - t0 };
}

/** The same, without blocking, while the network namespaces created meanwhile are recorded (from /run/netns). */
export async function runWatchingNetns(dir: string, args: string[], opts: { timeoutMs?: number; prefix?: string[] } = {}): Promise<Run & { netnsCreated: string[] }> {
  mkdirSync("/run/netns", { recursive: true });
  const created = new Set<string>();
  const watcher = watch("/run/netns", (_ev, name) => {
    if (name) created.add(String(name));
  });
  const t0 = Date.now();
  const cmd = [...(opts.prefix ?? []), process.execPath, cli, ...args];
  const child = spawn(cmd[0], cmd.slice(1), { cwd: dir, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 90_000);
  const code: number | null = await new Promise((r) => child.once("close", (c) => r(c)));
  clearTimeout(timer);
  await new Promise((r) => setTimeout(r, 100));
  watcher.close();
  return { code, stdout, stderr, ms: Date.now() - t0, netnsCreated: [...created] };
}

/** The run's JUnit report (reports/junit.xml in the scenario folder, the default path). */
export function junitIn(dir: string) {
  const p = join(dir, "reports/junit.xml");
  if (!existsSync(p)) throw new Error(`no JUnit report at ${p}`);
  const xml = readFileSync(p, "utf8");
  return { xml, ...parseJUnit(xml) };
}

/** The body of a testcase's <error>/<failure>, entities decoded (message attribute and CDATA). */
export function caseText(body: string): string {
  return decodeXml(body.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;")));
}

/** The scenario's work folder: reports/<classname>/ (a scenario file `x.yaml` in the folder gets `x`). */
export function workDir(dir: string, base: string): string {
  return join(dir, "reports", base);
}

/** 1-based number of the first line of text holding needle. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line holds ${needle}`);
  return i + 1;
}

/** tshark's fields of the packets of a pcap that match a display filter, one array per packet. */
export function tshark(pcap: string, filter: string, fields: string[]): string[][] {
  const out = execFileSync("tshark", ["-n", "-r", pcap, "-Y", filter, "-T", "fields", "-E", "separator=,", ...fields.flatMap((f) => ["-e", f])], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return out
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
}

/** The min/avg/max round-trip times (ms) out of iputils ping's summary, or undefined when nothing came back. */
export function pingRtt(text: string): { min: number; avg: number; max: number; received: number } | undefined {
  const m = text.match(/= ([\d.]+)\/([\d.]+)\/([\d.]+)\/[\d.]+ ms/);
  const rec = text.match(/(\d+) received/);
  if (!m) return undefined;
  return { min: Number(m[1]), avg: Number(m[2]), max: Number(m[3]), received: rec ? Number(rec[1]) : NaN };
}

export function sh(cmd: string): string {
  return execFileSync("sh", ["-c", cmd], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function shQuiet(cmd: string): { code: number | null; out: string } {
  const r = spawnSync("sh", ["-c", cmd], { encoding: "utf8" });
  return { code: r.status, out: (r.stdout ?? "") + (r.stderr ?? "") };
}

export function randomTag(n = 6): string {
  return Math.random().toString(36).slice(2, 2 + n).padEnd(n, "x");
}

/** Whether `setpriv` can drop to the nobody user here (the lab show test runs without root through it). */
export function canDropToNobody(): boolean {
  const r = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "id", "-u"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() === "65534";
}
