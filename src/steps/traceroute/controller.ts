import type { TracerouteStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { SrResult } from "../../wire/sr.js";
import type { StepRunner } from "../types.js";
import { packetOf } from "../wire-report.js";

/** Probes with TTL (IPv6: hop limit) 1…max_ttl, UDP (as traceroute), ICMP echo (-I) or TCP SYN (-T), each telling its TTL apart. */
export const runTraceroute: StepRunner = async ({ plan, step, agent }) => {
  const s = step.spec as TracerouteStep;
  const to = step.resolved.to!;
  const maxTtl = s.max_ttl ?? 16;
  const v6 = to.includes(":");
  const ip = (i: number) => (v6 ? `IPv6(dst="${to}", hlim=${i + 1})` : `IP(dst="${to}", ttl=${i + 1}, id=${0x5400 + i})`);
  // Each probe names its TTL (a port, an ICMP sequence number) so every answer, quoting it, says which TTL it answers.
  const probe = (i: number) =>
    s.probe === "icmp"
      ? v6 ? `ICMPv6EchoRequest(id=0x7472, seq=${i + 1})` : `ICMP(id=0x7472, seq=${i + 1})`
      : s.probe === "tcp"
        ? `TCP(sport=${33000 + i}, dport=${s.port ?? 80}, flags="S", seq=${1000 + i})`
        : `UDP(sport=${33000 + i}, dport=${33434 + i})`;
  const probes = Array.from({ length: maxTtl }, (_, i) => `${ip(i)}/${probe(i)}`);
  const timeoutMs = durationMs(s.timeout, 2000);
  const r = await agent(step.host).request<SrResult>("wire.sr", { packet: probes, layer: 3, timeoutMs, first: false }, timeoutMs + 10_000);
  const byTtl = new Map(r.answers.map((a) => [a.request + 1, packetOf(a.reply)]));
  const hops: string[] = [];
  const lines: string[] = [];
  for (let ttl = 1; ttl <= maxTtl; ttl++) {
    const reply = byTtl.get(ttl);
    const src = reply ? (reply.get(v6 ? "IPv6.src" : "IP.src") as string) : "*";
    hops.push(src);
    lines.push(`  ${String(ttl).padStart(2)}  ${src}${reply ? `  ${reply.summary()}` : ""}`);
    if (src === to) break;
  }
  while (hops.length && hops[hops.length - 1] === "*") hops.pop();
  const want = s.expect?.hops;
  const details = `traceroute to ${to}, ${maxTtl} hops max:\n${lines.join("\n")}`;
  // A host name is any address of that host: a router answers from the interface the probe came in by.
  const addrsOf = (h: string) => plan.hosts.find((x) => x.name === h)?.addrs.map((a) => a.ip) ?? [h];
  if (want && (want.length !== hops.length || want.some((h, i) => !addrsOf(h).includes(hops[i]))))
    return { status: "failed", message: `hops: expected [${want.join(", ")}], got [${hops.join(", ")}]`, details: `expected: ${want.join(" → ")}\n     got: ${hops.join(" → ")}\n\n${details}` };
  return { status: "passed", details };
};
