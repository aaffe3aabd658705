import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const root = resolve(__dirname, "../..");
export const cli = join(root, "dist/cli.js");

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, CI: "1", ...env }, timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[]): ChildProcess & { out: () => string } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return Object.assign(child, { out: () => out });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
}

export function netns(): string[] {
  return execFileSync("ip", ["netns", "list"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.split(" ")[0])
    .filter(Boolean);
}

/** The pids of processes whose command line contains the text. */
export function processesWith(text: string): number[] {
  const r = spawnSync("pgrep", ["-f", text], { encoding: "utf8" });
  return r.stdout.split("\n").filter(Boolean).map(Number).filter((p) => p !== process.pid);
}

export async function waitFor<T>(check: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function tempScenario(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "wc-test-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

export interface TestCaseXml {
  name: string;
  attrs: Record<string, string>;
  body: string;
}

/** A small reader for the JUnit we write: testsuite attributes and testcases with their inner XML. */
export function parseJUnit(xml: string): { suites: { attrs: Record<string, string>; cases: TestCaseXml[] }[] } {
  const attrs = (s: string) => Object.fromEntries([...s.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], decodeXml(m[2])]));
  // Attribute values may hold a raw `>` (valid XML): a tag ends at the first `>` outside quotes.
  const suites = [...xml.matchAll(/<testsuite ((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/testsuite>/g)].map((m) => ({
    attrs: attrs(m[1]),
    cases: [...m[2].matchAll(/<testcase ((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((c) => ({ name: attrs(c[1]).name, attrs: attrs(c[1]), body: c[2] ?? "" })),
  }));
  return { suites };
}

/** XML entity references back to text (for the tests' small JUnit readers). */
export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** runCli without blocking the test worker (a long run would otherwise stall vitest's own messages past its limit). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, CI: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
