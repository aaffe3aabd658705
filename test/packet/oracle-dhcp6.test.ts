// Differential test against Scapy for DHCPv6 (issue 14): random messages of every kind with random options (every
// option wirecheck models, DUIDs of every type, options nested in IAs and relayed messages), built by craft() and
// by Scapy (test/oracle/scapy_oracle.py) and compared byte for byte, then Scapy's bytes dissected by both and
// compared by summary, layers and fields. Every packet built is then read by tshark: none may be malformed or carry
// a bad checksum. Rerun a failure with DHCP6_ORACLE_SEED=<seed> (DHCP6_ORACLE_COUNT=<n>).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { craft } from "../../src/packet/index.js";
import { oracleProblems, runOracle, type Vector } from "./helpers.js";
import { tsharkProblems } from "./tshark-helpers.js";
// @ts-expect-error plain JS module shared with the fuzzer (its seeded PRNG)
import { prng } from "../fuzz/fuzz-cases.mjs";

const seed = process.env.DHCP6_ORACLE_SEED === "random" ? Math.floor(Math.random() * 2 ** 32) >>> 0 : process.env.DHCP6_ORACLE_SEED ? Number(process.env.DHCP6_ORACLE_SEED) >>> 0 : 20261203;
const count = Number(process.env.DHCP6_ORACLE_COUNT ?? 250);

const rnd = prng(seed);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
const chance = (p: number) => rnd() < p;
const u32 = () => int(0, 0xffffffff);
const num = (n: number) => (chance(0.3) ? `0x${n.toString(16)}` : String(n));

function bytesLit(n: number): string {
  let s = 'b"';
  for (let i = 0; i < n; i++) {
    const c = int(0, 255);
    s += c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, "0")}`;
  }
  return `${s}"`;
}
const text = (n: number) => Array.from({ length: n }, () => pick([..."abcdefghijklmnopqrstuvwxyz0123456789-"])).join("");
const mac = () => `02:00:00:${int(0, 255).toString(16).padStart(2, "0")}:00:${int(1, 254).toString(16).padStart(2, "0")}`;
const v6 = () => `2001:db8:${Array.from({ length: 6 }, () => (chance(0.4) ? "0" : int(0, 0xffff).toString(16))).join(":")}`;
const ll6 = () => `fe80::${int(0, 0xffff).toString(16)}:${int(1, 0xffff).toString(16)}`;
const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join("");
const lifetime = () => pick([() => "0", () => String(u32()), () => '"infinity"', () => "0xffffffff"])();

function duid(): string {
  switch (int(0, 4)) {
    case 0:
      return `DUID_LLT(${chance(0.5) ? `hwtype=${pick([1, 6, 27, 40])}, ` : ""}timeval=${u32()}, lladdr="${mac()}")`;
    case 1:
      return `DUID_EN(enterprisenum=${pick([311, 9, 11129, u32()])}, id=${bytesLit(int(0, 12))})`;
    case 2:
      return `DUID_LL(${chance(0.4) ? `hwtype=${pick([1, 6, 255])}, ` : ""}lladdr="${mac()}")`;
    case 3:
      return `DUID_UUID(uuid="${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}")`;
    default:
      return bytesLit(int(5, 14)).replace(/^b"/, 'b"\\x00\\x07');
  }
}

// Codes Scapy has no option class for (DHCP6OptUnknown) and IANA has not assigned (Wireshark would check a format).
const unknownCodes = [10, 35, 150, 200, 250, 300, 65000];

/** An option that may sit inside an IA (status, address or prefix, unknown), possibly with options of its own. */
function subOption(depth: number): string {
  switch (int(0, 3)) {
    case 0:
      return statusCode();
    case 1:
      return iaAddress(depth + 1);
    case 2:
      return iaPrefix(depth + 1);
    default:
      return `DHCP6OptStatusCode(statuscode=${int(0, 6)})/DHCP6OptIAAddress(addr="${v6()}")`;
  }
}
const subOptions = (depth: number, max: number) => (depth > 2 ? [] : Array.from({ length: int(0, max) }, () => subOption(depth)));
const statusCode = () =>
  `DHCP6OptStatusCode(statuscode=${pick([() => String(int(0, 6)), () => `"${pick(["Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink", "UseMulticast", "NoPrefixAvail"])}"`, () => String(int(7, 65535))])()}${chance(0.6) ? `, statusmsg="${text(int(0, 20))}"` : ""})`;
const iaAddress = (depth: number) => {
  const subs = subOptions(depth, 2).filter((s) => !s.includes("IAPrefix"));
  return `DHCP6OptIAAddress(addr="${v6()}", preflft=${lifetime()}, validlft=${lifetime()}${subs.length ? `, iaaddropts=[${subs.join(", ")}]` : ""})`;
};
const iaPrefix = (depth: number) => {
  const subs = subOptions(depth, 1).filter((s) => s.startsWith("DHCP6OptStatusCode("));
  return `DHCP6OptIAPrefix(preflft=${lifetime()}, validlft=${lifetime()}, plen=${int(0, 128)}, prefix="${v6()}"${subs.length ? `, iaprefopts=[${subs.join(", ")}]` : ""})`;
};
const ia = (kind: "NA" | "TA" | "PD") => {
  const head = `iaid=${num(u32())}`;
  const times = kind === "TA" ? "" : chance(0.7) ? `, T1=${u32()}, T2=${u32()}` : "";
  const subs = Array.from({ length: int(0, 3) }, () => (kind === "PD" ? pick([() => iaPrefix(1), statusCode])() : pick([() => iaAddress(1), statusCode])()));
  const field = { NA: "ianaopts", TA: "iataopts", PD: "iapdopt" }[kind];
  return `DHCP6OptIA_${kind}(${head}${times}${subs.length ? `, ${field}=[${subs.join(", ")}]` : ""})`;
};

/** A top-level option (not an IA address or prefix: Scapy reads what follows those as padding). */
function option(depth = 0): string {
  switch (int(0, 15)) {
    case 0:
      return `DHCP6OptClientId(duid=${duid()})`;
    case 1:
      return `DHCP6OptServerId(duid=${duid()})`;
    case 2:
      return ia("NA");
    case 3:
      return ia("TA");
    case 4:
      return ia("PD");
    case 5:
      return chance(0.3) ? "DHCP6OptOptReq()" : `DHCP6OptOptReq(reqopts=[${Array.from({ length: int(0, 6) }, () => pick([1, 2, 3, 23, 24, 25, 31, 39, 82, 1000])).join(", ")}])`;
    case 6:
      return chance(0.3) ? "DHCP6OptPref()" : `DHCP6OptPref(prefval=${int(0, 255)})`;
    case 7:
      return chance(0.3) ? "DHCP6OptElapsedTime()" : `DHCP6OptElapsedTime(elapsedtime=${pick([int(0, 65535), 0xffff])})`;
    case 8:
      return statusCode();
    case 9:
      return "DHCP6OptRapidCommit()";
    case 10:
      return `DHCP6OptIfaceId(ifaceid=${chance(0.5) ? `"${text(int(1, 10))}"` : bytesLit(int(1, 10))})`;
    case 11:
      return `DHCP6OptDNSServers(dnsservers=[${Array.from({ length: int(0, 3) }, () => `"${v6()}"`).join(", ")}])`;
    case 12:
      return `DHCP6OptDNSDomains(dnsdomains=[${Array.from({ length: int(0, 3) }, () => `"${Array.from({ length: int(1, 3) }, () => text(int(1, 8))).join(".")}${chance(0.5) ? "." : ""}"`).join(", ")}])`;
    case 13:
      return `DHCP6OptUnknown(optcode=${pick(unknownCodes)}, data=${bytesLit(int(0, 12))})`;
    case 14:
      return depth < 1 ? `DHCP6OptRelayMsg(message=${clientMessage(depth + 1)})` : "DHCP6OptRapidCommit()";
    default:
      return `DHCP6OptIfaceId(ifaceid=${bytesLit(int(1, 6))}${chance(0.5) ? `, optlen=${int(0, 6)}` : ""})/DHCP6OptRapidCommit()`;
  }
}

const options = (depth: number) => Array.from({ length: int(0, 4) }, () => option(depth));
const kinds = ["Solicit", "Advertise", "Request", "Confirm", "Renew", "Rebind", "Reply", "Release", "Decline", "Reconf", "InfoRequest"];
const trid = () => (chance(0.2) ? "" : `trid=${num(int(0, 0xffffff))}`);

function clientMessage(depth = 0): string {
  const msg = `DHCP6_${pick(kinds)}(${trid()})`;
  return [msg, ...options(depth)].join("/");
}

function relay(): string {
  const kind = pick(["RelayForward", "RelayReply"]);
  const f = [`linkaddr="${v6()}"`, `peeraddr="${ll6()}"`];
  if (chance(0.6)) f.push(`hopcount=${int(0, 32)}`);
  const extra = chance(0.5) ? [`DHCP6OptIfaceId(ifaceid="${text(int(1, 8))}")`] : [];
  return [`DHCP6_${kind}(${f.join(", ")})`, ...extra, `DHCP6OptRelayMsg(message=${clientMessage(1)})`].join("/");
}

const ports = () => pick(["", "sport=546, dport=547", "sport=547, dport=546", `sport=${int(1024, 65535)}, dport=${pick([546, 547])}`]);
const ipv6 = () => `IPv6(src="${chance(0.5) ? ll6() : v6()}", dst="${pick(["ff02::1:2", v6(), ll6()])}"${chance(0.3) ? `, hlim=${int(1, 255)}` : ""})`;
const maybeEther = () => (chance(0.5) ? `Ether(dst="33:33:00:01:00:02", src="${mac()}")/` : "");

const templates: (() => string)[] = [
  () => `${maybeEther()}${ipv6()}/UDP(${ports()})/${clientMessage()}`,
  () => `${maybeEther()}${ipv6()}/UDP(${ports()})/${clientMessage()}`,
  () => `${maybeEther()}${ipv6()}/UDP(${ports()})/${relay()}`,
  // An address or prefix at the top level: Scapy reads what follows it as Padding.
  () => `${ipv6()}/UDP(${ports()})/DHCP6_Reply(${trid()})/${pick([() => iaAddress(2), () => iaPrefix(2)])()}${chance(0.5) ? `/${statusCode()}` : ""}`,
];

// Read as Scapy reads bytes that are not quite DHCPv6: too short for a message, an unknown message type, options
// cut short, an option list whose length runs past the IA's (negative lengths slice from the end, as in Python).
const edges = [
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/Raw(load=b"\\x01")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/Raw(load=b"\\x01\\x00")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/Raw(load=b"\\x0e\\x00\\x00\\x01")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit()/Raw(load=b"\\x00\\x01\\x00")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit()/Raw(load=b"\\x00\\x01")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit()/DHCP6OptClientId(duid=b"\\x00\\x01ab")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit()/DHCP6OptClientId(duid=b"\\x00\\x01abcde")',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit()/DHCP6OptClientId(optlen=0)/DHCP6OptElapsedTime()',
  'IPv6(src="2001:db8::1", dst="ff02::1:2")/UDP(sport=546, dport=547)/DHCP6_Solicit()/DHCP6OptClientId(duid=DUID_LL(lladdr="02:00:00:00:00:01")/Raw(load=b"zz"))',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=546)/DHCP6_Reply()/DHCP6OptIA_NA(optlen=5, ianaopts=[DHCP6OptStatusCode()])/DHCP6OptStatusCode(statusmsg="after")',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=546)/DHCP6_Reply()/DHCP6OptIA_NA(ianaopts=[DHCP6OptUnknown(optcode=200, data=b"ab"), DHCP6OptStatusCode(statusmsg="x")])',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=546)/DHCP6_Reply()/DHCP6OptIA_NA(ianaopts=[DHCP6OptIAAddress(iaaddropts=[DHCP6OptStatusCode()]), DHCP6OptStatusCode(statusmsg="x"), DHCP6OptIAAddress()])',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=546)/DHCP6_Reply()/DHCP6OptStatusCode(statusmsg="abc", optlen=1)/DHCP6OptRapidCommit()',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=546)/DHCP6_Reply()/DHCP6OptIAAddress(optlen=30)/DHCP6OptRapidCommit()',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=546)/DHCP6_Reply()/DHCP6OptOptReq(reqopts=[23], optlen=3)/Raw(load=b"\\x18")',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=547)/DHCP6_RelayReply()/DHCP6OptRelayMsg()',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=547)/DHCP6_RelayForward()/DHCP6OptRelayMsg(message=b"\\x63\\x00\\x00\\x01")',
  'IPv6(src="2001:db8::2", dst="fe80::1")/UDP(sport=547, dport=547)/DHCP6_RelayForward()/DHCP6OptRelayMsg(optlen=0)/DHCP6OptRapidCommit()',
];

const exprs = [...edges, ...Array.from({ length: count }, () => pick(templates)())];

describe(`Scapy oracle for DHCPv6, seed ${seed} (rerun with DHCP6_ORACLE_SEED=${seed})`, () => {
  let results: Vector[] = [];
  let failure = "";

  beforeAll(() => {
    ({ results, failure } = runOracle(exprs));
  }, 600_000);

  it("Scapy answers every expression", () => {
    if (failure) expect.fail(failure);
    expect(results.map((r) => r.expr)).toEqual(exprs);
  });

  exprs.forEach((expr, i) => {
    it(`[seed ${seed} #${i}] ${expr}`, () => {
      if (failure) expect.fail(failure);
      const v = results[i];
      if (v.error) expect.fail(`Scapy cannot build ${expr}: ${v.error}`);
      const problems = oracleProblems(expr, v);
      if (problems.length) expect.fail(`seed ${seed} #${i}: ${expr}\n  ${problems.join("\n  ")}`);
    });
  });
});

// Lengths given by hand and bytes that are not DHCPv6 are malformed on purpose: tshark reads the random packets.
describe(`tshark reads every random DHCPv6 packet as DHCPv6, none malformed, seed ${seed}`, () => {
  const random = exprs.slice(edges.length).filter((e) => !/optlen=/.test(e));
  const dir = mkdtempSync(join(tmpdir(), "wc-dhcp6-tshark-"));
  let found: Map<string, string[]> = new Map();
  let failure = "";
  beforeAll(() => {
    try {
      found = tsharkProblems(
        random.map((e) => craft(e)[0]),
        dir,
      );
    } catch (e) {
      failure = (e as Error).message;
    }
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${random.length} packets`, () => {
    if (failure) expect.fail(failure);
    const problems = random.flatMap((e, i) => {
      const p = found.get(String(i)) ?? [];
      return p.length ? [`${e}\n  ${p.join("; ")}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
