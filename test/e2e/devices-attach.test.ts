// Issue 10, "A device outside the lab" (black box, from the issue and README "Devices under test"). The test builds
// its own "device" as the issue says: a network namespace of the test's own (wctest-…, which the product's sweep of
// wc-… leaves alone) wired by a veth whose other end stays in the machine's namespace as the "NIC" (wct…). A scenario
// with an attached link reaches it (ping, http, tcp, and its loopback through the declared scope); without --attach,
// with --attach naming another link, or on an interface that carries the default route, the run is refused before
// anything runs; a destination outside lab ∪ scope is refused at load. No test attaches to a real interface.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { type Run, lineOf, put, randomTag, runIn, runWatchingNetns, scenarioDir, sh, shQuiet } from "./devices-helpers.js";

const tag = randomTag(5);
const NS = `wctest-${tag}`; // the device
const NIC = `wct${tag}`; // its "NIC" in the machine's namespace
const FAKE_NS = `wctest-m${tag}`; // a private "machine" with a default route of its own
const FAKE_UP = `wctup${tag}`; // carries FAKE_NS's default route
const FAKE_NIC = `wctn${tag}`; // a plain interface of FAKE_NS
const PROBE = `probe${tag}`; // the lab host's name: its namespace would be wc-<run>-probe…
const PY = (() => {
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  } catch {
    return "python3";
  }
})();

let server: ChildProcess | undefined;
let serverOut = "";
const web = scenarioDir();

function deviceUp() {
  sh(`ip netns add ${NS}`);
  sh(`ip link add ${NIC} type veth peer name dev0 netns ${NS}`);
  sh(`ip -n ${NS} link set lo up`);
  sh(`ip -n ${NS} addr add 198.18.100.2/24 dev dev0`);
  sh(`ip -n ${NS} addr add 198.19.77.1/32 dev lo`);
  sh(`ip -n ${NS} link set dev0 up`);
  sh(`ip link set ${NIC} up`);
}

function fakeMachineUp() {
  sh(`ip netns add ${FAKE_NS}`);
  sh(`ip -n ${FAKE_NS} link set lo up`);
  sh(`ip -n ${FAKE_NS} link add ${FAKE_UP} type veth peer name ${FAKE_NIC}`);
  sh(`ip -n ${FAKE_NS} addr add 198.18.201.1/24 dev ${FAKE_UP}`);
  sh(`ip -n ${FAKE_NS} link set ${FAKE_UP} up`);
  sh(`ip -n ${FAKE_NS} link set ${FAKE_NIC} up`);
  sh(`ip -n ${FAKE_NS} route add default via 198.18.201.2`);
}

beforeAll(async () => {
  deviceUp();
  fakeMachineUp();
  put(web, "hello.txt", "device says hi");
  server = spawn("ip", ["netns", "exec", NS, PY, "-u", "-m", "http.server", "8080", "--bind", "198.18.100.2", "--directory", web], { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (serverOut += d));
  server.stderr!.on("data", (d) => (serverOut += d));
  await waitFor(() => /Serving HTTP/.test(serverOut), 10_000, "the device's http server");
});

afterAll(() => {
  if (server?.pid && server.exitCode === null) server.kill("SIGTERM");
  shQuiet(`ip netns del ${NS}`);
  shQuiet(`ip netns del ${FAKE_NS}`);
  shQuiet(`ip link del ${NIC}`);
  rmSync(web, { recursive: true, force: true });
});

const ATTACHED = `name: a device outside the lab
lab:
  hosts:
    client: { routes: [{ to: 198.19.77.0/24, via: 198.18.100.2 }] }
  links:
    - name: dut
      attach: dut
      ends: { client: 198.18.100.1/24 }
      scope: [198.19.77.0/24]
steps:
  - name: the device answers pings
    host: client
    ping: { to: 198.18.100.2, count: 3, interval: 50ms, expect: { received: 3 } }
  - name: its web server answers
    host: client
    http: { get: "http://198.18.100.2:8080/hello.txt", expect: { status: 200, body: "device says hi" } }
  - name: a raw TCP conversation with it
    host: client
    tcp: { connect: "198.18.100.2:8080", send: "GET /hello.txt HTTP/1.0\\r\\n\\r\\n", expect: { contains: "device says hi" } }
  - name: its loopback, inside the declared scope, by the lab's route
    host: client
    ping: { to: 198.19.77.1, count: 3, interval: 50ms, expect: { received: 3 } }
`;

/** A scenario that attaches link dut to host PROBE at `addr`; its only step is harmless. */
const probe = (addr: string, extra = "") => `name: attach probe
${extra}lab:
  hosts:
    ${PROBE}: {}
  links:
    - name: dut
      attach: dut
      ends: { ${PROBE}: ${addr} }
      scope: [198.19.77.0/24]
steps:
  - { name: nothing much, host: ${PROBE}, exec: { run: "true" } }
`;

const macvlansOn = (iface: string) =>
  sh("ip -o link show type macvlan")
    .split("\n")
    .filter((l) => l.includes(`@${iface}:`));
const neigh = (addr: string) => sh(`ip -n ${NS} neigh show ${addr}`).trim();
const ours = (created: string[]) => created.filter((n) => n.includes(PROBE));

describe("an attached link reaches a device outside the lab", () => {
  const dir = scenarioDir();
  let r: Run;
  beforeAll(() => {
    put(dir, "attached.yaml", ATTACHED);
    r = runIn(dir, ["run", "attached.yaml", "--attach", `dut=${NIC}`]);
  });

  it("every step passes: ping, http, tcp, and the device's loopback in scope", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("the device saw the lab host: its neighbour table holds the lab end's address", () => {
    expect(neigh("198.18.100.1")).toMatch(/lladdr [0-9a-f:]{17}/);
  });

  it("after the run the NIC is still there and carries no macvlan of the run", () => {
    expect(shQuiet(`ip link show ${NIC}`).code).toBe(0);
    expect(macvlansOn(NIC)).toEqual([]);
  });
});

describe("attaching needs the command line's word, naming the interface", () => {
  it("without --attach the run is refused before anything runs (exit 2, no namespace, no report)", async () => {
    const dir = scenarioDir();
    put(dir, "noword.yaml", probe("198.18.100.3/24"));
    const r = await runWatchingNetns(dir, ["run", "noword.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/--attach/);
    // Pointing at the link (its first line or its attach: line).
    const at = [lineOf(probe("x"), "- name: dut"), lineOf(probe("x"), "attach: dut")];
    expect(r.stderr + r.stdout).toMatch(new RegExp(`noword\\.yaml:(${at.join("|")})\\b`));
    expect(ours(r.netnsCreated)).toEqual([]);
    expect(existsSync(join(dir, "reports/junit.xml"))).toBe(false);
    expect(neigh("198.18.100.3")).toBe("");
    expect(macvlansOn(NIC)).toEqual([]);
  });

  it("an --attach for another name does not attach this link: refused the same way", async () => {
    const dir = scenarioDir();
    put(dir, "othername.yaml", probe("198.18.100.4/24"));
    const r = await runWatchingNetns(dir, ["run", "othername.yaml", "--attach", `other=${NIC}`]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(ours(r.netnsCreated)).toEqual([]);
    expect(neigh("198.18.100.4")).toBe("");
  });
});

describe("an interface that carries the machine's default route is refused", () => {
  const defaults = [
    ...new Set(
      [sh("ip -4 route show default"), sh("ip -6 route show default")]
        .join("\n")
        .split("\n")
        .map((l) => l.match(/\bdev (\S+)/)?.[1])
        .filter((d): d is string => !!d),
    ),
  ];

  it.skipIf(defaults.length === 0)("the machine's own default-route interface: refused before anything runs, naming it", async () => {
    // Guard: a command that does not exist. A run that got past loading would stop at this `requires` before building
    // the lab, so even a product that forgot the refusal never attaches to the machine's real interface here.
    const guard = `requires: { commands: [wc-guard-absent-${tag}] }\n`;
    for (const dev of defaults) {
      const dir = scenarioDir();
      put(dir, "defroute.yaml", probe("198.18.100.6/24", guard));
      const before = macvlansOn(dev).length;
      const r = await runWatchingNetns(dir, ["run", "defroute.yaml", "--attach", `dut=${dev}`]);
      expect(r.code, `${dev}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr + r.stdout).toMatch(new RegExp(`\\b${dev}\\b[^\\n]*default route|default route[^\\n]*\\b${dev}\\b`));
      expect(ours(r.netnsCreated)).toEqual([]);
      expect(existsSync(join(dir, "reports/junit.xml"))).toBe(false);
      expect(macvlansOn(dev).length).toBe(before);
    }
  });

  it("in a machine of the test's own: the interface with the default route is refused, another is not", async () => {
    const dir = scenarioDir();
    put(dir, "fakedef.yaml", probe("198.18.100.7/24"));
    const prefix = ["ip", "netns", "exec", FAKE_NS];
    const refused = await runWatchingNetns(dir, ["run", "fakedef.yaml", "--attach", `dut=${FAKE_UP}`], { prefix });
    expect(refused.code, refused.stdout + refused.stderr).toBe(2);
    expect(refused.stderr + refused.stdout).toMatch(new RegExp(`${FAKE_UP}[^\\n]*default route`));
    expect(ours(refused.netnsCreated)).toEqual([]);
    // The control: the same file on the interface without the default route runs.
    const ran = await runWatchingNetns(dir, ["run", "fakedef.yaml", "--attach", `dut=${FAKE_NIC}`], { prefix });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ours(ran.netnsCreated).length).toBeGreaterThan(0);
  });
});

describe("every destination is checked against lab ∪ scope before anything is sent", () => {
  const text = `name: outside the scope
lab:
  hosts:
    ${PROBE}: { routes: [{ to: 198.19.77.0/24, via: 198.18.100.2 }, { to: 198.19.78.0/24, via: 198.18.100.2 }] }
  links:
    - name: dut
      attach: dut
      ends: { ${PROBE}: 198.18.100.8/24 }
      scope: [198.19.77.0/24]
steps:
  - { name: in scope, host: ${PROBE}, ping: { to: 198.19.77.1, count: 1 } }
  - { name: out of scope by ping, host: ${PROBE}, ping: { to: 198.19.78.1, count: 1 } }
  - { name: out of scope by tcp, host: ${PROBE}, tcp: { connect: "198.19.78.2:80", send: "x" } }
`;

  it("a ping and a tcp connect outside lab ∪ scope are refused at load with file:line:col, nothing runs", async () => {
    const dir = scenarioDir();
    put(dir, "outside.yaml", text);
    const r = await runWatchingNetns(dir, ["run", "outside.yaml", "--attach", `dut=${NIC}`]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`outside\\.yaml:${lineOf(text, "198.19.78.1")}:\\d+`));
    expect(r.stderr + r.stdout).toMatch(new RegExp(`outside\\.yaml:${lineOf(text, "198.19.78.2")}:\\d+`));
    expect(r.stderr + r.stdout).not.toMatch(new RegExp(`outside\\.yaml:${lineOf(text, "to: 198.19.77.1")}:\\d+`));
    expect(ours(r.netnsCreated)).toEqual([]);
    expect(neigh("198.18.100.8")).toBe("");
  });

  it("a scope wider than /16 is refused at load with file:line:col", () => {
    const dir = scenarioDir();
    const wide = probe("198.18.100.9/24").replace("scope: [198.19.77.0/24]", "scope: [198.18.0.0/15]");
    put(dir, "wide.yaml", wide);
    const r = runIn(dir, ["validate", "wide.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`wide\\.yaml:${lineOf(wide, "scope:")}:\\d+`));
  });
});
