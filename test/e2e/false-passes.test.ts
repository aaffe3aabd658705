// The black-box findings that were false passes, in a real lab: each of these steps passed before and must now fail
// (the replies are an echo reply, a SYN-ACK, and nothing at all from a host whose input policy drops everything).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseJUnit, runCliAsync, tempScenario } from "./helpers.js";

const { dir, file } = tempScenario(
  "false-passes.yaml",
  `name: false passes
lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24, quiet: 198.18.0.3/24 } }
setup:
  - { host: quiet, run: "nft add table inet f && nft add chain inet f in '{ type filter hook input priority 0; policy drop; }'" }
servers:
  - { name: web, host: server, tcp: { port: 80, echo: true } }
steps:
  - { name: ne symbolic, host: client, sr1: { packet: 'IP(dst="server")/ICMP()', expect: { ICMP.type: "!= echo-reply" } } }
  - { name: ne flags, host: client, sr1: { packet: 'IP(dst="server")/TCP(sport=1114, dport=80, flags="S")', expect: { TCP.flags: "!= SA" } } }
  - { name: code of another type, host: client, sr1: { packet: 'IP(dst="server")/ICMP()', expect: { ICMP.code: network-unreachable } } }
  - { name: ne host, host: client, sr1: { packet: 'IP(dst="server")/ICMP()', expect: { IP.src: "!= server" } } }
  - { name: each of nothing, host: client, sr: { packet: 'IP(dst="quiet")/ICMP(seq=[1, 2])', timeout: 300ms, expect: { each: { ICMP.type: echo-reply } } } }
  - { name: unanswered by default, host: client, sr: { packet: 'IP(dst="quiet")/ICMP(seq=[1, 2])', timeout: 300ms } }
  - name: none of a host
    sniff:
      host: client
      filter: icmp
      while: [ { host: client, ping: { to: server, count: 1 } } ]
      expect: { none: { IP.src: server } }
  - { name: "the same, holding", host: client, sr1: { packet: 'IP(dst="server")/ICMP()', expect: { ICMP.type: "!= echo-request", ICMP.code: 0, IP.src: server } } }
`,
);

let cases: { name: string; body: string }[];
beforeAll(async () => {
  const junit = join(dir, "junit.xml");
  const r = await runCliAsync(["run", file, "--junit", junit]);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  cases = parseJUnit(readFileSync(junit, "utf8")).suites[0].cases;
}, 120_000);

describe("what passed falsely now fails", () => {
  const failing: [string, RegExp][] = [
    ["ne symbolic", /ICMP.type: expected != echo-reply, got echo-reply/],
    ["ne flags", /TCP.flags: expected != SA, got SA/],
    ["code of another type", /ICMP.code: expected network-unreachable/],
    ["ne host", /IP.src: expected != 198.18.0.2/],
    ["each of nothing", /each: no reply to check/],
    ["unanswered by default", /answered: expected all 2/],
    ["none of a host", /none: \d+ packet\(s\) match/],
  ];
  for (const [name, why] of failing)
    it(name, () => {
      const c = cases.find((x) => x.name === name)!;
      expect(c.body).toMatch(/<failure/);
      expect(c.body).toMatch(why);
    });
  it("and what holds still passes", () => {
    expect(cases.find((x) => x.name === "the same, holding")!.body).toBe("");
  });
});
