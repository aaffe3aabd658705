import { createRequire } from "node:module";

/** The native part (src/native/packet_socket.c): batched sends and capture counters on a libpcap handle's socket. */
interface PacketSocketAddon {
  packetSockets(): number[];
  captureStats(fd: number): { received: number; dropped: number };
  sendFrames(fd: number, buffer: Buffer, lengths: Uint32Array, count: number): number;
}

const require = createRequire(import.meta.url);
let addon: PacketSocketAddon | undefined;

export function packetSocket(): PacketSocketAddon {
  if (!addon) {
    try {
      addon = require("../native/packet_socket.node") as PacketSocketAddon;
    } catch (e) {
      throw new Error(`wirecheck's native part is missing (dist/native/packet_socket.node): run "npm run build" (${(e as Error).message.split("\n")[0]})`);
    }
  }
  return addon;
}

/**
 * Runs `open` (which opens one libpcap handle) and returns the file descriptor of the socket it created: the one
 * AF_PACKET socket that was not there before.
 */
export function openedSocket(open: () => void): number {
  const ps = packetSocket();
  const before = new Set(ps.packetSockets());
  open();
  const added = ps.packetSockets().filter((fd) => !before.has(fd));
  if (added.length !== 1) throw new Error(`cannot tell libpcap's socket apart (${added.length} new packet sockets)`);
  return added[0];
}
