import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { release } from "node:os";
import { delimiter, join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Plan } from "../scenario/model.js";
import { kernelFeatures } from "../scenario/plan-setup.js";
import { insideUserNamespace } from "./user-namespace.js";

/** Debian packages that bring the commands scenarios most often need. */
const packageOf: Record<string, string> = { nft: "nftables", bird: "bird2", birdc: "bird2", vtysh: "frr", dnsmasq: "dnsmasq", iptables: "iptables", tcpdump: "tcpdump", dig: "bind9-dnsutils", nc: "netcat-openbsd", curl: "curl", ethtool: "ethtool", tc: "iproute2" };

/** Where the command is on PATH: true when it may be run, the path of one this user may not run, else false. */
function onPath(cmd: string): boolean | string {
  let found: string | undefined;
  for (const dir of (process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin").split(delimiter)) {
    const path = join(dir, cmd);
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      // A file that is there but not executable for this user (a run without root runs as its user) is said apart.
      if (found === undefined && existsSync(path)) found = path;
    }
  }
  return found ?? false;
}

let config: Map<string, string> | null | undefined;

/** The running kernel's configuration (/proc/config.gz, else /boot/config-RELEASE), or null when neither is there. */
function kernelConfig(): Map<string, string> | null {
  if (config !== undefined) return config;
  let text: string | undefined;
  try {
    text = gunzipSync(readFileSync("/proc/config.gz")).toString("utf8");
  } catch {
    const boot = `/boot/config-${release()}`;
    if (existsSync(boot)) text = readFileSync(boot, "utf8");
  }
  config = text ? new Map([...text.matchAll(/^CONFIG_([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]])) : null;
  return config;
}

/** A module the configuration builds as `m` is there only if its file is installed. */
function moduleInstalled(option: string): boolean {
  try {
    const dep = readFileSync(`/lib/modules/${release()}/modules.dep`, "utf8");
    const name = { NF_TABLES: "nf_tables", IP_NF_IPTABLES: "ip_tables", NF_CONNTRACK: "nf_conntrack", NF_NAT: "nf_nat", BRIDGE: "bridge", VETH: "veth", MACVLAN: "macvlan", VXLAN: "vxlan", TUN: "tun", NET_SCH_NETEM: "sch_netem", NET_SCH_TBF: "sch_tbf", NET_SCH_HTB: "sch_htb", IFB: "ifb", IPV6: "ipv6", VLAN_8021Q: "8021q", NET_IPGRE: "ip_gre", IPV6_GRE: "ip6_gre" }[option];
    return name !== undefined && new RegExp(`/${name}\\.ko`).test(dep);
  } catch {
    return true; // no module list to read: the kernel will say
  }
}

/**
 * What is missing of what the scenario needs, one line each, or an empty list. A kernel whose configuration cannot
 * be read is taken at its word: the lab's own commands then say what fails.
 */
export function missingRequirements(req: Plan["requires"]): string[] {
  const missing: string[] = [];
  for (const cmd of req.commands) {
    const where = onPath(cmd);
    if (typeof where === "string") missing.push(`the command \`${cmd}\` is at ${where}, but this user may not run it${insideUserNamespace() ? " (a run without root runs as its user, root only over its own namespaces)" : ""}`);
    else if (!where) missing.push(`the command \`${cmd}\` is not on PATH${packageOf[cmd] ? ` (apt-get install ${packageOf[cmd]})` : ""}`);
  }
  const cfg = kernelConfig();
  if (cfg)
    for (const feature of req.kernel) {
      const options = kernelFeatures[feature] ?? [];
      const has = options.some((o) => cfg.get(o) === "y" || (cfg.get(o) === "m" && moduleInstalled(o)));
      if (!has) missing.push(`this kernel has no ${feature} (CONFIG_${options.join(" or CONFIG_")} is not set)`);
    }
  return missing;
}
