// npm run bench:sendmmsg (root) — sending a packet set from an expression against its on-the-wire anchor: a plain C
// sendmmsg loop (bench/anchors/sendmmsg.c, compiled here with cc -O2) sending the very same frames on the same veth,
// in the same lab, in the same run, with the same sniffer on the receiver. Issue 13's goal: at least 80% of the C
// loop, the sniffer losing nothing. A figure whose receiver lost frames is marked so and not taken as a rate.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AgentPool } from "../dist/agent/pool.js";
import { labUp } from "../dist/lab/lab.js";
import { newRunId, registerRun, unregisterRun } from "../dist/lab/registry.js";
import { craft, decodePcap, encodePcap, loadScenarioText } from "../dist/index.js";

const SET = 50_000; // packets in the expression's set
const REPEAT = 2; // the step's count: the set twice, 100,000 frames a run (a sniff keeps 100,000 frames)
const ROUNDS = Number(process.env.ROUNDS ?? 7); // wirecheck and the C loop alternately; medians
const payload = 64;
const expr = `IP(dst="198.18.0.2")/UDP(sport=(1, ${SET}), dport=9)/Raw(load=b"x"*${payload})`;
const total = SET * REPEAT;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const plan = loadScenarioText("bench-sendmmsg.yaml", `name: sendmmsg bench
lab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }
steps: [{ name: x, exec: { run: "true" } }]
`);
const work = mkdtempSync(join(tmpdir(), "wc-bench-sendmmsg-"));
const anchor = join(work, "sendmmsg");
const cc = spawnSync("cc", ["-O2", "-Wall", "-o", anchor, resolve("bench/anchors/sendmmsg.c")], { encoding: "utf8" });
if (cc.status !== 0) throw new Error(`cc -O2 bench/anchors/sendmmsg.c failed:\n${cc.stderr}`);

const runId = newRunId();
registerRun(runId);
const lab = await labUp(plan, runId);
const pool = new AgentPool(runId);
const ns = (h) => lab.hosts.get(h).netns;
const inNs = (h, cmd, args) => spawnSync("ip", ["netns", "exec", ns(h), cmd, ...args], { encoding: "utf8", timeout: 180_000 });
/** The kernel's counters of an interface in a host (/proc/net/dev of its namespace). */
const counters = (h, dev = "eth0") => {
  const line = inNs(h, "cat", ["/proc/net/dev"]).stdout.split("\n").find((l) => l.trim().startsWith(`${dev}:`));
  const f = line.split(":")[1].trim().split(/\s+/).map(Number);
  return { rx: f[0 + 1], rxDrop: f[3], tx: f[8 + 1], txDrop: f[8 + 3] };
};
/** A process's main thread's time on a CPU so far, in ms (the scheduler's own count: /proc/PID/task/PID/schedstat). */
const cpuMs = (pid) => Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
const lines = [];
let sink;
try {
  const env = { dir: process.cwd(), work };
  const server = await pool.acquire("server", ns("server"), env);
  // A socket bound on the receiver's port: the kernel queues (then drops) what nobody reads, and answers no port
  // unreachable that would come back to the sender.
  sink = spawn("ip", ["netns", "exec", ns("server"), "/usr/bin/python3", "-c", "import socket,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('198.18.0.2',9))\nprint('ready',flush=True)\ntime.sleep(600)"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((r) => sink.stdout.once("data", r));

  // The C loop's frames: the expression crafted by wirecheck with the addresses the route gives, in a pcap file.
  const srcMac = inNs("client", "cat", ["/sys/class/net/eth0/address"]).stdout.trim();
  const dstMac = inNs("server", "cat", ["/sys/class/net/eth0/address"]).stdout.trim();
  const frames = craft(`Ether(dst="${dstMac}", src="${srcMac}")/${expr.replace('IP(dst="198.18.0.2")', 'IP(src="198.18.0.1", dst="198.18.0.2")')}`).map((p) => p.bytes);
  const framesFile = join(work, "frames.pcap");
  writeFileSync(framesFile, encodePcap(frames.map((data) => ({ data }))));

  /** One measured send with the receiver's sniffer (the product's, as a sniff step arms it) and kernel counters. */
  const measured = async (send) => {
    const { id } = await server.request("wire.sniffStart", { filter: "udp and dst port 9" });
    const [rx0, tx0] = [counters("server"), counters("client")];
    const r = await send();
    const seen = await server.request("wire.sniffStop", { id }, 120_000);
    const [rx1, tx1] = [counters("server"), counters("client")];
    const stats = seen.stats.find((s) => s.iface === "eth0");
    const received = rx1.rx - rx0.rx;
    const lost = seen.total !== r.sent || stats.dropped !== 0 || stats.ifDropped !== 0 || received < r.sent || rx1.rxDrop !== rx0.rxDrop;
    return { ...r, seen: seen.total, dropped: stats.dropped, ifDropped: stats.ifDropped, received, rxDropped: rx1.rxDrop - rx0.rxDrop, transmitted: tx1.tx - tx0.tx, lost };
  };
  // wirecheck's run: the client's agent is sent into the host for it and leaves after, as for a scenario; its
  // capture of the sender's interface (which records what it sends for the host's pcap, as in every scenario that
  // speaks packets) would otherwise also take a copy of every frame of the C loop's run.
  const ours = async (save) => {
    const client = await pool.acquire("client", ns("client"), env);
    try {
      await client.request("wire.open", null);
      const r = await measured(async () => {
        const [t, cpu] = [performance.now(), cpuMs(client.pid)];
        const r = await client.request("wire.send", { packet: expr, layer: 3, count: REPEAT }, 120_000);
        const [wallMs, onCpuMs] = [performance.now() - t, cpuMs(client.pid) - cpu];
        return { sent: r.sent, wallMs, onCpuMs, prepareMs: r.prepareMs, sendMs: r.ms, pps: r.sent / (wallMs / 1000) };
      });
      if (save) r.pcap = (await client.request("wire.save", { file: "client.pcapng" }, 60_000)).file;
      return r;
    } finally {
      await pool.release(client);
    }
  };
  const theirs = () =>
    measured(async () => {
      const c = inNs("client", anchor, ["eth0", framesFile, String(total), "256"]);
      if (c.status !== 0) throw new Error(`the C anchor failed: ${c.stderr}`);
      const r = JSON.parse(c.stdout);
      return { sent: r.sent, wallMs: r.seconds * 1000, onCpuMs: r.cpuSeconds * 1000, calls: r.calls, waits: r.waits, pps: r.pps };
    });

  // A first run of each, not counted: ARP, the JIT, the page cache.
  const first = await ours(true);
  await theirs();
  // The same bytes on both sides: what the sender recorded of wirecheck's send is the C loop's file, frame for frame.
  const sentUdp = decodePcap(readFileSync(first.pcap)).records.map((r) => r.data).filter((d) => d.length > 23 && d.readUInt16BE(12) === 0x0800 && d[23] === 17);
  const same = sentUdp.length >= frames.length && frames.every((f, i) => f.equals(sentUdp[i]));
  if (!same) throw new Error(`wirecheck's frames differ from the C loop's file (first of ${sentUdp.length} recorded: ${sentUdp[0]?.toString("hex")}, file: ${frames[0].toString("hex")})`);

  const runs = { ours: [], theirs: [] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.ours.push(await ours());
    runs.theirs.push(await theirs());
  }

  const clean = (xs) => xs.filter((x) => !x.lost);
  /** The median over the runs that lost nothing of f(run); undefined when every run lost frames. */
  const med = (xs, f) => (clean(xs).length ? median(clean(xs).map(f)) : undefined);
  const pps = (x) => (x === undefined ? "LOST FRAMES" : Math.round(x).toLocaleString("en"));
  const us = (x, n = total) => (x === undefined ? "–" : ((x * 1000) / n).toFixed(2));
  const c = med(runs.theirs, (x) => x.pps);
  const ratio = (x) => (x === undefined || c === undefined ? "–" : `${((100 * x) / c).toFixed(1)}% of the C loop`);
  const counts = (xs) => {
    const x = xs[xs.length - 1];
    const losses = xs.filter((y) => y.lost).length;
    return `last run: sniffer saw ${x.seen} of ${x.sent}, libpcap dropped ${x.dropped}, the interface ${x.ifDropped}; sender's kernel tx ${x.transmitted}, receiver's rx ${x.received}, rx dropped ${x.rxDropped}; ${losses ? `LOST FRAMES in ${losses} of ${xs.length} runs` : `none lost in ${xs.length} runs`}`;
  };
  const o = runs.ours;
  lines.push(`${total.toLocaleString("en")} frames of ${frames[0].length} bytes a run (${expr}, count ${REPEAT}); ${ROUNDS} runs each, alternately; medians of the runs that lost nothing`);
  lines.push(["C sendmmsg loop (anchor), 256 frames a call", pps(c), "frames/s", ""]);
  lines.push(["  per frame: wall, on a CPU (µs)", `${us(med(runs.theirs, (x) => x.wallMs))}, ${us(med(runs.theirs, (x) => x.onCpuMs))}`, "", `${runs.theirs.at(-1).calls} sendmmsg calls, ${runs.theirs.at(-1).waits} waits (last run)`]);
  lines.push(["  receiver", counts(runs.theirs), "", ""]);
  lines.push(["wirecheck send, request to answer (the send step)", pps(med(o, (x) => x.pps)), "frames/s", ratio(med(o, (x) => x.pps))]);
  lines.push(["  inside the agent: parse, route, build, send", pps(med(o, (x) => x.sent / ((x.prepareMs + x.sendMs) / 1000))), "frames/s", ratio(med(o, (x) => x.sent / ((x.prepareMs + x.sendMs) / 1000)))]);
  lines.push(["  its send loop alone: build, batch, sendmmsg, record", pps(med(o, (x) => x.sent / (x.sendMs / 1000))), "frames/s", ratio(med(o, (x) => x.sent / (x.sendMs / 1000)))]);
  // CPU time per frame: the C loop's process against the agent's main thread (where the build and the system calls
  // run), the ratio the machine's other work disturbs least.
  const cpuRatio = (() => {
    const [a, b] = [med(runs.theirs, (x) => x.onCpuMs), med(o, (x) => x.onCpuMs)];
    return a === undefined || b === undefined ? "–" : `by CPU time ${((100 * a) / b).toFixed(1)}% of the C loop's rate`;
  })();
  lines.push(["  per frame: wall, agent's thread on a CPU (µs)", `${us(med(o, (x) => x.wallMs))}, ${us(med(o, (x) => x.onCpuMs))}`, "", cpuRatio]);
  lines.push(["  where the wall time goes (ms)", `prepare ${med(o, (x) => x.prepareMs)?.toFixed(1)}, send loop ${med(o, (x) => x.sendMs)?.toFixed(1)}, messages ${med(o, (x) => x.wallMs - x.prepareMs - x.sendMs)?.toFixed(1)}`, "", ""]);
  lines.push(["  receiver", counts(o), "", ""]);
  await pool.close();
} finally {
  sink?.kill();
  await lab.down();
  unregisterRun(runId);
  rmSync(work, { recursive: true, force: true });
}
const head = lines.shift();
const rows = lines;
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`on-the-wire anchor (bench/sendmmsg.mjs) — veth pair between two namespaces, node ${process.version}`);
console.log(`  ${head}`);
for (const [k, v, unit, r] of rows) console.log(`  ${k.padEnd(width)}  ${unit ? `${v.padStart(12)} ${unit.padEnd(8)}` : v}  ${r}`.trimEnd());
