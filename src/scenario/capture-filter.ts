import { isIP } from "node:net";
import { tcpServices, udpServices } from "../packet/services.js";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { native } from "../wire/native.js";

// libpcap resolves the names in a filter through the machine's resolver (`host x.invalid` sends a DNS query, from
// the machine's own namespace). So no name reaches libpcap: a lab host becomes its addresses, a port name its number,
// and any other name is refused. What libpcap then compiles holds numbers, addresses and its own keywords only.

/** libpcap's own words (scanner.l): protocols, qualifiers, operators, named constants. None is looked up anywhere. */
const keywords = new Set(
  (
    "dst src host net mask port portrange proto protochain gateway type subtype direction dir address1 addr1 address2 addr2 " +
    "address3 addr3 address4 addr4 ra ta link ether ppp slip fddi tr wlan arp rarp ip sctp tcp udp icmp igmp igrp pim vrrp " +
    "carp radio ip6 icmp6 ah esp atalk aarp decnet lat sca moprc mopdl iso esis es-is isis is-is l1 l2 iih lsp snp csnp psnp " +
    "clnp stp ipx netbeui less greater byte broadcast multicast and or not len inbound outbound ifindex vlan mpls pppoed " +
    "pppoes geneve vxlan lane llc metac bcc oam oamf4 ec ecf4 sc ilmic ilmi connectmsg metaconnect on ifname rnr rulenum " +
    "reason rset srnr subrulenum action fisu lssu lsu sio opc dpc sls hfisu hlssu hsio hopc hdpc hsls " +
    "icmptype icmpcode icmp6type icmp6code tcpflags tcp-fin tcp-syn tcp-rst tcp-push tcp-ack tcp-urg tcp-ece tcp-cwr " +
    "icmp-echoreply icmp-unreach icmp-sourcequench icmp-redirect icmp-echo icmp-routeradvert icmp-routersolicit " +
    "icmp-timxceed icmp-paramprob icmp-tstamp icmp-tstampreply icmp-ireq icmp-ireqreply icmp-maskreq icmp-maskreply " +
    "icmp6-destinationunreach icmp6-packettoobig icmp6-timeexceeded icmp6-parameterproblem icmp6-echo icmp6-echoreply " +
    "icmp6-multicastlistenerquery icmp6-multicastlistenerreportv1 icmp6-multicastlistenerdone icmp6-routersolicit " +
    "icmp6-routeradvert icmp6-neighborsolicit icmp6-neighboradvert icmp6-redirect icmp6-routerrenum " +
    "icmp6-nodeinformationquery icmp6-nodeinformationresponse icmp6-ineighbordiscoverysolicit " +
    "icmp6-ineighbordiscoveryadvert icmp6-multicastlistenerreportv2 icmp6-homeagentdiscoveryrequest " +
    "icmp6-homeagentdiscoveryreply icmp6-mobileprefixsolicit icmp6-mobileprefixadvert icmp6-certpathsolicit " +
    "icmp6-certpathadvert icmp6-multicastrouteradvert icmp6-multicastroutersolicit icmp6-multicastrouterterm"
  ).split(" "),
);

/** Qualifiers whose names libpcap reads from its own tables or the file it is given, never from the network. */
const localNameContexts = new Set(["proto", "protochain", "type", "subtype", "direction", "dir", "action", "reason", "ifname", "on"]);
const contexts = new Set(["host", "net", "port", "portrange", "gateway", ...localNameContexts]);

const portNumbers = new Map<string, number>();
for (const table of [udpServices, tcpServices])
  for (const [n, name] of Object.entries(table)) {
    portNumbers.set(name, Number(n));
    portNumbers.set(name.replace(/_/g, "-"), Number(n));
  }

/** What a name in a filter may stand for: a lab host's addresses (both families), or nothing. */
export type FilterNames = (name: string) => { v4: string[]; v6: string[] } | undefined;

/**
 * The filter libpcap compiles, with every name replaced, or what is wrong with it: a name that is neither a lab host,
 * nor a port name after `port`, nor one of libpcap's own words; or a filter libpcap does not compile.
 */
export function resolveCaptureFilter(filter: string | undefined, names: FilterNames, hostNames: readonly string[]): { filter?: string; problem?: string } {
  if (!filter) return { filter };
  const words = /\\?[A-Za-z0-9_][A-Za-z0-9_.:-]*/g;
  let out = "";
  let last = 0;
  let context = "host";
  let family = ""; // ip / ip6 right before the qualifier: the host's addresses of that family only
  let previous = "";
  let prev2 = "";
  for (const m of filter.matchAll(words)) {
    const raw = m[0];
    const word = raw.startsWith("\\") ? raw.slice(1) : raw;
    const lower = word.toLowerCase();
    let replacement = raw;
    if (!raw.startsWith("\\") && keywords.has(lower)) {
      if (contexts.has(lower)) context = lower;
      if (lower === "ip" || lower === "ip6") family = lower;
      else if (!["src", "dst", "host", "net", "and", "or", "not"].includes(lower)) family = "";
    } else if (isLiteral(word)) {
      /* a number, an address, a MAC, a port range */
    } else if (localNameContexts.has(context)) {
      /* a protocol or 802.11 name: libpcap's tables and /etc/protocols */
    } else if (context === "port" || context === "portrange") {
      const n = portNumbers.get(lower);
      if (n === undefined) return { problem: `filter "${filter}": \`${word}\` is not a port name wirecheck knows: give the port number` };
      replacement = String(n);
    } else {
      const ether = previous === "ether" || prev2 === "ether";
      const host = names(word);
      if (!host || ether || context !== "host") {
        // A misspelt keyword ("tcp prot 80") is a syntax error: said as libpcap says it, with the name in its place.
        const syntax = compileProblem(filter, out + filter.slice(last, m.index) + "198.18.0.1" + filter.slice(m.index + raw.length).replace(words, (w) => (keywords.has(w.toLowerCase()) || isLiteral(w) ? w : "198.18.0.1")));
        if (syntax) {
          const near = didYouMean(lower, [...keywords]);
          return { problem: `${syntax}${near ? ` — \`${word}\` is not one of its words: did you mean \`${near}\`?` : ""}` };
        }
        const hint = didYouMean(word, [...hostNames]);
        const why = ether
          ? "an Ethernet address is written as a MAC (02:00:00:00:00:01)"
          : context === "net"
            ? "a network is written as an address with a prefix (198.18.0.0/24)"
            : context === "gateway"
              ? "`gateway` needs the machine's resolver: name the host's addresses instead"
              : `it is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}: filters name lab hosts (${listOf([...hostNames]) || "none"}) or addresses, and are never resolved through the machine's resolver`;
        return { problem: `filter "${filter}": \`${word}\`: ${why}` };
      }
      const addrs = family === "ip" ? host.v4 : family === "ip6" ? host.v6 : [...host.v4, ...host.v6];
      if (addrs.length === 0) return { problem: `filter "${filter}": \`${word}\` has no IPv${family === "ip6" ? 6 : 4} address` };
      replacement = addrs.length === 1 ? addrs[0] : `(${addrs.join(" or ")})`;
    }
    out += filter.slice(last, m.index) + replacement;
    last = m.index + raw.length;
    prev2 = previous;
    previous = lower;
  }
  out += filter.slice(last);
  const problem = compileProblem(filter, out);
  return problem ? { problem } : { filter: out };
}

/** Numbers (decimal, hex), IPv4 (also partial, for `net 198.18`), IPv6, MACs, and port ranges like 1000-2000. */
function isLiteral(w: string): boolean {
  return (
    /^(0x[0-9a-f]+|\d+)$/i.test(w) ||
    /^\d+(\.\d+){1,3}$/.test(w) ||
    (w.includes(":") && isIP(w) === 6) ||
    /^[0-9a-f]{1,2}([:.-][0-9a-f]{1,2}){5}$/i.test(w) ||
    /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(w) ||
    /^\d+-\d+$/.test(w)
  );
}

/** What libpcap says of the filter (compiled for Ethernet, offline), or undefined when it compiles. Without the native part the check is left to the run. */
function compileProblem(written: string, resolved: string): string | undefined {
  let message: string | null;
  try {
    message = native().filterError(resolved);
  } catch {
    return undefined;
  }
  return message === null ? undefined : `filter "${written}" is not a valid capture filter: ${message} (tcpdump's syntax: "tcp port 80", "icmp or arp", "udp and dst host server")`;
}
