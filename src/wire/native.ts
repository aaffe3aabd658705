import { createRequire } from "node:module";

/** An open libpcap capture, as the native part hands it out. */
export type NativeCapture = { readonly __brand: "capture" };

/** Frames as the native part delivers them: bytes back to back, frame i being lengths[i] bytes, seen at timesUs[i]. */
export type FramesCallback = (data: Buffer, lengths: Uint32Array, timesUs: Float64Array, count: number) => void;

/** The native part (src/native): libpcap captures with the kernel's timestamps and counters, batched sends. */
interface NativeAddon {
  openCapture(iface: string, filter: string, bufferBytes: number, onFrames: FramesCallback): NativeCapture;
  captureFd(c: NativeCapture): number;
  captureStats(c: NativeCapture): { received: number; dropped: number; ifDropped: number };
  closeCapture(c: NativeCapture): void;
  sendFrames(fd: number, buffer: Buffer, lengths: Uint32Array, count: number): number;
  filterError(filter: string): string | null;
  linkStart(nsPath: string, ifA: string, ifB: string, aToB: NativeConditions, bToA: NativeConditions, seed: number): NativeLink;
  linkSet(l: NativeLink, direction: 0 | 1, c: NativeConditions): void;
  linkStats(l: NativeLink): [NativeLinkStats, NativeLinkStats];
  linkStop(l: NativeLink): void;
  icmpOpen(): number;
  icmpRead(fd: number): Buffer | null;
  /** Moves the calling thread into the network namespace at path; returns the inode of the one it is then in. */
  netnsEnter(path: string): number;
  /** Calls fn with the calling thread inside the network namespace at path, then back in its own. */
  withNetns<T>(path: string, fn: () => T): T;
  /** Turns TSO, GSO and GRO off on an interface of the calling thread's namespace. */
  offloadsOff(ifname: string): void;
}

/** A running link emulator (src/native/link.c). */
export type NativeLink = { readonly __brand: "link" };

/** One direction's conditions as the emulator takes them. */
export interface NativeConditions {
  delayNs?: number;
  jitterNs?: number;
  /** 0..1 */
  loss?: number;
  rateBps?: number;
  limit?: number;
}

/** What one direction of an emulated link did. `drops`: the numbers of the lossy frames the seed dropped (first 1000). */
export interface NativeLinkStats {
  frames: number;
  forwarded: number;
  droppedLoss: number;
  droppedLimit: number;
  shaped: number;
  lossySeen: number;
  sendErrors: number;
  maxQueue: number;
  queued: number;
  /** Frames the kernel dropped before the emulator could read them (it fell behind). */
  missed: number;
  drops: number[];
}

const require = createRequire(import.meta.url);
let addon: NativeAddon | undefined;

export function native(): NativeAddon {
  if (!addon) {
    // Beside the compiled code (dist/native), or where node-gyp built it when running from the sources (tests).
    for (const path of ["../native/wirecheck_native.node", "../native/build/Release/wirecheck_native.node"]) {
      try {
        addon = require(path) as NativeAddon;
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw new Error(unloadable(e as Error));
      }
    }
    if (!addon) throw new Error(missing);
  }
  return addon;
}

const rebuild = "then: npm rebuild wirecheck (in a checkout of the sources: make build)";
const missing = `wirecheck's native part (libpcap captures, sends, the link emulator) is not built on this machine: it needs libpcap's headers and a C compiler (Debian/Ubuntu: apt-get install libpcap-dev build-essential python3), ${rebuild}`;

/** Why the native part is there but does not load, in words: most often libpcap itself is not installed. */
function unloadable(e: Error): string {
  const first = e.message.split("\n")[0];
  if (/libpcap\.so/.test(first)) return `wirecheck's native part needs libpcap, which is not installed (Debian/Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap): ${first}`;
  return `wirecheck's native part does not load on this machine (${first}): rebuild it for this system — it needs libpcap's headers and a C compiler (Debian/Ubuntu: apt-get install libpcap-dev build-essential python3), ${rebuild}`;
}
