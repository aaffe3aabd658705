// The bundled fragments-firewall scenario in a real lab: it passes, tshark reads every capture (and reassembles the
// crafted fragments with good UDP checksums, the source address filled in from the route), and its reassembled
// expectations bite: without `reassemble`, or with the payload absent from the stream, the same steps fail.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, netns, parseJUnit, root } from "./helpers.js";

const scenario = readFileSync(join(root, "scenarios/fragments-firewall.yaml"), "utf8");
const work = mkdtempSync(join(tmpdir(), "wc-frag-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs wirecheck from `dir` (reports land in dir/reports), without blocking the worker. */
function run(dir: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

/** Namespaces a run left: its labs' names start with wc- and its run id (or a lab id registered under it). */
function leftovers(out: string): string[] {
  const id = /wirecheck run (\w+)/.exec(out)?.[1];
  expect(id, out).toBeDefined();
  return netns().filter((n) => n.startsWith(`wc-${id}`));
}

function folderWith(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "data"), { recursive: true });
  copyFileSync(join(root, "scenarios/data/fragments.nft"), join(dir, "data/fragments.nft"));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

/** tshark's reading of a capture: per frame, malformed or not, its expert messages, UDP checksum status, IP ids. */
function tshark(file: string): { frame: number; malformed: boolean; experts: string[]; udpChecksum: string[]; src: string[]; ids: number[]; udpLength: string[] }[] {
  const r = spawnSync(
    "/usr/bin/tshark",
    ["-r", file, "-n", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-T", "json",
      "-e", "frame.number", "-e", "_ws.malformed", "-e", "_ws.expert.message", "-e", "udp.checksum.status", "-e", "ip.src", "-e", "ip.id", "-e", "udp.length"],
    { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`tshark failed on ${file}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { _source: { layers: Record<string, string[]> } }[]).map(({ _source: { layers: l } }) => ({
    frame: Number(l["frame.number"][0]),
    malformed: (l["_ws.malformed"] ?? []).length > 0,
    experts: l["_ws.expert.message"] ?? [],
    udpChecksum: l["udp.checksum.status"] ?? [],
    src: l["ip.src"] ?? [],
    ids: (l["ip.id"] ?? []).map((x) => Number(x)),
    udpLength: l["udp.length"] ?? [],
  }));
}

describe("fragments through an nftables firewall", () => {
  it("the bundled scenario passes, and tshark reads its captures as the scenario says", async () => {
    const dir = folderWith("bundled", { "fragments-firewall.yaml": scenario });
    const r = await run(dir, ["run", "fragments-firewall.yaml", "--junit", "junit.xml"], 120_000);
    expect(r.code, r.out).toBe(0);
    expect(leftovers(r.out)).toEqual([]);
    const [suite] = parseJUnit(readFileSync(join(dir, "junit.xml"), "utf8")).suites;
    // The setup, 13 steps and the scenario sniffer.
    expect(suite.attrs).toMatchObject({ tests: "15", failures: "0", errors: "0", skipped: "0" });
    const pcaps = join(dir, "reports/fragments-firewall");
    const frames = Object.fromEntries(["client", "fw", "server"].map((h) => [h, tshark(join(pcaps, `${h}.pcapng`))]));
    for (const [host, list] of Object.entries(frames)) {
      expect(list.length, host).toBeGreaterThan(20);
      // Malformed only where the scenario means it: the 24 bytes of B that overlap a UDP header (ids 105 and 106).
      const bad = list.filter((f) => f.malformed && !f.ids.some((id) => id === 105 || id === 106));
      expect(bad, host).toEqual([]);
      // Our crafted datagrams, put together by Wireshark, carry good UDP checksums (1: good). The kernel's own
      // packets may show partial checksums (transmit offload), and id 104's header says no checksum (0).
      // (An ICMP error the client's kernel sends quotes a second IP header: not ours.)
      const crafted = list.filter((f) => f.src.length === 1 && f.src[0] === "198.18.1.2" && f.udpChecksum.length > 0 && !f.ids.some((id) => id >= 104 && id <= 106));
      expect(crafted.length, host).toBeGreaterThan(0);
      expect(crafted.filter((f) => f.udpChecksum[0] !== "1"), host).toEqual([]);
    }
    // Wireshark reassembles the 3000-byte datagram on the server's side too: the firewall let it through.
    expect(frames.server.some((f) => f.src[0] === "198.18.1.2" && f.udpLength[0] === "3008")).toBe(true);
    // Nothing of the blocked or discarded IPv4 datagrams reached the server.
    expect(frames.server.filter((f) => f.src[0] === "198.18.1.2" && f.ids.some((id) => id >= 103 && id <= 106))).toEqual([]);
  }, 150_000);

  it("the reassembled expectations bite: without reassemble, or with the payload absent, the steps fail", async () => {
    const mutant = (from: string, to: string) => {
      expect(scenario).toContain(from);
      return scenario.replace(from, to);
    };
    const stepTcp = "a TCP payload split across segments reads whole from the reassembled stream";
    const mutants: Record<string, { text: string; failing: string[] }> = {
      "no-ip-reassembly.yaml": {
        text: mutant("      filter: udp and src host 198.18.2.2\n      reassemble: ip\n      while:\n        - { host: client, send: { packet: 'fragment(IP(dst=\"server\", id=101)", "      filter: udp and src host 198.18.2.2\n      while:\n        - { host: client, send: { packet: 'fragment(IP(dst=\"server\", id=101)"),
        failing: ["a datagram in 1000-byte fragments reaches the allowed port and is echoed"],
      },
      "no-tiny-reassembly.yaml": {
        text: mutant("      filter: ip and src host 198.18.1.2\n      reassemble: ip\n      while:\n        - { host: client, send: { packet: 'fragment(IP(dst=\"server\", id=111)", "      filter: ip and src host 198.18.1.2\n      while:\n        - { host: client, send: { packet: 'fragment(IP(dst=\"server\", id=111)"),
        failing: ["tiny fragments to the allowed port reach the server, which reads them whole"],
      },
      "no-tcp-reassembly.yaml": { text: mutant("      reassemble: tcp\n", ""), failing: [stepTcp] },
      // The connection still works (the echo is what was sent), but the stream no longer holds the password.
      "payload-absent.yaml": {
        text: mutant('send: ["user=admin&pass", "word=hunter2\\n"], expect: "user=admin&password=hunter2\\n"', 'send: ["user=admin&pass", "wd=hunter2\\n"], expect: "user=admin&passwd=hunter2\\n"'),
        failing: [stepTcp],
      },
    };
    const dir = folderWith("mutants", Object.fromEntries(Object.entries(mutants).map(([f, m]) => [f, m.text])));
    const r = await run(dir, ["run", ".", "--junit", "junit.xml"], 240_000);
    expect(r.code, r.out).toBe(1);
    expect(leftovers(r.out)).toEqual([]);
    const suites = parseJUnit(readFileSync(join(dir, "junit.xml"), "utf8")).suites;
    expect(suites.length).toBe(4);
    for (const s of suites) {
      const file = Object.keys(mutants).find((f) => s.cases.some((c) => c.attrs.classname === f.replace(/\.yaml$/, "")))!;
      expect(file, JSON.stringify(s.attrs)).toBeDefined();
      const failed = s.cases.filter((c) => /<failure/.test(c.body)).map((c) => c.name);
      expect({ file, failed }).toEqual({ file, failed: mutants[file].failing });
      // The step failed on its expectation, not because a step it ran failed.
      for (const c of s.cases.filter((c) => /<failure/.test(c.body))) expect(c.body).not.toContain("a step run while sniffing did not pass");
    }
    expect(existsSync(join(dir, "reports"))).toBe(true);
  }, 300_000);
});
