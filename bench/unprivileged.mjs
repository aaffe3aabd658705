// npm run bench:unprivileged — what a run without root costs beside one as root: the same CLI runs, alternately as
// root and as a user this bench makes (useradd, removed at the end), who gets a user namespace of the run's own.
// Needs root. Figures are medians on this machine; nothing here asserts a speed.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = resolve("dist/cli.js");
const name = `wcb${process.pid.toString(16).slice(-5)}`;
execFileSync("useradd", ["--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name]);
const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }));
const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }));
// Each runs in a folder of its own (the user's is theirs), with its own copy of the scenario.
const dir = mkdtempSync(join(tmpdir(), "wc-bench-unpriv-"));
chmodSync(dir, 0o755);
const folders = { root: join(dir, "root"), user: join(dir, "user") };
for (const [who, f] of Object.entries(folders)) {
  mkdirSync(f);
  copyFileSync("bench/two-host.yaml", join(f, "two-host.yaml"));
  if (who === "user") for (const p of [f, join(f, "two-host.yaml")]) chownSync(p, uid, gid);
}

/**
 * Wall time and CPU time (user + system, of the command and the processes it waited for, as time(1) counts them) of
 * one CLI run, as root or as the user; its exit status and output must be the ones expected. CPU time is the figure
 * a loaded machine disturbs least.
 */
function time(asUser, args, expected, says) {
  const cpuFile = join(dir, "cpu");
  const cli_ = [process.execPath, cli, ...args];
  const cmd = ["/usr/bin/time", "-f", "%U %S", "-o", cpuFile, ...(asUser ? ["setpriv", "--reuid", String(uid), "--regid", String(gid), "--clear-groups", "--"] : []), ...cli_];
  const t = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: asUser ? folders.user : folders.root, encoding: "utf8", env: { PATH: process.env.PATH, HOME: dir, CI: "1" } });
  const wall = performance.now() - t;
  if (r.status !== expected || !says.test(`${r.stdout}${r.stderr}`)) throw new Error(`${asUser ? "as the user" : "as root"}: wirecheck ${args.join(" ")} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  const [user, sys] = readFileSync(cpuFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, cpu: (user + sys) * 1000 };
}

try {
  const rows = [];
  for (const [label, args, expected, says, n] of [
    ["wirecheck run of a missing file (exit 2, no lab)", ["run", "missing.yaml"], 2, /missing\.yaml/, 15],
    ["wirecheck run bench/two-host.yaml (lab, 1 server, 3 steps)", ["run", "two-host.yaml"], 0, /1 scenario\(s\): 3 passed/, 10],
  ]) {
    const root = [];
    const user = [];
    for (let i = 0; i < n; i++) {
      root.push(time(false, args, expected, says)); // alternated, so the machine's load falls on both alike
      user.push(time(true, args, expected, says));
    }
    for (const k of ["wall", "cpu"]) {
      const [r, u] = [median(root.map((x) => x[k])), median(user.map((x) => x[k]))];
      rows.push([`${label}, ${k === "wall" ? "wall" : "CPU"} time, median of ${n}`, `root ${r.toFixed(0)} ms`, `without root ${u.toFixed(0)} ms`, `${u >= r ? "+" : "−"}${Math.abs(u - r).toFixed(0)} ms`]);
    }
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(w[i])).join("  "));
} finally {
  spawnSync("userdel", [name]);
  rmSync(dir, { recursive: true, force: true });
}
