import type { Values } from "./field.js";
import type { LayerDef } from "./layer.js";

interface Binding {
  lower: LayerDef;
  upper: LayerDef;
  fields: Values;
  /** false: only read when dissecting (e.g. UDP sport=53 → DNS), not written when building. */
  build: boolean;
  /** false: only written when building (e.g. ND's IPv6 hop limit 255), not a way to recognise the upper layer. */
  dissect: boolean;
}

const bindings: Binding[] = [];
const byLower = new Map<LayerDef, Binding[]>();

/**
 * One table serves both directions (Scapy's bind_layers): dissecting, `lower` with these field values carries
 * `upper`; building `lower/upper`, the lower layer gets these values unless the user gave them.
 */
export function bind(lower: LayerDef, upper: LayerDef, fields: Values, o: { build?: boolean; dissect?: boolean } = {}): void {
  const b = { lower, upper, fields, build: o.build ?? true, dissect: o.dissect ?? true };
  bindings.push(b);
  const list = byLower.get(lower) ?? [];
  list.push(b);
  byLower.set(lower, list);
  fills.delete(lower);
  matchers.delete(lower);
}

/** The upper layer that the lower layer's values announce, first binding first. */
export function boundUpper(lower: LayerDef, values: Values): LayerDef | undefined {
  let match = matchers.get(lower);
  if (!match) matchers.set(lower, (match = matcher(byLower.get(lower) ?? [])));
  return match(values);
}

const matchers = new Map<LayerDef, (values: Values) => LayerDef | undefined>();

/**
 * The bindings of one lower layer as one generated function, a comparison per bound field written in (dissection
 * asks it for every layer of every packet). Bound values are numbers or text.
 */
function matcher(list: Binding[]): (values: Values) => LayerDef | undefined {
  const uppers: LayerDef[] = [];
  const lines: string[] = [];
  for (const b of list) {
    if (!b.dissect) continue;
    const tests = Object.entries(b.fields).map(([k, v]) => `v[${JSON.stringify(k)}] === ${JSON.stringify(v)}`);
    lines.push(`if (${tests.join(" && ") || "true"}) return U[${uppers.length}];`);
    uppers.push(b.upper);
  }
  return new Function("U", `return function bound(v) {\n${lines.join("\n")}\nreturn undefined; }`)(uppers) as (values: Values) => LayerDef | undefined;
}

const fills = new Map<LayerDef, Map<LayerDef, Values | undefined>>();

/** The values a lower layer takes for carrying `upper` (undefined when there is no binding); remembered per pair. */
export function fillFor(lower: LayerDef, upper: LayerDef): Values | undefined {
  let byUpper = fills.get(lower);
  if (!byUpper) fills.set(lower, (byUpper = new Map()));
  if (byUpper.has(upper)) return byUpper.get(upper);
  let found: Values | undefined;
  for (const b of byLower.get(lower) ?? [])
    if (b.upper === upper && b.build) {
      found = b.fields;
      break;
    }
  byUpper.set(upper, found);
  return found;
}
