import type { Packet } from "../packet/index.js";

/**
 * Requests bucketed by what any answer to them must repeat (Scapy's hashret idea): a reply is compared with
 * answers() only against the requests of its bucket, and those no bucket fits. A 65,535-port scan would otherwise
 * compare every reply with every request. A key only narrows the search; answers() still decides.
 */
export class AnswerIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly unkeyed: number[] = [];
  private readonly all: number[];

  constructor(requests: Packet[]) {
    this.all = requests.map((_, i) => i);
    requests.forEach((p, i) => {
      const key = requestKey(p);
      if (key === undefined) this.unkeyed.push(i);
      else (this.buckets.get(key) ?? this.buckets.set(key, []).get(key)!).push(i);
    });
  }

  /** The requests a reply may answer, in the order they were sent (all of them when the reply has no key). */
  candidates(reply: Packet): Iterable<number> {
    const key = replyKey(reply);
    if (key === undefined) return this.all;
    const keyed = this.buckets.get(key) ?? [];
    return this.unkeyed.length ? [...keyed, ...this.unkeyed].sort((a, b) => a - b) : keyed;
  }
}

function requestKey(p: Packet): string | undefined {
  const t = p.getLayer("TCP") ?? p.getLayer("UDP");
  if (t) return `${t.name}:${t.get("sport")}>${t.get("dport")}`;
  const echo = p.getLayer("ICMP") ?? p.getLayer("ICMPv6EchoRequest");
  if (echo && (echo.name !== "ICMP" || echo.get("type") === 8)) return `echo:${echo.get("id")}:${echo.get("seq")}`;
  const arp = p.getLayer("ARP");
  if (arp) return `arp:${arp.get("pdst")}`;
  return undefined;
}

function replyKey(p: Packet): string | undefined {
  // An ICMP error quotes the request as it was sent.
  const quoted = p.getLayer("TCPerror") ?? p.getLayer("UDPerror");
  if (quoted) return `${quoted.name.replace("error", "")}:${quoted.get("sport")}>${quoted.get("dport")}`;
  if (p.getLayer("ICMPerror") || p.getLayer("IPerror") || p.getLayer("IPerror6")) return undefined;
  const t = p.getLayer("TCP") ?? p.getLayer("UDP");
  if (t) return `${t.name}:${t.get("dport")}>${t.get("sport")}`;
  const icmp = p.getLayer("ICMP");
  if (icmp) return icmp.get("type") === 0 ? `echo:${icmp.get("id")}:${icmp.get("seq")}` : undefined;
  const echo6 = p.getLayer("ICMPv6EchoReply");
  if (echo6) return `echo:${echo6.get("id")}:${echo6.get("seq")}`;
  const arp = p.getLayer("ARP");
  if (arp) return `arp:${arp.get("psrc")}`;
  return undefined;
}
