import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { networkInterfaces } from "node:os";
import { readFileSync } from "node:fs";
import { isMulticast } from "../util/ip.js";
import { Interface } from "./capture.js";
import { native } from "./native.js";


export interface Route {
  dev: string;
  src: string;
  /** The next hop: the gateway, or the destination itself on a directly attached subnet. */
  via: string;
  /** Where the destination is not one host: its frames go to a broadcast or multicast MAC, not resolved ones. */
  kind: "unicast" | "broadcast" | "multicast";
}

/** This host's network as its agent sees it: interfaces (opened for capture on demand), MACs, routes. */
export class Host {
  private readonly ifaces = new Map<string, Interface>();
  private readonly routes = new Map<string, Route>();

  /**
   * Interface names of the namespace, loopback first. Read from /proc/self/net, which follows the namespace of the
   * agent's main thread (the agent's /sys shows the one it was started in: see agent/placement.ts).
   */
  interfaceNames(): string[] {
    const names = readFileSync("/proc/self/net/dev", "utf8")
      .split("\n")
      .slice(2)
      .map((l) => l.split(":")[0].trim())
      .filter(Boolean);
    return names.sort((a, b) => (a === "lo" ? -1 : b === "lo" ? 1 : a.localeCompare(b)));
  }

  iface(name: string): Interface {
    let i = this.ifaces.get(name);
    if (!i) this.ifaces.set(name, (i = new Interface(name)));
    return i;
  }

  /**
   * The interfaces a step may use: all but the peers that keep a lone host's veth company (they are the lab's, not
   * the host's), and without loopback when frames are to go on a wire.
   */
  usableInterfaces(withLoopback: boolean): string[] {
    return this.interfaceNames().filter((n) => !n.endsWith("-peer") && (withLoopback || n !== "lo"));
  }

  /** The named interface, checked: an unknown name is an error that lists the host's interfaces. */
  checkedInterface(name: string, withLoopback: boolean): string {
    const names = this.usableInterfaces(withLoopback);
    if (!names.includes(name)) throw new Error(`no interface ${name} on this host (it has ${names.join(", ")})`);
    return name;
  }

  /** Opens every interface at once, so the host's capture starts before the first step. */
  async openAll(): Promise<void> {
    const names = this.usableInterfaces(true);
    await this.readyForCapture(names);
    for (const n of names) this.iface(n);
  }

  private monitor?: ChildProcess;

  /**
   * Routes are cached, and change while a scenario runs (a link step, a routing daemon, a command): the kernel's
   * own notices of route, link and address changes empty the cache.
   */
  private watchRoutes(): void {
    if (this.monitor) return;
    this.monitor = spawn("ip", ["monitor", "route", "link", "address"], { stdio: ["ignore", "pipe", "ignore"] });
    this.monitor.stdout!.on("data", () => this.routes.clear());
    this.monitor.on("error", () => undefined);
    this.monitor.unref();
    (this.monitor.stdout as unknown as { unref?: () => void }).unref?.();
  }

  private readonly unsegmented = new Set<string>();

  /** Interfaces about to be captured: segmentation offloads off, once each (see unsegment). */
  async readyForCapture(names: string[]): Promise<void> {
    const todo = names.filter((n) => !this.unsegmented.has(n));
    await Promise.all(todo.map(unsegment));
    for (const n of todo) this.unsegmented.add(n);
  }

  opened(): Interface[] {
    return [...this.ifaces.values()];
  }

  private readonly macs = new Map<string, string>();

  /** An interface's MAC address, cached (sr1 asks for it on every call). */
  mac(dev: string): string {
    let m = this.macs.get(dev);
    if (m === undefined) {
      // getifaddrs answers from the agent's namespace without a process; an interface without an address is not in
      // it, and ip then tells.
      m = networkInterfaces()[dev]?.[0]?.mac;
      if (m === undefined) {
        const out = JSON.parse(execFileSync("ip", ["-j", "link", "show", "dev", dev], { encoding: "utf8" })) as { address?: string }[];
        m = out[0]?.address ?? "00:00:00:00:00:00";
      }
      this.macs.set(dev, m);
    }
    return m;
  }

  private readonly v4 = new Map<string, string>();

  /** The first IPv4 address of an interface (ARP's source address), cached. */
  ipv4(dev: string): string {
    let a = this.v4.get(dev);
    if (a === undefined) {
      const out = JSON.parse(execFileSync("ip", ["-j", "-4", "addr", "show", "dev", dev], { encoding: "utf8" })) as { addr_info: { local: string }[] }[];
      a = out[0]?.addr_info[0]?.local ?? "0.0.0.0";
      this.v4.set(dev, a);
    }
    return a;
  }

  /** The kernel's route to an address, cached for the scenario (and watched from the first lookup on). */
  route(dst: string): Route {
    let r = this.routes.get(dst);
    if (!r) {
      this.watchRoutes();
      const group = isMulticast(dst) ? "multicast" : dst === "255.255.255.255" ? "broadcast" : undefined;
      let first: { dev: string; prefsrc?: string; gateway?: string; type?: string } | undefined;
      try {
        first = JSON.parse(execFileSync("ip", ["-j", "route", "get", dst], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }))[0];
      } catch {
        // A group address with no route of its own (no default route in a lab): like Scapy, the host's only
        // interface carries it.
        const only = this.usableInterfaces(false);
        if (group && only.length === 1) first = { dev: only[0], prefsrc: this.ipv4(only[0]) };
        else throw new Error(`no route to ${dst} on this host${group ? ` (it has ${only.length} interfaces: send it with sendp on one of them)` : ""}`);
      }
      if (!first) throw new Error(`no route to ${dst} on this host`);
      const kind = group ?? (first.type === "broadcast" ? "broadcast" : "unicast");
      r = { dev: first.dev, src: first.prefsrc ?? "", via: first.gateway ?? dst, kind };
      this.routes.set(dst, r);
    }
    return r;
  }

  closeAll(): void {
    this.monitor?.kill();
    this.monitor = undefined;
    for (const i of this.ifaces.values()) i.close();
    this.ifaces.clear();
  }

  /** Forgets the host: a pooled agent's next host has other routes, MACs and addresses under the same names. */
  forget(): void {
    this.closeAll();
    this.routes.clear();
    this.macs.clear();
    this.v4.clear();
    this.unsegmented.clear();
  }
}


/**
 * Turns segmentation offloads off on a lab interface before it is captured. With them on, libpcap sizes every slot
 * of its capture ring for a 64 KiB frame, so 16 MiB hold 250 frames and a burst overflows them; off, a slot fits
 * the MTU and the same ring holds 8,000. Lab traffic gains nothing from them (and the kernel then segments in
 * software exactly what a wire would carry).
 */
async function unsegment(dev: string): Promise<void> {
  try {
    native().offloadsOff(dev);
  } catch (e) {
    throw new Error(`turning segmentation offloads off failed: ${(e as Error).message}`);
  }
}

export const host = new Host();
