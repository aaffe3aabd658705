import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { Interface } from "./capture.js";

export interface Route {
  dev: string;
  src: string;
  /** The next hop: the gateway, or the destination itself on a directly attached subnet. */
  via: string;
}

/** This host's network as its agent sees it: interfaces (opened for capture on demand), MACs, routes. */
export class Host {
  private readonly ifaces = new Map<string, Interface>();
  private readonly routes = new Map<string, Route>();

  /** Interface names of the namespace, loopback first. */
  interfaceNames(): string[] {
    return readdirSync("/sys/class/net").sort((a, b) => (a === "lo" ? -1 : b === "lo" ? 1 : a.localeCompare(b)));
  }

  iface(name: string): Interface {
    let i = this.ifaces.get(name);
    if (!i) this.ifaces.set(name, (i = new Interface(name)));
    return i;
  }

  /** Opens every interface at once, so the host's capture starts before the first step. */
  openAll(): void {
    for (const n of this.interfaceNames()) if (!n.endsWith("-peer")) this.iface(n);
  }

  opened(): Interface[] {
    return [...this.ifaces.values()];
  }

  mac(dev: string): string {
    return readFileSync(`/sys/class/net/${dev}/address`, "utf8").trim();
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

  /** The kernel's route to an address, cached for the scenario. */
  route(dst: string): Route {
    let r = this.routes.get(dst);
    if (!r) {
      const out = JSON.parse(execFileSync("ip", ["-j", "route", "get", dst], { encoding: "utf8" })) as { dev: string; prefsrc?: string; gateway?: string; dst: string }[];
      const first = out[0];
      if (!first) throw new Error(`no route to ${dst} on this host`);
      r = { dev: first.dev, src: first.prefsrc ?? "", via: first.gateway ?? dst };
      this.routes.set(dst, r);
    }
    return r;
  }

  closeAll(): void {
    for (const i of this.ifaces.values()) i.close();
    this.ifaces.clear();
  }
}

export const host = new Host();
