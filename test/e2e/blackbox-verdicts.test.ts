// Black-box verdicts (issue 9): scenarios written from the README alone, each checking wirecheck against the kernel's
// own tools in the same lab (ping, python's socket module, sha256sum, …), run through the CLI as a user runs them.
// Hand mutants of their expectations (a number, an address, a flag, a comparison inverted, a count) must fail the
// mutated step or be refused at load with file:line:col and what would be valid.
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { netns, parseJUnit, root, runCli, runCliAsync } from "./helpers.js";

const folder = join(root, "test/e2e/blackbox");
const files = readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort();

interface Mutant {
  file: string;
  step: string; // the step whose expectation is changed: it must be the one that fails
  from: string; // text that occurs exactly once in the file
  to: string;
}

// Killed at run time: each is the "What was seen" item or a mutation class, on a fast scenario.
const runMutants: Mutant[] = [
  { file: "ping-unreachable-route.yaml", step: "ping counts no replies and the router's errors", from: 'expect: { received: 0, loss: "100%"', to: 'expect: { received: ">= 1", loss: "100%"' },
  { file: "dns-sniff-none.yaml", step: "the resolver's exchange seen on the client", from: "none: { DNS.an.rdata: 198.18.0.66 }", to: "none: { DNS.an.rdata: 198.18.0.80 }" },
  { file: "dns-sniff-none.yaml", step: "the resolver's exchange seen on the client", from: "none: { DNS.an.rdata: 198.18.0.66 }", to: "none: { DNSRR.rdata: 198.18.0.80 }" },
  { file: "dns-sniff-none.yaml", step: "the resolver's exchange seen on the client", from: "none: { DNS.an.rdata: 198.18.0.66 }", to: 'none: { DNS.an.rdata: "!= 198.18.0.66" }' },
  { file: "dns-answers.yaml", step: "an AAAA record", from: "DNS.qd.qtype: AAAA, DNS.an.type: AAAA", to: "DNS.qd.qtype: AAAA, DNS.an.type: A" },
  { file: "dns-answers.yaml", step: "an unknown name is name-error", from: "DNS.rcode: name-error, DNS.ancount: 0", to: "DNS.rcode: ok, DNS.ancount: 0" },
  { file: "dns-answers.yaml", step: "two records, each by index", from: "DNS.an[1].rdata: { in: [198.18.0.81, 198.18.0.82] }", to: "DNS.an[1].rdata: { in: [198.18.0.81, 198.18.0.83] }" },
  { file: "tcp-leftover.yaml", step: "hello again", from: 'send: "again", expect: { regex: "^hello" }, timeout: 2s', to: 'send: "again", expect: { regex: "^world" }, timeout: 2s' },
  { file: "tcp-leftover.yaml", step: "the second read on", from: 'tcp: { session: h, expect: "second\\r\\n" }', to: 'tcp: { session: h, expect: "first\\r\\n", timeout: 1s }' },
  { file: "traceroute-names.yaml", step: "udp probes", from: "traceroute: { to: server, max_ttl: 6, expect: { hops: [r1, r2, server] } }", to: "traceroute: { to: server, max_ttl: 6, expect: { hops: [r2, r1, server] } }" },
  { file: "sr-sets.yaml", step: "a port list, all answered", from: "expect: { answered: 3, unanswered: 0, each", to: "expect: { answered: 2, unanswered: 0, each" },
  { file: "http-json.yaml", step: "fields by path", from: 'latency_ms: ">= 1 and < 50"', to: 'latency_ms: ">= 13 and < 50"' },
  { file: "save-reuse.yaml", step: "reuse them in a packet and its expectation", from: 'IP.src: "${peer}" }', to: 'IP.src: "!= ${peer}" }' },
  { file: "udp-dialogue.yaml", step: "a rule stays silent", from: 'send: "quiet", expect_none: 300ms', to: 'send: "TIME", expect_none: 300ms' },
  { file: "icmp-symbolic.yaml", step: "udp to a closed port gets port-unreachable", from: "IPerror.src: 198.18.0.1", to: "IPerror.src: 198.18.0.2" },
  { file: "slow-link-rtt.yaml", step: "an echo's rtt too", from: 'rtt: ">= 40ms" }', to: 'rtt: "< 40ms" }' },
];

// Refused at load: the message names the place and what would be valid.
const loadMutants: (Omit<Mutant, "step"> & { says: RegExp })[] = [
  { file: "dns-answers.yaml", from: 'DNS.an.rdata: "!= 198.18.0.66"', to: 'DNS.an.rdatta: "!= 198.18.0.66"', says: /:\d+:\d+: DNS\.an has no field `rdatta` \(did you mean `rdata`\?\)/ },
  { file: "dns-answers.yaml", from: "DNS.an.type: A\n        DNS.an.rclass", to: "DNS.an.type: B\n        DNS.an.rclass", says: /:\d+:\d+: DNS\.an\.type: .*"B" is not a known value .*AAAA/ },
  { file: "dns-answers.yaml", from: "DNS.rcode: name-error, DNS.ancount: 0", to: "DNS.rcode: name-eror, DNS.ancount: 0", says: /:\d+:\d+: DNS\.rcode: .*did you mean `name-error`/ },
  { file: "icmp-symbolic.yaml", from: "ICMP.type: echo-reply, ICMP.code: 0", to: "ICMP.type: echo-replay, ICMP.code: 0", says: /:\d+:\d+: ICMP\.type: .*did you mean `echo-reply`/ },
  { file: "traceroute-names.yaml", from: 'expect: { hops: [r1, "*", server] }', to: 'expect: { hops: [r1, "*", sever] }', says: /:\d+:\d+: hop `sever` .*did you mean `server`/ },
  { file: "save-reuse.yaml", from: "save: { sseq: TCP.seq, peer: IP.src }", to: "save: { sseq: TCP.seqq, peer: IP.src }", says: /:\d+:\d+: TCP has no field `seqq` \(did you mean `seq`\?\)/ },
  { file: "tcp-reset-refused.yaml", from: 'send: "boom\\n", expect_error: reset', to: 'send: "boom\\n", expect_error: refused', says: /:\d+:\d+: after a send .*only a reset/ },
  { file: "arp-scan.yaml", from: "arp_scan: { network: 198.18.0.0/27, timeout: 500ms, expect: { hosts: [198.18.0.10, 198.18.0.11, 198.18.0.20] } }", to: "arp_scan: { to: 198.18.0.0/27, expect: { hosts: [198.18.0.10] } }", says: /:\d+:\d+: .*lacks `network`/ },
];

/** The file with one text replaced, the scenario renamed after the mutant, and the steps after `step` dropped
 * (they cannot change the mutated step's verdict, and the run stays short). */
function mutate(m: Omit<Mutant, "step"> & { step?: string }, id: string): string {
  const text = readFileSync(join(folder, m.file), "utf8");
  expect(text.split(m.from).length - 1, `${m.file}: ${m.from}`).toBe(1);
  const doc = parse(text.replace(m.from, m.to));
  doc.name = `${doc.name} [${id}]`;
  if (m.step) {
    const at = doc.steps.findIndex((s: { name?: string }) => s.name === m.step);
    expect(at, `${m.file}: step ${m.step}`).toBeGreaterThanOrEqual(0);
    doc.steps = doc.steps.slice(0, at + 1);
  }
  return stringify(doc);
}

describe("black-box verdicts against the kernel's tools", () => {
  let suites: ReturnType<typeof parseJUnit>["suites"];
  let run: Awaited<ReturnType<typeof runCliAsync>>;
  const mutantDir = mkdtempSync(join(tmpdir(), "wc-bbmut-"));

  beforeAll(async () => {
    symlinkSync(join(folder, "data"), join(mutantDir, "data"));
    runMutants.forEach((m, i) => writeFileSync(join(mutantDir, `m${i}-${m.file}`), mutate(m, `mutant ${i}`)));
    const junit = join(mutantDir, "junit.xml");
    // One run over the folder and the mutants together, two scenarios at a time.
    run = await runCliAsync(["run", folder, mutantDir, "--jobs", "2", "--junit", junit], {}, 170_000);
    suites = parseJUnit(readFileSync(junit, "utf8")).suites;
  }, 180_000);

  it("every scenario of the folder passes, each step a testcase", () => {
    expect(run.stderr).toBe("");
    const mine = suites.filter((s) => !/\[mutant \d+\]$/.test(s.attrs.name));
    const expected = files.flatMap((f) => {
      const doc = parse(readFileSync(join(folder, f), "utf8"));
      const variants = doc.matrix ? Object.values(doc.matrix as Record<string, unknown[]>).reduce((n, v) => n * v.length, 1) : 1;
      return Array.from({ length: variants }, () => ({ file: f, steps: (doc.steps as { name?: string }[]).filter((s) => s.name).map((s) => s.name) }));
    });
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(mine.length).toBe(expected.length);
    for (const s of mine) {
      const bad = s.cases.filter((c) => /<(failure|error)/.test(c.body)).map((c) => `${c.name}: ${c.body.slice(0, 300)}`);
      expect(bad, s.attrs.name).toEqual([]);
      expect(s.attrs).toMatchObject({ failures: "0", errors: "0", skipped: "0" });
    }
    for (const e of expected) {
      const s = mine.find((x) => x.cases.some((c) => c.attrs.file?.endsWith(`blackbox/${e.file}`)));
      expect(s, e.file).toBeDefined();
      for (const name of e.steps) expect(s!.cases.map((c) => c.name), e.file).toContain(name);
    }
  });

  it("every run-time mutant fails the step it changed, and the run exits 1", () => {
    expect(run.code, run.stdout.slice(-2000)).toBe(1);
    runMutants.forEach((m, i) => {
      const s = suites.find((x) => x.attrs.name.endsWith(`[mutant ${i}]`));
      expect(s, `mutant ${i} has a suite`).toBeDefined();
      const c = s!.cases.find((x) => x.name === m.step)!;
      expect(c.body, `mutant ${i} (${m.file}: ${m.to}) must fail "${m.step}"`).toMatch(/<failure /);
    });
  });

  it("every load-time mutant is refused at file:line:col with what would be valid, and nothing runs", () => {
    loadMutants.forEach((m, i) => {
      const file = join(mutantDir, `load${i}-${m.file}`);
      writeFileSync(file, mutate(m, `load ${i}`));
      const r = runCli(["validate", file]);
      expect(r.code, `${m.file}: ${m.to}\n${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stdout + r.stderr).toMatch(m.says);
    });
  });

  it("leaves no namespace behind", () => {
    const id = /wirecheck run (\w+):/.exec(run.stdout)![1];
    expect(netns().filter((n) => n.startsWith(`wc-${id}-`))).toEqual([]);
  });
});
