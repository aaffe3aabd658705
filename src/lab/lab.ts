import type { Plan } from "../scenario/model.js";
import { ipBatch, LabError, runCommand } from "./command.js";
import { removeNetns } from "./netns.js";
import { prefix } from "./registry.js";

export interface LabHost {
  name: string;
  netns: string;
  router: boolean;
}

/** A lab that is up. down() removes everything it made and is safe to call more than once. */
export interface Lab {
  hosts: Map<string, LabHost>;
  down(): Promise<void>;
}

/**
 * Brings a scenario's lab up: a namespace per host, a veth pair per two-host segment, a bridge (in a switch
 * namespace of its own) per larger segment, addresses, routes. Nothing is created in the machine's own namespace,
 * so deleting the lab's namespaces removes every trace. On any failure what was made is removed before throwing.
 */
export async function labUp(plan: Plan, runId: string, o: { whileWiring?: (lab: Lab) => Promise<void> } = {}): Promise<Lab> {
  const nsOf = (host: string) => `${prefix}${runId}-${host}`;
  // A dot, which no host name has: a host may be called "switch".
  const switchNs = `${prefix}${runId}.switch`;
  const needSwitch = plan.segments.some((s) => s.members.length > 2);
  const names = [...plan.hosts.map((h) => nsOf(h.name)), ...(needSwitch ? [switchNs] : [])];
  const hosts = new Map(plan.hosts.map((h) => [h.name, { name: h.name, netns: nsOf(h.name), router: h.router }]));
  let downed = false;
  const lab: Lab = {
    hosts,
    down: async () => {
      if (downed) return;
      downed = true;
      await removeNetns(names);
    },
  };

  try {
    await ipBatch(names.map((n) => `netns add ${n}`));
    // Before any interface exists: no duplicate address detection (IPv6 addresses, link-local ones included, are
    // usable at once instead of seconds later), and forwarding on routers.
    await Promise.all(
      plan.hosts.map((h) =>
        runCommand("ip", ["netns", "exec", nsOf(h.name), "sysctl", "-e", "-q", "-w", ...sysctlsFor(h.router)]),
      ),
    );
    // What needs only the namespaces (starting agents) overlaps with wiring them.
    const meanwhile = o.whileWiring?.(lab);
    meanwhile?.catch(() => undefined);
    const root: string[] = [];
    const inside = new Map<string, string[]>(names.map((n) => [n, []]));
    const bridgesUp: string[] = [];
    const ifCount = new Map<string, number>();
    const nextIf = (host: string) => {
      const i = ifCount.get(host) ?? 0;
      ifCount.set(host, i + 1);
      return `eth${i}`;
    };
    for (const h of plan.hosts) inside.get(nsOf(h.name))!.push("link set lo up");

    plan.segments.forEach((seg, s) => {
      const ifs = seg.members.map((m) => ({ ...m, ifname: nextIf(m.host), ns: nsOf(m.host) }));
      if (ifs.length === 1) {
        // A host alone on its segment still needs an interface to hold its addresses: a veth whose peer stays
        // beside it (not every kernel has the dummy driver).
        inside.get(ifs[0].ns)!.push(`link add ${ifs[0].ifname} type veth peer name ${ifs[0].ifname}-peer`, `link set ${ifs[0].ifname}-peer up`);
      } else if (ifs.length === 2) {
        root.push(`link add ${ifs[0].ifname} netns ${ifs[0].ns} type veth peer name ${ifs[1].ifname} netns ${ifs[1].ns}`);
      } else {
        const sw = inside.get(switchNs)!;
        sw.push(`link add br${s} type bridge forward_delay 0`);
        ifs.forEach((m, i) => {
          root.push(`link add ${m.ifname} netns ${m.ns} type veth peer name s${s}p${i} netns ${switchNs}`);
          sw.push(`link set s${s}p${i} up`, `link set s${s}p${i} master br${s}`);
        });
        bridgesUp.push(`link set br${s} up`);
      }
      for (const m of ifs) {
        const cmds = inside.get(m.ns)!;
        cmds.push(`link set ${m.ifname} up`);
        // nodad: an IPv6 address is usable at once instead of after duplicate address detection.
        for (const a of m.addrs) cmds.push(`addr add ${a.text} dev ${m.ifname}${a.family === 6 ? " nodad" : ""}`);
      }
    });
    for (const h of plan.hosts)
      for (const g of h.gateways) inside.get(nsOf(h.name))!.push(`route add ${g.includes(":") ? "::/0" : "0.0.0.0/0"} via ${g}`);

    await ipBatch(root);
    // Host ends first, switch ports last: a bridge port enabled while its peer is already up forwards at once,
    // whereas one whose carrier comes later waits for the kernel's link watcher (up to a second).
    await Promise.all([...inside].filter(([ns]) => ns !== switchNs).map(([ns, cmds]) => ipBatch(cmds, ns)));
    if (needSwitch) await ipBatch([...inside.get(switchNs)!, ...bridgesUp], switchNs);
    await meanwhile;
    return lab;
  } catch (e) {
    await lab.down().catch(() => undefined);
    throw e instanceof LabError ? e : new LabError(String(e));
  }
}

function sysctlsFor(router: boolean): string[] {
  // Frames crafted to 127.0.0.1 enter through lo with a local source address: the kernel drops them as martians
  // unless lo accepts local sources (Scapy sends them through a raw socket instead).
  const base = ["net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0", "net.ipv4.conf.lo.accept_local=1", "net.ipv4.conf.lo.route_localnet=1"];
  return router ? [...base, "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"] : base;
}
