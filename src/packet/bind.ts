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
}

/** The upper layer that the lower layer's values announce, first binding first. */
export function boundUpper(lower: LayerDef, values: Values): LayerDef | undefined {
  const list = byLower.get(lower);
  if (!list) return undefined;
  for (const b of list) {
    if (!b.dissect) continue;
    let ok = true;
    for (const k in b.fields) if (values[k] !== b.fields[k]) ok = false;
    if (ok) return b.upper;
  }
  return undefined;
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
