import { readFileSync } from "node:fs";

/**
 * Whether something in this network namespace listens on a port (TCP: a LISTEN socket; UDP: a bound socket).
 * /proc/net reflects the namespace of the reading process, which is why this runs inside the agent.
 */
export function isListening(port: number, protocol: "tcp" | "udp"): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of [`/proc/net/${protocol}`, `/proc/net/${protocol}6`]) {
    let table: string;
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of table.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4) continue;
      const local = cols[1];
      const state = cols[3];
      if (local.endsWith(`:${hexPort}`) && (protocol === "udp" ? state === "07" : state === "0A")) return true;
    }
  }
  return false;
}
