// npm run bench:fragments — fragment() and reassembly, wirecheck beside Scapy 2.5 measured in the same run (Scapy's
// fragment() and defragment()). Figures: fragmented packets per second, and fragments put back together per second.
import { spawnSync } from "node:child_process";
import { craft, dissect } from "../dist/packet/index.js";
import { reassembleIp } from "../dist/packet/reassemble-ip.js";
import { reassembleTcp } from "../dist/packet/reassemble-tcp.js";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function perSecond(fn, units) {
  fn();
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    fn();
    rounds.push((units * 1000) / (performance.now() - t0));
  }
  return median(rounds);
}

const expr = 'fragment(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")/IP(src="198.18.0.1", dst="198.18.0.2")/UDP(sport=4000, dport=4001)/Raw(load=b"x"*3000), fragsize=1000)';
const datagrams = 1000;
const frames = [];
for (let id = 0; id < datagrams; id++) frames.push(...craft(expr.replace('dst="198.18.0.2")', `dst="198.18.0.2", id=${id})`)).map((p) => p.bytes));
const segments = [];
for (let i = 0; i < 3000; i++) segments.push(craft(`Ether()/IP(src="198.18.0.1", dst="198.18.0.2")/TCP(sport=40000, dport=80, seq=${1 + i * 1000}, flags="PA")/Raw(load=b"s"*1000)`)[0].bytes);

const ours = {
  fragment: perSecond(() => { for (let i = 0; i < 200; i++) craft(expr).map((p) => p.bytes); }, 200),
  reassembleIp: perSecond(() => reassembleIp(frames.map((b) => dissect(b))), frames.length),
  reassembleTcp: perSecond(() => reassembleTcp(segments.map((b) => dissect(b))), segments.length),
};

const py = `
import time, logging
logging.getLogger("scapy").setLevel(logging.ERROR)
from scapy.all import *
e = ${JSON.stringify(expr)}
def rate(fn, units):
    fn(); out = []
    for _ in range(5):
        t = time.perf_counter(); fn(); out.append(units / (time.perf_counter() - t))
    return sorted(out)[2]
frames = [raw(f) for i in range(${datagrams}) for f in eval(e.replace('dst="198.18.0.2")', 'dst="198.18.0.2", id=%d)' % i))]
print(rate(lambda: [raw(f) for _ in range(50) for f in eval(e)], 50))
print(rate(lambda: defragment([Ether(b) for b in frames]), len(frames)))
`;
const r = spawnSync("/usr/bin/python3", ["-c", py], { encoding: "utf8", timeout: 600_000 });
const [sFragment, sDefrag] = r.status === 0 ? r.stdout.trim().split("\n").map(Number) : [NaN, NaN];
const f = (n) => Math.round(n).toLocaleString("en-US");
console.log(`fragment() of a 3000-byte UDP datagram into 4 fragments (1000, 1000, 1000, 8 bytes): wirecheck ${f(ours.fragment)}/s, Scapy ${f(sFragment)}/s`);
console.log(`IP reassembly, ${frames.length} fragments of ${datagrams} datagrams (dissect included): wirecheck ${f(ours.reassembleIp)} fragments/s, Scapy defragment() ${f(sDefrag)}/s`);
console.log(`TCP stream reassembly, ${segments.length} segments of 1000 bytes (dissect included): wirecheck ${f(ours.reassembleTcp)} segments/s`);
if (r.status !== 0) console.log(`Scapy side failed: ${r.stderr}`);
