import type { Packet } from "./packet.js";
import { reassembleIp, type Reassembly } from "./reassemble-ip.js";
import { reassembleTcp } from "./reassemble-tcp.js";

export type { Reassembly } from "./reassemble-ip.js";

/** What a sniff puts back together before its expectations look: IP fragments, or those and then TCP streams. */
export type ReassembleMode = "ip" | "tcp";

export function reassemble(packets: Packet[], mode: ReassembleMode): Reassembly {
  const ip = reassembleIp(packets);
  if (mode === "ip") return ip;
  const tcp = reassembleTcp(ip.packets, ip.notes);
  return { packets: tcp.packets, notes: tcp.notes, remarks: [...ip.remarks, ...tcp.remarks] };
}
