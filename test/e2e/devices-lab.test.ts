// Issue 10, "Interfaces, addresses and routes you can name" (black box, from the issue and README "Devices under
// test"): chosen and default interface names (eth0, eth1, … in the order segments are written; vxlan0, … for
// tunnels), default and chosen MACs (02:77:HH:HH:00:II), `wirecheck lab show FILE` without root, lab facts in strings,
// loopback addresses, static routes and VXLAN tunnels that carry traffic and count as inside the lab, and addresses
// outside the lab refused at load with file:line:col.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Run, canDropToNobody, lineOf, put, runIn, scenarioDir, tshark, workDir } from "./devices-helpers.js";

// Hosts in order: mgmt (1), fw (2), client (3), server (4).
const LAB = `lab:
  hosts:
    mgmt: { addr: [198.18.0.9/24, "2001:db8::9/64"], ifname: mgmt0, routes: [{ to: "2001:db8:ffff::1/128", via: "2001:db8::2" }] }
    fw: { addr: [198.18.0.2/24, "2001:db8::2/64"], router: true, addresses: [198.19.255.1/32, "2001:db8:ffff::1/128"] }
    client: { gateway: 198.18.1.1 }
    server: { gateway: 198.18.2.1, routes: [{ to: 198.18.9.0/24, via: 198.18.2.1 }] }
  links:
    - { client: 198.18.1.2/24, fw: 198.18.1.1/24 }
    - name: wan
      ends: { fw: { addr: 198.18.2.1/24, ifname: wan0, mac: "02:aa:bb:cc:dd:ee" }, server: 198.18.2.2/24 }
      mtu: 1400
`;

const dump = (host: string) => `  - name: what ${host} has
    host: ${host}
    exec: { run: 'for c in "link" "addr" "route" "-6 route"; do echo "== $c"; ip -o $c; done > "$WIRECHECK_WORK/${host}-ip.txt"' }
`;

const NAMED = `name: named interfaces
${LAB}steps:
${["mgmt", "fw", "client", "server"].map(dump).join("")}  - name: facts fill any string
    host: client
    exec:
      run: 'echo "\${lab.fw.to.client} \${lab.fw.to.server} \${lab.fw.to.mgmt} \${lab.mgmt.to.fw} \${lab.fw.wan0.mac} \${lab.fw.wan0.ip4} \${lab.fw.wan0.cidr4} \${lab.fw.eth0.ip6} \${lab.fw.eth0.cidr6} \${lab.server.ip4} \${lab.client.eth0.mac} \${lab.server.eth0.mac}"'
      expect: { stdout: "eth1 wan0 eth0 mgmt0 02:aa:bb:cc:dd:ee 198.18.2.1 198.18.2.1/24 2001:db8::2 2001:db8::2/64 198.18.2.2 02:77:00:03:00:00 02:77:00:04:00:00" }
  - name: a fact as a ping target
    host: client
    ping: { to: "\${lab.server.ip4}", count: 2, interval: 50ms, expect: { received: 2 } }
  - name: the router's IPv4 loopback answers from across the lab
    host: client
    ping: { to: 198.19.255.1, count: 3, interval: 50ms, expect: { received: 3 } }
  - name: the router's IPv6 loopback answers on the shared segment
    host: mgmt
    ping: { to: "2001:db8:ffff::1", count: 3, interval: 50ms, expect: { received: 3 } }
`;

/** `ip -o link` lines by interface name (the part before @), `ip -o addr` addresses by interface, and the routes. */
function parseIp(text: string) {
  const section = (name: string) => {
    const m = text.split(/^== /m).find((s) => s.startsWith(name + "\n"));
    return m ? m.slice(name.length + 1) : "";
  };
  const links = new Map<string, string>();
  for (const l of section("link").split("\n").filter(Boolean)) {
    const m = l.match(/^\d+:\s+([^:@\s]+)[@:]/);
    if (m) links.set(m[1], l);
  }
  const addrs = new Map<string, string[]>();
  for (const l of section("addr").split("\n").filter(Boolean)) {
    const m = l.match(/^\d+:\s+(\S+)\s+inet6?\s+(\S+)/);
    if (m) addrs.set(m[1], [...(addrs.get(m[1]) ?? []), m[2]]);
  }
  return { links, addrs, routes: section("route"), routes6: section("-6 route") };
}

const mac = (linkLine: string | undefined) => linkLine?.match(/link\/ether (\S+)/)?.[1];
const mtu = (linkLine: string | undefined) => Number(linkLine?.match(/ mtu (\d+)/)?.[1]);

describe("interfaces, MACs and addresses as built, inside the namespaces", () => {
  const dir = scenarioDir();
  let r: Run;
  const ip = (host: string) => parseIp(readFileSync(join(workDir(dir, "named"), `${host}-ip.txt`), "utf8"));
  beforeAll(() => {
    put(dir, "named.yaml", NAMED);
    r = runIn(dir, ["run", "named.yaml"]);
  });

  it("the scenario passes: facts in strings, a fact as a target, loopbacks reachable", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("default names are eth0, eth1, … in the order segments are written (lab.hosts' segment first, then links)", () => {
    expect([...ip("fw").links.keys()].sort()).toEqual(["eth0", "eth1", "lo", "wan0"]);
    expect(ip("fw").addrs.get("eth0")).toEqual(expect.arrayContaining(["198.18.0.2/24", "2001:db8::2/64"]));
    expect(ip("fw").addrs.get("eth1")).toEqual(expect.arrayContaining(["198.18.1.1/24"]));
    // client has no address on the shared segment: its first link is eth0.
    expect([...ip("client").links.keys()].sort()).toEqual(["eth0", "lo"]);
    expect(ip("client").addrs.get("eth0")).toEqual(expect.arrayContaining(["198.18.1.2/24"]));
    expect([...ip("server").links.keys()].sort()).toEqual(["eth0", "lo"]);
    expect(ip("server").addrs.get("eth0")).toEqual(expect.arrayContaining(["198.18.2.2/24"]));
  });

  it("a chosen ifname is the interface's name (on a link end and on the shared segment)", () => {
    expect(ip("fw").addrs.get("wan0")).toEqual(expect.arrayContaining(["198.18.2.1/24"]));
    expect([...ip("mgmt").links.keys()].sort()).toEqual(["lo", "mgmt0"]);
    expect(ip("mgmt").addrs.get("mgmt0")).toEqual(expect.arrayContaining(["198.18.0.9/24"]));
  });

  it("default MACs are 02:77:HH:HH:00:II (host number from 1, interface number); a chosen mac is used", () => {
    expect(mac(ip("mgmt").links.get("mgmt0"))).toBe("02:77:00:01:00:00");
    expect(mac(ip("fw").links.get("eth0"))).toBe("02:77:00:02:00:00");
    expect(mac(ip("fw").links.get("eth1"))).toBe("02:77:00:02:00:01");
    expect(mac(ip("fw").links.get("wan0"))).toBe("02:aa:bb:cc:dd:ee");
    expect(mac(ip("client").links.get("eth0"))).toBe("02:77:00:03:00:00");
    expect(mac(ip("server").links.get("eth0"))).toBe("02:77:00:04:00:00");
  });

  it("mtu sets both ends of the link, the others keep 1500", () => {
    expect(mtu(ip("fw").links.get("wan0"))).toBe(1400);
    expect(mtu(ip("server").links.get("eth0"))).toBe(1400);
    expect(mtu(ip("fw").links.get("eth1"))).toBe(1500);
  });

  it("loopback addresses are on lo; gateways and static routes are in the routing table", () => {
    expect(ip("fw").addrs.get("lo")).toEqual(expect.arrayContaining(["198.19.255.1/32", "2001:db8:ffff::1/128"]));
    expect(ip("client").routes).toMatch(/^default via 198\.18\.1\.1 dev eth0/m);
    expect(ip("server").routes).toMatch(/^default via 198\.18\.2\.1 dev eth0/m);
    expect(ip("server").routes).toMatch(/^198\.18\.9\.0\/24 via 198\.18\.2\.1 dev eth0/m);
    expect(ip("mgmt").routes6).toMatch(/^2001:db8:ffff::1 via 2001:db8::2 dev mgmt0/m);
  });
});

describe("wirecheck lab show FILE, without root", () => {
  const dir = scenarioDir();
  let r: Run;
  let asNobody = false;
  beforeAll(() => {
    put(dir, "show.yaml", `name: lab to show\n${LAB}  tunnels:\n    - { vxlan: 42, ends: { client: 198.18.50.1/24, server: 198.18.50.2/24 } }\nsteps:\n  - { name: s, host: client, exec: { run: "true" } }\n`);
    asNobody = canDropToNobody();
    r = runIn(dir, ["lab", "show", "show.yaml"], asNobody ? { prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] } : {});
  });
  const lines = () => r.stdout.split("\n");
  const lineWith = (...parts: string[]) => lines().find((l) => parts.every((p) => l.includes(p)));

  it("runs as the nobody user and exits 0", () => {
    expect(asNobody, "setpriv could not drop to uid 65534 here").toBe(true);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("prints every host", () => {
    for (const h of ["mgmt", "fw", "client", "server"]) expect(r.stdout).toMatch(new RegExp(`\\b${h}\\b`));
  });

  it("prints each interface with its MAC and its addresses", () => {
    const want: [string, string, string][] = [
      ["mgmt0", "02:77:00:01:00:00", "198.18.0.9/24"],
      ["eth0", "02:77:00:02:00:00", "198.18.0.2/24"],
      ["eth1", "02:77:00:02:00:01", "198.18.1.1/24"],
      ["wan0", "02:aa:bb:cc:dd:ee", "198.18.2.1/24"],
      ["eth0", "02:77:00:03:00:00", "198.18.1.2/24"],
      ["eth0", "02:77:00:04:00:00", "198.18.2.2/24"],
    ];
    for (const [ifname, m, addr] of want) {
      expect(lineWith(ifname, m), `a line with ${ifname} and ${m}`).toBeDefined();
      expect(r.stdout).toContain(addr);
    }
    expect(r.stdout).toContain("2001:db8::2/64");
  });

  it("prints loopback addresses, gateways and static routes", () => {
    expect(r.stdout).toContain("198.19.255.1/32");
    expect(r.stdout).toContain("2001:db8:ffff::1/128");
    expect(lineWith("default", "198.18.1.1"), "client's default route").toBeDefined();
    expect(lineWith("198.18.9.0/24", "198.18.2.1"), "server's static route").toBeDefined();
  });

  it("prints links by name (chosen, hosts joined with -, lan for the shared segment), the mtu, and the tunnel", () => {
    expect(r.stdout).toMatch(/\bwan\b/);
    expect(r.stdout).toContain("client-fw");
    expect(r.stdout).toMatch(/\blan\b/);
    expect(lineWith("wan", "1400"), "the wan link's mtu").toBeDefined();
    expect(lineWith("42"), "the tunnel's VNI").toBeDefined();
    expect(r.stdout).toContain("198.18.50.1/24");
  });

  it("names the tunnel's interfaces vxlan0 by default, with facts for them", () => {
    expect(r.stdout).toMatch(/\bvxlan0\b/);
    expect(lineWith("${lab.client.vxlan0.ip4}", "198.18.50.1"), "${lab.client.vxlan0.ip4}").toBeDefined();
    expect(lineWith("${lab.client.to.server}", "vxlan0"), "${lab.client.to.server}").toBeDefined();
  });

  it("a file with a mistake in its lab is refused with file:line:col, exit 2", () => {
    const bad = LAB.replace("routes: [{ to: 198.18.9.0/24", "routes: [{ to: 10.9.0.0/24");
    put(dir, "showbad.yaml", `name: bad lab\n${bad}steps:\n  - { name: s, host: client, exec: { run: "true" } }\n`);
    const b = runIn(dir, ["lab", "show", "showbad.yaml"], asNobody ? { prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] } : {});
    expect(b.code).toBe(2);
    expect(b.stderr + b.stdout).toMatch(new RegExp(`showbad\\.yaml:${lineOf(`name: bad lab\n${bad}`, "10.9.0.0/24")}:\\d+`));
  });

  it("prints the facts with their values", () => {
    for (const [fact, value] of [
      ["${lab.fw.to.server}", "wan0"],
      ["${lab.fw.to.client}", "eth1"],
      ["${lab.fw.wan0.mac}", "02:aa:bb:cc:dd:ee"],
      ["${lab.server.eth0.ip4}", "198.18.2.2"],
      ["${lab.fw.eth0.ip6}", "2001:db8::2"],
    ])
      expect(lineWith(fact, value), `${fact} = ${value}`).toBeDefined();
  });
});

// a - r1 - r2 - b, every hop by a declared static route (no gateway on a): only declared routes carry traffic.
const ROUTED = `name: static routes and a loopback across routers
lab:
  hosts:
    a: { routes: [{ to: 198.18.13.0/24, via: 198.18.11.1 }, { to: 198.19.254.2/32, via: 198.18.11.1 }] }
    r1: { router: true, routes: [{ to: 198.18.13.0/24, via: 198.18.12.2 }, { to: 198.19.254.2/32, via: 198.18.12.2 }] }
    r2: { router: true, addresses: [198.19.254.2/32], routes: [{ to: 198.18.11.0/24, via: 198.18.12.1 }] }
    b: { gateway: 198.18.13.1 }
  links:
    - { a: 198.18.11.2/24, r1: 198.18.11.1/24 }
    - { r1: 198.18.12.1/24, r2: 198.18.12.2/24 }
    - { r2: 198.18.13.1/24, b: 198.18.13.2/24 }
steps:
  - name: a reaches b two routers away
    host: a
    ping: { to: b, count: 3, interval: 50ms, expect: { received: 3 } }
  - name: a reaches r2's loopback
    host: a
    ping: { to: 198.19.254.2, count: 3, interval: 50ms, expect: { received: 3 } }
  - name: r1's table holds the declared route
    host: r1
    exec: { run: "ip route show 198.18.13.0/24", expect: { stdout: { contains: "via 198.18.12.2" } } }
  - name: a has no route to what was not declared
    host: a
    exec: { run: "ping -n -c 1 -W 1 198.18.12.2", expect: { exit: "!= 0" } }
`;

describe("static routes and loopback addresses carry traffic", () => {
  it("pings across two routers by static routes, and to a router loopback", () => {
    const dir = scenarioDir();
    put(dir, "routed.yaml", ROUTED);
    const r = runIn(dir, ["run", "routed.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});

const tunnel = (ends: string) => `name: a vxlan tunnel
lab:
  hosts:
    client: { gateway: 198.18.1.1 }
    r: { router: true }
    server: { gateway: 198.18.2.1 }
  links:
    - { client: 198.18.1.2/24, r: 198.18.1.1/24 }
    - { r: 198.18.2.1/24, server: 198.18.2.2/24 }
  tunnels:
    - { vxlan: 42, ends: ${ends} }
steps:
  - name: client's side of the tunnel
    host: client
    exec: { run: 'ip -d -o link show type vxlan > "$WIRECHECK_WORK/client-vxlan.txt"; ip -o addr show > "$WIRECHECK_WORK/client-addr.txt"' }
  - name: across the tunnel
    host: client
    ping: { to: 198.18.50.2, count: 3, interval: 50ms, expect: { received: 3 } }
  - name: and back
    host: server
    ping: { to: 198.18.50.1, count: 3, interval: 50ms, expect: { received: 3 } }
`;

describe("VXLAN tunnels between lab hosts", () => {
  it("with default names: vxlan0 on each end, VNI 42, and pings cross it", () => {
    const dir = scenarioDir();
    put(dir, "tundefault.yaml", tunnel("{ client: 198.18.50.1/24, server: 198.18.50.2/24 }"));
    const r = runIn(dir, ["run", "tundefault.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const vx = readFileSync(join(workDir(dir, "tundefault"), "client-vxlan.txt"), "utf8");
    expect(vx).toMatch(/^\d+:\s+vxlan0[:@]/m);
    expect(vx).toMatch(/vxlan id 42\b/);
  });

  it("with a chosen ifname and the default MAC: the tunnel comes up and carries pings", () => {
    const dir = scenarioDir();
    put(dir, "tunifname.yaml", tunnel("{ client: { addr: 198.18.50.1/24, ifname: tun7 }, server: { addr: 198.18.50.2/24, ifname: tun7 } }"));
    const r = runIn(dir, ["run", "tunifname.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(workDir(dir, "tunifname"), "client-vxlan.txt"), "utf8")).toMatch(/^\d+:\s+tun7[:@].*vxlan id 42\b/m);
  });

  it("with chosen names and MACs: the frames really travel as VXLAN (VNI 42) over the routed underlay", () => {
    const dir = scenarioDir();
    put(dir, "tunnamed.yaml", tunnel('{ client: { addr: 198.18.50.1/24, ifname: tun7, mac: "02:00:00:00:50:01" }, server: { addr: 198.18.50.2/24, ifname: tun7, mac: "02:00:00:00:50:02" } }'));
    const r = runIn(dir, ["run", "tunnamed.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const work = workDir(dir, "tunnamed");
    const vx = readFileSync(join(work, "client-vxlan.txt"), "utf8");
    expect(vx).toMatch(/^\d+:\s+tun7[:@]/m);
    expect(vx).toContain("02:00:00:00:50:01");
    expect(readFileSync(join(work, "client-addr.txt"), "utf8")).toMatch(/tun7\s+inet 198\.18\.50\.1\/24/);
    // The router between them carries the inner echo requests inside VXLAN.
    const inner = tshark(join(work, "r.pcapng"), "vxlan.vni == 42 && icmp.type == 8 && ip.dst == 198.18.50.2", ["frame.number"]);
    expect(inner.length).toBeGreaterThanOrEqual(3);
  });
});

describe("a tunnel's UDP port", () => {
  it("port: carries the tunnel on the port chosen (not 4789)", () => {
    const dir = scenarioDir();
    const text = tunnel('{ client: { addr: 198.18.50.1/24, ifname: tun7, mac: "02:00:00:00:50:01" }, server: { addr: 198.18.50.2/24, ifname: tun7, mac: "02:00:00:00:50:02" } }').replace(
      "{ vxlan: 42,",
      "{ vxlan: 42, port: 4790,",
    );
    put(dir, "tunport.yaml", text);
    const r = runIn(dir, ["run", "tunport.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const pcap = join(workDir(dir, "tunport"), "r.pcapng");
    expect(tshark(pcap, "udp.dstport == 4790", ["frame.number"]).length).toBeGreaterThanOrEqual(3);
    expect(tshark(pcap, "udp.dstport == 4789", ["frame.number"]).length).toBe(0);
  });
});

describe("what the lab declares counts as inside it; what it does not is refused at load", () => {
  const base = (hosts: string, steps: string) => `name: inside or outside
lab:
  hosts:
${hosts}
  links:
    - { client: 198.18.1.2/24, r: 198.18.1.1/24 }
  tunnels:
    - { vxlan: 7, ends: { client: { addr: 198.18.60.1/24, ifname: vx0, mac: "02:00:00:00:60:01" }, r: { addr: 198.18.60.2/24, ifname: vx0, mac: "02:00:00:00:60:02" } } }
steps:
${steps}
`;
  const HOSTS = `    client: { gateway: 198.18.1.1 }
    r: { router: true, addresses: [198.19.255.7/32, "2001:db8:ff::7/128"] }`;
  const validate = (name: string, text: string) => {
    const dir = scenarioDir();
    put(dir, name, text);
    return runIn(dir, ["validate", name]);
  };

  it("pings to a loopback address (v4 and v6) and to a tunnel end are accepted", () => {
    const r = validate(
      "inside.yaml",
      base(
        HOSTS,
        `  - { name: v4 loopback, host: client, ping: { to: 198.19.255.7, count: 1 } }
  - { name: v6 loopback, host: client, ping: { to: "2001:db8:ff::7", count: 1 } }
  - { name: tunnel end, host: client, ping: { to: 198.18.60.2, count: 1 } }`,
      ),
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("a ping to an address the lab does not declare is refused (the control)", () => {
    const text = base(HOSTS, `  - { name: elsewhere, host: client, ping: { to: 198.19.200.1, count: 1 } }`);
    const r = validate("elsewhere.yaml", text);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`elsewhere\\.yaml:${lineOf(text, "198.19.200.1")}:\\d+`));
  });

  it("a loopback address outside the lab ranges is refused with file:line:col", () => {
    const text = base(`    client: { gateway: 198.18.1.1 }\n    r: { router: true, addresses: [10.9.9.9/32] }`, `  - { name: s, host: client, exec: { run: "true" } }`);
    const r = validate("badloop.yaml", text);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`badloop\\.yaml:${lineOf(text, "10.9.9.9")}:\\d+`));
  });

  it("a route to a network outside the lab ranges is refused with file:line:col", () => {
    const text = base(`    client: { gateway: 198.18.1.1, routes: [{ to: 10.1.0.0/16, via: 198.18.1.1 }] }\n    r: { router: true }`, `  - { name: s, host: client, exec: { run: "true" } }`);
    const r = validate("badroute.yaml", text);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`badroute\\.yaml:${lineOf(text, "10.1.0.0/16")}:\\d+`));
  });

  it("both mistakes in one file are reported at once", () => {
    const text = base(
      `    client: { gateway: 198.18.1.1, routes: [{ to: 10.1.0.0/16, via: 198.18.1.1 }] }\n    r: { router: true, addresses: [10.9.9.9/32] }`,
      `  - { name: s, host: client, exec: { run: "true" } }`,
    );
    const r = validate("twobad.yaml", text);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`twobad\\.yaml:${lineOf(text, "10.1.0.0/16")}:\\d+`));
    expect(r.stderr + r.stdout).toMatch(new RegExp(`twobad\\.yaml:${lineOf(text, "10.9.9.9")}:\\d+`));
  });

  it("a fact that names no host or interface is refused at load with file:line:col", () => {
    const text = base(HOSTS, `  - { name: s, host: client, exec: { run: "echo \${lab.nosuchhost.eth0.ip4}" } }`);
    const r = validate("badfact.yaml", text);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`badfact\\.yaml:${lineOf(text, "nosuchhost")}:\\d+`));
  });
});

describe("a router's pcapng", () => {
  it("has an interface block per interface and marks where each frame came in and went out", () => {
    const dir = scenarioDir();
    put(
      dir,
      "fwd.yaml",
      `name: forwarded
lab:
  hosts:
    client: { gateway: 198.18.1.1 }
    r: { router: true }
    server: { gateway: 198.18.2.1 }
  links:
    - { client: 198.18.1.2/24, r: 198.18.1.1/24 }
    - { r: 198.18.2.1/24, server: 198.18.2.2/24 }
steps:
  - name: across
    host: client
    ping: { to: server, count: 2 }
`,
    );
    const r = runIn(dir, ["run", "fwd.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const rows = tshark(join(workDir(dir, "fwd"), "r.pcapng"), "icmp", ["frame.interface_name", "frame.packet_flags_direction", "frame.interface_description", "icmp.type", "ip.ttl"]);
    const seen = new Set(rows.map(([name, dir, desc, type, ttl]) => `${name} ${Number(dir)} ${desc} ${type} ${ttl}`));
    // 1 = in, 2 = out: the request comes in on eth0 with TTL 64 and leaves on eth1 with 63; the reply the other way.
    expect([...seen].sort()).toEqual([
      "eth0 1 198.18.1.1/24 8 64",
      "eth0 2 198.18.1.1/24 0 63",
      "eth1 1 198.18.2.1/24 0 64",
      "eth1 2 198.18.2.1/24 8 63",
    ]);
  });
});
