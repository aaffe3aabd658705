// Saved values in URLs and destinations at load: accepted when an earlier step saves them, refused at the place
// written otherwise; a literal host is still checked; at run the filled destination is checked again.
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ScenarioError, type Issue } from "../../src/scenario/errors.js";
import { resolveLate } from "../../src/run/saved-destination.js";
import { fillSaved } from "../../src/run/saved-vars.js";

const head = `name: t
lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
steps:
  - { name: learn, exec: { run: "echo 8080", save: { port: stdout, where: stdout } } }
`;
const load = (steps: string) => loadScenarioText("t.yaml", head + steps);
const issuesOf = (steps: string): Issue[] => {
  try {
    load(steps);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error("expected the scenario to be invalid");
};

describe("saved values in destinations, at load", () => {
  it("accepts a value an earlier step saves in a URL, a host:port and a ping's host, resolved at run", () => {
    const plan = load(`  - { name: web, http: { get: "http://server:\${port}/x" } }
  - { name: post, http: { request: { method: POST, url: "http://\${where}/" } } }
  - { name: conn, tcp: { connect: "server:\${port}" } }
  - { name: dgram, udp: { to: "198.18.0.2:\${port}", send: hi } }
  - { name: ping, ping: { to: "\${where}" } }
`);
    expect(plan.steps.slice(1).map((s) => s.resolved.late)).toEqual([
      { field: "url", text: "http://server:${port}/x" },
      { field: "url", text: "http://${where}/" },
      { field: "endpoint", text: "server:${port}" },
      { field: "endpoint", text: "198.18.0.2:${port}" },
      { field: "to", text: "${where}" },
    ]);
  });

  it("refuses a value only a later step saves, at its line and column, with the nearest earlier name", () => {
    const [i] = issuesOf(`  - { name: web, http: { get: "http://server:\${prot}/" } }
  - { name: later, exec: { run: "echo 1", save: { prot: stdout } } }
`);
    expect(i).toMatchObject({ line: 8, col: 31 });
    expect(i.message).toBe("`${prot}` is saved by a later step, so it has no value here (did you mean `${port}`?): saved before this step: port, where");
  });

  it("refuses a name nothing saves, with did-you-mean", () => {
    const [i] = issuesOf(`  - { name: conn, tcp: { connect: "server:\${prt}" } }\n`);
    expect(i).toMatchObject({ line: 8, col: 35 });
    expect(i.message).toMatch(/^`\$\{prt\}` names no var \(did you mean `\$\{port\}`\?\)/);
  });

  it("still checks a literal host, and a URL's scheme", () => {
    const issues = issuesOf(`  - { name: web, http: { get: "http://sever:\${port}/" } }
  - { name: out, tcp: { connect: "198.19.9.9:\${port}" } }
  - { name: ftp, http: { get: "ftp://server:\${port}/" } }
`);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [8, "`sever` is neither a lab host nor an address (did you mean `server`?): the hosts are client or server"],
      [9, "`198.19.9.9` is outside the lab: wirecheck only sends to loopback and the lab's own subnets (198.18.0.1/24, 198.18.0.2/24)"],
      [10, "`ftp:` URLs are not supported: use http://"],
    ]);
  });
});

describe("saved values in destinations, at run", () => {
  const plan = load(`  - { name: web, http: { get: "http://\${where}:\${port}/" } }
  - { name: conn, tcp: { connect: "\${where}:\${port}" } }
`);
  const at = (name: string, saved: Record<string, string | number>) => {
    const s = plan.steps.find((x) => x.name === name)!;
    return resolveLate(plan, { ...s, resolved: fillSaved(s.resolved, new Map(Object.entries(saved)), plan.savedVars) });
  };

  it("resolves a lab host or lab address the values name", () => {
    expect(at("web", { where: "server", port: 8080 })).toMatchObject({ resolved: { url: "http://198.18.0.2:8080/" } });
    expect(at("conn", { where: "198.18.0.2", port: 7 })).toMatchObject({ resolved: { endpoint: { host: "198.18.0.2", port: 7 } } });
  });

  it("refuses what points outside the lab or is not a destination", () => {
    expect(at("web", { where: "198.51.100.7", port: 80 })).toMatch(/^nothing was sent: with the saved values filled in, `198\.51\.100\.7` is outside the lab/);
    expect(at("conn", { where: "example.com", port: 80 })).toMatch(/`example\.com` is neither a lab host nor an address/);
    expect(at("conn", { where: "server", port: "x" })).toMatch(/`server:x` is not host:port/);
  });
});
