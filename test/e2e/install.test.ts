// The package as a user gets it: packed, installed into a fresh folder outside the repository, with its prebuilt
// native part, with it removed (built from the shipped sources), and with no compiler (one message; craft still works).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./helpers.js";
import { createTestUser, notOwnedBy } from "./unprivileged-user.js";

const work = mkdtempSync(join(tmpdir(), "wc-install-"));
const app = join(work, "app");
const pkg = join(app, "node_modules", "wirecheck");
const prebuilt = join(pkg, "dist", "native", "wirecheck_native.node");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: app, encoding: "utf8", env: { ...process.env, CI: "1", ...env }, timeout: 300_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
const wirecheck = (args: string[], env: NodeJS.ProcessEnv = {}) => sh(join(app, "node_modules", ".bin", "wirecheck"), args, env);

beforeAll(() => {
  const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: root, encoding: "utf8" }).trim().split("\n").pop()!;
  execFileSync("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true, type: "module" }));
  writeFileSync(join(app, "echo.yaml"), `name: installed\nlab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }\nsteps:\n  - { name: p, host: a, ping: { to: b, count: 1 } }\n`);
  const r = sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, tgz)]);
  expect(r.code, r.out).toBe(0);
}, 300_000);

describe("npm install wirecheck, outside the repository", () => {
  it("ships the native sources and the prebuilt part, and no build leftovers", () => {
    expect(existsSync(prebuilt)).toBe(true);
    expect(readdirSync(join(pkg, "src", "native")).sort()).toEqual(["binding.gyp", "capture.c", "filter.c", "icmp.c", "link.c", "module.c", "native.h", "netns.c", "offload.c", "send.c"]);
  });

  it("with the prebuilt part: wirecheck run works", () => {
    const r = wirecheck(["run", "echo.yaml"]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/1 scenario\(s\): 1 passed, 0 failed/);
  }, 120_000);

  it("with the prebuilt part, as a user without root: wirecheck run works in a user namespace, its reports the user's", () => {
    const user = createTestUser();
    try {
      rmSync(join(app, "reports"), { recursive: true, force: true }); // what the run as root wrote
      execFileSync("chown", ["-R", `${user.uid}:${user.gid}`, work]);
      const r = user.run(join(app, "node_modules", ".bin", "wirecheck"), ["run", "echo.yaml"], app);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/1 scenario\(s\): 1 passed, 0 failed/);
      expect(notOwnedBy(join(app, "reports"), user.uid, user.gid)).toEqual([]);
    } finally {
      user.remove();
      execFileSync("chown", ["-R", "0:0", work]);
    }
  }, 120_000);

  it("without it: npm rebuild builds it from the shipped sources, and run works", () => {
    rmSync(prebuilt);
    const b = sh("npm", ["rebuild", "wirecheck", "--foreground-scripts"]);
    expect(b.code, b.out).toBe(0);
    expect(b.out).toMatch(/building it from its sources/);
    expect(existsSync(prebuilt)).toBe(true);
    const r = wirecheck(["run", "echo.yaml"]);
    expect(r.code, r.out).toBe(0);
  }, 300_000);

  it("without it and without a compiler: one message naming what is missing; craft and dissect still work", () => {
    rmSync(prebuilt);
    rmSync(join(pkg, "src", "native", "build"), { recursive: true, force: true });
    const b = sh("npm", ["rebuild", "wirecheck", "--foreground-scripts"], { CC: "/nonexistent/cc", CXX: "/nonexistent/c++" });
    expect(b.code, b.out).toBe(0);
    expect(b.out).toMatch(/a C compiler, make and python3 are needed \(Debian\/Ubuntu: apt-get install build-essential python3\), then: npm rebuild wirecheck/);
    const r = wirecheck(["run", "echo.yaml"]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/native part .* is not built on this machine: it needs libpcap's headers and a C compiler/);
    expect(r.out).not.toMatch(/at .*\.js:\d+/);
    const c = wirecheck(["craft", 'IP(dst="198.18.0.2")/ICMP()']);
    expect(c.code, c.out).toBe(0);
    expect(c.out.trim()).toMatch(/^4500001c/);
    const api = sh(process.execPath, ["--input-type=module", "-e", 'import { craft, dissect } from "wirecheck"; const p = craft(`IP(dst="198.18.0.2")/TCP(dport=80, flags="S")`)[0]; console.log(dissect(p.bytes, { link: "ip" }).summary())']);
    expect(api.code, api.out).toBe(0);
    expect(api.out).toMatch(/198\.18\.0\.2:http S/);
  }, 300_000);
});
