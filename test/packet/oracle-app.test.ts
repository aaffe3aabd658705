// The Scapy oracle for the application layers (BOOTP/DHCP, NTP, DNS records): random packets built by craft() and by
// Scapy (test/oracle/scapy_oracle.py), compared byte for byte, then Scapy's bytes dissected by both and compared by
// summary, layers and fields, as in oracle.test.ts. Rerun a failure with ORACLE_SEED=<seed> (ORACLE_COUNT=<n>).
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { type Layer, type Packet } from "../../src/packet/index.js";
import { fieldJson } from "../../src/packet/json.js";
import { dissectVector, oracleProblems, runOracle, type Vector } from "./helpers.js";
// @ts-expect-error plain JS module shared with the fuzzer (its seeded PRNG)
import { prng } from "../fuzz/fuzz-cases.mjs";

const seed = process.env.ORACLE_SEED === "random" ? Math.floor(Math.random() * 2 ** 32) >>> 0 : process.env.ORACLE_SEED ? Number(process.env.ORACLE_SEED) >>> 0 : 20261203;
const count = Number(process.env.ORACLE_COUNT ?? 200);

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
const text = (n: number) => Array.from({ length: n }, () => pick([..."abcdefghijklmnopqrstuvwxyz0123456789-."])).join("");
const mac = () => `02:00:00:00:00:${int(1, 254).toString(16).padStart(2, "0")}`;
const v4 = () => `198.${int(18, 19)}.${int(0, 255)}.${int(1, 254)}`;
const ether = () => (chance(0.5) ? `Ether(dst="${mac()}", src="${mac()}")/` : "");
const ip = () => `IP(src="${v4()}", dst="${v4()}"${chance(0.5) ? `, ttl=${int(1, 255)}` : ""})`;

const messageTypes = ["discover", "offer", "request", "decline", "ack", "nak", "release", "inform", "force_renew", "lease_query"];

function dhcpOption(): string {
  switch (int(0, 15)) {
    case 0:
      return `("message-type", ${chance(0.7) ? `"${pick(messageTypes)}"` : int(1, 13)})`;
    case 1:
      return `("server_id", "${v4()}")`;
    case 2:
      return `("lease_time", ${u32()})`;
    case 3:
      return `("subnet_mask", "255.255.${pick([0, 128, 255])}.0")`;
    case 4:
      return `("router", ${Array.from({ length: int(1, 3) }, () => `"${v4()}"`).join(", ")})`;
    case 5:
      return `("name_server", ${Array.from({ length: int(1, 3) }, () => `"${v4()}"`).join(", ")})`;
    case 6:
      return `("param_req_list", [${Array.from({ length: int(1, 8) }, () => int(1, 254)).join(", ")}])`;
    case 7:
      return `("hostname", ${chance(0.5) ? `"${text(int(1, 12))}"` : bytesLit(int(1, 12))})`;
    case 8:
      return `("client_id", ${bytesLit(int(1, 10))})`;
    case 9:
      return `("domain", "${text(int(1, 20))}")`;
    case 10:
      return `(${pick([222, 223, 224, 240, 250, 254])}, ${bytesLit(int(0, 8))})`;
    case 11:
      return `("max_dhcp_size", ${int(0, 65535)})`;
    case 12:
      return `("renewal_time", ${u32()})`;
    case 13:
      return `("classless_static_routes", ${Array.from({ length: int(1, 3) }, () => `"198.18.${int(0, 255)}.0/${int(0, 32)}:${v4()}"`).join(", ")})`;
    case 14:
      return `("requested_addr", "${v4()}")`;
    default:
      return pick(['"pad"', '("vendor_class_id", "MSFT 5.0")', `("interface-mtu", ${int(0, 65535)})`, `("default_ttl", ${int(0, 255)})`]);
  }
}

function bootp(): string {
  const f = [`op=${pick([1, 2, '"BOOTREQUEST"', '"BOOTREPLY"'])}`, `xid=${num(u32())}`];
  if (chance(0.5)) f.push(`secs=${int(0, 65535)}`);
  if (chance(0.5)) f.push(`flags=${pick(['"B"', "0", "0x8000", "1"])}`);
  if (chance(0.3)) f.push(`hops=${int(0, 255)}`);
  for (const a of ["ciaddr", "yiaddr", "siaddr", "giaddr"]) if (chance(0.4)) f.push(`${a}="${v4()}"`);
  if (chance(0.8)) f.push(`chaddr=${chance(0.5) ? `mac2str("${mac()}")` : bytesLit(int(0, 16))}`);
  if (chance(0.2)) f.push(`sname=${bytesLit(int(0, 20))}`);
  if (chance(0.2)) f.push(`file=${bytesLit(int(0, 20))}`);
  return `BOOTP(${f.join(", ")})`;
}

function dhcp(): string {
  const opts = Array.from({ length: int(0, 7) }, dhcpOption);
  if (chance(0.8)) opts.push('"end"');
  return `DHCP(options=[${opts.join(", ")}])`;
}

function dnsName(): string {
  return Array.from({ length: int(1, 3) }, () => text(int(1, 8)).replace(/\./g, "x")).join(".") + (chance(0.3) ? "." : "");
}

function dnsRecord(): string {
  const rr = `rrname="${dnsName()}", ttl=${u32()}`;
  switch (int(0, 3)) {
    case 0:
      return `DNSRRMX(${rr}, type="MX", preference=${int(0, 65535)}, exchange="${dnsName()}")`;
    case 1:
      return `DNSRRSRV(${rr}, priority=${int(0, 65535)}, weight=${int(0, 65535)}, port=${int(0, 65535)}, target="${dnsName()}")`;
    case 2:
      return `DNSRRSOA(${rr}, mname="${dnsName()}", rname="${dnsName()}", serial=${u32()}, refresh=${u32()}, retry=${u32()}, expire=${u32()}, minimum=${u32()})`;
    default:
      return `DNSRR(${rr}, type="${pick(["A", "CNAME", "TXT", "NS"])}", rdata="${dnsName()}")`.replace(/type="A", rdata="[^"]*"/, `type="A", rdata="${v4()}"`);
  }
}

function ednsOpt(): string {
  const f = [`rclass=${pick([512, 1232, 4096])}`, `extrcode=${int(0, 255)}`, `version=${int(0, 1)}`, `z=${pick([0, 32768])}`].filter(() => chance(0.6));
  const tlvs = Array.from({ length: int(0, 3) }, () => `EDNS0TLV(optcode=${pick([0, 1, 2, 3, 5, 10, 12, 15])}, optdata=${bytesLit(int(0, 12))})`);
  if (tlvs.length) f.push(`rdata=[${tlvs.join(", ")}]`);
  return `DNSRROPT(${f.join(", ")})`;
}

function dns(): string {
  const name = dnsName();
  const qtype = pick(['"MX"', '"SRV"', '"SOA"', '"TXT"', '"A"']);
  const an = Array.from({ length: int(0, 4) }, dnsRecord);
  const ns = chance(0.3) ? `, ns=${dnsRecord()}` : "";
  const ar = chance(0.6) ? `, ar=${ednsOpt()}` : "";
  return `UDP(sport=53, dport=${int(1024, 65535)})/DNS(id=${int(0, 65535)}, qr=1, qd=DNSQR(qname="${name}", qtype=${qtype})${an.length ? `, an=${an.join("/")}` : ""}${ns}${ar})`;
}

// Timestamps as Scapy takes them (seconds since 1900, a float); orig and sent always given, or Scapy puts the clock in.
const ntpTime = () => (chance(0.3) ? String(int(0, 2 ** 32 - 1)) : (int(3_800_000_000, 3_999_999_999) + int(0, 999) / 1000).toFixed(3));

function ntp(): string {
  const stratum = pick([0, 1, 2, 3, 15, 16]);
  const f = [`leap=${int(0, 3)}`, `version=${int(1, 4)}`, `mode=${pick([1, 2, 3, 4, 5, '"client"', '"server"'])}`, `stratum=${stratum}`, `poll=${int(0, 17)}`, `precision=${int(0, 255)}`];
  if (chance(0.5)) f.push(`delay=${(int(0, 100000) / 1024).toFixed(4)}`, `dispersion=${int(0, 65535)}`);
  f.push(stratum < 2 ? `ref_id=${pick(['"GPS "', '"PPS "', '"DCF "', '"LOCL"', '"X"'])}` : `id="${v4()}"`);
  f.push(`ref=${ntpTime()}`, `orig=${ntpTime()}`, `recv=${ntpTime()}`, `sent=${ntpTime()}`);
  const auth = chance(0.3) ? `/NTPAuthenticator(${chance(0.3) ? `padding=${bytesLit(4)}, ` : ""}key_id=${u32()}, dgst=${bytesLit(16)})` : "";
  return `NTPHeader(${f.join(", ")})${auth}`;
}

const templates: (() => string)[] = [
  () => `${ether()}${ip()}/UDP(sport=${pick([123, int(1024, 65535)])}, dport=123)/${ntp()}`,
  () => `${ip()}/UDP(sport=123, dport=${int(1024, 65535)})/${ntp()}`,
  () => `${ether()}${ip()}/${dns()}`,
  // DNS over TCP: the same messages behind their 2-byte length.
  () => `${ether()}${ip()}/${dns().replace(/^UDP\(sport=53, dport=(\d+)\)/, `TCP(sport=53, dport=$1, flags="PA", seq=${u32()})`)}`,
  () => `${ip()}/UDP(sport=${int(1024, 65535)}, dport=53)/DNS(id=${int(0, 65535)}, qd=DNSQR(qname="${dnsName()}", qtype="SRV"), ar=${ednsOpt()})`,
  () => `${ether()}${ip()}/UDP(sport=${pick([67, 68])}, dport=${pick([67, 68])})/${bootp()}/${dhcp()}`,
  () => `${ether()}${ip()}/UDP()/${bootp()}${chance(0.5) ? `/${dhcp()}` : ""}`,
  () => `${ip()}/UDP(sport=68, dport=67)/${bootp()}/Raw(load=${bytesLit(int(1, 20))})`,
];

const exprs = Array.from({ length: count }, () => pick(templates)());

/** The oracle's answers, one per expression; `records`: DNS's sections record by record (--records). */
function oracleOf(lines: string[], records = false): Vector[] {
  const { results, failure } = runOracle(lines, records ? ["--records"] : []);
  if (failure) throw new Error(failure);
  return results;
}

// Scapy keeps names as bytes (hex in its JSON), the model as text ending in ".".
const asScapy = (ours: unknown, theirs: unknown) =>
  typeof ours === "string" && typeof theirs === "string" && ours.endsWith(".") && /^([0-9a-f]{2})*$/.test(theirs) ? Buffer.from(ours, "latin1").toString("hex") : ours;

/** Every record of every DNS section against Scapy's: class, and each field Scapy lists. */
function compareRecords(p: Packet, v: Vector): string[] {
  const out: string[] = [];
  v.layers.forEach((wl, i) => {
    if (wl.name !== "DNS" || p.layers[i]?.name !== "DNS") return;
    for (const s of ["qd", "an", "ns", "ar"]) {
      const want = wl.fields[s] as { name: string; fields: Record<string, unknown> }[] | null;
      const got = (p.layers[i].get(s) as Layer[] | undefined) ?? [];
      if (want === null || want === undefined) {
        if (got.length) out.push(`DNS.${s}: expected no records, got ${got.length}`);
        continue;
      }
      if (want.length !== got.length) out.push(`DNS.${s}: expected ${want.length} records, got ${got.length}`);
      want.forEach((wr, k) => {
        const gr = got[k];
        if (!gr) return;
        if (gr.name !== wr.name) return void out.push(`DNS.${s}[${k}]: expected ${wr.name}, got ${gr.name}`);
        const gf = fieldJson(gr);
        for (const [f, wv] of Object.entries(wr.fields))
          if (!isDeepStrictEqual(asScapy(gf[f], wv), wv)) out.push(`DNS.${s}[${k}].${f}: expected ${JSON.stringify(wv)}, got ${JSON.stringify(gf[f])}`);
      });
    }
  });
  return out;
}

describe("DNS records field by field, as Scapy reads them (the fixture vectors and the random packets)", () => {
  const fixture = readFileSync("test/fixtures/app-exprs.txt", "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  const lines = [...fixture, ...exprs].filter((e) => e.includes("DNS"));
  let results: Vector[] = [];
  beforeAll(() => {
    results = oracleOf(lines, true);
  }, 600_000);
  it(`${lines.length} packets with DNS`, () => {
    const problems: string[] = [];
    results.forEach((v, i) => {
      if (v.error) return void problems.push(`${lines[i]}: Scapy: ${v.error}`);
      const found = compareRecords(dissectVector(v), v);
      if (found.length) problems.push(`${lines[i]}\n  ${found.join("\n  ")}`);
    });
    expect(problems).toEqual([]);
  });
});

describe(`Scapy oracle for the application layers, seed ${seed} (rerun with ORACLE_SEED=${seed})`, () => {
  let results: Vector[] = [];
  let failure = "";

  beforeAll(() => {
    ({ results, failure } = runOracle(exprs));
  }, 600_000);

  exprs.forEach((expr, i) => {
    it(`[seed ${seed} #${i}] ${expr}`, () => {
      if (failure) expect.fail(failure);
      const v = results[i];
      expect(v.expr).toBe(expr);
      if (v.error) expect.fail(`Scapy cannot build ${expr}: ${v.error}`);
      const problems = oracleProblems(expr, v);
      if (problems.length) expect.fail(`seed ${seed} #${i}: ${expr}\n  ${problems.join("\n  ")}`);
    });
  });
});
