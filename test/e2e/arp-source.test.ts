// ARP's psrc when the user gives none, as Scapy fills it: the source of the route to pdst, i.e. the sending host's
// address on the interface that route leaves by, even when the request is sent on another interface.
import { readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { netns, root, runCli, tempScenario } from "./helpers.js";

const scenario = `name: ARP psrc comes from the route to pdst
lab:
  hosts: { a: {}, r: {}, b: {} }
  links:
    - { a: 198.18.1.2/24, r: 198.18.1.1/24 }
    - { r: 198.18.2.1/24, b: 198.18.2.2/24 }
steps:
  - name: a request sent on eth0 for a host behind eth1 says r's address on eth1
    sniff:
      host: a
      filter: arp
      while:
        - { host: r, sendp: { packet: 'Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(pdst="198.18.2.2")', iface: eth0 } }
      expect: { any: { ARP.psrc: 198.18.2.1, ARP.pdst: 198.18.2.2 } }
  - name: a reply to a neighbour on eth0 says r's address on eth0
    sniff:
      host: a
      filter: arp
      while:
        - { host: r, sendp: { packet: 'Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(op=2, pdst="198.18.1.2")', iface: eth0 } }
      expect: { any: { ARP.psrc: 198.18.1.1, ARP.op: 2 } }
  - name: a psrc given is kept
    sniff:
      host: a
      filter: arp
      while:
        - { host: r, sendp: { packet: 'Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(psrc="198.18.1.77", pdst="198.18.2.2")', iface: eth0 } }
      expect: { any: { ARP.psrc: 198.18.1.77 } }
`;

describe("sendp fills ARP's psrc from the route to pdst", () => {
  it("as Scapy does, and keeps what the user gave", () => {
    const { dir, file } = tempScenario("arp-source.yaml", scenario);
    const r = runCli(["run", file, "--junit", `${file}.xml`]);
    for (const e of readdirSync(join(root, "reports"))) if (e.includes(basename(dir))) rmSync(join(root, "reports", e), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stdout + r.stderr).toContain("3 passed, 0 failed");
    expect(r.code).toBe(0);
    expect(netns().filter((n) => n.startsWith(`wc-${/run (\w+):/.exec(r.stdout)?.[1]}`))).toEqual([]);
  }, 60_000);
});
