// Safety (black box): the JUnit file never reads as a stale green report. A run marks the report path as
// incomplete (or removes it) before it starts, refuses a report path it cannot write before anything runs, and a
// signal at any moment, even during Node's start-up, ends with exit 3 and a report saying nothing (more) ran.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, exited, parseJUnit, waitFor } from "./helpers.js";

const temps: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  // what a killed run left (never a live run's)
  spawnSync(process.execPath, [cli, "lab", "clean"], { cwd: tmpdir(), encoding: "utf8", timeout: 30_000 });
});

/** A throwaway working folder with its own reports/. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-safety-report-"));
  temps.push(dir);
  mkdirSync(join(dir, "reports"));
  return dir;
}

function runSync(cwd: string, args: string[], timeoutMs = 30_000) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}${r.stderr}` };
}

function start(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  // listened for at once: a run may end before the test gets round to waiting for it
  const done = exited(child);
  // and never left hanging: a run that outlives this is a failure anyway
  const guard = setTimeout(() => child.kill("SIGKILL"), 25_000);
  void done.then(() => clearTimeout(guard));
  return Object.assign(child, { out: () => out, done });
}

const green = `name: all green
steps:
  - { name: fine, exec: { run: "true" } }
`;

const slow = `name: a slow scenario
steps:
  - { name: quick, exec: { run: "true" } }
  - { name: long, exec: { run: "sleep 59", timeout: 5m } }
  - { name: never reached, exec: { run: "true" } }
`;

/** A real green report at `junit`, from a passing run; returns its text. */
function greenReport(cwd: string, junit: string): string {
  writeFileSync(join(cwd, "green.yaml"), green);
  const r = runSync(cwd, ["run", "green.yaml", "--junit", junit]);
  expect(r.code, r.out).toBe(0);
  const xml = readFileSync(junit, "utf8");
  expect(xml).not.toMatch(/<error|<failure/);
  return xml;
}

/**
 * The report at `junit` must not read as green: absent, or not the stale text and carrying an error, a failure or
 * an incomplete/interrupted marker.
 */
function expectNotStaleGreen(junit: string, stale: string, when: string) {
  if (!existsSync(junit)) return;
  const xml = readFileSync(junit, "utf8");
  expect(xml, `${when}: the previous run's green report is still there`).not.toBe(stale);
  expect(xml, `${when}: the report must say the run is incomplete:\n${xml}`).toMatch(/<error|<failure|incomplete|running|interrupted/i);
}

/** wc-* namespaces in /run/netns (cheap enough to poll). */
function netnsNow(): string[] {
  try {
    return readdirSync("/run/netns");
  } catch {
    return [];
  }
}

describe("item 4: a killed run never leaves a stale green report", () => {
  it("kill -9 mid-run: while running and after, the report path is not the previous green report", async () => {
    const dir = sandbox();
    const junit = join(dir, "reports", "junit.xml");
    const stale = greenReport(dir, junit);
    writeFileSync(join(dir, "slow.yaml"), slow);
    const child = start(dir, ["run", "slow.yaml", "--junit", junit]);
    await waitFor(() => /… long \(running\)/.test(child.out()), 20_000, "the long step to start");
    expectNotStaleGreen(junit, stale, "while the run goes");
    child.kill("SIGKILL");
    await child.done;
    expectNotStaleGreen(junit, stale, "after kill -9");
  });

  it("a second SIGINT: exit 3 within 5 s and the report path is not the previous green report", async () => {
    const dir = sandbox();
    const junit = join(dir, "reports", "junit.xml");
    const stale = greenReport(dir, junit);
    // a server that ignores SIGTERM keeps the teardown busy for a while: the second signal lands during it
    writeFileSync(join(dir, "slow.yaml"), slow.replace("steps:", 'servers:\n  - { name: stubborn, command: { run: "trap \'\' TERM; sleep 297", ready: { delay: 10ms } } }\nsteps:'));
    const child = start(dir, ["run", "slow.yaml", "--junit", junit]);
    await waitFor(() => /… long \(running\)/.test(child.out()), 20_000, "the long step to start");
    const t = Date.now();
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode, "still tearing down when the second signal comes").toBe(null);
    child.kill("SIGINT");
    const { code } = await child.done;
    expect(Date.now() - t).toBeLessThan(5000);
    expect(code, child.out()).toBe(3);
    expectNotStaleGreen(junit, stale, "after two SIGINTs");
  });
});

describe("item 4: an unwritable --junit path is refused with exit 2 before anything runs", () => {
  const cases = [
    { what: "a directory", host: "jdirhost", junit: (dir: string) => (mkdirSync(join(dir, "a-folder")), join(dir, "a-folder")) },
    { what: "a path under a regular file", host: "jfilehost", junit: (dir: string) => (writeFileSync(join(dir, "plain.txt"), "x"), join(dir, "plain.txt", "junit.xml")) },
  ];
  for (const c of cases) {
    it(`--junit naming ${c.what}`, async () => {
      const dir = sandbox();
      const marker = join(dir, "a-step-ran");
      writeFileSync(
        join(dir, "lab.yaml"),
        `name: would run
lab:
  hosts:
    ${c.host}: 198.18.0.1/24
    ${c.host}2: 198.18.0.2/24
steps:
  - { name: leaves a mark, host: ${c.host}, exec: { run: "touch ${marker}" } }
  - { name: takes a while, host: ${c.host}, exec: { run: "sleep 8" } }
`,
      );
      const junit = c.junit(dir);
      const seen = new Set<string>();
      const poll = setInterval(() => netnsNow().filter((n) => /^wc-/.test(n) && (n.endsWith(`-${c.host}`) || n.endsWith(`-${c.host}2`))).forEach((n) => seen.add(n)), 10);
      const child = start(dir, ["run", "lab.yaml", "--junit", junit]);
      const t = Date.now();
      const { code } = await child.done;
      clearInterval(poll);
      expect(code, child.out()).toBe(2);
      expect(Date.now() - t, "refused at once, not after the suite").toBeLessThan(5000);
      expect(child.out()).toContain(junit);
      expect(child.out()).not.toContain("    at ");
      expect([...seen], "no namespace was created").toEqual([]);
      expect(existsSync(marker), "no step ran").toBe(false);
    });
  }
});

// Before Node runs the first line of JavaScript no program can hear a signal (Node's own handler ends the process):
// that window is Node's bare start-up. From the first line on, the run keeps the signal: these moments are counted
// from when the run showed its JavaScript had started (the report path says "incomplete"), so a loaded machine
// cannot turn a start-up moment into one before JavaScript.
describe("item 4: a signal at any moment from start-up on ends with exit 3 and a report saying what did not run", () => {
  it("SIGINT at the first sign of the run (its 'incomplete' report): exit 3, every testcase skipped or an error", async () => {
    const { child, junit } = await slowRunStarted();
    child.kill("SIGINT");
    await expectInterruptedReport(child, junit);
  });

  // 20 moments spread over a run: start-up, loading, lab, agents, servers, steps.
  const moments = Array.from({ length: 20 }, (_, k) => k * 90);
  it(`SIGINT at ${moments.length} moments of a run (${moments[0]}–${moments[moments.length - 1]} ms after its JavaScript started): exit 3, a report, nothing left`, async () => {
    for (const ms of moments) {
      const { child, junit } = await slowRunStarted();
      await new Promise((r) => setTimeout(r, ms));
      child.kill("SIGINT");
      await expectInterruptedReport(child, junit, `at ${ms} ms`);
      // The run's own namespaces (wc-<its id>…) are gone when it exits.
      const id = /wirecheck run ([0-9a-f]{6})/.exec(child.out())?.[1];
      if (id) expect(netnsNow().filter((n) => n.startsWith(`wc-${id}`)), `at ${ms} ms`).toEqual([]);
    }
  }, 240_000);
});

const stale = `<?xml version="1.0"?>\n<testsuites name="wirecheck" tests="1" failures="0" errors="0"><testsuite name="STALE" tests="1" failures="0" errors="0"><testcase classname="stale" name="stale"/></testsuite></testsuites>\n`;

/** A slow run over a stale green report, once its JavaScript has started (the report path says "incomplete"). */
async function slowRunStarted() {
  const dir = sandbox();
  const junit = join(dir, "reports", "junit.xml");
  writeFileSync(junit, stale);
  writeFileSync(join(dir, "slow.yaml"), slow);
  const child = start(dir, ["run", "slow.yaml", "--junit", junit]);
  await waitFor(() => existsSync(junit) && !readFileSync(junit, "utf8").includes("STALE"), 15_000, "the incomplete report");
  return { child, junit };
}

async function expectInterruptedReport(child: ReturnType<typeof start>, junit: string, when = "") {
  const { code, signal } = await child.done;
  expect({ code, signal }, `${when}\n${child.out()}`).toEqual({ code: 3, signal: null });
  const xml = readFileSync(junit, "utf8");
  expect(xml).not.toContain("STALE");
  expect(xml, xml).toMatch(/interrupt|stopped|nothing ran|not run/i);
  const cases = parseJUnit(xml).suites.flatMap((s) => s.cases);
  expect(cases.length, xml).toBeGreaterThan(0);
  // What ran before the signal may have passed (the setup, "quick"); what the signal stopped or kept from running did not.
  for (const tc of cases.filter((c) => c.name !== "quick" && c.name !== "setup")) expect(tc.body, `${when}: testcase ${tc.name} did not pass:\n${xml}`).toMatch(/<skipped|<error/);
}
