// A user made for a test (useradd) and removed after it (userdel), and commands run as that user with setpriv, which
// executes the command itself: the pid a test holds is the command's, as a shell's `kill` would see it.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface TestUser {
  name: string;
  uid: number;
  gid: number;
  /** Runs a command as the user, in the folder given, and waits for it. */
  run(cmd: string, args: string[], cwd: string, timeoutMs?: number): { code: number | null; out: string };
  /** Starts a command as the user; out() is what it wrote so far (stdout and stderr). */
  start(cmd: string, args: string[], cwd: string): ChildProcess & { out: () => string };
  /** The pids of the user's processes (none once a run has left nothing behind). */
  processes(): number[];
  /** Ends what the user still runs, by pid, and deletes the user. */
  remove(): void;
}

export function createTestUser(): TestUser {
  const name = `wcu${randomBytes(3).toString("hex")}`;
  execFileSync("useradd", ["--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name]);
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }));
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }));
  const as = ["--reuid", String(uid), "--regid", String(gid), "--clear-groups", "--"];
  const env = (cwd: string) => ({ PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin", HOME: cwd, USER: name, LOGNAME: name, CI: "1" });
  const processes = () =>
    spawnSync("pgrep", ["-u", String(uid)], { encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean)
      .map(Number);
  return {
    name,
    uid,
    gid,
    run(cmd, args, cwd, timeoutMs = 120_000) {
      const r = spawnSync("setpriv", [...as, cmd, ...args], { cwd, env: env(cwd), encoding: "utf8", timeout: timeoutMs });
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    },
    start(cmd, args, cwd) {
      const child = spawn("setpriv", [...as, cmd, ...args], { cwd, env: env(cwd), stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      return Object.assign(child, { out: () => out });
    },
    processes,
    remove() {
      for (const pid of processes()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }
      spawnSync("userdel", [name]);
    },
  };
}

/** Every file and folder under dir whose owner is not uid:gid, as "path uid:gid" (an empty list when all are). */
export function notOwnedBy(dir: string, uid: number, gid: number): string[] {
  const wrong: string[] = [];
  const walk = (p: string, depth: number) => {
    const st = lstatSync(p);
    if (st.uid !== uid || st.gid !== gid) wrong.push(`${p} ${st.uid}:${st.gid}`);
    if (st.isDirectory() && depth < 8) for (const e of readdirSync(p)) walk(join(p, e), depth + 1);
  };
  walk(dir, 0);
  return wrong;
}
