import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { isIP } from "node:net";
import { parseDuration } from "../util/duration.js";
import { matcherProblem, rangeProblem } from "../assert/value.js";
import { saveSourceProblem, saveSources as saveSourcesOf, type SaveSpec } from "./save-sources.js";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { inSubnet, mappedIPv4, parseCidr, type Endpoint } from "../util/ip.js";
import type { Issue } from "./errors.js";
import type { Plan, PlanServer, PlanSniffer, PlanStep, StepKind, TcpFlow, WirecheckScenario, WirecheckStep1 } from "./model.js";
import { resolveCaptureFilter } from "./capture-filter.js";
import { insideLab, scopeText } from "./lab-scope.js";
import { literalHost, reachEndpoint, reachHost, reachUrl, type Reach, type Reached } from "./destination.js";
import { conditionsOf, hasConditions, implicitHost, labNetworks, planLab } from "./plan-lab.js";
import { planRequires, planSetup } from "./plan-setup.js";

export { implicitHost };
import { checkPacketExpr, resolvePacketHosts, tcpFlows } from "./packet-expr.js";
import { checkCount, checkDuration, checkPacketExpect, checkPacketListExpect, checkSavePaths, type LabNames } from "./packet-paths.js";
import type { Path, SourceFile } from "./source.js";
import type { Vars } from "./vars.js";
import { workPathProblem } from "../util/work-path.js";
import { parsePorts } from "../steps/port-scan/ports.js";
import { reportRoot } from "../report/report-root.js";

export const stepKinds: readonly StepKind[] = ["tcp", "udp", "http", "exec", "file", "send", "sendp", "sr1", "sr", "srp1", "srp", "sniff", "ping", "arp_scan", "traceroute", "port_scan", "wait", "link"];
const serverKinds = ["tcp", "udp", "http", "command"] as const;

/** Checks what the schema cannot (names, addresses, sessions, files) and builds the runnable plan. */
export function planScenario(source: SourceFile, s: WirecheckScenario, o: { vars?: Vars; saved?: ReadonlySet<string> } = {}): { plan: Plan; issues: Issue[]; unchecked: Issue[] } {
  const issues: Issue[] = [];
  const issue = (path: Path, message: string, key = false) => issues.push(source.issue(path, message, key));
  const dir = dirname(resolve(source.file));

  // An item whose checks broke is reported, never dropped: dropping it would let it pass unchecked.
  const unchecked: Issue[] = [];
  const notChecked = (path: Path, e: unknown) =>
    unchecked.push(source.issue(path, e instanceof RangeError ? "this item nests too deeply to be checked: simplify it" : `this item could not be checked (${(e as Error).message}): it is not valid as written`));

  // Hosts whose addresses were refused where they are written: later uses of them say nothing more (the first
  // message is the one to act on; "server has no IPv4 address" after it would only mislead).
  const refused = new Set<string>();
  const labIssue = (path: Path, message: string, key = false) => {
    if (path[0] === "lab" && (path[1] === "hosts" || path[1] === "links") && typeof path[2] === "string") refused.add(path[2]);
    issue(path, message, key);
  };
  const labPlan = safely(
    () => planLab(s, labIssue, (p) => source.locate(p).line),
    (e) => (notChecked(["lab"], e), { hosts: Object.keys(s.lab?.hosts ?? {}).map((name) => ({ name, addrs: [], loopback: [], gateways: [], routes: [], router: false })), segments: [], tunnels: [] }),
  );
  const { hosts, segments, tunnels } = labPlan;
  const hostNames = hosts.map((h) => h.name);
  const labNets = labNetworks(labPlan);
  const checkHost = (name: string | undefined, path: Path): string => {
    if (name === undefined) return hostNames[0];
    if (!hostNames.includes(name)) {
      const hint = didYouMean(name, hostNames);
      issue(path, `host \`${name}\` is not in the lab${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(hostNames)}`);
    }
    return name;
  };
  const reach: Reach = { hosts, labNets, implicitLab: s.lab === undefined };
  const reached = <T>(r: Reached<T>, path: Path): T | undefined => ("ok" in r ? r.ok : void issue(path, r.problem));
  const endpoint = (text: string, path: Path): Endpoint | undefined => reached(reachEndpoint(text, reach), path);
  const url = (text: string, path: Path): string | undefined => reached(reachUrl(text, reach), path);
  // Names saved by the steps planned so far, in run order: a destination may use only these (resolved at run).
  const savedBefore = new Set<string>();
  const savedIn = (text: string) => [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).filter((n) => o.saved?.has(n));
  /** A destination that holds saved values: its literal host is checked now, the rest once the values are in. */
  const late = (field: "url" | "endpoint" | "to", text: string, path: Path): PlanStep["resolved"]["late"] => {
    const names = savedIn(text);
    if (names.length === 0) return undefined;
    for (const n of names.filter((x) => !savedBefore.has(x))) {
      const hint = didYouMean(n, [...savedBefore]);
      issue(path, `\`\${${n}}\` is saved by a later step, so it has no value here${hint ? ` (did you mean \`\${${hint}}\`?)` : ""}: ${savedBefore.size ? `saved before this step: ${[...savedBefore].join(", ")}` : "no step before this one saves a value"}`);
    }
    const { host, scheme } = literalHost(text.replace(/\$\{[^}]*\}/g, "\0"), field);
    if (scheme !== undefined && scheme !== "http") issue(path, `\`${scheme}:\` URLs are not supported: use http://`);
    else if (host !== undefined) {
      const r = reachHost(field === "endpoint" ? (mappedIPv4(host) ?? host) : host, reach);
      if ("problem" in r) issue(path, r.problem);
    }
    return { field, text };
  };
  const broughtFile = (p: string, path: Path) => {
    const full = isAbsolute(p) ? p : join(dir, p);
    if (!existsSync(full) || !statSync(full).isFile()) issue(path, `\`${p}\` does not exist (paths to files a scenario brings are relative to the scenario file: ${full})`);
  };

  const servers: PlanServer[] = [];
  eachChecked(s.servers ?? [], (srv, i) => {
    const path = ["servers", i];
    const kinds = serverKinds.filter((k) => srv[k] !== undefined);
    if (kinds.length !== 1) {
      issue(path, kinds.length ? `server \`${srv.name}\` has ${listOf(kinds)}: give exactly one` : `server \`${srv.name}\` needs one of ${listOf([...serverKinds])}`);
      return;
    }
    if (servers.some((x) => x.name === srv.name)) issue([...path, "name"], `server name \`${srv.name}\` is used twice: server names must be unique`);
    const host = checkHost(srv.host, [...path, "host"]);
    const kind = kinds[0];
    if (kind === "tcp" || kind === "udp") {
      const spec = srv[kind]!;
      const fields = spec as unknown as Record<string, unknown>;
      const modes = ["echo", "rules", "chat", "save_to"].filter((m) => fields[m] !== undefined && fields[m] !== false);
      const valid = kind === "tcp" ? "echo: true, rules, chat: true or save_to" : "echo: true or rules";
      if (modes.length !== 1) issue([...path, kind], `a ${kind} server does one thing: give exactly one of ${valid}${modes.length ? ` (it has ${listOf(modes)})` : ""}`);
      const saveTo = fields.save_to;
      if (kind === "tcp" && typeof saveTo === "string") {
        const bad = workPathProblem(saveTo);
        if (bad) issue([...path, kind, "save_to"], `save_to: ${bad}`);
      }
      if (kind === "udp") (spec.rules ?? []).forEach((r, j) => r.close && issue([...path, kind, "rules", j, "close"], "close applies to TCP only: a UDP server has no connection to close", true));
    }
    if (kind === "command") {
      const ready = srv.command!.ready;
      const ways = ready ? ["port", "log", "delay"].filter((k) => (ready as Record<string, unknown>)[k] !== undefined) : [];
      if (ready && ways.length !== 1) issue([...path, "command", "ready"], `ready needs exactly one of port, log or delay${ways.length ? ` (it has ${listOf(ways)})` : ""}`);
    }
    const port = (srv[kind] as { port?: number }).port;
    const clash = servers.find((x) => x.host === host && (x.spec as { port?: number }).port === port && port !== undefined && sameProto(x.kind, kind));
    if (clash) issue([...path, kind, "port"], `port ${port} on \`${host}\` is already taken by server \`${clash.name}\``);
    servers.push({ name: srv.name, host, kind, spec: srv[kind]!, line: source.locate(path).line });
  }, (i, e) => notChecked(["servers", i], e));

  const steps: PlanStep[] = [];
  const flows: TcpFlow[] = [];
  const names = new Set<string>();
  const sessions = new Map<string, string>(); // session → host
  const addressOf = (name: string, v6: boolean) => {
    const h = hosts.find((x) => x.name === name);
    return h ? (h.addrs.find((a) => a.family === (v6 ? 6 : 4)) ?? h.addrs[0])?.ip : s.lab === undefined && name === implicitHost ? (v6 ? "::1" : "127.0.0.1") : undefined;
  };
  // A host's addresses, where capture filters and expectations name a host (see addressExpect).
  const hostAddrs = (name: string) => {
    if (s.lab === undefined && (name === implicitHost || name === "localhost")) return { v4: ["127.0.0.1"], v6: ["::1"] };
    // A stand-in for a host whose addresses were refused: the load fails on that refusal already.
    if (refused.has(name)) return { v4: ["198.18.0.1"], v6: ["2001:db8::1"] };
    const h = hosts.find((x) => x.name === name);
    return h && { v4: h.addrs.filter((a) => a.family === 4).map((a) => a.ip), v6: h.addrs.filter((a) => a.family === 6).map((a) => a.ip) };
  };
  const labNames: LabNames = { names: hostNames, addrs: hostAddrs };
  // Names in capture filters are lab hosts, resolved here: libpcap would ask the machine's resolver.
  const captureFilter = (filter: string | undefined) =>
    resolveCaptureFilter(filter, hostAddrs, hostNames);
  const packetExpr = (expr: string, path: Path): string => {
    const resolvedExpr = resolvePacketHosts(expr, addressOf);
    const problem = checkPacketExpr(expr, resolvedExpr, labNets, hostNames);
    // The column first: a long message (the list of layers) is cut short when shown, and the position must survive.
    if (problem) issue(path, problem.col ? problem.message.replace(/^packet: /, `column ${problem.col} of the packet: `) : problem.message);
    return resolvedExpr;
  };
  // A link step names a link of the lab; one that changes conditions puts the link through the emulator from the start.
  const planLinkStep = (l: NonNullable<WirecheckStep1["link"]>, at: Path): void => {
    const seg = segments.find((g) => g.name === l.name);
    if (!seg) {
      const known = segments.map((g) => g.name);
      const hint = didYouMean(l.name, known);
      return void issue([...at, "name"], `the lab has no link \`${l.name}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}: ${known.length ? `its links are ${listOf(known)}` : "it has none"}`);
    }
    const changes = (["state", "set", "clear"] as const).filter((k) => l[k] !== undefined);
    if (changes.length !== 1) return void issue(at, changes.length ? `a link step makes one change: it has ${listOf(changes)}` : "a link step needs state (up, down), set (conditions) or clear: true");
    if (l.state !== undefined) return;
    if (seg.attach) return void issue([...at, changes[0]], `\`${seg.name}\` is attached to a machine interface: it has no conditions to change`, true);
    if (seg.members.length !== 2) return void issue([...at, changes[0]], `conditions apply to a link of two hosts: \`${seg.name}\` has ${seg.members.length}`, true);
    const ends = seg.members.map((m) => m.host);
    for (const h of Object.keys(l.set?.from ?? {}))
      if (!ends.includes(h)) issue([...at, "set", "from", h], `\`${h}\` is not an end of \`${seg.name}\`: its ends are ${listOf(ends)}`, true);
    if (l.set && !hasConditions(l.set) && !l.set.from) issue([...at, "set"], "set needs a condition (delay, jitter, loss, rate or limit); to remove them all, write clear: true", true);
    seg.emulated ??= { seed: 1, from: Object.fromEntries(ends.map((h) => [h, conditionsOf({})])) };
  };
  const planStep = (raw: WirecheckStep1, path: Path, into: PlanStep[], parent?: string): void => {
    const st = { ...raw, name: raw.name ?? `${parent} › ${stepKinds.find((k) => raw[k] !== undefined) ?? "step"} ${Number(path[path.length - 1]) + 1}` };
    if (names.has(st.name)) issue([...path, "name"], `step name \`${st.name}\` is used twice: step names must be unique (they name the JUnit testcases)`);
    names.add(st.name);
    const kinds = stepKinds.filter((k) => st[k] !== undefined);
    if (kinds.length !== 1) {
      issue(path, kinds.length ? `step \`${st.name}\` has ${kinds.length} actions (${kinds.join(" and ")}): a step does exactly one thing` : `step \`${st.name}\` has no action: give one of ${listOf([...stepKinds])}`);
      return;
    }
    const kind = kinds[0];
    const at = [...path, kind];
    let host = checkHost(st.host, [...path, "host"]);
    const resolved: PlanStep["resolved"] = {};
    if (kind === "tcp") {
      const t = st.tcp!;
      if ((t.connect === undefined) === (t.session === undefined))
        issue(at, t.connect ? "give connect or session, not both" : "a tcp step needs `connect: host:port`, or `session:` naming a connection opened earlier with `as:`");
      if (t.connect !== undefined) {
        resolved.late = late("endpoint", t.connect, [...at, "connect"]);
        if (!resolved.late) resolved.endpoint = endpoint(t.connect, [...at, "connect"]);
      }
      if (t.as !== undefined) {
        if (t.session !== undefined) issue([...at, "as"], "`as` opens a new session: use it with connect, not with session", true);
        else if (sessions.has(t.as)) issue([...at, "as"], `session \`${t.as}\` is already open: pick another name`);
        else sessions.set(t.as, host);
        if (t.expect_error) issue([...at, "as"], "a connection expected to fail cannot be kept as a session", true);
      }
      if (t.session !== undefined) {
        const owner = sessions.get(t.session);
        if (!owner) {
          const open = [...sessions.keys()];
          const hint = didYouMean(t.session, open);
          issue([...at, "session"], `session \`${t.session}\` is used before it is opened${hint ? ` (did you mean \`${hint}\`?)` : ""}: ${open.length ? `open sessions are ${listOf(open)}` : "open it in an earlier step with connect and as"}`);
        } else if (st.host !== undefined && st.host !== owner) issue([...path, "host"], `session \`${t.session}\` lives on \`${owner}\`, not \`${st.host}\``);
        else host = owner;
      }
      if (t.expect_error && (t.expect !== undefined || t.expect_close || t.expect_none))
        issue([...at, "expect_error"], "expect_error checks that the connection fails: it can follow a send, not an expect, expect_close or expect_none", true);
      if (t.expect_error && t.send_file !== undefined) issue([...at, "send_file"], "expect_error follows a send of text or hex, not of a file", true);
      if (t.expect_error && t.send !== undefined && t.expect_error !== "reset")
        issue([...at, "expect_error"], `after a send the connection is open: only a reset can follow it (expect_error: reset), not ${t.expect_error}`, true);
      if (t.send !== undefined && t.send_file !== undefined) issue([...at, "send_file"], "give send or send_file, not both", true);
      if (t.send_file !== undefined) broughtFile(t.send_file, [...at, "send_file"]);
    } else if (kind === "udp") {
      const u = st.udp!;
      resolved.late = late("endpoint", u.to, [...at, "to"]);
      if (!resolved.late) resolved.endpoint = endpoint(u.to, [...at, "to"]);
      if (u.expect_none !== undefined && u.expect !== undefined) issue([...at, "expect_none"], "give expect or expect_none, not both", true);
      if ((u.expect !== undefined || u.expect_none !== undefined) && u.send === undefined) issue(at, "a udp step that expects an answer must send something first");
    } else if (kind === "http") {
      const h = st.http!;
      if ((h.get === undefined) === (h.request === undefined)) issue(at, "an http step needs `get: URL` or `request: {method, url}` (exactly one)");
      else {
        const [text, where] = h.get !== undefined ? [h.get, [...at, "get"]] : [h.request!.url, [...at, "request", "url"]];
        resolved.late = late("url", text, where);
        if (!resolved.late) resolved.url = url(text, where);
      }
    } else if (kind === "file") {
      const f = st.file!;
      if (f.host !== undefined) host = checkHost(f.host, [...at, "host"]);
      if (f.same_as !== undefined) broughtFile(f.same_as, [...at, "same_as"]);
      if ([f.same_as, f.sha256, f.contains, f.size].every((x) => x === undefined)) issue(at, "a file step needs a check: same_as, sha256, contains or size");
      const bad = workPathProblem(f.path);
      if (bad) issue([...at, "path"], bad.replace("paths a scenario writes", "the file a step checks"));
    }
    // save: on a step that is not a packet step: each source must be one the step offers.
    const saveSources = saveSourcesOf[kind];
    const save = (st[kind] as { save?: SaveSpec }).save;
    if (saveSources && save) for (const [name, src] of Object.entries(save)) {
      const bad = saveSourceProblem(src, saveSources);
      if (bad) issue([...at, "save", name], `save ${name}: ${bad}`);
    }
    const children: PlanStep[] = [];
    if (kind === "send" || kind === "sendp" || kind === "sr1" || kind === "sr" || kind === "srp1" || kind === "srp") {
      const w = st[kind] as { packet: string };
      resolved.packet = packetExpr(w.packet, [...at, "packet"]);
      if (kind !== "sendp" && kind !== "srp1" && kind !== "srp" && /^\s*(Ether|Dot1Q)\s*\(/.test(w.packet))
        issue([...at, "packet"], `${kind} sends at layer 3 (routed, Ether added for you): start the packet with IP or IPv6, or use ${kind === "send" ? "sendp" : kind === "sr1" ? "srp1" : "srp"} for a whole frame`);
      for (const flow of tcpFlows(resolved.packet)) flows.push({ host, ...flow });
      const e = (st[kind] as { expect?: Record<string, unknown> }).expect;
      if (kind === "send" || kind === "sendp") {
        const w = st[kind]!;
        if (w.rate !== undefined && w.interval !== undefined) issue([...at, "rate"], "give rate or interval, not both: rate is packets per second, interval the gap between two", true);
      }
      if (kind === "sr" || kind === "srp") {
        for (const k of ["answered", "unanswered"]) checkCount(e?.[k], [...at, "expect", k], issue);
        checkPacketExpect(e, [...at, "expect"], issue, ["answered", "unanswered", "each"], labNames);
        checkPacketExpect(e?.each as Record<string, unknown> | undefined, [...at, "expect", "each"], issue, [], labNames);
      } else {
        for (const k of ["answered", "unanswered", "each"])
          if (e && k in e) issue([...at, "expect", k], `${k} applies to ${kind === "sr1" ? "sr" : "srp"}, which sends several packets: ${kind} checks its one reply's fields directly`, true);
        checkPacketExpect(e, [...at, "expect"], issue, ["answered", "unanswered", "each"], labNames);
      }
      checkSavePaths((st[kind] as { save?: Record<string, unknown> }).save, [...at, "save"], issue);
    } else if (kind === "ping" || kind === "traceroute" || kind === "port_scan") {
      const to = (st[kind] as { to: string }).to;
      resolved.late = late("to", to, [...at, "to"]);
      resolved.to = resolved.late ? undefined : addressOf(to, false) ?? (isIP(to) ? to : undefined);
      // A lab host without a usable address is reported where its address is written, not at every use.
      if (resolved.late) {
        /* its literal host is checked by late(), the whole once the values are in */
      } else if (!resolved.to) {
        const hint = didYouMean(to, hostNames);
        if (!hostNames.includes(to)) issue([...at, "to"], `\`${to}\` is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(hostNames)}`);
      }
      else if (mappedIPv4(resolved.to)) issue([...at, "to"], (reachHost(resolved.to, reach) as { problem: string }).problem);
      else if (!insideLab(resolved.to, labNets)) issue([...at, "to"], `${resolved.to} is outside the lab: wirecheck only sends to ${scopeText(labNets)}`);
      if (kind === "ping") {
        // received and loss of what was sent: an expectation out of that range can never hold.
        const p = st.ping!;
        const count = p.count ?? 3;
        const e = p.expect as { received?: string | number; loss?: string | number; rtt?: unknown } | undefined;
        if (e?.rtt !== undefined) checkDuration(e.rtt, [...at, "expect", "rtt"], issue);
        const bad: [string, string | undefined][] = [];
        if (e?.received !== undefined && !String(e.received).includes("${")) bad.push(["received", rangeProblem(e.received, 0, count, `received of ${count} sent`)]);
        if (e?.loss !== undefined && !String(e.loss).includes("${")) bad.push(["loss", rangeProblem(typeof e.loss === "string" ? e.loss.replace(/%/g, "") : e.loss, 0, 100, "a loss in %")]);
        // A range empty whatever the count is reported once, by checkMatchers.
        for (const [k, m] of bad) if (m && !(typeof e?.[k as "received"] === "string" && rangeProblem(e![k as "received"]!))) issue([...at, "expect", k], `${k}: ${m}`);
      }
      if (kind === "port_scan") {
        const ports = parsePorts(st.port_scan!.ports);
        if (typeof ports === "string") issue([...at, "ports"], ports);
      }
      if (kind === "traceroute")
        (st.traceroute!.expect?.hops ?? []).forEach((h, j) => {
          if (h !== "*" && !isIP(h) && !hostNames.includes(h)) {
            const hint = didYouMean(h, hostNames);
            issue([...at, "expect", "hops", j], `hop \`${h}\` is neither a lab host, an address nor "*"${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(hostNames)}`);
          }
        });
    } else if (kind === "arp_scan") {
      const net = parseCidr(st.arp_scan!.network);
      if (typeof net === "string") issue([...at, "network"], net);
      else if (net.family !== 4 || net.prefix < 16) issue([...at, "network"], "arp_scan takes an IPv4 subnet of /16 or smaller (e.g. 198.18.0.0/24)");
      else if (!insideLab(net.ip, labNets) || !labNets.some((n) => n.family === 4 && n.prefix <= net.prefix && inSubnet(net.ip, n)))
        issue([...at, "network"], `${net.text} is not a lab subnet: an ARP scan covers one of the lab's own subnets (${listOf([...new Set(labNets.filter((n) => n.family === 4).map((n) => n.text))])}) or part of one`);
      // A host named among those expected to answer is its IPv4 address on the scanned subnet.
      const e = st.arp_scan!.expect;
      if (e?.hosts && typeof net !== "string")
        e.hosts = e.hosts.map((h, j) => {
          if (isIP(h) || h.includes("${")) return h;
          const a = hostAddrs(h)?.v4.filter((x) => inSubnet(x, net));
          if (a?.length) return a[0];
          const hint = didYouMean(h, hostNames);
          issue([...at, "expect", "hosts", j], hostNames.includes(h) ? `\`${h}\` has no address on ${net.text}: it cannot answer this scan` : `\`${h}\` is neither a lab host nor an address${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(hostNames)}`);
          return h;
        });
    } else if (kind === "sniff") {
      const sn = st.sniff!;
      if (sn.host !== undefined) host = checkHost(sn.host, [...at, "host"]);
      checkPacketListExpect(sn.expect as Record<string, unknown>, [...at, "expect"], issue, labNames);
      const f = captureFilter(sn.filter);
      if (f.problem) issue([...at, "filter"], f.problem);
      else if (f.filter !== sn.filter) st.sniff = { ...sn, filter: f.filter };
      eachChecked(sn.while, (child, j) => planStep(child, [...at, "while", j], children, st.name), (j, e) => notChecked([...at, "while", j], e));
    }
    if (kind === "link") planLinkStep(st.link!, at);
    let retry: PlanStep["retry"];
    if (st.retry) {
      if (kind === "sniff") issue([...path, "retry"], "a sniff is not retried: give its while steps a retry of their own", true);
      retry = { forMs: parseDuration(st.retry.for) ?? 0, everyMs: (st.retry.every === undefined ? undefined : parseDuration(st.retry.every)) ?? 500 };
    }
    for (const n of Object.keys((st[kind] as { save?: object }).save ?? {})) savedBefore.add(n);
    into.push({ name: st.name, host, kind, spec: st[kind]!, line: source.locate(path).line, col: source.locate(path).col, resolved, children, retry });
  };
  eachChecked(s.steps, (st, i) => planStep(st, ["steps", i], steps), (i, e) => notChecked(["steps", i], e));

  const sniffers: PlanSniffer[] = [];
  eachChecked(s.sniffers, (sn, i) => {
    if (names.has(sn.name)) issue(["sniffers", i, "name"], `\`${sn.name}\` is already the name of a step or sniffer: testcase names must be unique`);
    names.add(sn.name);
    checkPacketListExpect(sn.expect as Record<string, unknown>, ["sniffers", i, "expect"], issue, labNames);
    const f = captureFilter(sn.filter);
    if (f.problem) issue(["sniffers", i, "filter"], f.problem);
    sniffers.push({ name: sn.name, host: checkHost(sn.host, ["sniffers", i, "host"]), filter: f.filter, ...(sn.reassemble ? { reassemble: sn.reassemble } : {}), expect: sn.expect, line: source.locate(["sniffers", i]).line });
  }, (i, e) => notChecked(["sniffers", i], e));

  const setup = planSetup(s, source, hostNames, dir, o.vars ?? {}, o.saved ?? new Set(), issue, (i) => issues.push(i));
  const requires = planRequires(s, source, labPlan);
  checkRegexes(s, [], issue);
  checkMatchers(s, [], false, issue);
  const base = relative(reportRoot(), resolve(source.file)).replace(/\.ya?ml$/i, "");
  const plan: Plan = {
    file: source.file,
    dir,
    name: s.name,
    description: s.description,
    tags: s.tags ?? [],
    // "." and ".." carry no name (./...yaml would otherwise be the classname ".."); the work folder is made from it.
    classname: base.split(/[\\/]/).filter((x) => x !== "." && x !== ".." && x !== "").join(".") || "scenario",
    timeoutMs: (typeof s.timeout === "string" ? parseDuration(s.timeout) : undefined) ?? 60_000,
    implicitLab: s.lab === undefined,
    hosts,
    segments,
    tunnels,
    requires,
    setup,
    servers,
    steps,
    flows,
    sniffers,
    savedVars: [],
    varNames: [],
  };
  return { plan, issues, unchecked };
}

/**
 * Runs the checks of each item on its own: a file that already broke the schema somewhere must still get every other
 * problem reported, so one malformed item cannot stop the checks of the rest.
 */
function eachChecked<T>(items: readonly T[] | undefined, check: (item: T, i: number) => void, unchecked: (i: number, e: unknown) => void): void {
  if (!Array.isArray(items)) return;
  items.forEach((item, i) => {
    if (!item || typeof item !== "object") return;
    try {
      check(item as T, i);
    } catch (e) {
      // Where the schema found the item broken, its issues speak; otherwise the item must not pass unchecked.
      unchecked(i, e);
    }
  });
}

function safely<T>(f: () => T, fallback: (e: unknown) => T): T {
  try {
    return f();
  } catch (e) {
    return fallback(e);
  }
}

function sameProto(a: string, b: string): boolean {
  const proto = (k: string) => (k === "udp" ? "udp" : k === "command" ? "?" : "tcp");
  return proto(a) === proto(b) && proto(a) !== "?";
}

/** Every comparison under an `expect` must be one that can fail: `< abc` has no order, so it is refused. */
function checkMatchers(v: unknown, path: Path, inExpect: boolean, issue: (p: Path, m: string) => void): void {
  if (typeof v === "string") {
    const bad = inExpect ? matcherProblem(v) : undefined;
    if (bad) issue(path, bad);
    return;
  }
  if (Array.isArray(v)) return v.forEach((x, i) => checkMatchers(x, [...path, i], inExpect, issue));
  if (!v || typeof v !== "object") return;
  for (const [k, x] of Object.entries(v)) if (k !== "vars") checkMatchers(x, [...path, k], inExpect || k === "expect", issue);
}

/** Every `regex:` in the scenario (matchers, rules, ready.log) must compile. */
function checkRegexes(v: unknown, path: Path, issue: (p: Path, m: string) => void): void {
  if (Array.isArray(v)) return v.forEach((x, i) => checkRegexes(x, [...path, i], issue));
  if (!v || typeof v !== "object") return;
  for (const [k, x] of Object.entries(v)) {
    if ((k === "regex" || (k === "log" && path[path.length - 1] === "ready")) && typeof x === "string") {
      try {
        new RegExp(x);
      } catch (e) {
        issue([...path, k], `not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, "")}`);
      }
    } else checkRegexes(x, [...path, k], issue);
  }
}
