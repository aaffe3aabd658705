// npm run bench:packet — building and reading packets through the public API ("wirecheck"), beside Scapy 2.5 and
// gopacket measured in the same run on the same packets (a TCP SYN with five options, a DNS query). Each side
// repeats the same work for a fixed time; figures are packets per second of CPU time the process used (median of 5
// rounds), so that other work on a shared machine does not count against any side. Building varies one
// field per packet on every side (the SYN's seq, the DNS query's id), so nothing is built once and copied.
import { spawnSync } from "node:child_process";
import { craft, dissect, DNS, DNSQR, Ether, IP, TCP, UDP } from "../dist/index.js";

const roundMs = 300;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function rate(fn) {
  for (let i = 0; i < 2000; i++) fn(i); // warm up the JIT
  const rounds = [];
  let k = 0;
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const t0 = cpuMs();
    let t = t0;
    while (t - t0 < roundMs) {
      for (let i = 0; i < 200; i++) fn(k++);
      n += 200;
      t = cpuMs();
    }
    rounds.push((n * 1000) / (t - t0));
  }
  return median(rounds);
}

const macs = { dst: "02:00:00:00:00:02", src: "02:00:00:00:00:01" };
const addrs = { src: "198.18.0.1", dst: "198.18.0.2" };
const synOptions = [["MSS", 1460], ["SAckOK", ""], ["Timestamp", [12345, 0]], ["NOP", null], ["WScale", 7]];
const syn = (seq) => Ether(macs).div(IP(addrs), TCP({ sport: 40000, dport: 80, flags: "S", seq, options: synOptions }));
const dns = (id) => Ether(macs).div(IP(addrs), UDP({ sport: 5353, dport: 53 }), DNS({ id, rd: 1, qd: DNSQR({ qname: "www.example.com" }) }));
const synBytes = syn(1000).bytes;
const dnsBytes = dns(0xbeef).bytes;
const synTemplate = syn(0).template();
const dnsTemplate = dns(0).template();
const craftText = 'IP(dst="198.18.0.2")/TCP(dport=80, flags="S", options=[("MSS", 1460)])';
const ours = {
  "build TCP SYN with options": rate((i) => syn(i >>> 0).bytes),
  "build DNS query": rate((i) => dns(i & 0xffff).bytes),
  "dissect TCP SYN, read TCP.flags": rate(() => dissect(synBytes).get("TCP.flags")),
  "dissect DNS query, read DNS.qd.qname": rate(() => dissect(dnsBytes).get("DNS.qd.qname")),
  "craft from an expression (parse + build SYN)": rate(() => craft(craftText)[0].bytes),
};
const templates = {
  "build TCP SYN with options": rate((i) => synTemplate.fill({ TCP: { seq: i >>> 0 } })),
  "build DNS query": rate((i) => dnsTemplate.fill({ DNS: { id: i & 0xffff } })),
};

// Scapy does the same work: the same packets built with raw(), dissected with Ether() and a field read.
const py = String.raw`
import time, statistics, json
from scapy.all import Ether, IP, TCP, UDP, DNS, DNSQR, raw
def rate(fn):
    for _ in range(200): fn()
    rounds = []
    for _ in range(5):
        n = 0; t0 = time.process_time(); t = t0
        while t - t0 < ${roundMs / 1000}:
            for _ in range(20): fn()
            n += 20; t = time.process_time()
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
  "craft from an expression (parse + build SYN)": rate(lambda: raw(eval('${craftText}'))),
}))
`;
const lastLine = (r) => JSON.parse(r.stdout.trim().split("\n").pop());
const why = (r) => (r.stderr || r.error?.message || "").trim().split("\n").slice(-3).join(" ");
const r = spawnSync("/usr/bin/python3", ["-c", py], { encoding: "utf8" });
let scapy = null;
if (r.status === 0) scapy = lastLine(r);
else console.log(`Scapy not measured (${why(r)}); apt-get install python3-scapy`);

// gopacket, from Debian (golang-go, golang-github-google-gopacket-dev): bench/gopacket/packet.go.
const go = spawnSync("go", ["run", "bench/gopacket/packet.go", synBytes.toString("hex"), dnsBytes.toString("hex"), String(roundMs)], {
  encoding: "utf8",
  env: { ...process.env, GO111MODULE: "off", GOPATH: "/usr/share/gocode", GOCACHE: process.env.GOCACHE ?? "/tmp/wirecheck-gocache", GOFLAGS: "" },
  timeout: 300_000,
});
let gopacket = null;
if (go.status === 0) gopacket = lastLine(go);
else console.log(`gopacket not measured (${why(go)}); apt-get install golang-go golang-github-google-gopacket-dev`);

const fmt = (n) => (n === undefined ? "–" : n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0)).padStart(8);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "–").padStart(8);
const rows = Object.keys(ours);
const w = Math.max(...rows.map((k) => k.length)) + 2;
console.log(`packets per CPU second — wirecheck (public API) on node ${process.version}, Scapy 2.5 on /usr/bin/python3, gopacket (go run), same machine, same run`);
console.log(`${"".padEnd(w)}${"wirecheck".padStart(10)}${"template".padStart(10)}${"Scapy".padStart(10)}${"gopacket".padStart(10)}${"DLP".padStart(10)}   ${"÷Scapy".padStart(8)}${"÷gopacket".padStart(10)}${"÷DLP".padStart(8)}`);
const dlp = { "dissect TCP SYN, read TCP.flags": "DecodingLayerParser: TCP SYN, read TCP.flags", "dissect DNS query, read DNS.qd.qname": "DecodingLayerParser: DNS query, read DNS.qd.qname" };
for (const k of rows) {
  const v = ours[k];
  const best = Math.max(v, templates[k] ?? 0);
  const d = dlp[k] ? gopacket?.[dlp[k]] : undefined;
  console.log(
    `${k.padEnd(w)}  ${fmt(v)}  ${fmt(templates[k])}  ${fmt(scapy?.[k])}  ${fmt(k.startsWith("craft") ? undefined : gopacket?.[k])}  ${fmt(d)}   ${ratio(v, scapy?.[k])}  ${ratio(k.startsWith("craft") ? undefined : v, gopacket?.[k])}${templates[k] ? ` (template ${ratio(best, gopacket?.[k]).trim()})` : ""}${d ? ratio(v, d) : ""}`,
  );
}
console.log("wirecheck: constructors stacked and built per packet (bytes), dissect(bytes).get(path), craft(text)[0].bytes; template: spec.template().fill(values) per packet");
console.log("gopacket: layer structs made per packet, SerializeLayers into one reused buffer (FixLengths, ComputeChecksums); NewPacket(Lazy) then Layer(); DLP: DecodingLayerParser into reused layers");
