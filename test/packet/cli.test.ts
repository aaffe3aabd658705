import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../e2e/helpers.js";

const vectors = readFileSync("test/fixtures/scapy-vectors.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { expr: string; hex: string; summary: string; layers: { name: string; fields: Record<string, unknown> }[] });

describe("wirecheck craft and dissect", () => {
  it("craft --hex prints one line of hex per packet and nothing else", () => {
    const v = vectors[3];
    const r = runCli(["craft", v.expr, "--hex"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${v.hex}\n`);
    const set = runCli(["craft", 'IP(src="198.18.0.1", dst="198.18.0.2")/TCP(dport=(20, 25))', "--hex"]);
    expect(set.stdout.trim().split("\n")).toHaveLength(6);
  });

  it("a bad expression exits 2, points at the column and says what is valid", () => {
    const r = runCli(["craft", 'IP(dst="198.18.0.2")/TCP(dprot=80)']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("column 26");
    expect(r.stderr).toContain("did you mean `dport`");
    expect(r.stderr).toMatch(/\n {25}\^/);
    const range = runCli(["craft", "IP(ttl=300)"]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain("ttl=300 is out of range: ttl is 8 bits, 0 to 255");
    expect(runCli(["craft", "Foo()"]).stderr).toContain("unknown layer `Foo`");
  });

  it("dissect --json gives Scapy's layers and fields", () => {
    const v = vectors.find((x) => x.expr.includes("DNSRR"))!;
    const r = runCli(["dissect", v.hex, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { layers: { name: string; fields: Record<string, unknown> }[] };
    expect(json.layers.map((l) => l.name)).toEqual(v.layers.map((l) => l.name));
    expect(json.layers[3].fields).toMatchObject(v.layers[3].fields);
  });

  it("craft --show prints what Scapy's show() prints; --json holds flags as Scapy's letters, no other keys", () => {
    const shows = readFileSync("test/fixtures/show-vectors.jsonl", "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { expr: string; show: string });
    const v = shows.find((x) => x.expr.includes("ICMP(") && x.expr.startsWith("Ether"))!;
    const r = runCli(["craft", v.expr, "--show"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${v.show}\n`);
    expect(r.stdout).toContain("proto     = icmp");
    const j = runCli(["craft", 'IP(src="198.18.0.1", dst="198.18.0.2", flags="DF")/TCP(flags="SA")', "--json"]);
    expect(j.code).toBe(0);
    const json = JSON.parse(j.stdout) as { layers: { name: string; fields: Record<string, unknown> }[] };
    expect(json.layers.map((l) => [l.name, l.fields.flags])).toEqual([["IP", "DF"], ["TCP", "SA"]]);
    expect(j.stdout).not.toContain("#");
  });

  it("craft --pcap writes a file that dissect reads back with its link type", () => {
    const file = join(mkdtempSync(join(tmpdir(), "wc-pcap-")), "out.pcap");
    const expr = 'IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=1000, dport=[7, 9])/b"hi"';
    expect(runCli(["craft", expr, "--pcap", file]).code).toBe(0);
    const r = runCli(["dissect", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("#1 IP / UDP 198.18.0.1:1000 > 198.18.0.2:echo / Raw");
    expect(r.stdout).toContain("#2 IP / UDP 198.18.0.1:1000 > 198.18.0.2:discard / Raw");
  });
});
