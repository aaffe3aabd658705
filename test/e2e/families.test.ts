// `matrix: { family: [4, 6, mapped] }`: one scenario over IPv4, IPv6 and IPv4-mapped IPv6, as packetdrill runs its
// tests; ${lab.HOST.ip} is the host's address in the variant's family, and what goes on the wire is checked in the
// captures: the mapped variant's IPv6 sockets put IPv4 there.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";
import { readJUnit } from "../../src/report/junit-read.js";

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}
/** The IP version of every packet to or from port 7 in a variant's capture on the server. */
function wireVersions(dir: string, variant: string): string[] {
  const out = execFileSync("tshark", ["-n", "-r", join(dir, "reports", variant, "server.pcapng"), "-Y", "tcp.port == 7 || udp.port == 7", "-T", "fields", "-e", "ip.version", "-e", "ipv6.version"], { encoding: "utf8" });
  return out.trim().split("\n").map((l) => (l.startsWith("4") ? "4" : l.includes("6") ? "6" : l));
}

describe("family variants", () => {
  it("the bundled scenario runs each family as its own testsuite, and each puts its own family on the wire", () => {
    const dir = mkdtempSync(join(tmpdir(), "wc-family-"));
    cpSync(resolve("scenarios/three-families.yaml"), join(dir, "f.yaml"));
    const r = run(dir, ["run", "f.yaml"]);
    expect(r.code, r.out).toBe(0);
    const suites = readJUnit(readFileSync(join(dir, "reports/junit.xml"), "utf8")).suites;
    expect(suites.map((s) => s.attrs.name)).toEqual(["tcp and udp in every family [family=4]", "tcp and udp in every family [family=6]", "tcp and udp in every family [family=mapped]"]);
    for (const s of suites) expect(s.cases.map((c) => c.outcome)).toEqual(Array(s.cases.length).fill("passed"));
    for (const [variant, version] of [["f_family_4_", "4"], ["f_family_6_", "6"], ["f_family_mapped_", "4"]]) {
      const seen = wireVersions(dir, variant);
      // TCP handshake, data, echo and close, and the UDP datagram and its echo.
      expect(seen.length, variant).toBeGreaterThanOrEqual(8);
      expect(new Set(seen), variant).toEqual(new Set([version]));
    }
  }, 120_000);

  it("the mapped variant's client socket is IPv6: the same check fails for a plain IPv4 socket", () => {
    const dir = mkdtempSync(join(tmpdir(), "wc-family-"));
    const scenario = readFileSync("scenarios/three-families.yaml", "utf8").replace('connect: "[${lab.server.ip}]:7"', 'connect: "${lab.server.ip4}:7"');
    writeFileSync(join(dir, "f.yaml"), scenario);
    const r = run(dir, ["run", "f.yaml", "--var", "family=mapped"]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/✖ .*\[family=mapped\] › the client's socket is of the variant's family/);
    expect(r.out).toMatch(/got "0 +0 +198\.18\.0\.1:\d+ +198\.18\.0\.2:7"/);
  }, 120_000);

  it("refuses what is not a family, and a mapped address where only tcp and udp take one, at its line", () => {
    const dir = mkdtempSync(join(tmpdir(), "wc-family-"));
    const lab = `lab: { hosts: { a: [198.18.0.1/24, 2001:db8::1/64], b: [198.18.0.2/24, 2001:db8::2/64] } }\n`;
    writeFileSync(join(dir, "a.yaml"), `name: a\nmatrix:\n  family: [4, maped]\n${lab}steps: [{ name: s, wait: 1ms }]\n`);
    writeFileSync(join(dir, "b.yaml"), `name: b\nmatrix: { family: [4, mapped] }\n${lab}steps:\n  - { name: p, host: a, ping: { to: "\${lab.b.ip}" } }\n  - { name: t, host: a, tcp: { connect: "[::ffff:198.18.9.9]:7", send: x } }\n`);
    writeFileSync(join(dir, "c.yaml"), `name: c\n${lab}steps:\n  - { name: t, host: a, tcp: { connect: "[\${lab.b.ip}]:7", send: x } }\n`);
    const r = run(dir, ["validate", "a.yaml", "b.yaml", "c.yaml"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^a\.yaml:3:15: `maped` is not an address family \(did you mean `mapped`\?\): `family` takes 4 \(IPv4\), 6 \(IPv6\) and mapped/m);
    expect(r.out).toMatch(/^b\.yaml:5:\d+: `::ffff:198\.18\.0\.2` is an IPv4-mapped IPv6 address: only tcp and udp steps take one .*here write 198\.18\.0\.2 \(in variant family=mapped\)$/m);
    expect(r.out).toMatch(/^b\.yaml:6:\d+: `::ffff:198\.18\.9\.9` maps 198\.18\.9\.9, which is outside the lab/m);
    expect(r.out).toMatch(/^c\.yaml:4:\d+: `\$\{lab\.b\.ip\}` is not a fact of this lab .*lab\.HOST\.ip .*with a `family` var of 4, 6 or mapped/m);
  });

  it("a variant's mistake inside a playbook points into the playbook, names the using line and the variant", () => {
    const dir = mkdtempSync(join(tmpdir(), "wc-family-"));
    writeFileSync(join(dir, "ping.yaml"), `playbook: reach\nparams:\n  to: { description: the address }\nsteps:\n  - { name: "ping \${to}", host: a, ping: { to: "\${to}", count: 1 } }\n`);
    writeFileSync(join(dir, "s.yaml"), `name: s\nmatrix: { family: [4, 6, mapped] }\nlab: { hosts: { a: [198.18.0.1/24, 2001:db8::1/64], b: [198.18.0.2/24, 2001:db8::2/64] } }\nsteps:\n  - uses: ping.yaml\n    with: { to: "\${lab.b.ip}" }\n`);
    const r = run(dir, ["validate", "s.yaml"]);
    expect(r.code).toBe(2);
    expect(r.out.trim().split("\n")[0]).toMatch(/^ping\.yaml:5:\d+: `::ffff:198\.18\.0\.2` is an IPv4-mapped IPv6 address: .* \(in ping\.yaml, used at s\.yaml:5\) \(in variant family=mapped\)$/);
    expect(r.out).not.toMatch(/family=4|family=6/);
  });
});
