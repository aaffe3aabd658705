import type { Plan } from "../scenario/model.js";
import { ipBatch, LabError, runCommand } from "./command.js";
import { setSysctls } from "./sysctl.js";
import { removeNetns } from "./netns.js";
import { prefix } from "./registry.js";
import { LabLink, routeArgs } from "./links.js";

export interface LabHost {
  name: string;
  netns: string;
  router: boolean;
}

/** A lab that is up. down() removes everything it made and is safe to call more than once. */
export interface Lab {
  hosts: Map<string, LabHost>;
  /** The links steps can change, by name (lab.links and the shared segment). */
  links: Map<string, LabLink>;
  down(): Promise<void>;
}

export interface LabOptions {
  whileWiring?: (lab: Lab) => Promise<void>;
  /** --attach: attachment name → the machine's interface it goes on (checked by the caller). */
  attach?: Record<string, string>;
}

/**
 * Brings a scenario's lab up: a namespace per host, a veth pair per two-host segment (with the link emulator in the
 * middle when the link has conditions), a bridge (in a switch namespace of its own) per larger segment, macvlans on
 * attached interfaces, tunnels, addresses, routes. Nothing is created in the machine's own namespace, so deleting the
 * lab's namespaces removes every trace (a macvlan lives in its host's namespace). On any failure what was made is
 * removed before throwing.
 */
export async function labUp(plan: Plan, runId: string, o: LabOptions = {}): Promise<Lab> {
  const nsOf = (host: string) => `${prefix}${runId}-${host}`;
  // A dot, which no host name has: a host may be called "switch".
  const switchNs = `${prefix}${runId}.switch`;
  const needSwitch = plan.segments.some((s) => s.members.length > 2 || s.emulated);
  const names = [...plan.hosts.map((h) => nsOf(h.name)), ...(needSwitch ? [switchNs] : [])];
  const hosts = new Map(plan.hosts.map((h) => [h.name, { name: h.name, netns: nsOf(h.name), router: h.router }]));
  const links = new Map<string, LabLink>();
  const routesOf = new Map(plan.hosts.map((h) => [h.name, routeArgs(h.gateways, h.routes)]));
  let downed = false;
  const lab: Lab = {
    hosts,
    links,
    down: async () => {
      if (downed) return;
      downed = true;
      for (const l of links.values()) l.stop();
      await removeNetns(names);
    },
  };

  try {
    await ipBatch(names.map((n) => `netns add ${n}`));
    // Before any interface exists: no duplicate address detection (IPv6 addresses, link-local ones included, are
    // usable at once instead of seconds later), and forwarding on routers.
    for (const h of plan.hosts) setSysctls(nsOf(h.name), sysctlsFor(h.router));
    // The switch namespace only carries frames: its interfaces send nothing of their own (no IPv6 solicitations or
    // listener reports that would reach the hosts or, through an emulated link, shift its seeded loss).
    if (needSwitch) setSysctls(switchNs, ["net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"]);
    // What needs only the namespaces (starting agents) overlaps with wiring them.
    const meanwhile = o.whileWiring?.(lab);
    meanwhile?.catch(() => undefined);
    const root: string[] = [];
    const inside = new Map<string, string[]>(names.map((n) => [n, []]));
    const bridgesUp: string[] = [];
    const emulated: { link: LabLink; middle: [string, string]; hostEnds: { ns: string; ifname: string }[] }[] = [];
    for (const h of plan.hosts) {
      const cmds = inside.get(nsOf(h.name))!;
      cmds.push("link set lo up");
      for (const a of h.loopback) cmds.push(`addr add ${a.text} dev lo`);
    }

    plan.segments.forEach((seg, s) => {
      const ifs = seg.members.map((m) => ({ ...m, ns: nsOf(m.host) }));
      const mac = (m: (typeof ifs)[number]) => `address ${m.mac}`;
      if (seg.attach) {
        // A macvlan on the machine's interface, made straight inside the host's namespace.
        const dev = o.attach?.[seg.attach.name];
        if (!dev) throw new LabError(`link ${seg.name} attaches to ${seg.attach.name}, which the command line did not name (--attach ${seg.attach.name}=IFACE)`);
        root.push(`link add link ${dev} name ${ifs[0].ifname} netns ${ifs[0].ns} ${mac(ifs[0])} type macvlan mode bridge`);
      } else if (ifs.length === 1) {
        // A host alone on its segment still needs an interface to hold its addresses: a veth whose peer stays
        // beside it (not every kernel has the dummy driver).
        inside.get(ifs[0].ns)!.push(`link add ${ifs[0].ifname} ${mac(ifs[0])} type veth peer name ${ifs[0].ifname}-peer`, `link set ${ifs[0].ifname}-peer up`);
      } else if (ifs.length === 2 && seg.emulated) {
        const middle: [string, string] = [`l${s}a`, `l${s}b`];
        ifs.forEach((m, i) => {
          root.push(`link add ${m.ifname} netns ${m.ns} ${mac(m)} type veth peer name ${middle[i]} netns ${switchNs}`);
          inside.get(switchNs)!.push(`link set ${middle[i]} up`, ...(seg.mtu ? [`link set ${middle[i]} mtu ${seg.mtu}`] : []));
        });
        const link = new LabLink(seg, ifs.map((m) => ({ host: m.host, netns: m.ns, ifname: m.ifname, routes: routesOf.get(m.host)! })));
        links.set(seg.name, link);
        emulated.push({ link, middle, hostEnds: ifs.map((m) => ({ ns: m.ns, ifname: m.ifname })) });
      } else if (ifs.length === 2) {
        root.push(`link add ${ifs[0].ifname} netns ${ifs[0].ns} ${mac(ifs[0])} type veth peer name ${ifs[1].ifname} netns ${ifs[1].ns} ${mac(ifs[1])}`);
      } else {
        const sw = inside.get(switchNs)!;
        sw.push(`link add br${s} type bridge forward_delay 0`);
        ifs.forEach((m, i) => {
          root.push(`link add ${m.ifname} netns ${m.ns} ${mac(m)} type veth peer name s${s}p${i} netns ${switchNs}`);
          sw.push(`link set s${s}p${i} up`, `link set s${s}p${i} master br${s}`, ...(seg.mtu ? [`link set s${s}p${i} mtu ${seg.mtu}`] : []));
        });
        bridgesUp.push(`link set br${s} up`);
      }
      if (!links.has(seg.name)) links.set(seg.name, new LabLink(seg, ifs.map((m) => ({ host: m.host, netns: m.ns, ifname: m.ifname, routes: routesOf.get(m.host)! }))));
      for (const m of ifs) {
        const cmds = inside.get(m.ns)!;
        if (seg.mtu) cmds.push(`link set ${m.ifname} mtu ${seg.mtu}`);
        cmds.push(`link set ${m.ifname} up`);
        // nodad: an IPv6 address is usable at once instead of after duplicate address detection.
        for (const a of m.addrs) cmds.push(`addr add ${a.text} dev ${m.ifname}${a.family === 6 ? " nodad" : ""}`);
      }
    });
    for (const t of plan.tunnels)
      for (const e of t.ends) {
        const cmds = inside.get(nsOf(e.host))!;
        cmds.push(`link add ${e.ifname} address ${e.mac} type vxlan id ${t.vni} local ${e.local} remote ${e.remote} dstport ${t.port}${e.dev ? ` dev ${e.dev}` : ""}`, `link set ${e.ifname} up`);
        for (const a of e.addrs) cmds.push(`addr add ${a.text} dev ${e.ifname}${a.family === 6 ? " nodad" : ""}`);
      }
    for (const h of plan.hosts) inside.get(nsOf(h.name))!.push(...routesOf.get(h.name)!.map((r) => `route add ${r}`));

    await ipBatch(root);
    // Host ends first, switch ports last: a bridge port enabled while its peer is already up forwards at once,
    // whereas one whose carrier comes later waits for the kernel's link watcher (up to a second).
    await Promise.all([...inside].filter(([ns]) => ns !== switchNs).map(([ns, cmds]) => ipBatch(cmds, ns)));
    if (needSwitch) await ipBatch([...inside.get(switchNs)!, ...bridgesUp], switchNs);
    // The emulator reads whole frames with their checksums: the kernel must not leave either to a NIC.
    await Promise.all(emulated.flatMap((e) => e.hostEnds.map((h) => runCommand("ip", ["netns", "exec", h.ns, "ethtool", "-K", h.ifname, "tx", "off", "tso", "off", "gso", "off", "gro", "off"]))));
    for (const e of emulated) e.link.startEmulator(switchNs, e.middle);
    await meanwhile;
    return lab;
  } catch (e) {
    await lab.down().catch(() => undefined);
    throw e instanceof LabError ? e : new LabError(e instanceof Error ? e.message : String(e));
  }
}

function sysctlsFor(router: boolean): string[] {
  // Frames crafted to 127.0.0.1 enter through lo with a local source address: the kernel drops them as martians
  // unless lo accepts local sources (Scapy sends them through a raw socket instead).
  // keep_addr_on_down: a link step that takes an interface down and up again finds its IPv6 addresses still there.
  const base = ["net.ipv6.conf.all.keep_addr_on_down=1", "net.ipv6.conf.default.keep_addr_on_down=1", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0", "net.ipv4.conf.lo.accept_local=1", "net.ipv4.conf.lo.route_localnet=1"];
  return router ? [...base, "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"] : base;
}
