// Packet sets from an address prefix and from ranges inside lists, sent in a real lab (issue 14), and port_scan's
// ports written as nmap's -p. Kept out of scenarios/ so the bundled run stays within vitest's worker timeout.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempScenario } from "./helpers.js";

describe("packet sets and nmap port lists in a real lab", () => {
  it("an address prefix is one probe an address, a ttl list with a range one probe a value, ports as nmap's -p", () => {
    const { dir, file } = tempScenario(
      "sets.yaml",
      `name: packet sets
lab:
  hosts:
    setsa: 198.18.0.1/24
    setsb: 198.18.0.2/24
servers:
  - { name: web, host: setsb, tcp: { port: 80, echo: true } }
steps:
  - name: of 198.18.0.2/31 only setsb answers
    host: setsa
    sr:
      packet: 'IP(dst="198.18.0.2/31")/ICMP()'
      timeout: 1s
      expect: { answered: 1, unanswered: 1 }
  - name: ttl=[1, (2, 3)] is three probes
    host: setsa
    sr:
      packet: 'IP(dst="setsb", ttl=[1, (2, 3)])/ICMP()'
      expect: { answered: 3 }
  - name: ports as nmap writes them
    host: setsa
    port_scan:
      to: setsb
      ports: "79-81,443"
      expect: { open: [80], closed: [79, 81, 443] }
`,
    );
    const r = runCli(["run", file, "--junit", join(dir, "junit.xml")], {}, 60_000);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("1 scenario(s): 3 passed, 0 failed, 0 errors, 0 skipped");
  });
});
