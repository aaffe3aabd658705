import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentClient } from "../../dist/agent/client.js";
import { AgentPool } from "../../dist/agent/pool.js";
import { loadScenarioText } from "../../dist/index.js";
import { labUp, type Lab } from "../../dist/lab/lab.js";
import { newRunId, registerRun, unregisterRun } from "../../dist/lab/registry.js";
import { root } from "./helpers.js";

// Sending in batches and libpcap's counters, on a real veth pair between two namespaces: every frame arrives, the
// counters add up, and a capture that cannot keep up says how many it lost.
describe("batched sends and capture counters", () => {
  let lab: Lab;
  let runId: string;
  let client: AgentClient;
  let server: AgentClient;
  let pool: AgentPool;
  const work = mkdtempSync(join(tmpdir(), "wc-test-capture-"));

  beforeAll(async () => {
    runId = newRunId();
    registerRun(runId);
    const plan = loadScenarioText("capture.yaml", "name: capture\nlab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }\nsteps: [{ name: x, exec: { run: \"true\" } }]\n");
    lab = await labUp(plan, runId);
    pool = new AgentPool(runId);
    [client, server] = await Promise.all(["client", "server"].map((h) => pool.acquire(h, lab.hosts.get(h)!.netns, { dir: root, work })));
    await Promise.all([client.request("wire.open", null), server.request("wire.open", null)]);
  });

  afterAll(async () => {
    await pool?.close();
    await lab?.down();
    unregisterRun(runId);
    rmSync(work, { recursive: true, force: true });
  });

  it("turns segmentation offloads off on captured interfaces (libpcap's ring slots then fit the MTU)", () => {
    const out = spawnSync("ip", ["netns", "exec", lab.hosts.get("server")!.netns, "ethtool", "-k", "eth0"], { encoding: "utf8" }).stdout;
    expect(out).toMatch(/^tcp-segmentation-offload: off/m);
    expect(out).toMatch(/^generic-segmentation-offload: off/m);
    expect(out).toMatch(/^generic-receive-offload: off/m);
  });

  it("delivers every frame of a 5,000-packet set in order, and the sniffer's counters say so", async () => {
    const { id } = await server.request<{ id: number }>("wire.sniffStart", { filter: "udp and dst port 9" });
    const sent = await client.request<{ sent: number }>("wire.send", { packet: 'IP(dst="198.18.0.2")/UDP(sport=(1, 5000), dport=9)', layer: 3 }, 60_000);
    const r = await server.request<{ frames: { hex: string }[]; total: number; stats: { iface: string; received: number; dropped: number; ifDropped: number }[] }>("wire.sniffStop", { id });
    expect(sent.sent).toBe(5000);
    expect(r.total).toBe(5000);
    // UDP source port at offset 34 of each frame: 1, 2, … 5000 in the order sent.
    const ports = r.frames.map((f) => parseInt(f.hex.slice(68, 72), 16));
    expect(ports).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    const eth0 = r.stats.find((s) => s.iface === "eth0")!;
    expect(eth0).toMatchObject({ received: 5000, dropped: 0, ifDropped: 0 });
  });

  it("counts what a capture lost when its reader stalls (libpcap's ps_drop)", async () => {
    // A reader in the server namespace that does not read for 2 s while 20,000 frames arrive: its ring (some 8,000
    // slots) overflows, and the counters must account for every frame, taken or lost.
    const reader = `
      import { Capture } from ${JSON.stringify(join(root, "dist/wire/capture.js"))};
      let seen = 0;
      const c = new Capture("eth0", "udp and dst port 19", (data, lengths, times, count) => (seen += count));
      console.log("ready");
      const until = Date.now() + 2000;
      while (Date.now() < until);
      setTimeout(() => { console.log(JSON.stringify({ seen, ...c.stats() })); c.close(); }, 500);
    `;
    const child = spawn("ip", ["netns", "exec", lab.hosts.get("server")!.netns, process.execPath, "--input-type=module", "-e", reader], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`reader exited (${code})`)));
    });
    const sent = await client.request<{ sent: number }>("wire.send", { packet: 'IP(dst="198.18.0.2")/UDP(sport=(1, 20000), dport=19)', layer: 3 }, 60_000);
    const how = await new Promise((r) => child.once("close", (code, signal) => r({ code, signal })));
    expect(how).toEqual({ code: 0, signal: null });
    expect(err).toBe("");
    const stats = JSON.parse(out.trim().split("\n").pop()!) as { seen: number; received: number; dropped: number };
    expect(sent.sent).toBe(20000);
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.received).toBe(stats.seen);
    expect(stats.received + stats.dropped).toBe(20000);
  });
});
