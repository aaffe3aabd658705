import type { Plan } from "../scenario/model.js";

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

/** `I/N` with 1 ≤ I ≤ N; otherwise a message saying what would be valid. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard ${text}: write it as I/N, e.g. 1/4 (this machine's share I of N)`;
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: I must be from 1 to N, and N at least 1`;
  return { index, count };
}

/**
 * This shard's scenarios, the same on every machine that loads the same files: longest first (by the durations of a
 * previous report, by classname; a scenario it does not know counts as the median of those it does, or 1 s), each to
 * the shard with the least time so far, the lowest-numbered on a tie. The shard's plans keep the run's order.
 */
export function shardPlans(plans: readonly Plan[], shard: Shard, durationsMs: ReadonlyMap<string, number> = new Map()): Plan[] {
  const known = plans.map((p) => durationsMs.get(p.classname)).filter((d): d is number => d !== undefined).sort((a, b) => a - b);
  const fallback = known.length ? known[Math.floor(known.length / 2)] : 1000;
  const cost = (p: Plan) => durationsMs.get(p.classname) ?? fallback;
  const order = plans.map((p, i) => ({ p, i })).sort((a, b) => cost(b.p) - cost(a.p) || (a.p.classname < b.p.classname ? -1 : a.p.classname > b.p.classname ? 1 : a.i - b.i));
  const load = new Array<number>(shard.count).fill(0);
  const mine = new Set<number>();
  for (const { p, i } of order) {
    let best = 0;
    for (let s = 1; s < shard.count; s++) if (load[s] < load[best]) best = s;
    load[best] += cost(p);
    if (best === shard.index - 1) mine.add(i);
  }
  return plans.filter((_, i) => mine.has(i));
}
