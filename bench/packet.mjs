// npm run bench:packet — building and dissecting packets, wirecheck beside Scapy 2.5 measured in the same run.
// Each side repeats the same work for a fixed time; figures are operations per second (median of 5 rounds).
import { spawnSync } from "node:child_process";
import { craft, dissect, stack } from "../dist/packet/index.js";

const roundMs = 300;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function rate(fn) {
  for (let i = 0; i < 2000; i++) fn(); // warm up the JIT
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < roundMs) {
      for (let i = 0; i < 200; i++) fn();
      n += 200;
      t = performance.now();
    }
    rounds.push((n * 1000) / (t - t0));
  }
  return median(rounds);
}

const synOptions = [["MSS", 1460], ["SAckOK", ""], ["Timestamp", [12345, 0]], ["NOP", null], ["WScale", 7]];
const buildSyn = () =>
  stack(
    ["Ether", { dst: "02:00:00:00:00:02", src: "02:00:00:00:00:01" }],
    ["IP", { src: "198.18.0.1", dst: "198.18.0.2" }],
    ["TCP", { sport: 40000, dport: 80, flags: "S", seq: 1000, options: synOptions }],
  ).bytes;
const dnsQuery = () => craft('Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=5353, dport=53)/DNS(id=0xbeef, rd=1, qd=DNSQR(qname="www.example.com"))')[0];
const buildDns = () => {
  const qd = stack(["DNSQR", { qname: "www.example.com" }]).top;
  return stack(
    ["Ether", { dst: "02:00:00:00:00:02", src: "02:00:00:00:00:01" }],
    ["IP", { src: "198.18.0.1", dst: "198.18.0.2" }],
    ["UDP", { sport: 5353, dport: 53 }],
    ["DNS", { id: 0xbeef, rd: 1, qd: [qd] }],
  ).bytes;
};
const synBytes = buildSyn();
const dnsBytes = dnsQuery().bytes;
const ours = {
  "build TCP SYN with options": rate(buildSyn),
  "build DNS query": rate(buildDns),
  "dissect TCP SYN, read TCP.flags": rate(() => dissect(synBytes).get("TCP.flags")),
  "dissect DNS query, read DNS.qd.qname": rate(() => dissect(dnsBytes).get("DNS.qd.qname")),
  "craft from an expression (parse + build SYN)": rate(() => craft('IP(dst="198.18.0.2")/TCP(dport=80, flags="S", options=[("MSS", 1460)])')[0].bytes),
};

// Scapy does the same work: the same packets built with raw(), dissected with Ether() and a field read.
const py = String.raw`
import time, statistics, json
from scapy.all import Ether, IP, TCP, UDP, DNS, DNSQR, raw
def rate(fn):
    for _ in range(200): fn()
    rounds = []
    for _ in range(5):
        n = 0; t0 = time.perf_counter(); t = t0
        while t - t0 < ${roundMs / 1000}:
            for _ in range(20): fn()
            n += 20; t = time.perf_counter()
        rounds.append(n / (t - t0))
    return statistics.median(rounds)
opts = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (12345, 0)), ("NOP", None), ("WScale", 7)]
syn = lambda: raw(Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=80, flags="S", seq=1000, options=opts))
dns = lambda: raw(Ether(dst="02:00:00:00:00:02", src="02:00:00:00:00:01")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=5353, dport=53)/DNS(id=0xbeef, rd=1, qd=DNSQR(qname="www.example.com")))
sb = syn(); db = dns()
assert sb.hex() == "${synBytes.toString("hex")}", "Scapy built a different SYN"
assert db.hex() == "${dnsBytes.toString("hex")}", "Scapy built a different DNS query"
print(json.dumps({
  "build TCP SYN with options": rate(syn),
  "build DNS query": rate(dns),
  "dissect TCP SYN, read TCP.flags": rate(lambda: Ether(sb)[TCP].flags),
  "dissect DNS query, read DNS.qd.qname": rate(lambda: Ether(db)[DNS].qd.qname),
  "craft from an expression (parse + build SYN)": rate(lambda: raw(eval('IP(dst="198.18.0.2")/TCP(dport=80, flags="S", options=[("MSS", 1460)])'))),
}))
`;
const r = spawnSync("/usr/bin/python3", ["-c", py], { encoding: "utf8" });
let scapy = null;
if (r.status === 0) scapy = JSON.parse(r.stdout.trim().split("\n").pop());
else console.log(`Scapy not measured (${(r.stderr || r.error?.message || "").trim().split("\n").pop()}); apt-get install python3-scapy`);

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0)).padStart(9);
const w = Math.max(...Object.keys(ours).map((k) => k.length));
console.log(`packets/s — wirecheck on node ${process.version} beside Scapy 2.5 on /usr/bin/python3, same machine, same run`);
console.log(`${"".padEnd(w)}  ${"wirecheck".padStart(9)}  ${"Scapy".padStart(9)}   ratio`);
for (const [k, v] of Object.entries(ours)) {
  const s = scapy?.[k];
  console.log(`${k.padEnd(w)}  ${fmt(v)}  ${s ? fmt(s) : "        –"}   ${s ? `${(v / s).toFixed(0)}×` : ""}`);
}
