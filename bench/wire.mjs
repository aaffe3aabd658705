// npm run bench:wire (root) — packets on a veth pair between two namespaces: sr1 latency, send rate, a sniffer
// keeping up; Scapy 2.5 and a plain cap.send loop measured in the same lab, in the same run.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgentPool } from "../dist/agent/pool.js";
import { labUp } from "../dist/lab/lab.js";
import { newRunId, registerRun, unregisterRun } from "../dist/lab/registry.js";
import { craft, loadScenarioText } from "../dist/index.js";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const plan = loadScenarioText("bench.yaml", `name: wire bench
lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }
steps: [{ name: x, exec: { run: "true" } }]
`);
const runId = newRunId();
registerRun(runId);
const work = mkdtempSync(join(tmpdir(), "wc-bench-wire-"));
const lab = await labUp(plan, runId);
const pool = new AgentPool(runId);
const ns = (h) => lab.hosts.get(h).netns;
const inNs = (h, cmd, args, o = {}) => spawnSync("ip", ["netns", "exec", ns(h), cmd, ...args], { encoding: "utf8", timeout: 180_000, ...o });
const rows = [];
let sink;
try {
  const [client, server] = await Promise.all(["client", "server"].map((h) => pool.acquire(h, ns(h), { dir: process.cwd(), work })));
  // The client records what it sends and receives, as in every scenario that speaks packets; the server starts
  // recording later (below), so the first figures are the sender's alone.
  await client.request("wire.open", null);

  // sr1: 1200 calls one after another, each a full request/answer through the agent; the first 200 warm the JIT up
  // (a script or a scenario with many sr1 steps runs warm).
  const times = [];
  for (let i = 0; i < 1200; i++) {
    const t = performance.now();
    const r = await client.request("wire.sr", { packet: `IP(dst="198.18.0.2")/ICMP(id=1, seq=${i % 65536})`, layer: 3, timeoutMs: 1000, first: true });
    if (!r.answers.length) throw new Error("sr1 got no answer");
    if (i >= 200) times.push(performance.now() - t);
  }
  const rtt = median(times);

  // send: one expression with a varying field, 65,535 packets; crafting, routing, building and sending all count.
  // Two receivers: a UDP port with a socket bound (the kernel queues, then drops what nobody reads) and a closed
  // port (the kernel looks up a route for every port-unreachable it then rate-limits: costlier, on the sender's CPU).
  sink = spawn("ip", ["netns", "exec", ns("server"), "/usr/bin/python3", "-c", "import socket,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('198.18.0.2',9))\nprint('ready',flush=True)\ntime.sleep(600)"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((r) => sink.stdout.once("data", r));
  const exprTo = (port) => `IP(dst="198.18.0.2")/UDP(sport=(1, 65535), dport=${port})`;
  const rate = (s) => s.sent / ((s.ms + s.prepareMs) / 1000);
  const best = async (port, n = 3) => {
    const runs = [];
    for (let i = 0; i < n; i++) runs.push(await client.request("wire.send", { packet: exprTo(port), layer: 3 }, 120_000));
    return median(runs.map(rate));
  };
  // Anchor: cap.send of the same frames, built beforehand, one call per frame, from a Node process in the client.
  const srcMac = inNs("client", "cat", ["/sys/class/net/eth0/address"]).stdout.trim();
  const dstMac = inNs("server", "cat", ["/sys/class/net/eth0/address"]).stdout.trim();
  const framesFile = join(work, "frames.bin");
  const built = craft(`Ether(dst="${dstMac}", src="${srcMac}")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=(1, 65535), dport=9)`).map((p) => p.bytes);
  writeFileSync(framesFile, Buffer.concat(built));
  const anchorJs = `const { Cap } = require(${JSON.stringify(join(process.cwd(), "node_modules/cap"))});
const f = require("fs").readFileSync(${JSON.stringify(framesFile)}); const len = ${built[0].length};
// cap keeps only the address of its buffer: the buffer must stay referenced while the handle is open.
const c = new Cap(); globalThis.keep = Buffer.alloc(65536); c.open("eth0", "", 16 << 20, globalThis.keep); const rates = [];
for (let r = 0; r < 3; r++) { const t = performance.now(); for (let o = 0; o < f.length; o += len) c.send(f.subarray(o, o + len), len); rates.push(f.length / len / ((performance.now() - t) / 1000)); }
c.close(); console.log(rates.sort((a, b) => a - b)[1]);`;
  const capSend = () => Number(inNs("client", process.execPath, ["-e", anchorJs]).stdout.trim());

  // A sniffer on the receiver while the client sends: its rate, and whether the sniffer saw every frame.
  const sniffed = async () => {
    const { id } = await server.request("wire.sniffStart", { filter: "udp and dst port 9" });
    const sent = await client.request("wire.send", { packet: exprTo(9), layer: 3 }, 120_000);
    const { frames, stats } = await server.request("wire.sniffStop", { id });
    return { rate: rate(sent), sent: sent.sent, seen: frames.length, ...stats.find((s) => s.iface === "eth0") };
  };

  const alone = { ours: await best(9), cap: capSend(), closed: await best(10), sniffed: await sniffed() };
  await server.request("wire.open", null);
  const recorded = { ours: await best(9), cap: capSend(), closed: await best(10), sniffed: await sniffed() };

  // Scapy in the same client namespace: sr1 of the same echo, sendp of prebuilt frames.
  const py = String.raw`
import time, statistics, json
from scapy.all import IP, ICMP, UDP, Ether, sr1, sendp, conf
conf.verb = 0
ts = []
for i in range(40):
    t = time.perf_counter(); r = sr1(IP(dst="198.18.0.2")/ICMP(id=1, seq=i), timeout=1); ts.append(time.perf_counter() - t)
    assert r is not None
frames = [Ether(dst="${dstMac}")/IP(dst="198.18.0.2")/UDP(sport=i, dport=9) for i in range(1, 4001)]
t = time.perf_counter(); sendp(frames, iface="eth0"); d = time.perf_counter() - t
print(json.dumps({"sr1_ms": statistics.median(ts[5:]) * 1000, "send_pps": len(frames) / d}))
`;
  const s = inNs("client", "/usr/bin/python3", ["-c", py]);
  const scapy = s.status === 0 ? JSON.parse(s.stdout.trim().split("\n").pop()) : undefined;
  if (!scapy) console.log(`Scapy not measured: ${(s.stderr || s.error?.message || "").trim().split("\n").pop()}`);

  const pps = (x) => x.toFixed(0);
  rows.push(["sr1 ICMP echo, median of 1000 after 200 to warm up (ms per call)", rtt.toFixed(3), scapy ? scapy.sr1_ms.toFixed(3) : "–", scapy ? `${(scapy.sr1_ms / rtt).toFixed(0)}× faster` : ""]);
  const vs = (x, cap) => `${scapy ? `${(x / scapy.send_pps).toFixed(0)}× Scapy's sendp, ` : ""}${(x / cap).toFixed(2)}× cap.send`;
  const sniffRows = (x) => [
    [`    while it sniffs: packets/s`, pps(x.rate), "", ""],
    [`    its sniffer: frames seen; libpcap received, dropped, dropped by the interface`, `${x.seen}/${x.sent}; ${x.received}, ${x.dropped}, ${x.ifDropped}`, "", x.seen === x.sent && x.dropped === 0 ? "none lost" : "LOST FRAMES"],
  ];
  rows.push(["send 65535 packets from an expression with a varying field", "", "", ""]);
  rows.push(["  receiver not recording; to a UDP port with a socket bound (packets/s)", pps(alone.ours), scapy ? pps(scapy.send_pps) : "–", vs(alone.ours, alone.cap)]);
  rows.push(["    plain cap.send of the same frames, prebuilt, one call each", pps(alone.cap), "", ""]);
  rows.push(["    to a closed port", pps(alone.closed), "", ""]);
  rows.push(...sniffRows(alone.sniffed));
  rows.push(["  receiver recording too, as in a scenario (packets/s)", pps(recorded.ours), "", vs(recorded.ours, recorded.cap)]);
  rows.push(["    plain cap.send of the same frames", pps(recorded.cap), "", ""]);
  rows.push(["    to a closed port", pps(recorded.closed), "", ""]);
  rows.push(...sniffRows(recorded.sniffed));
  await pool.close();
} finally {
  sink?.kill();
  await lab.down();
  unregisterRun(runId);
  rmSync(work, { recursive: true, force: true });
}
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`wirecheck wire bench — veth pair between two namespaces, node ${process.version}, Scapy 2.5 in the same lab`);
console.log(`${"".padEnd(w)}  ${"wirecheck".padStart(12)}  ${"Scapy".padStart(12)}`);
for (const [k, a, b, c] of rows) console.log(`${k.padEnd(w)}  ${a.padStart(12)}  ${b.padStart(12)}  ${c}`);
