// Wireshark's view of what craft() builds: every vector expression is crafted, written to a pcap (Ethernet frames to
// one file, bare IPv4/IPv6 packets to another) and read by tshark with checksum validation on. No packet may be
// malformed or carry a bad checksum, except where the expression asks for it: a checksum set by hand (chksum=…,
// cksum=…), a UDP length set by hand (the checksum then covers other bytes than Wireshark checks), or a TCP SAck
// option with an odd number of edges (not whole blocks: Wireshark rightly calls it malformed; Scapy builds the same),
// or a bare Ethernet/802.1Q header whose type announces a payload that is not there (vectors of the summary).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { craft, encodePcap } from "../../src/packet/index.js";
import { readVectors } from "./helpers.js";

const TSHARK = "/usr/bin/tshark";
const LINKTYPE_ETHERNET = 1;
const LINKTYPE_RAW = 101;

/** A classic pcap file: global header (magic a1b2c3d4, version 2.4, snaplen 65535), then a record per packet. */

// Wireshark's expert-info groups and severities (epan/proto.h).
const PI_CHECKSUM = 0x01000000;
const PI_MALFORMED = 0x07000000;
const PI_ERROR = 0x00800000;

type Expert = { message: string; group: number; severity: number };
type Frame = { experts: Expert[]; malformed: boolean; protocols: string };

/** Runs tshark on a pcap and returns, per frame number, its expert infos and whether it is marked malformed. */
function readWithTshark(file: string): Map<number, Frame> {
  const r = spawnSync(
    TSHARK,
    [
      "-r", file, "-n",
      "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
      "-T", "json",
      "-e", "frame.number", "-e", "frame.protocols", "-e", "_ws.expert.message", "-e", "_ws.expert.group", "-e", "_ws.expert.severity", "-e", "_ws.malformed",
    ],
    { encoding: "utf8", timeout: 300_000, maxBuffer: 256 * 1024 * 1024 },
  );
  if (r.error || r.status !== 0) throw new Error(`tshark failed (status ${r.status}): ${r.error?.message ?? r.stderr}`);
  const out = new Map<number, Frame>();
  for (const entry of JSON.parse(r.stdout) as { _source: { layers: Record<string, string[]> } }[]) {
    const l = entry._source.layers;
    const messages = l["_ws.expert.message"] ?? [];
    const groups = l["_ws.expert.group"] ?? [];
    const severities = l["_ws.expert.severity"] ?? [];
    out.set(Number(l["frame.number"][0]), {
      experts: messages.map((message, i) => ({ message, group: Number(groups[i]), severity: Number(severities[i]) })),
      malformed: (l["_ws.malformed"] ?? []).length > 0,
      protocols: (l["frame.protocols"] ?? [""])[0],
    });
  }
  return out;
}

/** A vector that sets a checksum itself (chksum=…, cksum=…, GRE's too) or a UDP length may carry a wrong checksum on purpose. */
const wrongChecksumOnPurpose = (expr: string) => /\b(chksum|cksum)\s*=\s*(?!None\b)/.test(expr) || /UDP\([^)]*\blen\s*=\s*(?!None\b)/.test(expr);
/** A TCP SAck option with an odd number of edges: malformed on purpose (the vectors cover 1 and 3 values). */
const malformedOnPurpose = (expr: string) =>
  [...expr.matchAll(/\("SAck",\s*\(([^)]*)\)\)/g)].some((m) => m[1].split(",").filter((x) => x.trim() !== "").length % 2 === 1);
const isChecksumProblem = (x: Expert) => x.group === PI_CHECKSUM || /checksum/i.test(x.message);

const vectors = ["test/fixtures/scapy-vectors.jsonl", "test/fixtures/extra-vectors.jsonl", "test/fixtures/net-layers-vectors.jsonl", "test/fixtures/app-vectors.jsonl"].flatMap((f) => readVectors(f).map((v) => ({ file: f, expr: v.expr })));

type Entry = { expr: string; file: string; crafted?: Buffer; error?: string; link?: "ether" | "raw"; frame?: number; headerOnly?: boolean };

describe("tshark reads every crafted vector without malformed packets or bad checksums", () => {
  const entries: Entry[] = vectors.map((v) => ({ ...v }));
  const frames: Record<"ether" | "raw", Map<number, Frame>> = { ether: new Map(), raw: new Map() };
  let failure = "";
  const dir = mkdtempSync(join(tmpdir(), "wirecheck-tshark-"));

  beforeAll(() => {
    const probe = spawnSync(TSHARK, ["--version"], { encoding: "utf8", timeout: 60_000 });
    if (probe.error || probe.status !== 0) {
      failure = `${TSHARK} cannot run (${probe.error?.message ?? probe.stderr}): run \`make test\`, which installs tshark`;
      return;
    }
    const lists: Record<"ether" | "raw", Buffer[]> = { ether: [], raw: [] };
    for (const e of entries) {
      try {
        const p = craft(e.expr)[0];
        const first = p.layers[0].name;
        if (first !== "Ether" && first !== "Dot3" && first !== "IP" && first !== "IPv6") throw new Error(`starts with ${first}: neither Ethernet nor IP`);
        e.crafted = p.bytes;
        e.headerOnly = ["Ether", "Dot1Q"].includes(p.layers[p.layers.length - 1].name);
        e.link = first === "Ether" || first === "Dot3" ? "ether" : "raw";
        lists[e.link].push(e.crafted);
        e.frame = lists[e.link].length;
      } catch (err) {
        e.error = (err as Error).message;
      }
    }
    try {
      for (const link of ["ether", "raw"] as const) {
        const file = join(dir, `${link}.pcap`);
        // Written by the product's own pcap writer: every pcap wirecheck writes must read cleanly in tshark.
        writeFileSync(file, encodePcap(lists[link].map((data) => ({ data })), link === "ether" ? LINKTYPE_ETHERNET : LINKTYPE_RAW));
        frames[link] = readWithTshark(file);
        if (frames[link].size !== lists[link].length) throw new Error(`tshark read ${frames[link].size} of ${lists[link].length} frames from ${file}`);
      }
    } catch (err) {
      failure = (err as Error).message;
    }
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  entries.forEach((e, i) => {
    it(`#${i + 1} ${e.expr}`, () => {
      if (failure) expect.fail(failure);
      if (e.error) expect.fail(`${e.expr}\n  craft() throws: ${e.error}`);
      const f = frames[e.link!].get(e.frame!);
      if (!f) expect.fail(`${e.expr}\n  tshark did not report frame ${e.frame}`);
      const badChecksumAllowed = wrongChecksumOnPurpose(e.expr);
      const malformedAllowed = malformedOnPurpose(e.expr) || e.headerOnly === true;
      const problems = f.experts
        .filter((x) => x.group === PI_MALFORMED || x.severity === PI_ERROR || isChecksumProblem(x))
        .filter((x) => !(badChecksumAllowed && isChecksumProblem(x)))
        .filter((x) => !(malformedAllowed && (x.group === PI_MALFORMED || /past end of option/.test(x.message))))
        .map((x) => `${x.message} (group 0x${x.group.toString(16)}, severity 0x${x.severity.toString(16)})`);
      if (f.malformed && !malformedAllowed) problems.push("marked malformed");
      // What is malformed on purpose must still be seen so (the odd SAck is built, not dropped or "repaired").
      if (malformedOnPurpose(e.expr)) expect(f.malformed || f.experts.some((x) => x.group === PI_MALFORMED), "tshark should see the odd SAck as malformed").toBe(true);
      if (problems.length)
        expect.fail(`${e.expr}\n  bytes ${e.crafted!.toString("hex")}\n  tshark (${f.protocols}): ${problems.join("; ")}`);
    });
  });
});
