import { didYouMean } from "../util/did-you-mean.js";
import type { Vars } from "./vars.js";

// The address family a scenario runs in, as packetdrill runs each test over IPv4, IPv6 and IPv4-mapped IPv6:
//   matrix: { family: [4, 6, mapped] }
// makes three variants, and ${lab.HOST.ip} (and ${lab.HOST.IFACE.ip}) is that host's address in the variant's
// family: its IPv4 address, its IPv6 address, or its IPv4 address written as ::ffff:198.18.0.2, which a tcp or udp
// step reaches from an IPv6 socket while IPv4 goes on the wire. ${lab.wire} is the capture filter's word for what
// goes on the wire: ip (4 and mapped) or ip6.

export const familyKey = "family";
export const families = ["4", "6", "mapped"] as const;

/** Why a value cannot be a family, or undefined. */
export function familyProblem(value: unknown): string | undefined {
  if (families.includes(String(value) as (typeof families)[number])) return undefined;
  const hint = didYouMean(String(value), [...families]);
  return `\`${value}\` is not an address family${hint ? ` (did you mean \`${hint}\`?)` : ""}: \`family\` takes 4 (IPv4), 6 (IPv6) and mapped (IPv4-mapped IPv6: an IPv6 socket reaching the IPv4 address)`;
}

/** lab.….ip for every lab.….ip4 fact (the address in the family the vars choose) and lab.wire; none when they choose no family. */
export function familyFacts(facts: Vars, vars: Vars): Vars {
  const family = Object.hasOwn(vars, familyKey) ? String(vars[familyKey]) : undefined;
  if (family === undefined || familyProblem(family)) return {};
  const out: Vars = { "lab.wire": family === "6" ? "ip6" : "ip" };
  for (const key of Object.keys(facts)) {
    const m = /^(.*\.ip)[46]$/.exec(key);
    if (!m || Object.hasOwn(out, m[1])) continue;
    const v4 = facts[`${m[1]}4`];
    const v6 = facts[`${m[1]}6`];
    const ip = family === "4" ? v4 : family === "6" ? v6 : v4 === undefined ? undefined : `::ffff:${v4}`;
    if (ip !== undefined) out[m[1]] = ip;
  }
  return out;
}
