import type { Layer } from "./layer.js";

/**
 * Scapy's summary: from the innermost layer out, the first layer that has something to say says it; outer layers
 * show just their names. A layer without anything to say is shown by name.
 */
export function summarize(layers: Layer[]): string {
  let found = false;
  let s = "";
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i];
    let ret = "";
    if (!found) ret = l.def.summary?.(l) ?? "";
    if (ret) found = true;
    if (!ret) ret = l.name;
    s = s ? `${ret} / ${s}` : ret;
  }
  return s;
}
