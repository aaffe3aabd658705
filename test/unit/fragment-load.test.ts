// Load-time checks of fragment functions and reassemble: each bad input is an issue at its line and column saying
// what would be valid, before any namespace exists; good ones plan with host names resolved inside the functions.
import { describe, expect, it } from "vitest";
import { ScenarioError, type Issue } from "../../src/scenario/errors.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const head = `name: fragments
lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
steps:
`;

const issuesOf = (steps: string): Issue[] => {
  try {
    loadScenarioText("t.yaml", head + steps);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
};
const where = (i: Issue) => `${i.line}:${i.col}: ${i.message}`;

describe("fragment functions and reassemble at load", () => {
  it("accepts fragment() with a host name, and a sniff that reassembles", () => {
    expect(
      issuesOf(`  - name: frags
    sniff:
      host: server
      reassemble: tcp
      while:
        - { host: client, send: { packet: 'fragment(IP(dst="server")/UDP(dport=4000)/Raw(load="x"*3000), fragsize=1000)' } }
      expect: { any: { Raw.load: { contains: "xx" } } }
`),
    ).toEqual([]);
  });

  it("refuses a fragsize under 8 where it is written", () => {
    expect(issuesOf(`  - { name: small, host: client, send: { packet: 'fragment(IP(dst="server")/UDP()/Raw(load="x"*100), fragsize=4)' } }\n`).map(where)).toEqual([
      "7:50: column 1 of the packet: fragment(): fragsize=4 is too small: it is at least 8 (fragments carry multiples of 8 bytes)",
    ]);
  });

  it("refuses a reassemble mode it does not have, naming those it has", () => {
    expect(issuesOf(`  - name: mode\n    sniff: { host: server, reassemble: udp, expect: { count: 0 } }\n`).map(where)).toEqual(["8:40: `steps[0].sniff.reassemble` is `udp`: it must be ip or tcp"]);
  });

  it("checks every fragment's destination against the lab", () => {
    expect(issuesOf(`  - { name: out, host: client, send: { packet: 'fragment(IP(dst="10.0.0.1")/UDP()/Raw(load="x"*100), fragsize=40)' } }\n`).map((i) => i.message)).toEqual([
      expect.stringMatching(/^packet: IP\.dst 10\.0\.0\.1 is outside the lab/),
    ]);
  });
});
