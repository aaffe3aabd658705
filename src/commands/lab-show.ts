import { describeConditions } from "../lab/links.js";
import { labFacts } from "../scenario/plan-lab.js";
import type { Plan } from "../scenario/model.js";
import { loadAll } from "./load-all.js";

/** wirecheck lab show FILE: the lab as it would be built, from the file alone (no root, nothing created). */
export function labShowCommand(file: string, o: { var?: string[]; json?: boolean }): number {
  const { plans, ok } = loadAll([file], o.var);
  if (!ok || plans.length !== 1) return 2;
  const plan = plans[0];
  const facts = labFacts(plan);
  if (o.json) {
    process.stdout.write(JSON.stringify({ hosts: plan.hosts, segments: plan.segments, tunnels: plan.tunnels, facts }, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(render(plan, facts));
  return 0;
}

function render(plan: Plan, facts: Record<string, string>): string {
  const out: string[] = [`lab of ${plan.file} (${plan.name})`, "", "hosts:"];
  const ifaces = [...plan.segments.flatMap((g) => g.members.map((m) => ({ m, via: g.name }))), ...plan.tunnels.flatMap((t) => t.ends.map((m) => ({ m, via: `tunnel ${t.name}` })))];
  for (const h of plan.hosts) {
    out.push(`  ${h.name}${h.router ? "  (router: forwards IPv4 and IPv6)" : ""}`);
    if (h.loopback.length) out.push(`    ${"lo".padEnd(8)} ${"".padEnd(17)}  ${h.loopback.map((a) => a.text).join(", ")}`);
    for (const { m, via } of ifaces.filter((x) => x.m.host === h.name))
      out.push(`    ${m.ifname.padEnd(8)} ${m.mac.padEnd(17)}  ${(m.addrs.map((a) => a.text).join(", ") || "(no address)").padEnd(36)} on ${via}`);
    for (const g of h.gateways) out.push(`    route default via ${g}`);
    for (const r of h.routes) out.push(`    route ${r.to.text}${r.via ? ` via ${r.via}` : ""}${r.dev ? ` dev ${r.dev}` : ""}`);
  }
  if (plan.segments.length) out.push("", "links:");
  for (const g of plan.segments) {
    const ends = g.members.map((m) => `${m.host} ${m.ifname}`).join(g.members.length > 2 ? ", " : " ↔ ");
    const kind = g.attach ? `macvlan on the interface --attach ${g.attach.name}=… names; the device may be reached at ${g.attach.scope.map((c) => c.text).join(", ")}` : g.members.length > 2 ? "bridge" : g.members.length === 1 ? "alone (veth)" : g.emulated ? `through the link emulator, seed ${g.emulated.seed}` : "veth pair";
    out.push(`  ${g.name}: ${ends}  (${kind}${g.mtu ? `, mtu ${g.mtu}` : ""})`);
    if (g.emulated) for (const [from, c] of Object.entries(g.emulated.from)) out.push(`    from ${from}: ${describeConditions(c)}`);
  }
  if (plan.tunnels.length) out.push("", "tunnels:");
  for (const t of plan.tunnels)
    out.push(`  ${t.name}: vxlan ${t.vni}, UDP port ${t.port}: ${t.ends.map((e) => `${e.host} ${e.ifname} (sent from ${e.local || "?"}${e.dev ? ` on ${e.dev}` : ""})`).join(" ↔ ")}`);
  const keys = Object.keys(facts);
  if (keys.length) {
    out.push("", "facts (${…} in any string):");
    for (const k of keys) out.push(`  \${${k}}  ${facts[k]}`);
  }
  return out.join("\n") + "\n";
}
