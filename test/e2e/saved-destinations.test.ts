// Saved values in URLs and destinations: a port or address a step saved is where a later step goes, and one that
// points outside the lab fails that step before anything is sent.
import { describe, expect, it } from "vitest";
import { runCli, tempScenario } from "./helpers.js";

const lab = `lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
servers:
  - { name: dir, host: server, http: { port: 80, routes: { /where: { status: 200, body: "8081" } } } }
  - { name: web, host: server, http: { port: 8081, routes: { /: { status: 200, body: found } } } }
  - { name: echo, host: server, tcp: { port: 7, echo: true } }
  - { name: uecho, host: server, udp: { port: 7, echo: true } }
`;
const run = (name: string, text: string) => runCli(["run", tempScenario(name, text).file, "--junit", "/dev/null"]);

describe("saved values in URLs and destinations", () => {
  it("a port saved from a server's reply and an address from a command's output are where later steps go", () => {
    const r = run(
      "inside.yaml",
      `name: saved destinations
${lab}steps:
  - { name: ask, host: client, http: { get: "http://server/where", save: { port: body } } }
  - { name: follow, host: client, http: { get: "http://server:\${port}/", expect: { body: found } } }
  - { name: learn, host: client, exec: { run: "echo 198.18.0.2; echo 7", save: { ip: { regex: "^(\\\\S+)" }, eport: { regex: "\\\\n(\\\\d+)" } } } }
  - { name: connect, host: client, tcp: { connect: "\${ip}:\${eport}", send: hi, expect: hi } }
  - { name: datagram, host: client, udp: { to: "server:\${eport}", send: hi, expect: hi } }
  - { name: ping, host: client, ping: { to: "\${ip}", count: 1 } }
`,
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/6 passed, 0 failed, 0 errors, 0 skipped/);
  });

  it("a saved address outside the lab fails the step, and nothing goes to it", () => {
    const r = run(
      "outside.yaml",
      `name: saved destination outside
${lab}sniffers:
  - { name: nothing out, host: client, expect: { none: { IP.dst: 198.19.99.9 } } }
steps:
  - { name: learn, host: client, exec: { run: "echo 198.19.99.9", save: { ip: stdout } } }
  - { name: web, host: client, http: { get: "http://\${ip}:80/" } }
  - { name: connect, host: client, tcp: { connect: "\${ip}:7", send: hi } }
  - { name: ping, host: client, ping: { to: "\${ip}", count: 1 } }
`,
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/nothing was sent: with the saved values filled in, `198\.19\.99\.9` is outside the lab: wirecheck only sends to loopback and the lab's own subnets \(198\.18\.0\.1\/24, 198\.18\.0\.2\/24\)/);
    expect(r.stdout).toMatch(/2 passed, 3 failed, 0 errors, 0 skipped/);
  });
});
