// Written once, run many ways: `matrix:` variants, each its own testsuite; `uses:` playbooks with parameters, from
// the scenario's folder or wirecheck's own playbooks/; and the mistakes in either, at their file:line:col.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";
import { readJUnit } from "../../src/report/junit-read.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-once-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

const matrixScenario = `name: both families
matrix:
  dst: [198.18.0.2, "2001:db8::2"]
  size: [16, 1200]
lab: { hosts: { a: [198.18.0.1/24, 2001:db8::1/64], b: [198.18.0.2/24, 2001:db8::2/64] } }
steps:
  - { name: ping, host: a, ping: { to: "\${dst}", count: 1, size: "\${size}" } }
`;

describe("matrix:", () => {
  it("runs every combination as a testsuite of its own, named with its values, the values filling ${…}", () => {
    const dir = folder({ "m.yaml": matrixScenario });
    const r = run(dir, ["run", "m.yaml"]);
    expect(r.code, r.out).toBe(0);
    const suites = readJUnit(readFileSync(join(dir, "reports/junit.xml"), "utf8")).suites;
    expect(suites.map((s) => s.attrs.name)).toEqual([
      "both families [dst=198.18.0.2, size=16]",
      "both families [dst=198.18.0.2, size=1200]",
      "both families [dst=2001:db8::2, size=16]",
      "both families [dst=2001:db8::2, size=1200]",
    ]);
    expect(new Set(suites.map((s) => s.cases[0].attrs.classname)).size).toBe(4);
    // Each variant sent what its values say: the echo request's payload size, to its address.
    const sizes = (variant: string, filter: string) =>
      execFileSync("tshark", ["-n", "-r", join(dir, "reports", variant, "a.pcapng"), "-Y", filter, "-T", "fields", "-e", "data.len"], { encoding: "utf8" }).trim();
    expect(sizes("m_dst_198.18.0.2_size_1200_", "icmp.type == 8 && ip.dst == 198.18.0.2")).toBe("1200");
    expect(sizes("m_dst_2001_db8__2_size_16_", "icmpv6.type == 128 && ipv6.dst == 2001:db8::2")).toBe("16");
  }, 120_000);

  it("a --var of a matrix key keeps that one value", () => {
    const dir = folder({ "m.yaml": matrixScenario });
    expect(run(dir, ["list", "m.yaml"]).out).toContain("both families [dst=2001:db8::2, size=1200]");
    const r = run(dir, ["run", "m.yaml", "--var", "size=16"]);
    expect(r.code, r.out).toBe(0);
    expect(readJUnit(readFileSync(join(dir, "reports/junit.xml"), "utf8")).suites.map((s) => s.attrs.name)).toEqual(["both families [dst=198.18.0.2, size=16]", "both families [dst=2001:db8::2, size=16]"]);
  }, 120_000);

  it("refuses what cannot make variants, at its line, and says which variant an issue belongs to", () => {
    const dir = folder({
      "a.yaml": `name: a\nvars: { x: 1 }\nmatrix:\n  x: [1, 2]\n  y: []\nsteps: [{ name: s, wait: 1ms }]\n`,
      "b.yaml": `name: b\nmatrix: { n: [1, 2, 3, 4, 5, 6, 7, 8, 9], m: [1, 2, 3, 4, 5, 6, 7, 8] }\nsteps: [{ name: s, wait: 1ms }]\n`,
      "c.yaml": `name: c\nmatrix: { d: ["1s", "soon"] }\nsteps: [{ name: s, wait: "\${d}" }]\n`,
    });
    const r = run(dir, ["validate", "a.yaml", "b.yaml", "c.yaml"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^a\.yaml:4:3: `x` is both a var and a matrix key/m);
    expect(r.out).toMatch(/^a\.yaml:5:6: matrix `y`: a non-empty list of values/m);
    expect(r.out).toMatch(/^b\.yaml:2:9: the matrix makes 72 variants; at most 64/m);
    expect(r.out).toMatch(/^c\.yaml:3:\d+: .*\(in variant d=soon\)$/m);
    expect(r.out).not.toMatch(/d=1s/);
  });
});

describe("uses: playbooks", () => {
  const lab = `lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }
servers:
  - { name: web, host: server, tcp: { port: 80, echo: true } }
`;
  it("takes wirecheck's own playbook, with this scenario's parameters, and its expectation bites", () => {
    const use = (open: string) => `name: scan\n${lab}steps:\n  - uses: playbooks/default-deny.yaml\n    with: { from: client, target: server, ports: [22, 80, 443], open: ${open} }\n`;
    const dir = folder({ "ok.yaml": use("[80]"), "wrong.yaml": use("[80, 443]") });
    const ok = run(dir, ["run", "ok.yaml"]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain("✔ default deny: only 80 answer on server");
    const wrong = run(dir, ["run", "wrong.yaml"]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/open: expected \[80, 443\], got \[80\]/);
    // The testcase stands at the line that used the playbook.
    const kase = readJUnit(readFileSync(join(dir, "reports/junit.xml"), "utf8")).suites[0].cases[1];
    expect([kase.attrs.file, kase.attrs.line]).toEqual([expect.stringMatching(/wrong\.yaml$/), "6"]);
  }, 120_000);

  it("a playbook beside the scenario, its servers and steps, and its defaults", () => {
    const dir = folder({
      "playbooks/echo.yaml": `playbook: an echo server and a check of it\nparams:\n  on: { description: the host }\n  port: { description: its port, default: 7 }\nservers:\n  - { name: "echo \${port}", host: "\${on}", tcp: { port: "\${port}", echo: true } }\nsteps:\n  - { name: "echo on \${port}", host: client, tcp: { connect: "\${on}:\${port}", send: hi, expect: hi } }\n`,
      "s.yaml": `name: local playbook\nlab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }\nservers:\n  - uses: playbooks/echo.yaml\n    with: { on: server, port: 9000 }\nsteps:\n  - uses: playbooks/echo.yaml\n    with: { on: server, port: 9000 }\n`,
    });
    const r = run(dir, ["run", "s.yaml"]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("✔ echo on 9000");
  }, 120_000);

  it("refuses mistakes before anything runs: in the using file at its line, in the playbook at its own", () => {
    const dir = folder({
      "playbooks/self.yaml": `playbook: loops\nsteps:\n  - uses: self.yaml\n`,
      "playbooks/broken.yaml": `playbook: broken\nparams:\n  target: { description: x }\nsteps:\n  - name: bad\n    host: client\n    ping: { to: "\${target}", cuont: 2 }\n`,
      "a.yaml": `name: a\n${lab}steps:\n  - uses: playbooks/default-deny.yaml\n    with: { from: client, target: server, prots: [1] }\n  - uses: playbooks/self.yaml\n  - uses: playbooks/nope.yaml\n  - { uses: playbooks/self.yaml, name: x }\n`,
      "b.yaml": `name: b\n${lab}steps:\n  - { name: first, host: client, ping: { to: server, count: 1 } }\n  - uses: playbooks/broken.yaml\n    with: { target: server }\n`,
    });
    const a = run(dir, ["validate", "a.yaml"]);
    expect(a.code).toBe(2);
    expect(a.out).toMatch(/^a\.yaml:6:11: playbooks\/default-deny\.yaml needs `ports`, `open` under `with:`/m);
    expect(a.out).toMatch(/^a\.yaml:7:43: playbooks\/default-deny\.yaml has no parameter `prots` \(did you mean `ports`\?\)/m);
    expect(a.out).toMatch(/^playbooks\/self\.yaml:3:11: self\.yaml is used inside itself: a\.yaml → playbooks\/self\.yaml → playbooks\/self\.yaml \(in playbooks\/self\.yaml, used at a\.yaml:8\)/m);
    expect(a.out).toMatch(/^a\.yaml:9:11: no playbook playbooks\/nope\.yaml/m);
    expect(a.out).toMatch(/^a\.yaml:10:34: `name` does not go with `uses:`/m);
    const b = run(dir, ["validate", "b.yaml"]);
    expect(b.code).toBe(2);
    expect(b.out).toMatch(/^playbooks\/broken\.yaml:7:30: unknown key `cuont` \(did you mean `count`\?\).*\(in playbooks\/broken\.yaml, used at b\.yaml:7\)$/m);
  });

  it("checks a playbook against its schema and its references against its parameters, pointing into it and naming the using line", () => {
    const dir = folder({
      "playbooks/typo.yaml": `playbook: typo\nparams:\n  target: { description: the host }\n  port: { description: its port, defualt: 7 }\n  quiet: { default: true }\nsteps:\n  - { name: "to \${taget}", host: client, tcp: { connect: "\${target}:\${prot}", send: x } }\n  - { name: saved, host: client, exec: { run: echo 1, save: { one: stdout } } }\n  - { name: "uses \${one}, \${lab.server.ip4} and $\${literal}", wait: 1ms }\n`,
      "playbooks/outer.yaml": `playbook: outer\nparams:\n  on: { description: the host }\nsteps:\n  - uses: typo.yaml\n    with: { target: "\${on}", port: 1, quiet: false }\n  - uses: inner.yaml\n`,
      "playbooks/inner.yaml": `playbook: inner\nparams:\n  count: { description: how many }\nsteps:\n  - { name: inner, wait: 1ms }\n`,
      "a.yaml": `name: a\n${lab}steps:\n  - uses: playbooks/typo.yaml\n    with: { target: server, port: 80 }\n`,
      "b.yaml": `name: b\n${lab}steps:\n  - uses: playbooks/outer.yaml\n    with: { on: server }\n`,
    });
    const a = run(dir, ["validate", "a.yaml"]);
    expect(a.code).toBe(2);
    const used = String.raw`\(in playbooks/typo\.yaml, used at a\.yaml:6\)$`;
    expect(a.out).toMatch(new RegExp(String.raw`^playbooks/typo\.yaml:4:34: unknown key \`defualt\` \(did you mean \`default\`\?\).* ${used}`, "m"));
    expect(a.out).toMatch(new RegExp(String.raw`^playbooks/typo\.yaml:5:10: \`params\.quiet\` lacks \`description\`.* ${used}`, "m"));
    expect(a.out).toMatch(new RegExp(String.raw`^playbooks/typo\.yaml:7:13: \`\$\{taget\}\` is not a parameter of playbooks/typo\.yaml \(did you mean \`\$\{target\}\`\?\): declare it under \`params:\` \(its parameters are target, port, quiet\) ${used}`, "m"));
    expect(a.out).toMatch(new RegExp(String.raw`^playbooks/typo\.yaml:7:\d+: \`\$\{prot\}\` is not a parameter of playbooks/typo\.yaml \(did you mean \`\$\{port\}\`\?\)`, "m"));
    // A value its own step saves, a lab fact and $\${ are not parameters.
    expect(a.out).not.toMatch(/\$\{one\}|lab\.server|literal/);
    // Through another playbook: the inner file's issues name the outer one's line; a parameter the outer one does not give is said there.
    const b = run(dir, ["validate", "b.yaml"]);
    expect(b.code).toBe(2);
    expect(b.out).toMatch(/^playbooks\/typo\.yaml:7:13: `\$\{taget\}` is not a parameter .*\(in playbooks\/typo\.yaml, used at playbooks\/outer\.yaml:5\)$/m);
    expect(b.out).toMatch(/^playbooks\/outer\.yaml:7:11: inner\.yaml needs `count` under `with:` \(in playbooks\/outer\.yaml, used at b\.yaml:6\)$/m);
  });

  it("a sniff's while: takes a playbook's steps, run inside the capture", () => {
    const dir = folder({
      "playbooks/knock.yaml": `playbook: knock\nparams:\n  from: { description: who knocks }\n  on: { description: where }\n  port: { description: the port }\nsteps:\n  - { name: "knock on \${port}", host: "\${from}", tcp: { connect: "\${on}:\${port}", send: knock, expect: knock } }\n`,
      "s.yaml": `name: knocks seen\n${lab}steps:\n  - name: the knock crosses the wire\n    sniff:\n      host: server\n      filter: tcp port 80\n      while:\n        - uses: playbooks/knock.yaml\n          with: { from: client, on: server, port: 80 }\n      expect: { any: { Raw.load: knock, TCP.dport: 80 } }\n`,
    });
    const r = run(dir, ["run", "s.yaml"]);
    expect(r.code, r.out).toBe(0);
    const cases = readJUnit(readFileSync(join(dir, "reports/junit.xml"), "utf8")).suites[0].cases;
    expect(cases.map((c) => c.attrs.name)).toEqual(["setup", "the knock crosses the wire"]);
    // The same with a port where nothing listens: the step inside fails, and the sniff with it.
    writeFileSync(join(dir, "s.yaml"), readFileSync(join(dir, "s.yaml"), "utf8").replace("port: 80 }", "port: 81 }"));
    expect(run(dir, ["run", "s.yaml"]).out).toMatch(/knock on 81.*refused/s);
  }, 120_000);
});
