import { isIP } from "node:net";
import { matchValue } from "../../assert/value.js";
import type { PingStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import type { SrResult } from "../../wire/sr.js";
import type { StepRunner } from "../types.js";
import { packetOf } from "../wire-report.js";

/**
 * Echo requests with one id and rising sequence numbers; each answer is matched to its request. An answer is an echo
 * reply, or an ICMP error quoting the request (as Scapy's answers() has it): only replies count as received, errors
 * are counted apart with the host that sent them, as the kernel's ping does.
 */
export const runPing: StepRunner = async ({ step, agent }) => {
  const s = step.spec as PingStep;
  const count = s.count ?? 3;
  const to = step.resolved.to!;
  const id = 0x7700 + (process.pid & 0xff);
  // In parentheses: `/` binds as tightly as `*`, so ICMP()/b"w"*8 would be eight packets, not eight bytes.
  const data = s.size === undefined ? 'b"wirecheck"' : `(b"w"*${s.size})`;
  const v6 = isIP(to) === 6;
  const packet = v6
    ? `IPv6(dst="${to}"${s.ttl ? `, hlim=${s.ttl}` : ""})/ICMPv6EchoRequest(id=${id}, seq=(1, ${count}), data=${data})`
    : `IP(dst="${to}"${s.ttl ? `, ttl=${s.ttl}` : ""}${s.dont_fragment ? ', flags="DF"' : ""})/ICMP(id=${id}, seq=(1, ${count}))/${data}`;
  const timeoutMs = durationMs(s.timeout, 1000);
  let r: SrResult;
  let unsent: string | undefined;
  try {
    r = await agent(step.host).request<SrResult>("wire.sr", { packet, layer: 3, timeoutMs, first: false, intervalMs: durationMs(s.interval, 10) }, timeoutMs + count * 1000 + 10_000);
  } catch (e) {
    // As the kernel's ping: a host with no way to send (no route, its interface down) sends nothing and loses all.
    const why = (e as Error).message;
    if (!/no route to|Network is down|Network is unreachable|No such device/.test(why)) throw e;
    unsent = why.replace(/^.*?(no route to \S+|Network is down|Network is unreachable|No such device).*$/s, "$1");
    r = { sent: [], answers: [], unanswered: [], seen: [], notes: [] };
  }
  const rtts: number[] = [];
  const errors = new Map<string, number>(); // "destination unreachable from 198.18.1.1" → count
  for (const a of r.answers) {
    const p = packetOf(a.reply);
    const echoReply = v6 ? p.hasLayer("ICMPv6EchoReply") : p.get("ICMP.type") === 0;
    if (echoReply) rtts.push(a.rttMs);
    else {
      const what = `${errorName(p, v6)} from ${p.get(v6 ? "IPv6.src" : "IP.src")}`;
      errors.set(what, (errors.get(what) ?? 0) + 1);
    }
  }
  const received = rtts.length;
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const lossPct = Math.round((100 * (count - received)) / count);
  const summary = [
    unsent ? `0 sent (${unsent}: the host could not send), 0 received, 100% loss` : `${count} sent, ${received} received${errorCount ? `, ${errorCount} error${errorCount > 1 ? "s" : ""}` : ""}, ${lossPct}% loss`,
    rtts.length ? `rtt min/avg/max ${Math.min(...rtts).toFixed(3)}/${(rtts.reduce((a, b) => a + b, 0) / rtts.length).toFixed(3)}/${Math.max(...rtts).toFixed(3)} ms` : "",
    ...[...errors].map(([what, n]) => `${n} × ${what}`),
  ].filter(Boolean).join("\n");
  const problems: string[] = [];
  const e = s.expect ?? {};
  const check = (key: string, m: unknown, actual: number, shown: string) => {
    if (m === undefined) return;
    const r = matchValue(m as never, actual);
    if (!r.ok) problems.push(`${key}: expected ${r.expected}, got ${shown}`);
  };
  check("received", e.received ?? (e.loss === undefined ? count : undefined), received, `${received}${errorCount ? ` (and ${errorCount} ICMP error${errorCount > 1 ? "s" : ""}: ${[...errors.keys()].join(", ")})` : ""}`);
  check("loss", e.loss, lossPct, `${lossPct}%`);
  check("errors", e.errors, errorCount, `${errorCount}${errorCount ? ` (${[...errors.keys()].join(", ")})` : ""}`);
  if (e.rtt !== undefined)
    for (const rtt of rtts) {
      const m = matchValue(e.rtt, rtt);
      if (!m.ok) {
        problems.push(`rtt: expected ${m.expected}, got ${rtt.toFixed(3)}ms`);
        break;
      }
    }
  return problems.length ? { status: "failed", message: `ping ${to}: ${problems.join("; ")}`, details: `${problems.join("\n")}\n\n${summary}` } : { status: "passed", details: summary };
};

/** "dest-unreach host-unreachable" (IPv4, as Scapy's summary names it) or "ICMPv6DestUnreach code 3". */
function errorName(p: ReturnType<typeof packetOf>, v6: boolean): string {
  if (!v6) return /ICMP \S+ > \S+ (.+?)(?: \/|$)/.exec(p.summary())?.[1] ?? `ICMP type ${p.get("ICMP.type")}`;
  const layer = p.summary().split(" / ")[2]?.split(" ")[0] ?? "ICMPv6";
  const code = p.get(`${layer}.code`);
  return `${layer}${typeof code === "number" ? ` code ${code}` : ""}`;
}
