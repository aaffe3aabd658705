import { isIP } from "node:net";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { hostBitsV4, inSubnet, isLabAddress, networkOf, parseCidr, type Cidr } from "../util/ip.js";
import { labAddressProblem } from "./lab-scope.js";
import type { LinkConditions, PlanHost, PlanIface, PlanRoute, PlanTunnel, Segment, WirecheckLab, WirecheckScenario } from "./model.js";
import type { Path } from "./source.js";

export const implicitHost = "local";
/** The name of the segment that lab.hosts' own addresses make. */
export const sharedSegment = "lan";

export interface LabPlan {
  hosts: PlanHost[];
  segments: Segment[];
  tunnels: PlanTunnel[];
}

type Issue = (p: Path, m: string, key?: boolean) => void;
type EndSpec = string | string[] | { addr?: string | string[]; ifname?: string; mac?: string };
type ConditionSpec = { delay?: string; jitter?: string; loss?: string; rate?: string; limit?: number };
interface LinkSpec extends ConditionSpec {
  name?: string;
  ends: Record<string, EndSpec>;
  from?: Record<string, ConditionSpec>;
  seed?: number;
  mtu?: number;
  attach?: string;
  scope?: string[];
}

const conditionKeys = ["delay", "jitter", "loss", "rate", "limit"] as const;

/** The emulator's units from a scenario's conditions (the schema has checked their forms). */
export function conditionsOf(c: ConditionSpec): LinkConditions {
  const us = (d: string | undefined) => {
    const m = d === undefined ? undefined : /^([0-9.]+)(ms|s|m|h)$/.exec(d);
    return m ? Math.round(Number(m[1]) * { ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9 }[m[2] as "ms"]) : 0;
  };
  const rate = c.rate === undefined ? undefined : /^([0-9.]+)(bit|kbit|mbit|gbit)$/.exec(c.rate);
  return {
    delayUs: us(c.delay),
    jitterUs: us(c.jitter),
    loss: c.loss === undefined ? 0 : Math.min(1, Number(c.loss.replace("%", "")) / 100),
    rateBps: rate ? Math.round(Number(rate[1]) * { bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9 }[rate[2] as "bit"]) : 0,
    limit: c.limit ?? 10_000,
  };
}

/** The condition keys of a link or a set, without the rest. */
export function pickConditions(c: ConditionSpec): ConditionSpec {
  return Object.fromEntries(conditionKeys.filter((k) => c[k] !== undefined).map((k) => [k, c[k]]));
}

export function hasConditions(c: ConditionSpec | undefined): boolean {
  return !!c && conditionKeys.some((k) => c[k] !== undefined);
}

/**
 * The lab as it will be built: hosts, their interfaces (names and MACs chosen here, so `wirecheck lab show` prints
 * them without root), segments, tunnels and routes. Problems go to `issue`, at the item that has them.
 */
export function planLab(s: WirecheckScenario, issue: Issue, lineOf: (p: Path) => number = () => 0): LabPlan {
  if (!s.lab) return { hosts: [{ name: implicitHost, addrs: [], loopback: [], gateways: [], routes: [], router: false }], segments: [], tunnels: [] };
  const lab = s.lab as WirecheckLab;
  const hosts: PlanHost[] = [];
  const segments: Segment[] = [];
  const tunnels: PlanTunnel[] = [];
  const seen = new Map<string, string>(); // address → host
  const scopes: Cidr[] = [];
  const hostNames = Object.keys(lab.hosts);

  const parseAll = (list: string[], path: Path, host: string, o: { scope?: Cidr[]; loopback?: boolean } = {}): Cidr[] =>
    list.flatMap((text, i) => {
      const p = list.length > 1 ? [...path, i] : path;
      const c = typeof text === "string" ? parseCidr(text) : "an address is text, like 198.18.0.2/24";
      if (typeof c === "string") return issue(p, c), [];
      const inScope = o.scope?.some((n) => inSubnet(c.ip, n) && c.prefix >= n.prefix);
      const outside = inScope ? undefined : labAddressProblem(c);
      if (outside) return issue(p, o.scope?.length ? `${outside}, or one inside the attached device's scope (${o.scope.map((n) => n.text).join(", ")})` : outside), [];
      const kind = o.loopback ? "host" : hostBitsV4(c);
      if (kind !== "host") return issue(p, `${c.text} is the ${kind} address of its subnet: give the host an address inside it`), [];
      const other = seen.get(c.ip);
      if (other) return issue(p, `${c.ip} is already the address of \`${other}\``), [];
      seen.set(c.ip, host);
      return [c];
    });

  // Interfaces: names the file gives are kept; the others are eth0, eth1, … in order, skipping the names taken.
  const ifaces = new Map<string, PlanIface[]>(hostNames.map((h) => [h, []]));
  const taken = new Map<string, Set<string>>(hostNames.map((h) => [h, new Set(["lo"])]));
  const macs = new Map<string, string>();
  const pending: { iface: PlanIface; spec: EndSpec; path: Path; prefix: string }[] = [];
  const addIface = (host: string, spec: EndSpec, path: Path, prefix: string, o: { scope?: Cidr[] } = {}): PlanIface => {
    const obj = typeof spec === "object" && !Array.isArray(spec) ? spec : { addr: spec };
    const list = obj.addr === undefined ? [] : Array.isArray(obj.addr) ? obj.addr : [obj.addr];
    const addrPath = typeof spec === "object" && !Array.isArray(spec) ? [...path, "addr"] : path;
    const iface: PlanIface = { host, ifname: "", mac: "", addrs: parseAll(list, addrPath, host, o) };
    if (obj.ifname !== undefined) {
      if (taken.get(host)!.has(obj.ifname)) issue([...path, "ifname"], `\`${host}\` already has an interface called ${obj.ifname}: give each of its interfaces its own name`);
      taken.get(host)!.add(obj.ifname);
      iface.ifname = obj.ifname;
    }
    if (obj.mac !== undefined) {
      const mac = obj.mac.toLowerCase();
      const other = macs.get(mac);
      if (other) issue([...path, "mac"], `${mac} is already the MAC of ${other}`);
      if (parseInt(mac.slice(0, 2), 16) & 1) issue([...path, "mac"], `${mac} is a multicast MAC (its first byte is odd): an interface needs a unicast one, such as 02:…`);
      macs.set(mac, `${host}'s interface`);
      iface.mac = mac;
    }
    ifaces.get(host)!.push(iface);
    pending.push({ iface, spec, path, prefix });
    return iface;
  };

  const shared: Segment = { name: sharedSegment, line: lineOf(["lab", "hosts"]), members: [] };
  const hostDefs = new Map<string, { gateway?: string | string[]; router?: boolean; addresses?: string[]; routes?: { to: string; via?: string; dev?: string }[] }>();
  for (const [name, def] of Object.entries(lab.hosts)) {
    const path = ["lab", "hosts", name];
    const obj = typeof def === "object" && !Array.isArray(def) ? def : { addr: def };
    hostDefs.set(name, obj);
    if (obj.addr !== undefined) shared.members.push(addIface(name, typeof def === "object" && !Array.isArray(def) ? { addr: obj.addr, ifname: obj.ifname, mac: obj.mac } : def, path, "eth"));
    const loopback = obj.addresses ? parseAll(obj.addresses, [...path, "addresses"], name, { loopback: true }) : [];
    const gateways = obj.gateway === undefined ? [] : Array.isArray(obj.gateway) ? obj.gateway : [obj.gateway];
    hosts.push({ name, addrs: [], loopback, gateways, routes: [], router: obj.router === true });
  }
  if (shared.members.length > 0) segments.push(shared);

  const linkNames = new Set<string>([...(shared.members.length ? [sharedSegment] : [])]);
  const nameFor = (given: string | undefined, members: string[], path: Path, what: string): string => {
    if (given !== undefined) {
      if (linkNames.has(given)) issue([...path, "name"], `${what} name \`${given}\` is used twice: give each its own`);
      linkNames.add(given);
      return given;
    }
    let name = members.join("-") || "link";
    for (let n = 2; linkNames.has(name); n++) name = `${members.join("-")}-${n}`;
    linkNames.add(name);
    return name;
  };
  const knownHost = (name: string, path: Path): boolean => {
    if (hostNames.includes(name)) return true;
    const hint = didYouMean(name, hostNames);
    issue(path, `\`${name}\` is not under lab.hosts${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(hostNames)}`, true);
    return false;
  };

  (lab.links ?? []).forEach((raw, i) => {
    const path = ["lab", "links", i];
    // The schema says what a link that is not a mapping should be; its characters are not host names.
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
    const long = typeof (raw as { ends?: unknown }).ends === "object" && (raw as { ends?: unknown }).ends !== null;
    const spec: LinkSpec = long ? (raw as unknown as LinkSpec) : { ends: raw as Record<string, EndSpec> };
    const endsPath = long ? [...path, "ends"] : path;
    let scope: Cidr[] = [];
    if (spec.attach !== undefined) {
      if (!spec.scope) issue([...path, "attach"], "an attached link needs `scope:`: the networks the device may be reached at (e.g. [198.18.9.0/24])", true);
      scope = (spec.scope ?? []).flatMap((text, j) => {
        const c = parseCidr(text);
        if (typeof c === "string") return issue([...path, "scope", j], c), [];
        const widest = c.family === 4 ? 16 : 32;
        if (c.prefix < widest) return issue([...path, "scope", j], `${c.text} is too wide a scope: give IPv${c.family} networks of /${widest} or narrower`), [];
        return [{ ...networkOf(c), scope: true as const }];
      });
      scopes.push(...scope);
    } else if (spec.scope) issue([...path, "scope"], "scope goes with attach: it says where an attached device may be reached", true);
    const members: PlanIface[] = [];
    for (const [host, end] of Object.entries(spec.ends)) {
      if (!knownHost(host, [...endsPath, host])) continue;
      members.push(addIface(host, end, [...endsPath, host], "eth", { scope }));
    }
    const seg: Segment = { name: nameFor(spec.name, members.map((m) => m.host), path, "link"), line: lineOf(path), members };
    if (spec.mtu !== undefined) seg.mtu = spec.mtu;
    if (spec.attach !== undefined) {
      seg.attach = { name: spec.attach, scope };
      if (members.length !== 1) issue([...path, "ends"], `an attached link has one lab end (the device is the other): it has ${members.length}`, true);
      if (hasConditions(spec) || spec.from) issue([...path, "attach"], "an attached link has no conditions: the emulator carries links between two lab hosts", true);
    } else if (hasConditions(spec) || spec.from) {
      const ends = members.map((m) => m.host);
      if (members.length !== 2) issue(path, `conditions apply to a link of two hosts: this one has ${members.length} (give each pair a link of its own)`);
      const base = conditionsOf(spec);
      const from: Record<string, LinkConditions> = Object.fromEntries(ends.map((h) => [h, base]));
      for (const [h, c] of Object.entries(spec.from ?? {})) {
        if (!ends.includes(h)) {
          const hint = didYouMean(h, ends);
          issue([...path, "from", h], `\`${h}\` is not an end of this link${hint ? ` (did you mean \`${hint}\`?)` : ""}: its ends are ${listOf(ends)}`, true);
        } else from[h] = conditionsOf({ ...pickConditions(spec), ...c });
      }
      seg.emulated = { seed: spec.seed ?? 1, from };
    } else if (spec.seed !== undefined) issue([...path, "seed"], "seed goes with conditions (loss, jitter): this link has none", true);
    segments.push(seg);
  });

  (lab.tunnels ?? []).forEach((t, i) => {
    const path = ["lab", "tunnels", i];
    const ends: PlanTunnel["ends"] = [];
    for (const [host, end] of Object.entries(t.ends ?? {})) {
      if (!knownHost(host, [...path, "ends", host])) continue;
      // The same object the interface list holds: default names and MACs are given to it later.
      ends.push(Object.assign(addIface(host, end as EndSpec, [...path, "ends", host], "vxlan"), { local: "", remote: "" }));
    }
    tunnels.push({ name: nameFor(t.name, ends.map((e) => e.host), path, "tunnel"), vni: t.vxlan, port: t.port ?? 4789, ends });
  });

  // Default names and MACs, now that every chosen name is known.
  hostNames.forEach((host, h) => {
    const counters = new Map<string, number>();
    ifaces.get(host)!.forEach((iface, n) => {
      const entry = pending.find((p) => p.iface === iface)!;
      if (!iface.ifname) {
        let k = counters.get(entry.prefix) ?? 0;
        while (taken.get(host)!.has(`${entry.prefix}${k}`)) k++;
        iface.ifname = `${entry.prefix}${k}`;
        counters.set(entry.prefix, k + 1);
        taken.get(host)!.add(iface.ifname);
      }
      if (!iface.mac) {
        const hex = (v: number) => v.toString(16).padStart(2, "0");
        let mac = `02:77:${hex(((h + 1) >> 8) & 255)}:${hex((h + 1) & 255)}:00:${hex(n & 255)}`;
        for (let k = 1; macs.has(mac); k++) mac = `02:77:${hex(((h + 1) >> 8) & 255)}:${hex((h + 1) & 255)}:${hex(k)}:${hex(n & 255)}`;
        macs.set(mac, `${host}'s ${iface.ifname}`);
        iface.mac = mac;
      }
    });
  });

  // A host's addresses: its links' first, then its tunnels' (a host name resolves to the first).
  for (const host of hosts) {
    const mine = [...segments.flatMap((g) => g.members), ...tunnels.flatMap((t) => t.ends)].filter((m) => m.host === host.name);
    host.addrs = mine.flatMap((m) => m.addrs);
  }
  const byName = new Map(hosts.map((h) => [h.name, h]));

  tunnels.forEach((t, i) => {
    const path = ["lab", "tunnels", i];
    if (t.ends.length !== 2) return;
    const underlay = (lab.tunnels![i].underlay ?? {}) as Record<string, string>;
    for (const h of Object.keys(underlay)) if (!t.ends.some((e) => e.host === h)) issue([...path, "underlay", h], `\`${h}\` is not an end of this tunnel: its ends are ${listOf(t.ends.map((e) => e.host))}`, true);
    const [a, b] = t.ends;
    // Default underlay: the two ends' addresses on a segment they share, else each one's first address.
    const sharedSeg = segments.find((g) => g.members.some((m) => m.host === a.host) && g.members.some((m) => m.host === b.host));
    const pick = (e: PlanTunnel["ends"][number]): string | undefined => {
      if (underlay[e.host] !== undefined) {
        const ip = underlay[e.host];
        const h = byName.get(e.host)!;
        if (![...h.addrs, ...h.loopback].some((c) => c.ip === ip)) issue([...path, "underlay", e.host], `${ip} is not an address of \`${e.host}\` (it has ${listOf([...h.addrs, ...h.loopback].map((c) => c.ip))})`);
        return ip;
      }
      const onShared = sharedSeg?.members.find((m) => m.host === e.host)?.addrs[0]?.ip;
      const host = byName.get(e.host)!;
      return onShared ?? host.addrs.find((c) => !e.addrs.includes(c))?.ip ?? host.loopback[0]?.ip;
    };
    a.local = pick(a) ?? "";
    b.local = pick(b) ?? "";
    if (!a.local || !b.local) return issue(path, `tunnel \`${t.name}\` needs an address on each end to carry it: give ${!a.local ? a.host : b.host} one on a link`);
    if (isIP(a.local) !== isIP(b.local)) return issue([...path, "underlay"], `the tunnel's ends are sent from ${a.local} and ${b.local}: both must be IPv4 or both IPv6`);
    a.remote = b.local;
    b.remote = a.local;
    for (const e of t.ends) e.dev = segments.flatMap((g) => g.members).find((m) => m.host === e.host && m.addrs.some((c) => c.ip === e.local))?.ifname;
  });

  // Gateways and routes, checked against the host's own subnets.
  for (const h of hosts) {
    const path = ["lab", "hosts", h.name];
    const def = hostDefs.get(h.name)!;
    const given = typeof lab.hosts[h.name] !== "object" || Array.isArray(lab.hosts[h.name]) || (lab.hosts[h.name] as { addr?: unknown }).addr !== undefined;
    const onLink = segments.some((g) => g !== shared && g.members.some((m) => m.host === h.name)) || tunnels.some((t) => t.ends.some((e) => e.host === h.name));
    if (!given && !onLink && h.loopback.length === 0) issue(path, `host \`${h.name}\` has no address: give it one (198.18.0.x/24) or put it on a link`, true);
    const families = new Set<number>();
    h.gateways.forEach((g, i) => {
      const p = h.gateways.length > 1 ? [...path, "gateway", i] : [...path, "gateway"];
      const fam = isIP(g);
      if (!fam) return issue(p, `gateway \`${g}\` is not an IP address`);
      if (families.has(fam)) return issue(p, `two IPv${fam} gateways: give one per address family`);
      families.add(fam);
      if (h.addrs.length && !h.addrs.some((a) => inSubnet(g, a)))
        issue(p, `gateway ${g} is not on any subnet of \`${h.name}\` (${listOf(h.addrs.map((a) => a.text))}): it could never be reached`);
    });
    const names = ifaces.get(h.name)!.map((i) => i.ifname);
    (def.routes ?? []).forEach((r, i) => {
      const p = [...path, "routes", i];
      const c = parseCidr(r.to);
      if (typeof c === "string") return issue([...p, "to"], c);
      const to = networkOf(c);
      const inScope = scopes.some((n) => inSubnet(to.ip, n) && to.prefix >= n.prefix);
      if (!inScope && (!isLabAddress(to.ip) || to.prefix < (to.family === 4 ? 15 : 32)))
        return issue([...p, "to"], `a route to ${to.text} leads outside the lab: routes go to networks inside 198.18.0.0/15 or 2001:db8::/32${scopes.length ? ` or an attached link's scope (${scopes.map((n) => n.text).join(", ")})` : ""}`);
      if (r.via === undefined && r.dev === undefined) return issue(p, "a route needs `via:` (the next hop) or `dev:` (the interface)", true);
      const route: PlanRoute = { to };
      if (r.via !== undefined) {
        const fam = isIP(r.via);
        if (!fam) return issue([...p, "via"], `\`${r.via}\` is not an IP address`);
        if (fam !== to.family) return issue([...p, "via"], `${r.via} is IPv${fam} and ${to.text} IPv${to.family}: a route's next hop has its family`);
        if (!h.addrs.some((a) => inSubnet(r.via!, a))) return issue([...p, "via"], `${r.via} is not on any subnet of \`${h.name}\` (${listOf(h.addrs.map((a) => a.text))}): it could never be reached`);
        route.via = r.via;
      }
      if (r.dev !== undefined) {
        if (!names.includes(r.dev)) {
          const hint = didYouMean(r.dev, names);
          return issue([...p, "dev"], `\`${h.name}\` has no interface ${r.dev}${hint ? ` (did you mean ${hint}?)` : ""}: its interfaces are ${listOf(names)}`);
        }
        route.dev = r.dev;
      }
      h.routes.push(route);
    });
  }
  return { hosts, segments, tunnels };
}

/** Every network a destination may lie in: the lab's subnets, loopback addresses, tunnels and attached scopes. */
export function labNetworks(lab: LabPlan): Cidr[] {
  return [...lab.hosts.flatMap((h) => [...h.addrs, ...h.loopback]), ...lab.segments.flatMap((g) => g.attach?.scope ?? [])];
}

/**
 * The lab's facts, for ${…} in any string: lab.HOST.IFACE.{mac,ip4,ip6,cidr4,cidr6} for every interface (lo when
 * it has extra addresses), lab.HOST.{ip4,ip6} (what the host name resolves to) and lab.HOST.to.PEER (the name of
 * HOST's interface on the first segment or tunnel it shares with PEER).
 */
export function labFacts(lab: LabPlan): Record<string, string> {
  const facts: Record<string, string> = {};
  const put = (key: string, v: string | undefined) => v !== undefined && !(key in facts) && (facts[key] = v);
  const members = [...lab.segments.flatMap((g) => g.members.map((m) => ({ m, group: g.members }))), ...lab.tunnels.flatMap((t) => t.ends.map((m) => ({ m, group: t.ends as PlanIface[] })))];
  for (const { m, group } of members) {
    const base = `lab.${m.host}.${m.ifname}`;
    put(`${base}.mac`, m.mac);
    put(`${base}.ip4`, m.addrs.find((a) => a.family === 4)?.ip);
    put(`${base}.ip6`, m.addrs.find((a) => a.family === 6)?.ip);
    put(`${base}.cidr4`, m.addrs.find((a) => a.family === 4)?.text);
    put(`${base}.cidr6`, m.addrs.find((a) => a.family === 6)?.text);
    for (const peer of group) if (peer.host !== m.host) put(`lab.${m.host}.to.${peer.host}`, m.ifname);
  }
  for (const h of lab.hosts) {
    put(`lab.${h.name}.ip4`, (h.addrs.find((a) => a.family === 4) ?? h.loopback.find((a) => a.family === 4))?.ip);
    put(`lab.${h.name}.ip6`, (h.addrs.find((a) => a.family === 6) ?? h.loopback.find((a) => a.family === 6))?.ip);
    put(`lab.${h.name}.lo.ip4`, h.loopback.find((a) => a.family === 4)?.ip);
    put(`lab.${h.name}.lo.ip6`, h.loopback.find((a) => a.family === 6)?.ip);
    put(`lab.${h.name}.lo.cidr4`, h.loopback.find((a) => a.family === 4)?.text);
    put(`lab.${h.name}.lo.cidr6`, h.loopback.find((a) => a.family === 6)?.text);
  }
  return facts;
}
