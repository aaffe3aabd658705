import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, loadScenarioText, loadScenarioVariants } from "../../src/scenario/load.js";
import { ScenarioError, type Issue } from "../../src/scenario/errors.js";

const issuesOf = (text: string): Issue[] => {
  try {
    loadScenarioText("t.yaml", text);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error("expected the scenario to be invalid");
};

describe("bundled scenarios", () => {
  const dir = "scenarios";
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    it(`${f} is valid and planned`, () => {
      for (const plan of loadScenarioVariants(join(dir, f))) {
        expect(plan.steps.length).toBeGreaterThan(0);
        for (const s of plan.steps) expect(plan.hosts.map((h) => h.name)).toContain(s.host);
      }
    });
  }
});

describe("planning", () => {
  it("resolves host names in endpoints and URLs, sessions to their host", () => {
    const plan = loadScenario("scenarios/chat.yaml");
    expect(plan.steps[0].resolved.endpoint).toEqual({ host: "198.18.0.2", port: 5000 });
    expect(plan.steps.find((s) => s.name === "bob hears alice")!.host).toBe("bob-host");
    expect(plan.segments).toHaveLength(1);
    expect(plan.segments[0].members).toHaveLength(4);
    const web = loadScenario("scenarios/http-server.yaml");
    expect(web.steps[0].resolved.url).toBe("http://198.18.0.2/");
  });

  it("builds point-to-point links and gateways for routed labs", () => {
    const plan = loadScenarioText(
      "r.yaml",
      `name: routed
lab:
  hosts:
    client: { gateway: 198.18.1.1 }
    r1: { router: true }
    server: { gateway: 198.18.2.1 }
  links:
    - { client: 198.18.1.2/24, r1: 198.18.1.1/24 }
    - { r1: 198.18.2.1/24, server: 198.18.2.2/24 }
steps:
  - { name: reach, host: client, tcp: { connect: "server:80", expect_error: refused } }
`,
    );
    expect(plan.segments.map((s) => s.members.map((m) => m.host))).toEqual([["client", "r1"], ["r1", "server"]]);
    expect(plan.hosts.find((h) => h.name === "r1")).toMatchObject({ router: true });
    expect(plan.steps[0].resolved.endpoint).toEqual({ host: "198.18.2.2", port: 80 });
  });

  it("gives a host on the shared segment and on a link each address on its own interface", () => {
    const plan = loadScenarioText(
      "m.yaml",
      `name: mixed
lab:
  hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24, r: { router: true } }
  links: [ { a: 198.18.8.1/24, r: 198.18.8.2/24 } ]
steps: [ { name: x, host: a, exec: { run: "true" } } ]
`,
    );
    const addrsOf = (seg: number, host: string) => plan.segments[seg].members.find((m) => m.host === host)!.addrs.map((c) => c.text);
    expect(addrsOf(0, "a")).toEqual(["198.18.0.1/24"]);
    expect(addrsOf(1, "a")).toEqual(["198.18.8.1/24"]);
    expect(plan.hosts.find((h) => h.name === "a")!.addrs.map((c) => c.text)).toEqual(["198.18.0.1/24", "198.18.8.1/24"]);
  });

  it("expands vars, keeping a whole-string reference's type, and --var wins", () => {
    const text = `name: v
vars: { port: 7, word: hi }
steps:
  - name: "say \${word}"
    tcp: { connect: "localhost:\${port}", send: "\${word} there" }
`;
    const plan = loadScenarioText("v.yaml", text, { vars: { word: "yo" } });
    expect(plan.steps[0].name).toBe("say yo");
    expect(plan.steps[0].resolved.endpoint).toEqual({ host: "127.0.0.1", port: 7 });
    expect(plan.implicitLab).toBe(true);
    expect(plan.hosts.map((h) => h.name)).toEqual(["local"]);
  });
});

describe("errors point at file:line:col and say what is valid", () => {
  it("unknown keys get a did-you-mean and the valid keys", () => {
    const i = issuesOf("name: x\nsteps:\n  - name: a\n    tcp: { conect: 'localhost:1' }\n").find((x) => x.message.startsWith("unknown key"))!;
    expect(i).toMatchObject({ file: "t.yaml", line: 4, col: 12 });
    expect(i.message).toContain("did you mean `connect`");
  });

  it("reports every problem of a file at once, in file order", () => {
    const issues = issuesOf(`name: many
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
steps:
  - { name: one, host: c, exec: { run: "true" } }
  - { name: two, tcp: { session: s } }
  - { name: three }
  - { name: four, exec: { run: "true" }, file: { path: x, contains: y } }
`);
    expect(issues.map((i) => i.line)).toEqual([4, 5, 6, 7]);
    expect(issues[0].message).toMatch(/host `c` is not in the lab.*a or b/);
    expect(issues[1].message).toContain("used before it is opened");
    expect(issues[2].message).toContain("has no action");
    expect(issues[3].message).toContain("2 actions (exec and file)");
  });

  it("explains ports, addresses and durations", () => {
    const issues = issuesOf(`name: p
lab: { hosts: { a: 198.18.0.1/33, b: 192.168.1.2/24 } }
servers: [{ name: s, host: a, tcp: { port: 0, echo: true } }]
steps:
  - { name: t, host: a, tcp: { connect: "a:1", timeout: 5 } }
`);
    const text = issues.map((i) => `${i.line}:${i.col} ${i.message}`).join("\n");
    expect(text).toContain("prefix length /33 is impossible");
    expect(text).toContain("192.168.1.2/24 is not a lab address");
    expect(text).toMatch(/port` 0 is out of range: it must be 1 to 65535/);
    expect(text).toMatch(/timeout` must be text.*duration/);
  });

  it("refuses to send outside the lab", () => {
    const [i] = issuesOf("name: x\nlab: { hosts: { a: 198.18.0.1/24 } }\nsteps:\n  - { name: t, udp: { to: '8.8.8.8:53', send: x } }\n");
    expect(i.message).toContain("outside the lab");
  });

  const lab24 = "name: x\nlab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24, c: 2001:db8::1/120 } }\nsteps:\n";
  it("checks every address of an address set in a packet", () => {
    const refused = (packet: string) => issuesOf(`${lab24}  - { name: t, host: a, send: { packet: '${packet}' } }\n`);
    expect(() => loadScenarioText("t.yaml", `${lab24}  - { name: t, host: a, send: { packet: 'IP(dst="198.18.0.0/24")/ICMP()' } }\n`)).not.toThrow();
    expect(() => loadScenarioText("t.yaml", `${lab24}  - { name: t, host: a, send: { packet: 'IPv6(dst="2001:db8::/120")/ICMPv6EchoRequest()' } }\n`)).not.toThrow();
    for (const [packet, outside] of [
      ['IP(dst="198.18.0.0/23")/ICMP()', "IP.dst 198.18.1.0 (one destination of the packet set) is outside the lab"],
      ['IP(dst=["198.18.0.3", "198.18.1.0/31"])/ICMP()', "IP.dst 198.18.1.0 (one destination of the packet set) is outside the lab"],
      ['IP(dst="198.18.0.0/16")/TCP(dport=80)', "IP.dst 198.18.1.0 (one destination of the packet set) is outside the lab"],
      ['Ether()/ARP(pdst="198.18.0.0/23")', "ARP.pdst 198.18.1.0 (one destination of the packet set) is outside the lab"],
      ['IPv6(dst="2001:db8::/119")/ICMPv6EchoRequest()', "IPv6.dst 2001:db8::100 (one destination of the packet set) is outside the lab"],
      ['IP(dst="198.20.0.0/15")/ICMP()', "198.20.0.0/15 makes more than 65536 packets"],
      ['IP(dst="8.0.0.0/15")/ICMP()', "8.0.0.0/15 makes more than 65536 packets"],
    ]) {
      const [i] = refused(packet);
      expect(i.message, packet).toContain(outside);
      expect(i).toMatchObject({ line: 4 });
      expect(i.col).toBeGreaterThan(0);
    }
  });

  it("takes port_scan ports as nmap writes them, or as a list", () => {
    for (const ports of ["'20-25,80,443'", "[22, '80-82,443']", "'-1024'", "'60000-'"])
      expect(() => loadScenarioText("t.yaml", `${lab24}  - { name: t, host: a, port_scan: { to: b, ports: ${ports} } }\n`), ports).not.toThrow();
    expect(issuesOf(`${lab24}  - { name: t, host: a, port_scan: { to: b, ports: '25-20' } }\n`)[0]).toMatchObject({ line: 4, message: expect.stringContaining("the range `25-20` is empty") });
    expect(issuesOf(`${lab24}  - { name: t, host: a, port_scan: { to: b, ports: '80,70000' } }\n`)[0].message).toContain("port 70000");
  });

  it("YAML syntax problems keep their own position", () => {
    expect(issuesOf("name: x\nsteps:\n\t- name: a\n")[0]).toMatchObject({ line: 3, col: 1 });
    expect(issuesOf("name: x\nname: y\nsteps: []\n")[0].message).toContain("duplicate key");
    expect(issuesOf("")[0].message).toContain("empty");
  });
});

describe("crafted TCP flows kept from kernel resets", () => {
  it("one rule per source port and destination, the destination port only when there is one", async () => {
    const { tcpFlows } = await import("../../src/scenario/packet-expr.js");
    expect(tcpFlows('IP(dst="198.18.0.2")/TCP(sport=40000, dport=80, flags="S")')).toEqual([{ sport: "40000", dst: "198.18.0.2", dport: 80 }]);
    expect(tcpFlows('IP(dst="198.18.0.2")/TCP(sport=40000, dport=[22, 80])')).toEqual([{ sport: "40000", dst: "198.18.0.2" }]);
    expect(tcpFlows('IP(dst="198.18.0.2")/TCP(sport=40000, dport=(1, 65535))')).toEqual([{ sport: "40000", dst: "198.18.0.2" }]);
    expect(tcpFlows('IP(dst="198.18.0.2")/TCP(sport=(1000, 60000), dport=80)')).toEqual([{ sport: "1000:60000", dst: "198.18.0.2" }]);
    expect(tcpFlows('IP(dst="198.18.0.2")/TCP(dport=80)')).toEqual([]);
  });
});

describe("port_scan ports", () => {
  it("expands nmap's -p syntax and lists, in order, each port once", async () => {
    const { parsePorts } = await import("../../src/steps/port-scan/ports.js");
    expect(parsePorts("20-25,80,443")).toEqual([20, 21, 22, 23, 24, 25, 80, 443]);
    expect(parsePorts([22, "80-82", "443, 22"])).toEqual([22, 80, 81, 82, 443]);
    expect(parsePorts("-3")).toEqual([1, 2, 3]);
    expect(parsePorts("65534-")).toEqual([65534, 65535]);
    expect((parsePorts("-") as number[]).length).toBe(65535);
    expect(parsePorts("80,,81")).toMatch(/not a port or a range/);
    expect(parsePorts("0")).toMatch(/out of range/);
  });
});

describe("expectations that could never hold are refused at load (black-box findings F0–F6)", () => {
  const lab = "name: t\nlab: { hosts: { client: 198.18.0.1/24, server: [198.18.0.2/24, 2001:db8::2/64] } }\nsteps:\n";
  const sr1 = (expect: string) => `${lab}  - { name: a, host: client, sr1: { packet: 'IP(dst="server")/ICMP()', expect: ${expect} } }\n`;
  const ping = (expect: string, count = "") => `${lab}  - { name: a, host: client, ping: { to: server${count}, expect: ${expect} } }\n`;
  const cases: [string, string, RegExp][] = [
    ["a misspelt name after !=", sr1(`{ ICMP.type: "!= echo-replay" }`), /did you mean `echo-reply`/],
    ["a misspelt name in {in}", sr1(`{ ICMP.type: { in: [echo-replay, dest-unreach] } }`), /did you mean `echo-reply`/],
    ["a code of another type than the one expected beside it", sr1(`{ ICMP.type: time-exceeded, ICMP.code: port-unreachable }`), /not a known value of this packet's type: use a number or one of ttl-zero-during-transit/],
    ["a misspelt code (the hint names dest-unreach's codes)", sr1(`{ ICMP.code: port-unreachabl }`), /did you mean `port-unreachable`.*network-unreachable, host-unreachable/],
    ["an address no packet can hold", sr1(`{ IP.src: 198.18.0.2000 }`), /neither an IPv4 address nor a lab host/],
    ["a name that is no host", sr1(`{ IP.src: svr }`), /`svr` is neither an IPv4 address nor a lab host: the hosts are client, server/],
    ["a host without an address of the field's family", `${lab}  - { name: a, host: server, sr1: { packet: 'IPv6(dst="2001:db8::2")/ICMPv6EchoRequest()', expect: { IPv6.src: client } } }\n`, /`client` has no IPv6 address/],
    ["an IPv6 address for an IPv4 field", sr1(`{ IP.src: "2001:db8::2" }`), /is an IPv6 address, and IP.src holds IPv4 addresses/],
    ["a mistyped operator", ping(`{ received: "=> 2" }`), /`=>` is not an operator/],
    ["a range no number is in", ping(`{ received: ">= 3 and < 2" }`), /can never hold/],
    ["more received than sent", ping(`{ received: 4 }`, ", count: 3"), /4 can never be received of 3 sent/],
    ["a count below zero", `${lab}  - { name: a, sniff: { host: client, while: [ { host: client, ping: { to: server } } ], expect: { count: "< 0" } } }\n`, /can never hold \(a count/],
    ["an rtt without its unit", ping(`{ rtt: "< 10" }`), /rtt: "< 10" has no unit/],
    ["an indexed key in a flow map", `${lab}  - { name: a, sniff: { host: client, while: [ { host: client, ping: { to: server } } ], expect: { none: { DNS.an[0].rdata: 198.18.0.80 } } } }\n`, /inside \{ … \} a key with an index must be quoted: write "DNS.an\[0\].rdata"/],
  ];
  for (const [what, text, message] of cases)
    it(what, () => {
      const issues = issuesOf(text);
      expect(issues.map((i) => i.message).join("\n")).toMatch(message);
      expect(issues[0].line).toBeGreaterThanOrEqual(4);
    });

  it("a host name where an address is expected is resolved to its addresses, != to none of them", () => {
    const plan = loadScenarioText("t.yaml", sr1(`{ IP.src: server, IP.dst: "!= server" }`));
    expect((plan.steps[0].spec as { expect: Record<string, unknown> }).expect).toMatchObject({ "IP.src": "198.18.0.2", "IP.dst": "!= 198.18.0.2" });
  });
});
