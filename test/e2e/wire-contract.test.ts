// Contract tests (black box) for packets on the wire: issue 4 (send, sr1, sniff steps and sniffers, ping, arp_scan,
// per-host pcaps attached to failures, IPv6, silence where a reply was expected, invalid inputs).
// Every scenario runs through the CLI in real namespaces; after every run the run's namespaces (wc-<run id>-<host>)
// must be gone.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";
import { decodeXml } from "./helpers.js";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/cli.js");
const T = 60_000; // per-test timeout
const tempDirs: string[] = [];

afterAll(() => {
  // our temp folders, and the report folders the runs made for them under reports/
  const reports = join(ROOT, "reports");
  for (const dir of tempDirs) {
    const tag = basename(dir);
    if (existsSync(reports)) for (const e of readdirSync(reports)) if (e.includes(tag)) rmSync(join(reports, e), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------- running a scenario ----------

function scenarioFile(text: string, name = "scenario.yaml"): string {
  const dir = mkdtempSync(join(tmpdir(), "wc-wire-"));
  tempDirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function netnsNames(): string[] {
  try {
    return readdirSync("/run/netns");
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  file: string;
  text: string;
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
  runId?: string;
  /** namespaces seen while the run ran: wc-<id>-*, and new names ending in -<one of our host names> */
  seen: Set<string>;
  junitPath: string;
}

/**
 * Runs `node dist/cli.js run FILE --junit J` (cwd: the repository, CI=1), watches the namespaces it creates, and
 * checks that none of them is left afterwards. `hosts`: the scenario's host names (unique to the test).
 */
async function run(text: string, hosts: string[], name = "scenario.yaml"): Promise<Run> {
  const file = scenarioFile(text, name);
  const junitPath = join(resolve(file, ".."), "junit.xml");
  const before = new Set(netnsNames());
  const seen = new Set<string>();
  let stdout = "";
  let stderr = "";
  let runId: string | undefined;
  const child = spawn(process.execPath, [CLI, "run", file, "--junit", junitPath], { cwd: ROOT, env: { ...process.env, CI: "1" } });
  child.stdout.on("data", (d) => {
    stdout += d;
    runId ??= /^wirecheck run ([^:\s]+):/.exec(stdout)?.[1];
  });
  child.stderr.on("data", (d) => (stderr += d));
  const mine = (n: string) => (runId !== undefined && n.startsWith(`wc-${runId}-`)) || (!before.has(n) && n.startsWith("wc-") && hosts.some((h) => n.endsWith(`-${h}`)));
  const poll = setInterval(() => {
    for (const n of netnsNames()) if (mine(n)) seen.add(n);
  }, 20);
  const killer = setTimeout(() => child.kill("SIGKILL"), 55_000);
  const code = await new Promise<number | null>((res) => child.on("close", (c) => res(c)));
  clearInterval(poll);
  clearTimeout(killer);

  // the run's namespaces are gone when it has exited (a short grace for the kernel)
  let left = netnsNames().filter(mine);
  for (let i = 0; i < 10 && left.length; i++) {
    await sleep(100);
    left = netnsNames().filter(mine);
  }
  expect(left, `namespaces left behind by the run of ${file}\n${stdout}${stderr}`).toEqual([]);
  return { file, text, code, stdout, stderr, output: stdout + stderr, runId, seen, junitPath };
}

/** Runs a scenario that must exit with `code`, and checks it ran inside its own lab. */
async function runInLab(text: string, hosts: string[], code: number): Promise<Run> {
  const r = await run(text, hosts);
  expect(r.code, r.output).toBe(code);
  checkRanInLab(r, hosts);
  return r;
}

/** For a run that brought its lab up: the first line names the run, and every host had a namespace wc-<id>-<host>. */
function checkRanInLab(r: Run, hosts: string[]): void {
  expect(r.stdout.split("\n")[0], "first line of the plain output").toMatch(/^wirecheck run [^:\s]+: /);
  expect(r.runId).toBeTruthy();
  for (const n of r.seen) expect(n, "every namespace of the run is named wc-<id>-…").toMatch(new RegExp(`^wc-${r.runId}-`));
  for (const h of hosts) expect([...r.seen], `namespace of host ${h} seen while the run ran`).toContain(`wc-${r.runId}-${h}`);
}

// ---------- JUnit ----------

interface Outcome {
  message: string;
  type?: string;
  body: string;
}
interface Case {
  name: string;
  attrs: Record<string, string>;
  failure?: Outcome;
  error?: Outcome;
  skipped: boolean;
  systemOut: string;
}


/** Text content of an element's inner XML: CDATA sections verbatim, other text decoded. */
function textOf(inner: string): string {
  let out = "";
  for (const m of inner.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g)) out += m[1] !== undefined ? m[1] : decodeXml(m[2]);
  return out;
}

/** Attributes of a start tag (values may hold a literal ">"). */
const ATTRS = `(?:\\s+[\\w:.-]+="[^"]*")*`;

function attrsOf(s: string): Record<string, string> {
  return Object.fromEntries([...s.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1], decodeXml(m[2])]));
}

function outcome(inner: string, tag: "failure" | "error"): Outcome | undefined {
  const m = new RegExp(`<${tag}(${ATTRS})\\s*(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(inner);
  if (!m) return undefined;
  const a = attrsOf(m[1]);
  return { message: a.message ?? "", type: a.type, body: textOf(m[2] ?? "") };
}

/** The testcases of the report's one testsuite. */
/** The testcases of the run's one suite after its first, the scenario's setup (which must be there). */
function junitCases(r: Run): Case[] {
  expect(existsSync(r.junitPath), `JUnit written to ${r.junitPath}\n${r.output}`).toBe(true);
  const xml = readFileSync(r.junitPath, "utf8");
  const suites = [...xml.matchAll(new RegExp(`<testsuite${ATTRS}\\s*>([\\s\\S]*?)</testsuite>`, "g"))];
  expect(suites.length, "one testsuite").toBe(1);
  const all = [...suites[0][1].matchAll(new RegExp(`<testcase(${ATTRS})\\s*(?:/>|>([\\s\\S]*?)</testcase>)`, "g"))];
  expect(all.length && attrsOf(all[0][1]).name, "the suite's first testcase is the scenario's setup").toBe("setup");
  return all.slice(1).map((c) => {
    const inner = c[2] ?? "";
    const so = /<system-out>([\s\S]*?)<\/system-out>/.exec(inner);
    const attrs = attrsOf(c[1]);
    return { name: attrs.name, attrs, failure: outcome(inner, "failure"), error: outcome(inner, "error"), skipped: /<skipped\b/.test(inner), systemOut: so ? textOf(so[1]) : "" };
  });
}

function caseNamed(cases: Case[], name: string): Case {
  const c = cases.filter((x) => x.name === name);
  expect(c.length, `one testcase named "${name}" among ${JSON.stringify(cases.map((x) => x.name))}`).toBe(1);
  return c[0];
}

function passed(c: Case): void {
  expect({ failure: c.failure, error: c.error, skipped: c.skipped }, `testcase "${c.name}" passed`).toEqual({ failure: undefined, error: undefined, skipped: false });
}

/** The testcase failed as an assertion (<failure>, not <error>); returns its message and body. */
function failed(c: Case): Outcome {
  expect(c.error, `testcase "${c.name}" is a <failure>, not an <error>`).toBeUndefined();
  expect(c.failure, `testcase "${c.name}" failed`).toBeDefined();
  expect(c.failure!.message, "failure message").toBeTruthy();
  return c.failure!;
}

/** 1-based line of `- name: NAME` in the text. */
function lineOf(text: string, name: string): number {
  const i = text.split("\n").findIndex((l) => new RegExp(`^\\s*-\\s+(\\{\\s*)?name:\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*(,|$)`).test(l));
  if (i < 0) throw new Error(`test bug: ${name} not in the scenario`);
  return i + 1;
}

// ---------- hexdumps in failure bodies ----------

/** Every hexdump block ("0000  45 00 …") in a text, as bytes. */
function hexdumps(text: string): Buffer[] {
  const blocks: number[][] = [];
  let cur: number[] | undefined;
  for (const line of text.split("\n")) {
    const m = /^\s*([0-9a-fA-F]{4})  ((?:[0-9a-fA-F]{2} ){0,15}[0-9a-fA-F]{2})(?:\s|$)/.exec(line);
    if (!m) {
      cur = undefined;
      continue;
    }
    const off = parseInt(m[1], 16);
    if (off === 0 || !cur) blocks.push((cur = []));
    if (off !== cur.length) {
      cur = undefined;
      continue;
    }
    cur.push(...m[2].split(" ").map((b) => parseInt(b, 16)));
  }
  return blocks.map((b) => Buffer.from(b));
}

/** Where the IP header starts in a dumped packet (0: it starts with IP; 14: Ethernet first). */
function ipStart(b: Buffer): number {
  // A frame first: a random MAC can start with the nibble 4 or 6 and pass for an IP header.
  if (b.length > 34 && (b.readUInt16BE(12) === 0x0800 || b.readUInt16BE(12) === 0x86dd)) return 14;
  if (b.length > 20 && (b[0] >> 4 === 4 || b[0] >> 4 === 6)) return 0;
  return -1;
}

const v4 = (a: string) => Buffer.from(a.split(".").map(Number));

/** An IPv4 packet in the dumps from `src` to `dst` whose transport header satisfies `check`. */
function dumpedV4(text: string, src: string, dst: string, proto: number, check: (l4: Buffer) => boolean): boolean {
  return hexdumps(text).some((b) => {
    const o = ipStart(b);
    if (o < 0 || b[o] >> 4 !== 4) return false;
    const ihl = (b[o] & 0x0f) * 4;
    return b[o + 9] === proto && b.subarray(o + 12, o + 16).equals(v4(src)) && b.subarray(o + 16, o + 20).equals(v4(dst)) && check(b.subarray(o + ihl));
  });
}

// =====================================================================================================

describe("wire contract: IPv6", () => {
  const hosts = ["w6cli", "w6srv", "w6only"];
  it("sr1 of an ICMPv6 echo gets the reply's fields, ping reaches IPv6 hosts by name and address, sniff sees it", { timeout: T }, async () => {
    const text = `name: wire ipv6 echo
lab:
  hosts:
    w6cli: ["198.18.0.1/24", "2001:db8::1/64"]
    w6srv: ["198.18.0.2/24", "2001:db8::2/64"]
    w6only: "2001:db8::3/64"
steps:
  - name: ICMPv6 echo reply
    host: w6cli
    sr1:
      packet: IPv6(dst="w6srv")/ICMPv6EchoRequest(id=5, seq=1)
      timeout: 2s
      expect:
        layers: [IPv6, ICMPv6EchoReply]
        IPv6.src: "2001:db8::2"
        IPv6.dst: "2001:db8::1"
        ICMPv6EchoReply.id: 5
        ICMPv6EchoReply.seq: 1
        rtt: "< 500ms"
  - name: ping an IPv6-only host by name
    host: w6cli
    ping: { to: w6only, count: 3, expect: { received: 3, rtt: "< 500ms" } }
  - name: ping an IPv6 address
    host: w6cli
    ping: { to: "2001:db8::2", count: 2, expect: { received: 2 } }
  - name: the ICMPv6 echo request is seen on the server
    sniff:
      host: w6srv
      filter: icmp6
      while:
        - host: w6cli
          sr1:
            packet: IPv6(dst="w6srv")/ICMPv6EchoRequest(id=77, seq=3)
            expect: { ICMPv6EchoReply.id: 77 }
      expect:
        any: { ICMPv6EchoRequest.id: 77, ICMPv6EchoRequest.seq: 3, IPv6.src: "2001:db8::1" }
`;
    const r = await runInLab(text, hosts, 0);
    const cases = junitCases(r);
    expect(cases.map((c) => c.name)).toEqual(["ICMPv6 echo reply", "ping an IPv6-only host by name", "ping an IPv6 address", "the ICMPv6 echo request is seen on the server"]);
    for (const c of cases) passed(c);
  });

  it("a wrong expectation on an ICMPv6 reply fails with expected, got and the reply's hexdump", { timeout: T }, async () => {
    const text = `name: wire ipv6 wrong id
lab:
  hosts:
    w6cli: "2001:db8::1/64"
    w6srv: "2001:db8::2/64"
steps:
  - name: reply id is not 6
    host: w6cli
    sr1:
      packet: IPv6(dst="w6srv")/ICMPv6EchoRequest(id=5, seq=1)
      expect: { ICMPv6EchoReply.id: 6 }
`;
    const r = await run(text, ["w6cli", "w6srv"]);
    expect(r.code, r.output).toBe(1);
    checkRanInLab(r, ["w6cli", "w6srv"]);
    const c = caseNamed(junitCases(r), "reply id is not 6");
    expect(c.attrs.line).toBe(String(lineOf(text, "reply id is not 6")));
    const f = failed(c);
    expect(f.message).toContain("ICMPv6EchoReply.id");
    expect(f.message).toMatch(/expected 6\b/);
    expect(f.message).toMatch(/got 5\b/);
    expect(f.body).toMatch(/expected 6\b/);
    expect(f.body).toMatch(/got 5\b/);
    // the reply in full: IPv6 from 2001:db8::2 to 2001:db8::1, next header 58, ICMPv6 type 129 id 5
    const srv = Buffer.from("20010db8000000000000000000000002", "hex");
    const cli = Buffer.from("20010db8000000000000000000000001", "hex");
    const reply = hexdumps(f.body).some((b) => {
      const o = ipStart(b);
      return o >= 0 && b[o] >> 4 === 6 && b[o + 6] === 58 && b.subarray(o + 8, o + 24).equals(srv) && b.subarray(o + 24, o + 40).equals(cli) && b[o + 40] === 129 && b.readUInt16BE(o + 44) === 5;
    });
    expect(reply, `the failure body has a hexdump of the ICMPv6 echo reply:\n${f.body}`).toBe(true);
  });
});

describe("wire contract: silence where a reply was expected", () => {
  it("sr1 of a TCP SYN to a lab address with no host: exit 1, a failure saying no reply and naming what was sent", { timeout: T }, async () => {
    const hosts = ["s1cli", "s1srv"];
    const text = `name: wire silence absent host
lab:
  hosts:
    s1cli: 198.18.0.1/24
    s1srv: 198.18.0.2/24
steps:
  - name: the SYN to nobody gets no reply
    host: s1cli
    sr1:
      packet: IP(dst="198.18.0.99")/TCP(sport=43100, dport=80, flags="S")
      timeout: 1s
      expect: { TCP.flags: SA }
`;
    const r = await runInLab(text, hosts, 1);
    const c = caseNamed(junitCases(r), "the SYN to nobody gets no reply");
    const f = failed(c);
    expect(f.message).toMatch(/no (reply|answer)/i);
    expect(f.message + f.body, "names the packet sent").toContain("198.18.0.99");
    // the packet sent, in full: IPv4 198.18.0.1 → 198.18.0.99, TCP 43100 → 80, flags S
    const sent = dumpedV4(f.body, "198.18.0.1", "198.18.0.99", 6, (t) => t.readUInt16BE(0) === 43100 && t.readUInt16BE(2) === 80 && t[13] === 0x02);
    expect(sent, `the failure body has a hexdump of the SYN that was sent:\n${f.body}`).toBe(true);
  });

  it("ping to an absent host expecting received: 3 fails (exit 1) with a message about received", { timeout: T }, async () => {
    const hosts = ["s2cli", "s2srv"];
    const text = `name: wire silence ping absent
lab:
  hosts:
    s2cli: 198.18.0.1/24
    s2srv: 198.18.0.2/24
steps:
  - name: nobody answers the ping
    host: s2cli
    ping: { to: 198.18.0.99, count: 3, timeout: 500ms, expect: { received: 3 } }
`;
    const r = await runInLab(text, hosts, 1);
    const f = failed(caseNamed(junitCases(r), "nobody answers the ping"));
    expect(f.message).toMatch(/received/i);
    expect(f.message + "\n" + f.body).toMatch(/\b3\b/);
    expect(f.message + "\n" + f.body).toMatch(/\b0\b/);
  });

  it("ping to an absent IPv6 address expecting received: 2 fails (exit 1) with a message about received", { timeout: T }, async () => {
    const hosts = ["s3cli", "s3srv"];
    const text = `name: wire silence ping6 absent
lab:
  hosts:
    s3cli: "2001:db8::1/64"
    s3srv: "2001:db8::2/64"
steps:
  - name: nobody answers the IPv6 ping
    host: s3cli
    ping: { to: "2001:db8::99", count: 2, timeout: 500ms, expect: { received: 2 } }
`;
    const r = await runInLab(text, hosts, 1);
    const f = failed(caseNamed(junitCases(r), "nobody answers the IPv6 ping"));
    expect(f.message).toMatch(/received/i);
  });

  it("a host that drops the packet (bad checksum): a failure saying no reply, with what was sent and what was seen", { timeout: T }, async () => {
    const hosts = ["s4cli", "s4srv"];
    const text = `name: wire silence bad checksum
lab:
  hosts:
    s4cli: 198.18.0.1/24
    s4srv: 198.18.0.2/24
steps:
  - name: the kernel drops a SYN with a bad checksum
    host: s4cli
    sr1:
      packet: IP(dst="s4srv")/TCP(sport=43000, dport=80, flags="S", chksum=0xdead)
      timeout: 1s
      expect: { TCP.flags: RA }
`;
    const r = await runInLab(text, hosts, 1);
    const c = caseNamed(junitCases(r), "the kernel drops a SYN with a bad checksum");
    expect(c.attrs.line).toBe(String(lineOf(text, "the kernel drops a SYN with a bad checksum")));
    const f = failed(c);
    expect(f.message).toMatch(/no (reply|answer)/i);
    expect(f.message).toContain("198.18.0.2");
    expect(f.body).toMatch(/expected/i);
    expect(f.body).toMatch(/got/i);
    const sent = dumpedV4(f.body, "198.18.0.1", "198.18.0.2", 6, (t) => t.readUInt16BE(0) === 43000 && t[13] === 0x02 && t.readUInt16BE(16) === 0xdead);
    expect(sent, `the failure body has a hexdump of the SYN as sent (checksum 0xdead):\n${f.body}`).toBe(true);
  });
});

describe("wire contract: failed packet expectations", () => {
  it("sr1 expecting ICMP.type echo-request: the failure shows expected and got (echo-reply) and the reply's hexdump", { timeout: T }, async () => {
    const hosts = ["e3cli", "e3srv"];
    const text = `name: wire wrong icmp type
lab:
  hosts:
    e3cli: 198.18.0.1/24
    e3srv: 198.18.0.2/24
steps:
  - name: the reply is not an echo request
    host: e3cli
    sr1:
      packet: IP(dst="e3srv")/ICMP(id=7, seq=1)/Raw(load=b"wirecheck")
      expect: { ICMP.id: 7, ICMP.type: echo-request }
`;
    const r = await runInLab(text, hosts, 1);
    const c = caseNamed(junitCases(r), "the reply is not an echo request");
    expect(c.attrs.line).toBe(String(lineOf(text, "the reply is not an echo request")));
    const f = failed(c);
    expect(f.message).toContain("ICMP.type");
    expect(f.message).toMatch(/expected echo-request/);
    expect(f.message).toMatch(/got echo-reply/);
    expect(f.body).toMatch(/expected echo-request/);
    expect(f.body).toMatch(/got echo-reply/);
    expect(f.body, "a summary of the reply").toMatch(/198\.18\.0\.2 > 198\.18\.0\.1 echo-reply/);
    // the reply in full: 198.18.0.2 → 198.18.0.1, ICMP type 0, id 7, payload "wirecheck"
    const reply = dumpedV4(f.body, "198.18.0.2", "198.18.0.1", 1, (t) => t[0] === 0 && t.readUInt16BE(4) === 7 && t.subarray(8).toString() === "wirecheck");
    expect(reply, `the failure body has a hexdump of the echo reply:\n${f.body}`).toBe(true);
  });
});

describe("wire contract: scenario-level sniffers", () => {
  it("a sniffer broken on purpose fails as its own testcase while the steps pass; exit 1", { timeout: T }, async () => {
    const hosts = ["n4cli", "n4srv"];
    const text = `name: wire broken sniffer
lab:
  hosts:
    n4cli: 198.18.0.1/24
    n4srv: 198.18.0.2/24
sniffers:
  - name: no ICMP is ever seen (wrong on purpose)
    host: n4srv
    filter: icmp
    expect: { count: 0 }
  - name: the echo requests are seen
    host: n4srv
    filter: icmp
    expect: { count: ">= 4", any: { ICMP.type: echo-request, IP.src: 198.18.0.1 } }
steps:
  - name: ping twice
    host: n4cli
    ping: { to: n4srv, count: 2, expect: { received: 2 } }
  - name: one crafted echo
    host: n4cli
    sr1:
      packet: IP(dst="n4srv")/ICMP(id=4, seq=1)
      expect: { ICMP.type: echo-reply, ICMP.id: 4 }
`;
    const r = await runInLab(text, hosts, 1);
    const cases = junitCases(r);
    expect(cases.map((c) => c.name).sort()).toEqual(["no ICMP is ever seen (wrong on purpose)", "one crafted echo", "ping twice", "the echo requests are seen"]);
    passed(caseNamed(cases, "ping twice"));
    passed(caseNamed(cases, "one crafted echo"));
    passed(caseNamed(cases, "the echo requests are seen"));
    const sn = caseNamed(cases, "no ICMP is ever seen (wrong on purpose)");
    expect(sn.attrs.line).toBe(String(lineOf(text, "no ICMP is ever seen (wrong on purpose)")));
    const f = failed(sn);
    expect(f.message).toMatch(/count/);
    expect(f.message).toMatch(/expected 0\b/);
    const got = /got (\d+)/.exec(f.message);
    expect(got, `the message says how many were seen: ${f.message}`).toBeTruthy();
    expect(Number(got![1])).toBeGreaterThanOrEqual(6); // 2 pings + 1 echo, each answered
    expect(f.body, "the packets seen, summarised").toMatch(/198\.18\.0\.1 > 198\.18\.0\.2 echo-request/);
    expect(f.body).toMatch(/198\.18\.0\.2 > 198\.18\.0\.1 echo-reply/);
  });
});

describe("wire contract: sniff steps", () => {
  it("none: violated fails, and the failure shows the offending packet in full", { timeout: T }, async () => {
    const hosts = ["n5cli", "n5srv"];
    const text = `name: wire sniff none violated
lab:
  hosts:
    n5cli: 198.18.0.1/24
    n5srv: 198.18.0.2/24
steps:
  - name: a reset is sent after all
    sniff:
      host: n5srv
      filter: tcp port 8
      while:
        - host: n5cli
          sr1:
            packet: IP(dst="n5srv")/TCP(sport=41000, dport=8, flags="S")
            expect: { TCP.flags: RA }
      expect:
        none: { TCP.flags: { contains: R } }
`;
    const r = await runInLab(text, hosts, 1);
    const f = failed(caseNamed(junitCases(r), "a reset is sent after all"));
    expect(f.message).toMatch(/none/);
    expect(f.message + f.body, "the offending packet summarised").toMatch(/198\.18\.0\.2:8 > 198\.18\.0\.1:41000 RA/);
    expect(f.body, "the packets seen, summarised").toMatch(/198\.18\.0\.1:41000 > 198\.18\.0\.2:8 S/);
    // the closest packet in full: for a violated none, the one that matched (the RST-ACK from port 8)
    const rst = dumpedV4(f.body, "198.18.0.2", "198.18.0.1", 6, (t) => t.readUInt16BE(0) === 8 && t.readUInt16BE(2) === 41000 && t[13] === 0x14);
    expect(rst, `the failure body has a hexdump of the RST-ACK that violated none:\n${f.body}`).toBe(true);
  });

  it("sequence: S, SA, A of a crafted handshake holds (no reset), and the same packets out of order fail", { timeout: T }, async () => {
    const hosts = ["q5cli", "q5srv"];
    const text = `name: wire sniff sequence
lab:
  hosts:
    q5cli: 198.18.0.1/24
    q5srv: 198.18.0.2/24
servers:
  - { name: echo, host: q5srv, tcp: { port: 7, echo: true } }
steps:
  - name: the crafted handshake crosses the wire in order
    sniff:
      host: q5srv
      filter: tcp port 7
      while:
        - host: q5cli
          sr1:
            packet: IP(dst="q5srv")/TCP(sport=45500, dport=7, flags="S", seq=1000)
            expect: { TCP.flags: SA, TCP.ack: 1001 }
            save: { s: TCP.seq }
        - host: q5cli
          send: { packet: 'IP(dst="q5srv")/TCP(sport=45500, dport=7, flags="A", seq=1001, ack=\${s}+1)' }
      expect:
        sequence:
          - { TCP.flags: S, TCP.sport: 45500, TCP.seq: 1000 }
          - { TCP.flags: SA, TCP.dport: 45500, TCP.ack: 1001 }
          - { TCP.flags: A, TCP.sport: 45500, TCP.seq: 1001 }
        none: { TCP.flags: { contains: R } }
  - name: out of order does not hold
    sniff:
      host: q5srv
      filter: tcp port 7
      while:
        - host: q5cli
          sr1:
            packet: IP(dst="q5srv")/TCP(sport=45501, dport=7, flags="S", seq=2000)
            expect: { TCP.flags: SA }
      expect:
        sequence:
          - { TCP.flags: SA, TCP.dport: 45501 }
          - { TCP.flags: S, TCP.sport: 45501 }
`;
    const r = await runInLab(text, hosts, 1);
    const cases = junitCases(r);
    passed(caseNamed(cases, "the crafted handshake crosses the wire in order"));
    const f = failed(caseNamed(cases, "out of order does not hold"));
    expect(f.message).toMatch(/sequence/);
    expect(f.body).toMatch(/198\.18\.0\.1:45501 > 198\.18\.0\.2:\S+ S\b/);
  });

  it("send count: 5 is seen exactly 5 times by a sniff on the receiver; a wrong count fails", { timeout: T }, async () => {
    const hosts = ["c6cli", "c6srv"];
    const text = `name: wire send count
lab:
  hosts:
    c6cli: 198.18.0.1/24
    c6srv: 198.18.0.2/24
steps:
  - name: five datagrams arrive
    sniff:
      host: c6srv
      filter: udp and dst port 9999
      while:
        - host: c6cli
          send: { packet: 'IP(dst="c6srv")/UDP(sport=4444, dport=9999)/Raw(load=b"five")', count: 5 }
      expect:
        count: 5
        each: { IP.src: 198.18.0.1, UDP.sport: 4444, UDP.dport: 9999, Raw.load: five }
  - name: five are not six
    sniff:
      host: c6srv
      filter: udp and dst port 9998
      while:
        - host: c6cli
          send: { packet: 'IP(dst="c6srv")/UDP(sport=4444, dport=9998)/Raw(load=b"five")', count: 5, interval: 5ms }
      expect:
        count: 6
`;
    const r = await runInLab(text, hosts, 1);
    const cases = junitCases(r);
    passed(caseNamed(cases, "five datagrams arrive"));
    const f = failed(caseNamed(cases, "five are not six"));
    expect(f.message).toMatch(/count/);
    expect(f.message).toMatch(/expected 6\b/);
    expect(f.message).toMatch(/got 5\b/);
  });

  it("a failing while: step makes the sniff step fail, even though the capture's own expect holds", { timeout: T }, async () => {
    const hosts = ["w10cli", "w10srv"];
    const text = `name: wire sniff while fails
lab:
  hosts:
    w10cli: 198.18.0.1/24
    w10srv: 198.18.0.2/24
steps:
  - name: the inner sr1 fails
    sniff:
      host: w10srv
      filter: icmp
      while:
        - { host: w10cli, ping: { to: w10srv, count: 1, expect: { received: 1 } } }
        - { host: w10cli, sr1: { packet: 'IP(dst="w10srv")/ICMP(id=9)', expect: { ICMP.id: 10 } } }
      expect:
        count: ">= 2"
  - name: the scenario goes on
    host: w10cli
    ping: { to: w10srv, count: 1 }
`;
    const r = await runInLab(text, hosts, 1);
    const cases = junitCases(r);
    const f = failed(caseNamed(cases, "the inner sr1 fails"));
    expect(f.message + "\n" + f.body, "names the failed inner expectation").toMatch(/ICMP\.id/);
    expect(f.message + "\n" + f.body).toMatch(/expected 10\b/);
    expect(f.message + "\n" + f.body).toMatch(/got 9\b/);
    passed(caseNamed(cases, "the scenario goes on"));
  });
});

describe("wire contract: save", () => {
  it("a field saved from an sr1 reply is usable as ${var}+1 in later packets", { timeout: T }, async () => {
    const hosts = ["v7cli", "v7srv"];
    const text = `name: wire save
lab:
  hosts:
    v7cli: 198.18.0.1/24
    v7srv: 198.18.0.2/24
servers:
  - { name: echo, host: v7srv, tcp: { port: 7, echo: true } }
steps:
  - name: save the echo id
    host: v7cli
    sr1:
      packet: IP(dst="v7srv")/ICMP(id=7, seq=1)
      expect: { ICMP.id: 7 }
      save: { rid: ICMP.id }
  - name: id plus one comes back
    host: v7cli
    sr1:
      packet: IP(dst="v7srv")/ICMP(id=\${rid}+1, seq=2)
      expect: { ICMP.type: echo-reply, ICMP.id: 8, ICMP.seq: 2 }
  - name: SYN saves the server's sequence number
    host: v7cli
    sr1:
      packet: IP(dst="v7srv")/TCP(sport=45700, dport=7, flags="S", seq=500)
      expect: { TCP.flags: SA, TCP.ack: 501 }
      save: { sseq: TCP.seq }
  - name: ACK with the saved sequence plus one
    host: v7cli
    send:
      packet: IP(dst="v7srv")/TCP(sport=45700, dport=7, flags="A", seq=501, ack=\${sseq}+1)
  - name: data on the established flow is acknowledged
    host: v7cli
    sr1:
      packet: IP(dst="v7srv")/TCP(sport=45700, dport=7, flags="PA", seq=501, ack=\${sseq}+1)/Raw(load=b"hello")
      expect: { TCP.ack: 506, TCP.flags: { contains: A } }
`;
    const r = await runInLab(text, hosts, 0);
    const cases = junitCases(r);
    expect(cases.length).toBe(5);
    for (const c of cases) passed(c);
  });
});

describe("wire contract: pcap evidence", () => {
  it("a failing wire step links the per-host pcaps; each exists and tshark opens it cleanly", { timeout: T }, async () => {
    const hosts = ["p8cli", "p8srv"];
    const text = `name: wire pcap attachments
lab:
  hosts:
    p8cli: 198.18.0.1/24
    p8srv: 198.18.0.2/24
steps:
  - name: ping passes
    host: p8cli
    ping: { to: p8srv, count: 2 }
  - name: wrong type fails
    host: p8cli
    sr1:
      packet: IP(dst="p8srv")/ICMP(id=8, seq=1)
      expect: { ICMP.type: echo-request }
`;
    const r = await runInLab(text, hosts, 1);
    const c = caseNamed(junitCases(r), "wrong type fails");
    failed(c);
    const links = [...c.systemOut.matchAll(/\[\[ATTACHMENT\|([^\]]+)\]\]/g)].map((m) => m[1]);
    expect(links.length, `the failing testcase's system-out links pcaps: ${JSON.stringify(c.systemOut)}`).toBeGreaterThan(0);
    let all = "";
    for (const link of links) {
      expect(link).toMatch(/\.pcap(ng)?$/);
      const path = isAbsolute(link) ? link : resolve(ROOT, link);
      expect(existsSync(path), `attached pcap ${path} exists`).toBe(true);
      expect(hosts.some((h) => basename(path).includes(h)), `${basename(path)} is named after a host of the scenario`).toBe(true);
      const t = spawnSync("tshark", ["-n", "-r", path], { encoding: "utf8" });
      expect(t.status, `tshark -r ${path}: ${t.stderr}`).toBe(0);
      const lines = t.stdout.split("\n").filter((l) => l.trim());
      expect(lines.length, `packets in ${path}`).toBeGreaterThan(0);
      expect(lines.filter((l) => /Malformed/i.test(l)), `malformed packets in ${path}`).toEqual([]);
      all += t.stdout;
    }
    // the capture holds the scenario's traffic: the echo requests and replies between the two hosts
    expect(all).toMatch(/198\.18\.0\.1\s+(→|->)\s+198\.18\.0\.2\s+ICMP.*Echo \(ping\) request/);
    expect(all).toMatch(/198\.18\.0\.2\s+(→|->)\s+198\.18\.0\.1\s+ICMP.*Echo \(ping\) reply/);
  });
});

describe("wire contract: invalid inputs exit 2 with file:line:col before anything runs", () => {
  const lab = (a: string, b: string) => `lab:
  hosts:
    ${a}: ["198.18.0.1/24", "2001:db8::1/64"]
    ${b}: ["198.18.0.2/24", "2001:db8::2/64"]
`;
  const cases: { what: string; a: string; b: string; step: string; mentions: string }[] = [
    { what: "an unknown layer", a: "i1c", b: "i1s", step: `    sr1: { packet: 'IP(dst="i1s")/TPC()' }`, mentions: "TPC" },
    { what: "an unknown field", a: "i2c", b: "i2s", step: `    sr1: { packet: 'IP(dst="i2s")/TCP(dprot=80)' }`, mentions: "dprot" },
    { what: "a packet addressed outside the lab", a: "i3c", b: "i3s", step: `    send: { packet: 'IP(dst="8.8.8.8")/ICMP()' }`, mentions: "8.8.8.8" },
    { what: "an IPv6 packet addressed outside the lab", a: "i4c", b: "i4s", step: `    sr1: { packet: 'IPv6(dst="2001:4860::8888")/ICMPv6EchoRequest()' }`, mentions: "2001:4860::8888" },
    { what: "an arp_scan of a non-lab network", a: "i5c", b: "i5s", step: `    arp_scan: { network: 10.0.0.0/24, timeout: 1s }`, mentions: "10.0.0.0/24" },
    { what: "a ping of a non-lab address", a: "i6c", b: "i6s", step: `    ping: { to: 8.8.8.8 }`, mentions: "8.8.8.8" },
  ];
  for (const k of cases) {
    it(k.what, { timeout: T }, async () => {
      const text = `name: wire invalid ${k.a}
${lab(k.a, k.b)}steps:
  - name: a valid first step
    host: ${k.a}
    ping: { to: ${k.b}, count: 1 }
  - name: the bad one
    host: ${k.a}
${k.step}
`;
      const badLine = text.split("\n").length - 1; // the step's last line
      const r = await run(text, [k.a, k.b]);
      expect(r.code, r.output).toBe(2);
      expect([...r.seen], "no namespace was created: nothing ran").toEqual([]);
      const pos = new RegExp(`${r.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`).exec(r.output);
      expect(pos, `file:line:col in the output:\n${r.output}`).toBeTruthy();
      expect(Number(pos![1]), r.output).toBe(badLine);
      const lineText = text.split("\n")[badLine - 1];
      const col = Number(pos![2]);
      expect(col, "the column is within the offending value").toBeGreaterThanOrEqual(lineText.indexOf(":") + 2);
      expect(col).toBeLessThanOrEqual(lineText.length);
      expect(r.output).toContain(k.mentions);
    });
  }

  it("the position of an unknown layer or field points at it in the packet as written (host names not expanded)", { timeout: T }, async () => {
    for (const [bad, token] of [
      [`IP(dst="ipos")/TPC()`, "TPC"],
      [`IP(dst="ipos")/TCP(dprot=80)`, "dprot"],
    ]) {
      const text = `name: wire invalid position
lab:
  hosts:
    iposc: 198.18.0.1/24
    ipos: 198.18.0.2/24
steps:
  - name: bad packet
    host: iposc
    sr1:
      packet: '${bad}'
`;
      const r = await run(text, ["iposc", "ipos"]);
      expect(r.code, r.output).toBe(2);
      const pos = new RegExp(`${r.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`).exec(r.output);
      expect(pos, r.output).toBeTruthy();
      expect(Number(pos![1])).toBe(10);
      const lineText = text.split("\n")[9];
      const tokenCol = lineText.indexOf(token) + 1; // 1-based column of the token in the file
      const valueCol = lineText.indexOf("'") + 1; // where the quoted value starts
      const inPacket = /column (\d+) of the packet/.exec(r.output);
      // either the file column is the token's, or the file column is the value's and the packet column the token's
      const pointsAt = Number(pos![2]) === tokenCol || (Number(pos![2]) <= valueCol + 1 && inPacket !== null && Number(inPacket[1]) === bad.indexOf(token) + 1);
      expect(pointsAt, `the reported position points at ${token} (file column ${tokenCol}, packet column ${bad.indexOf(token) + 1}):\n${r.output}`).toBe(true);
    }
  });

  for (const where of ["step", "sniffer"] as const) {
    it(`a ${where} filter that is not valid BPF does not pass, says the filter is invalid, and leaves nothing behind`, { timeout: T }, async () => {
      const a = where === "step" ? "b1c" : "b2c";
      const b = where === "step" ? "b1s" : "b2s";
      const filter = "ip hst 198.18.0.2";
      const text =
        where === "step"
          ? `name: wire invalid bpf step
lab:
  hosts:
    ${a}: 198.18.0.1/24
    ${b}: 198.18.0.2/24
steps:
  - name: the capture cannot start
    sniff:
      host: ${b}
      filter: ${filter}
      timeout: 500ms
      expect: { count: 0 }
`
          : `name: wire invalid bpf sniffer
lab:
  hosts:
    ${a}: 198.18.0.1/24
    ${b}: 198.18.0.2/24
sniffers:
  - name: the capture cannot start
    host: ${b}
    filter: ${filter}
    expect: { count: 0 }
steps:
  - name: a ping
    host: ${a}
    ping: { to: ${b}, count: 1 }
`;
      const r = await run(text, [a, b]);
      expect(r.code, r.output).not.toBe(0);
      expect(r.code, r.output).not.toBeNull();
      if (r.code === 2) {
        // found before anything ran: file:line:col of the filter
        const filterLine = text.split("\n").findIndex((l) => l.includes(filter)) + 1;
        expect(r.output).toContain(`${r.file}:${filterLine}:`);
        expect([...r.seen]).toEqual([]);
      } else {
        const cases = junitCases(r);
        const c = caseNamed(cases, "the capture cannot start");
        expect(c.failure !== undefined || c.error !== undefined || c.skipped, "the testcase of the broken filter did not pass").toBe(true);
        const all = cases.map((x) => `${x.failure?.message ?? ""} ${x.error?.message ?? ""}`).join("\n") + r.output;
        expect(all).toContain(filter);
      }
      expect(r.output).toMatch(/filter/i);
      expect(r.output).toMatch(/invalid|syntax error|can't parse|cannot parse/i);
    });
  }
});
