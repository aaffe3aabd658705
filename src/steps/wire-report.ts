import { dissect, type Packet } from "../packet/index.js";
import { hexdump } from "../util/text.js";
import type { WirePacket } from "../wire/sr.js";

/** A packet the agent saw or sent, readable again on this side. */
export function packetOf(w: WirePacket): Packet {
  return dissect(Buffer.from(w.hex, "hex"), { link: w.link });
}

/** Summary line and hexdump, as a failing packet step shows it. */
export function packetDump(p: Packet): string {
  return `${p.summary()}\n${hexdump(p.bytes, 256)}`;
}

/** ${name} in a packet expression from what earlier steps saved; arithmetic after it is the parser's job. */
export function withVars(expr: string, vars: Map<string, string | number>): string {
  return expr.replace(/\$\{([^}]*)\}/g, (m, name: string) => {
    const v = vars.get(name);
    if (v === undefined) throw new Error(`\${${name}} has no value yet: the step that saves it did not run or did not pass`);
    return String(v);
  });
}
