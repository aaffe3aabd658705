// A namespace's sysctls, written by the controller itself (its thread enters the namespace for the writes: net.*
// settings are per namespace) instead of a `ip netns exec … sysctl` pair of processes per host.
import { writeFileSync } from "node:fs";
import { native } from "../wire/native.js";

/**
 * Sets `key=value` settings inside the namespace, as `sysctl -e -w` would: a key this kernel does not have is
 * passed over; any other failure is an error naming the setting.
 */
export function setSysctls(netns: string, settings: string[]): void {
  native().withNetns(`/run/netns/${netns}`, () => {
    for (const s of settings) {
      const eq = s.indexOf("=");
      const [key, value] = [s.slice(0, eq), s.slice(eq + 1)];
      try {
        writeFileSync(`/proc/sys/${key.replace(/\./g, "/")}`, value);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw new Error(`sysctl ${s} in ${netns}: ${(e as Error).message}`);
      }
    }
  });
}
