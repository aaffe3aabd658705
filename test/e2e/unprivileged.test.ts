// `wirecheck run` as a user without root (made by the test): the lab lives in a user namespace of the run's own, its
// reports are the user's files, Ctrl-C and kill -9 leave nothing behind, and an attachment says it needs root.
import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, exited, netns, parseJUnit, root, waitFor } from "./helpers.js";
import { createTestUser, notOwnedBy, type TestUser } from "./unprivileged-user.js";

let user: TestUser;
let home: string;
beforeAll(() => {
  user = createTestUser();
  home = mkdtempSync(join(tmpdir(), "wc-unpriv-"));
  chownSync(home, user.uid, user.gid);
});
afterAll(() => {
  user.remove();
  rmSync(home, { recursive: true, force: true });
});

/** A folder of the user's own, with these files written into it as theirs. */
function userFolder(name: string, files: Record<string, string> = {}): string {
  const dir = join(home, name);
  user.run("mkdir", [dir], home);
  for (const [f, text] of Object.entries(files)) {
    writeFileSync(join(dir, f), text);
    chownSync(join(dir, f), user.uid, user.gid);
  }
  return dir;
}

/** The run printed its id; nothing of it is in the machine's namespaces or run records. */
function leftOnMachine(out: string): string[] {
  const runId = /wirecheck run (\w+):/.exec(out)?.[1];
  expect(runId, out).toBeDefined();
  const records = existsSync("/run/wirecheck") ? readdirSync("/run/wirecheck") : [];
  return [...netns(), ...records].filter((n) => n.includes(runId!));
}

/** The user runs nothing any more. Processes an agent left to the machine's init (its `ip monitor`) end at once but
 * may wait a moment there to be reaped, so this waits a bounded while. */
function nothingRunning(): Promise<unknown> {
  return waitFor(() => user.processes().length === 0, 15_000, "the user's processes to end");
}

// Its long command is not interrupt.test.ts's `sleep 121.3`: that test looks for its own by command line, machine-wide.
const slow = `name: a slow scenario
lab:
  hosts:
    slowclient: 198.18.0.1/24
    slowserver: 198.18.0.2/24
servers:
  - { name: echo, host: slowserver, tcp: { port: 7, echo: true } }
steps:
  - { name: quick, host: slowclient, tcp: { connect: "slowserver:7", send: hi, expect: hi } }
  - { name: long, host: slowclient, exec: { run: "sleep 117", timeout: 5m } }
  - { name: never reached, host: slowclient, exec: { run: "true" } }
`;

describe("wirecheck run without root", () => {
  it("runs bundled scenarios with servers, sniffers, a firewall and dnsmasq; the reports are the user's", async () => {
    const dir = userFolder("bundled");
    const files = ["nft-firewall", "sniff-http", "dns"].map((s) => join(root, "scenarios", `${s}.yaml`));
    const r = user.run(process.execPath, [cli, "run", ...files, "--junit", "out/junit.xml"], dir, 180_000);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/3 scenario\(s\): \d+ passed, 0 failed, 0 errors, 0 skipped/);

    const suites = parseJUnit(readFileSync(join(dir, "out", "junit.xml"), "utf8")).suites;
    expect(suites.map((s) => s.attrs.name)).toEqual(["nftables firewall between client and server", "the HTTP request is visible on the wire", "the DNS server answers an A query"]);
    for (const s of suites) {
      expect(s.attrs).toMatchObject({ failures: "0", errors: "0", skipped: "0" });
      expect(s.cases.length).toBeGreaterThan(0);
      for (const c of s.cases) expect(c.body, `${s.attrs.name}: ${c.name}`).not.toMatch(/<(failure|error|skipped)/);
    }
    // The sniffers' captures, the page and the report: all written by the run, all the user's.
    const captures = readdirSync(join(dir, "reports"), { recursive: true }).filter((f) => String(f).endsWith(".pcapng"));
    expect(captures.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, "reports", "index.html"))).toBe(true);
    expect(notOwnedBy(dir, user.uid, user.gid)).toEqual([]);
    expect(leftOnMachine(r.out)).toEqual([]);
    await nothingRunning();
  }, 200_000);

  it("verdicts are real: a step that does not hold fails the run with exit 1", async () => {
    const dir = userFolder("failing", {
      "open.yaml": `name: an open port said to refuse
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
servers:
  - { name: echo, host: b, tcp: { port: 7, echo: true } }
steps:
  - { name: reachable, host: a, ping: { to: b, count: 1 } }
  - { name: refuses, host: a, tcp: { connect: "b:7", expect_error: refused } }
`,
    });
    const r = user.run(process.execPath, [cli, "run", "open.yaml"], dir);
    expect(r.code, r.out).toBe(1);
    const [suite] = parseJUnit(readFileSync(join(dir, "reports", "junit.xml"), "utf8")).suites;
    expect(suite.attrs).toMatchObject({ failures: "1", errors: "0" });
    expect(suite.cases.find((c) => c.name === "reachable")!.body).toBe("");
    expect(suite.cases.find((c) => c.name === "refuses")!.body).toMatch(/<failure/);
    expect(notOwnedBy(dir, user.uid, user.gid)).toEqual([]);
    await nothingRunning();
  }, 120_000);

  for (const signal of ["SIGINT", "SIGTERM", "SIGKILL"] as const) {
    it(`${signal} to the command: the run stops, reports it${signal === "SIGKILL" ? " (the run inside sees its parent go)" : ""}, and leaves nothing behind`, async () => {
      const dir = userFolder(`slow-${signal}`, { "slow.yaml": slow });
      const child = user.start(process.execPath, [cli, "run", "slow.yaml"], dir);
      try {
        await waitFor(() => /… long \(running\)/.test(child.out()), 30_000, "the long step to start");
        // The lab is in a user namespace of the run's own: none of its namespaces is the machine's.
        const inner = user.processes().filter((p) => p !== child.pid);
        expect(inner.length).toBeGreaterThan(0);
        for (const p of inner) expect(readlinkSync(`/proc/${p}/ns/user`)).not.toBe(readlinkSync("/proc/self/ns/user"));
        expect(leftOnMachine(child.out())).toEqual([]);

        const t = Date.now();
        child.kill(signal);
        const { code } = await exited(child);
        if (signal !== "SIGKILL") {
          expect(code).toBe(3);
          expect(Date.now() - t).toBeLessThan(5000);
        }
        await nothingRunning();
        const [suite] = parseJUnit(readFileSync(join(dir, "reports", "junit.xml"), "utf8")).suites;
        expect(suite.cases.find((c) => c.name === "quick")!.body).toBe("");
        expect(suite.cases.find((c) => c.name === "long")!.body).toMatch(/<error message="interrupted/);
        expect(notOwnedBy(dir, user.uid, user.gid)).toEqual([]);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
    }, 60_000);
  }

  it("Ctrl-C on a terminal reaches the run once: the lab is torn down and the report written, not cut short", async () => {
    const dir = userFolder("terminal", { "slow.yaml": slow });
    // `exec`, so the run (not a shell waiting on it) is the terminal's foreground: script(1) runs the command with
    // $SHELL, and dash, unlike bash, dies of the Ctrl-C itself while its child is still writing the report.
    const command = `exec setpriv --reuid ${user.uid} --regid ${user.gid} --clear-groups -- env HOME=${dir} TERM=xterm PATH="$PATH" ${process.execPath} ${cli} run slow.yaml`;
    const term = spawn("script", ["-qfec", command, "/dev/null"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, SHELL: "/bin/sh" } });
    let out = "";
    term.stdout!.on("data", (d) => (out += d));
    try {
      await waitFor(() => /long \(running\)/.test(out), 30_000, "the long step to start");
      term.stdin!.write("\x03"); // the terminal's interrupt character: SIGINT to its foreground process group
      const { code, signal } = await exited(term);
      // What ended it comes first, then the run's last words: a CI log shows only the end of a failure.
      expect(code === 3 ? "exit 3" : `exit ${code} (${signal}): ${out.slice(-400)}`).toBe("exit 3");
      expect(out.match(/SIGINT: stopping/g), out).toHaveLength(1);
      const [suite] = parseJUnit(readFileSync(join(dir, "reports", "junit.xml"), "utf8")).suites;
      expect(suite.cases.find((c) => c.name === "long")!.body).toMatch(/<error message="interrupted/);
      expect(suite.cases.find((c) => c.name === "never reached")!.body).toMatch(/<skipped/);
      await nothingRunning();
    } finally {
      if (term.exitCode === null && term.signalCode === null) term.kill("SIGKILL");
    }
  }, 60_000);

  it("on a machine with no /run/netns yet (and /run root's): /run is the run's own, the machine's entries still in it", async () => {
    const dir = userFolder("fresh-run", {
      "fresh.yaml": `name: a machine that never had a lab
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
steps:
  - { name: reachable, host: a, ping: { to: b, count: 1 } }
  - { name: the machine's /run entries are there, host: a, exec: { run: "test -f /run/keep/file && test -L /run/link" } }
`,
    });
    // A mount namespace of the test's where /run is a fresh tmpfs of root's, with no netns or wirecheck folder in it.
    const setup = "mount -t tmpfs -o mode=0755 none /run && mkdir /run/keep && touch /run/keep/file && ln -s /dev/shm /run/link && test ! -e /run/netns";
    const as = `setpriv --reuid ${user.uid} --regid ${user.gid} --clear-groups -- env CI=1 HOME=${dir} PATH="$PATH"`;
    const r = spawnSync("unshare", ["--mount", "--propagation", "private", "sh", "-c", `${setup} && exec ${as} "$0" "$@"`, process.execPath, cli, "run", "fresh.yaml"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/1 scenario\(s\): 2 passed, 0 failed/);
    expect(notOwnedBy(dir, user.uid, user.gid)).toEqual([]);
    await nothingRunning();
  }, 120_000);

  it("requires: a command this user may not run is said so, apart from one that is missing", () => {
    const dir = userFolder("requires", {
      "needs.yaml": `name: needs a root-only tool
requires: { commands: [rootonly] }
lab: { hosts: { a: 198.18.0.1/24 } }
steps:
  - { name: never, host: a, exec: { run: rootonly } }
`,
    });
    const bin = join(home, "bin");
    mkdirSync(bin, { mode: 0o755 });
    writeFileSync(join(bin, "rootonly"), "#!/bin/sh\n", { mode: 0o700 }); // root's, executable by root alone
    const r = user.run("/usr/bin/env", [`PATH=${bin}:${process.env.PATH}`, process.execPath, cli, "run", "needs.yaml"], dir);
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/the command `rootonly` is at .*\/bin\/rootonly, but this user may not run it \(a run without root runs as its user/);
  });

  it("without unshare(1) it says what to install, and nothing runs", () => {
    const dir = userFolder("no-unshare");
    const r = user.run("/usr/bin/env", ["PATH=/nonexistent", process.execPath, cli, "run", join(root, "scenarios", "ping.yaml")], dir);
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/wirecheck run needs root or a user namespace of its own, and unshare\(1\), which makes one, is not installed \(apt-get install util-linux\): run it with sudo/);
    expect(existsSync(join(dir, "reports"))).toBe(false);
  });

  it("lab clean needs root, and says a run without root leaves nothing for it", () => {
    const r = user.run(process.execPath, [cli, "lab", "clean"], home);
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/wirecheck lab clean needs root \(a run without root leaves nothing to clean: its lab ends with its user namespace\)/);
  });

  it("a scenario that attaches a machine interface refuses: it needs root", async () => {
    const dir = userFolder("attach");
    const r = user.run(process.execPath, [cli, "run", join(root, "scenarios", "attached-device.yaml"), "--attach", "dut=lo"], dir);
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/attached-device\.yaml:\d+: link attaches to `dut`, an interface of this machine: that needs root \(sudo wirecheck run …\)/);
    expect(r.out).toMatch(/nothing was run/);
    expect(existsSync(join(dir, "reports", "junit.xml"))).toBe(false);
    await nothingRunning();
  });
});
