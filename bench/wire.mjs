// npm run bench:wire (root) — packets on a veth pair between two namespaces: sr1 latency, send rate, sniffer
// keeping up; Scapy 2.5 does the same in the same lab, in the same run.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgentClient } from "../dist/agent/client.js";
import { labUp } from "../dist/lab/lab.js";
import { newRunId, registerRun, unregisterRun } from "../dist/lab/registry.js";
import { loadScenarioText } from "../dist/index.js";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const plan = loadScenarioText("bench.yaml", `name: wire bench
lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }
steps: [{ name: x, exec: { run: "true" } }]
`);
const runId = newRunId();
registerRun(runId);
const work = mkdtempSync(join(tmpdir(), "wc-bench-wire-"));
const lab = await labUp(plan, runId);
const rows = [];
try {
  const [client, server] = await Promise.all(["client", "server"].map((h) => AgentClient.start(h, lab.hosts.get(h).netns, { dir: process.cwd(), work })));
  await Promise.all([client.request("wire.open", null), server.request("wire.open", null)]);

  // sr1: 200 calls one after another, each a full request/answer through the agent.
  const times = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    const r = await client.request("wire.sr", { packet: `IP(dst="198.18.0.2")/ICMP(id=1, seq=${i % 65536})`, layer: 3, timeoutMs: 1000, first: true });
    if (!r.answers.length) throw new Error("sr1 got no answer");
    if (i >= 20) times.push(performance.now() - t);
  }
  const rtt = median(times);

  // send: one expression with a varying field, 65,535 packets, first alone (the sender's own speed)…
  const expr = 'IP(dst="198.18.0.2")/UDP(sport=(1, 65535), dport=9)';
  const sent = await client.request("wire.send", { packet: expr, layer: 3 }, 120_000);
  // …then with a sniffer on the receiver (one more core's worth of work on a 2-core machine).
  const { id } = await server.request("wire.sniffStart", { filter: "udp and dst port 9" });
  const sent2 = await client.request("wire.send", { packet: expr, layer: 3 }, 120_000);
  const { frames } = await server.request("wire.sniffStop", { id });
  // From the expression to the last frame on the wire: crafting, routing, building and sending all count.
  const rate = sent.sent / ((sent.ms + sent.prepareMs) / 1000);
  const rate2 = sent2.sent / ((sent2.ms + sent2.prepareMs) / 1000);

  // Scapy in the same client namespace: sr1 of the same echo, sendp of prebuilt frames.
  const py = String.raw`
import time, statistics, json
from scapy.all import IP, ICMP, UDP, Ether, sr1, sendp, conf, get_if_hwaddr
conf.verb = 0
ts = []
for i in range(40):
    t = time.perf_counter(); r = sr1(IP(dst="198.18.0.2")/ICMP(id=1, seq=i), timeout=1); ts.append(time.perf_counter() - t)
    assert r is not None
frames = [Ether(dst="ff:ff:ff:ff:ff:ff")/IP(dst="198.18.0.2")/UDP(sport=i, dport=10) for i in range(1, 4001)]
t = time.perf_counter(); sendp(frames, iface="eth0"); d = time.perf_counter() - t
print(json.dumps({"sr1_ms": statistics.median(ts[5:]) * 1000, "send_pps": len(frames) / d}))
`;
  const s = spawnSync("ip", ["netns", "exec", lab.hosts.get("client").netns, "/usr/bin/python3", "-c", py], { encoding: "utf8", timeout: 180_000 });
  const scapy = s.status === 0 ? JSON.parse(s.stdout.trim().split("\n").pop()) : undefined;
  if (!scapy) console.log(`Scapy not measured: ${(s.stderr || s.error?.message || "").trim().split("\n").pop()}`);

  rows.push(["sr1 ICMP echo, median of 200 (ms per call)", rtt.toFixed(3), scapy ? scapy.sr1_ms.toFixed(3) : "–", scapy ? `${(scapy.sr1_ms / rtt).toFixed(0)}× faster` : ""]);
  rows.push([`send ${sent.sent} packets from an expression with a varying field (packets/s)`, rate.toFixed(0), scapy ? scapy.send_pps.toFixed(0) : "–", scapy ? `${(rate / scapy.send_pps).toFixed(0)}×` : ""]);
  rows.push(["the same while the receiver sniffs (packets/s)", rate2.toFixed(0), "", ""]);
  rows.push(["receiver's sniffer: frames seen of those sent", `${frames.length}/${sent2.sent}`, "", frames.length === sent2.sent ? "none lost" : `${sent2.sent - frames.length} not seen (dropped in the kernel before capture)`]);
  await Promise.all([client.stop(), server.stop()]);
} finally {
  await lab.down();
  unregisterRun(runId);
}
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`wirecheck wire bench — veth pair between two namespaces, node ${process.version}, Scapy 2.5 in the same lab`);
console.log(`${"".padEnd(w)}  ${"wirecheck".padStart(12)}  ${"Scapy".padStart(12)}`);
for (const [k, a, b, c] of rows) console.log(`${k.padEnd(w)}  ${a.padStart(12)}  ${b.padStart(12)}  ${c}`);
