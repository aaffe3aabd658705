// Safety (black box): nothing a scenario names reaches beyond the lab. Capture filters never go to the machine's
// resolver; every destination of every packet and client step is checked against what the lab declares; host names
// that wirecheck uses itself do not break a run. Items 5 and 6 only validate: nothing here sends traffic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { cli, waitFor } from "./helpers.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** Writes a scenario into a fresh throwaway folder (with its own reports/); returns the folder and the file's name. */
function scenario(text: string, name = "scenario.yaml") {
  const dir = mkdtempSync(join(tmpdir(), "wc-safety-lab-"));
  temps.push(dir);
  mkdirSync(join(dir, "reports"));
  writeFileSync(join(dir, name), text);
  return { dir, name };
}

function cliIn(dir: string, args: string[], timeoutMs = 30_000) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}${r.stderr}`, ms: Date.now() - t };
}

/** 1-based line of the nth line containing needle. */
function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`test bug: ${needle} not in the scenario`);
}

/** The lines of `file` that stderr reports (`file:LINE:COL:`). */
function reportedLines(stderr: string, file: string): number[] {
  return [...stderr.matchAll(new RegExp(`${file.replace(/[.]/g, "\\.")}:(\\d+):\\d+:`, "g"))].map((m) => Number(m[1]));
}

/** validate must refuse the file: exit 2, no stack trace, a `file:line:col:` report at one of `lines`. */
function expectRefusedAt(text: string, lines: number[]) {
  const { dir, name } = scenario(text);
  const r = cliIn(dir, ["validate", name]);
  expect(r.code, r.out).toBe(2);
  expect(r.out).not.toContain("    at ");
  const at = reportedLines(r.stderr, name);
  expect(at.some((l) => lines.includes(l)), `a report at ${name}:${lines.join(" or ")}:COL:\n${r.stderr}`).toBe(true);
  return r;
}

/** `validate` of the text inside the namespace whose resolver logs every query; no query may be sent meanwhile. */
function validateWatchingDns(text: string) {
  const { dir, name } = scenario(text);
  const before = queries().length;
  const r = inTrap([process.execPath, cli, "validate", name], dir);
  expect(queries().slice(before), "DNS queries sent while validating").toEqual([]);
  return { name, r };
}

// ---------------------------------------------------------------------------------------------------------------
// Item 5: a DNS trap. A network namespace of our own whose resolver (ip netns exec bind-mounts
// /etc/netns/<name>/resolv.conf over /etc/resolv.conf) is a UDP listener on its loopback that answers nothing and
// writes down every query. Nothing can leave this namespace: it has no interface but lo. The resolver keeps its
// default timeout (5 s), so a command that waits on it cannot finish in the 3 s the tests allow.

const trap = `wcdns-${randomBytes(3).toString("hex")}`;
const trapEtc = join("/etc/netns", trap);
let createdEtcNetns = false;
let listener: ChildProcess | undefined;
let queryLog = "";

const listenerJs = `
const dgram = require("node:dgram"), fs = require("node:fs");
const s = dgram.createSocket("udp4");
s.on("message", (m) => {
  // the queried name, from the question section
  let i = 12, labels = [];
  while (i < m.length && m[i] > 0 && labels.length < 64) { labels.push(m.subarray(i + 1, i + 1 + m[i]).toString()); i += m[i] + 1; }
  fs.appendFileSync(process.argv[1], labels.join(".") + "\\n");
});
s.bind(53, "127.0.0.1", () => console.log("ready"));
`;

function queries(): string[] {
  return existsSync(queryLog) ? readFileSync(queryLog, "utf8").split("\n").filter(Boolean) : [];
}

function inTrap(args: string[], cwd: string, timeoutMs = 12_000, env: NodeJS.ProcessEnv = {}) {
  const t = Date.now();
  const r = spawnSync("ip", ["netns", "exec", trap, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1", ...env }, timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}${r.stderr}`, ms: Date.now() - t };
}

describe("item 5: capture filters never touch the network", () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "wc-safety-dns-"));
    temps.push(dir);
    queryLog = join(dir, "queries.log");
    execFileSync("ip", ["netns", "add", trap]);
    execFileSync("ip", ["-n", trap, "link", "set", "lo", "up"]);
    createdEtcNetns = !existsSync("/etc/netns");
    mkdirSync(trapEtc, { recursive: true });
    writeFileSync(join(trapEtc, "resolv.conf"), "nameserver 127.0.0.1\n");
    listener = spawn("ip", ["netns", "exec", trap, process.execPath, "-e", listenerJs, queryLog], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    listener.stdout!.on("data", (d) => (out += d));
    await waitFor(() => out.includes("ready"), 10_000, "the DNS trap to listen");
  });

  afterAll(() => {
    listener?.kill("SIGKILL");
    spawnSync("ip", ["netns", "del", trap]);
    rmSync(trapEtc, { recursive: true, force: true });
    if (createdEtcNetns && existsSync("/etc/netns") && readdirSync("/etc/netns").length === 0) rmdirSync("/etc/netns");
  });

  it("harness self-check: a lookup inside the trap namespace is seen by the trap", () => {
    const before = queries().length;
    // a short timeout for this lookup only (glibc reads RES_OPTIONS)
    inTrap(["getent", "hosts", "trap-self-check.invalid"], tmpdir(), 10_000, { RES_OPTIONS: "timeout:1 attempts:1" });
    expect(queries().slice(before)).toContain("trap-self-check.invalid");
  });

  it("`filter: host x.invalid` is a load error at the filter, sent to no resolver, answered at once", () => {
    const text = [
      "name: filters naming unknown hosts",
      "lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }",
      "sniffers:",
      "  - { name: whole run, host: server, filter: host x.invalid, expect: { count: '>= 0' } }",
      "steps:",
      "  - name: watch",
      "    sniff:",
      "      host: server",
      "      filter: dst host y.invalid and tcp",
      "      while: [ { host: client, tcp: { connect: 'server:7', expect_error: refused } } ]",
      "      expect: { count: '>= 0' }",
      "",
    ].join("\n");
    const { name, r } = validateWatchingDns(text);
    expect(r.code, r.out).toBe(2);
    expect(r.out).not.toContain("    at ");
    expect(r.stderr).toMatch(new RegExp(`${name}:${lineOf(text, "x.invalid")}:\\d+:.*x\\.invalid`));
    expect(r.stderr).toMatch(new RegExp(`${name}:${lineOf(text, "y.invalid")}:\\d+:.*y\\.invalid`));
    expect(r.ms, "no resolver to wait for").toBeLessThan(3000);
  });

  it("a filter naming lab hosts is valid, resolved by wirecheck, without any DNS query", () => {
    const text = [
      "name: filters naming lab hosts",
      "lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }",
      "sniffers:",
      "  - { name: whole run, host: server, filter: src host client and dst host server, expect: { count: '>= 0' } }",
      "steps:",
      "  - { name: one, host: client, exec: { run: 'true' } }",
      "",
    ].join("\n");
    const { r } = validateWatchingDns(text);
    expect(r.code, r.out).toBe(0);
    expect(r.ms, "no resolver to wait for").toBeLessThan(3000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Item 6: destinations outside the lab are load errors (validate only).

const twoHosts = (client: string, server: string) => `name: outside the lab
lab:
  hosts:
    client: ${client}
    server: ${server}
`;

describe("item 6: every destination is checked against the addresses the lab declares", () => {
  const tools = {
    ping: "ping: { to: 8.8.8.8, count: 1 }",
    traceroute: "traceroute: { to: 8.8.8.8, max_ttl: 3 }",
    port_scan: "port_scan: { to: 8.8.8.8, ports: [53] }",
  };
  for (const [tool, action] of Object.entries(tools)) {
    it(`a host address with prefix /0 does not let ${tool} reach 8.8.8.8`, () => {
      const text = `${twoHosts("198.18.0.1/0", "198.18.0.2/0")}steps:\n  - name: out\n    host: client\n    ${action}\n`;
      expectRefusedAt(text, [lineOf(text, "198.18.0.1/0"), lineOf(text, "198.18.0.2/0"), lineOf(text, "8.8.8.8")]);
    });
  }

  it("a host address with prefix /8 does not let ping reach 198.51.100.1 (outside 198.18.0.0/15)", () => {
    const text = `${twoHosts("198.18.0.1/8", "198.18.0.2/8")}steps:\n  - name: out\n    host: client\n    ping: { to: 198.51.100.1, count: 1 }\n`;
    expectRefusedAt(text, [lineOf(text, "198.18.0.1/8"), lineOf(text, "198.18.0.2/8"), lineOf(text, "198.51.100.1")]);
  });

  it("an IPv6 host address with prefix /8 does not let port_scan reach 2001:4860:4860::8888 (outside 2001:db8::/32)", () => {
    const text = `${twoHosts("[198.18.0.1/24, 2001:db8::1/8]", "[198.18.0.2/24, 2001:db8::2/8]")}steps:\n  - name: out\n    host: client\n    port_scan: { to: "2001:4860:4860::8888", ports: [53] }\n`;
    expectRefusedAt(text, [lineOf(text, "2001:db8::1/8"), lineOf(text, "2001:db8::2/8"), lineOf(text, "2001:4860")]);
  });

  it("`dst='${` text in a Raw load does not switch the destination check off for the packet", () => {
    const text = `${twoHosts("198.18.0.1/24", "198.18.0.2/24")}steps:
  - name: raw text
    host: client
    send: { packet: "IP(dst=\\"8.8.8.8\\")/UDP(dport=53)/Raw(load=\\"dst='$\${x}'\\")" }
`;
    expectRefusedAt(text, [lineOf(text, "8.8.8.8")]);
  });

  it("a saved value in Ether.dst does not defer the IP.dst check", () => {
    const text = `${twoHosts("198.18.0.1/24", "198.18.0.2/24")}steps:
  - name: learn the server's MAC
    host: client
    srp1:
      packet: Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(pdst="server")
      save: { mac: Ether.src }
  - name: a frame to that MAC
    host: client
    sendp: { packet: 'Ether(dst="\${mac}")/IP(dst="8.8.8.8")/ICMP()' }
`;
    expectRefusedAt(text, [lineOf(text, "8.8.8.8")]);
  });

  it("every address of an address set is checked: a /15 (or a /23 past the lab's /24) is refused", () => {
    for (const dst of ["198.20.0.0/15", "198.18.0.0/23", "2001:db8::/119"]) {
      const text = `${twoHosts("[198.18.0.1/24, 2001:db8::1/120]", "[198.18.0.2/24, 2001:db8::2/120]")}steps:
  - name: a set
    host: client
    send: { packet: '${dst.includes(":") ? "IPv6" : "IP"}(dst="${dst}")/UDP(dport=9)' }
`;
      expectRefusedAt(text, [lineOf(text, dst)]);
    }
  });

  it("the inner IP header after GRE is checked", () => {
    const text = `${twoHosts("198.18.0.1/24", "198.18.0.2/24")}steps:
  - name: tunnelled
    host: client
    send: { packet: 'IP(dst="server")/GRE()/IP(dst="8.8.8.8")/ICMP()' }
`;
    expectRefusedAt(text, [lineOf(text, "8.8.8.8")]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Item 9 (runs): a host may be called `switch`.

describe("item 9: a host named `switch` runs like any other", () => {
  const labs = {
    "two hosts (a veth pair)": "    client: 198.18.0.1/24\n    switch: 198.18.0.2/24\n",
    "three hosts (a bridged segment)": "    client: 198.18.0.1/24\n    switch: 198.18.0.2/24\n    other: 198.18.0.3/24\n",
  };
  for (const [what, hosts] of Object.entries(labs)) {
    it(`${what}: validate and run both pass, and the lab is gone afterwards`, () => {
      const text = `name: a host called switch
lab:
  hosts:
${hosts}servers:
  - { name: echo, host: switch, tcp: { port: 7, echo: true } }
steps:
  - { name: reach the switch, host: client, tcp: { connect: "switch:7", send: hi, expect: hi } }
  - { name: on the switch, host: switch, exec: { run: "true" } }
`;
      const { dir, name } = scenario(text, "switch.yaml");
      const v = cliIn(dir, ["validate", name]);
      expect(v.code, v.out).toBe(0);
      const r = cliIn(dir, ["run", name, "--junit", join(dir, "junit.xml")], 30_000);
      expect(r.code, r.out).toBe(0);
      const runId = /wirecheck run (\w+):/.exec(r.out)?.[1];
      expect(runId, r.out).toBeTruthy();
      const left = execFileSync("ip", ["netns", "list"], { encoding: "utf8" }).split("\n").filter((l) => l.startsWith(`wc-${runId}-`));
      expect(left).toEqual([]);
    });
  }
});

// Nothing leaves the lab by construction: no lab namespace has a route out, nor any interface but its own lab links.
describe("lab namespaces have no way out", () => {
  it("a router without a gateway cannot route to an outside address, and every interface is a lab link", () => {
    const scenario = `name: no way out
lab:
  hosts:
    client: { gateway: 198.18.1.1 }
    r1: { router: true }
    server: { gateway: 198.18.2.1 }
  links:
    - { client: 198.18.1.2/24, r1: 198.18.1.1/24 }
    - { r1: 198.18.2.1/24, server: 198.18.2.2/24 }
steps:
  - { name: the router has no route out, host: r1, exec: { run: "ip -4 route get 8.8.8.8 || ip -6 route get 2001:4860:4860::8888", expect: { exit: "!= 0" } } }
  - { name: client interfaces are lab links, host: client, exec: { run: "ip -o -d link | grep -vE 'veth|LOOPBACK' | wc -l", expect: { stdout: "0" } } }
  - { name: router interfaces are lab links, host: r1, exec: { run: "ip -o -d link | grep -vE 'veth|LOOPBACK' | wc -l", expect: { stdout: "0" } } }
  - { name: an outside address stays unreachable, host: client, exec: { run: "ping -c1 -W1 8.8.8.8", expect: { exit: "!= 0" } } }
`;
    const dir = mkdtempSync(join(tmpdir(), "wc-noway-"));
    writeFileSync(join(dir, "noway.yaml"), scenario);
    const r = spawnSync(process.execPath, [cli, "run", "noway.yaml", "--junit", "j.xml"], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 60_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 passed, 0 failed/);
    rmSync(dir, { recursive: true, force: true });
  });
});
