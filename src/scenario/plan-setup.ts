import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { didYouMean, listOf } from "../util/did-you-mean.js";
import { parseDuration } from "../util/duration.js";
import { workPathProblem } from "../util/work-path.js";
import type { Issue } from "./errors.js";
import type { Plan, PlanSetupItem, WirecheckScenario } from "./model.js";
import type { LabPlan } from "./plan-lab.js";
import type { Path, SourceFile } from "./source.js";
import { expandText, type Vars } from "./vars.js";

type IssueAt = (p: Path, m: string, key?: boolean) => void;

/** A file a scenario brings may be this large: rulesets and daemon configs, not data sets. */
const maxFileBytes = 1 << 20;

/** The setup items in order, each checked: its host, one action, its file. */
export function planSetup(s: WirecheckScenario, source: SourceFile, hostNames: string[], dir: string, vars: Vars, saved: ReadonlySet<string>, issue: IssueAt, extra: (i: Issue) => void): PlanSetupItem[] {
  const items: PlanSetupItem[] = [];
  (s.setup ?? []).forEach((it, i) => {
    if (!it || typeof it !== "object") return;
    const path = ["setup", i];
    const host = it.host ?? hostNames[0];
    if (!hostNames.includes(host)) {
      const hint = didYouMean(host, hostNames);
      issue([...path, "host"], `host \`${host}\` is not in the lab${hint ? ` (did you mean \`${hint}\`?)` : ""}: the hosts are ${listOf(hostNames)}`);
    }
    const actions = (["run", "sysctl", "file"] as const).filter((k) => it[k] !== undefined);
    if (actions.length !== 1) return void issue(path, actions.length ? `a setup item does one thing: it has ${listOf(actions)}` : "a setup item needs run, sysctl or file");
    const line = source.locate(path).line;
    const onlyWith = (keys: string[], action: string) => {
      for (const k of keys) if ((it as Record<string, unknown>)[k] !== undefined) issue([...path, k], `${k} goes with ${action}`, true);
    };
    if (it.run !== undefined) {
      onlyWith(["text", "from", "expand", "mode"], "file");
      const timeoutMs = (it.timeout === undefined ? undefined : parseDuration(it.timeout)) ?? 30_000;
      items.push({ host, line, label: `run ${it.run}`, run: { command: it.run, timeoutMs } });
    } else if (it.sysctl !== undefined) {
      onlyWith(["timeout", "text", "from", "expand", "mode"], it.timeout !== undefined ? "run" : "file");
      const sysctl = Object.fromEntries(Object.entries(it.sysctl).map(([k, v]) => [k, String(v)]));
      items.push({ host, line, label: `sysctl ${Object.entries(sysctl).map(([k, v]) => `${k}=${v}`).join(" ")}`, sysctl });
    } else {
      onlyWith(["timeout"], "run");
      const name = it.file!;
      const bad = workPathProblem(name);
      if (bad) issue([...path, "file"], bad.replace("paths a scenario writes", "a setup file's name"));
      if ((it.text === undefined) === (it.from === undefined)) return void issue(path, "a setup file needs its contents: text (inline) or from (a file beside the scenario), one of them");
      let text = it.text ?? "";
      if (it.from !== undefined) {
        const full = isAbsolute(it.from) ? it.from : join(dir, it.from);
        if (!existsSync(full) || !statSync(full).isFile()) return void issue([...path, "from"], `\`${it.from}\` does not exist (setup files come from paths relative to the scenario file: ${full})`);
        if (statSync(full).size > maxFileBytes) return void issue([...path, "from"], `\`${it.from}\` is over ${maxFileBytes >> 20} MiB: a setup file is a config or a script`);
        text = readFileSync(full, "utf8");
        if (it.expand !== false) {
          const shown = relative(process.cwd(), full) || full;
          const r = expandText(text, Object.fromEntries(Object.entries(vars).filter(([k]) => !saved.has(k))), shown);
          for (const x of r.issues)
            extra(saved.has(/\$\{([^}]*)\}/.exec(x.message)?.[1] ?? "") ? { ...x, message: `${x.message} (values saved by steps are not known before the steps run)` } : x);
          text = r.text;
        }
      } else if (it.expand !== undefined) issue([...path, "expand"], "expand goes with from: inline text is filled in like the rest of the scenario", true);
      const mode = parseInt(it.mode ?? "0644", 8);
      items.push({ host, line, label: `file ${name}`, file: { name, text, mode } });
    }
  });
  return items;
}

/** Kernel features wirecheck can look for, by the configuration options that provide them (any of them). */
export const kernelFeatures: Record<string, string[]> = {
  nftables: ["NF_TABLES"],
  iptables: ["IP_NF_IPTABLES"],
  conntrack: ["NF_CONNTRACK"],
  nat: ["NF_NAT"],
  bridge: ["BRIDGE"],
  veth: ["VETH"],
  macvlan: ["MACVLAN"],
  vxlan: ["VXLAN"],
  tun: ["TUN"],
  netem: ["NET_SCH_NETEM"],
  tbf: ["NET_SCH_TBF"],
  htb: ["NET_SCH_HTB"],
  ifb: ["IFB"],
  bpf: ["BPF_SYSCALL"],
  ipv6: ["IPV6"],
  vlan: ["VLAN_8021Q"],
  gre: ["NET_IPGRE", "IPV6_GRE"],
};

/** What the scenario says it needs, and what its own lab needs (a bridge, vxlan, macvlan). */
export function planRequires(s: WirecheckScenario, source: SourceFile, lab: LabPlan): Plan["requires"] {
  const kernel = new Set<string>(s.requires?.kernel ?? []);
  if (lab.segments.length) kernel.add("veth");
  if (lab.segments.some((g) => g.members.length > 2)) kernel.add("bridge");
  if (lab.tunnels.length) kernel.add("vxlan");
  if (lab.segments.some((g) => g.attach)) kernel.add("macvlan");
  return { commands: [...new Set(s.requires?.commands ?? [])], kernel: [...kernel], line: s.requires ? source.locate(["requires"]).line : 1 };
}
