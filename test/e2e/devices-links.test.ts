// Issue 10, "Link conditions" (black box, from the issue and README "Devices under test"): delay (and per direction
// with from:), jitter keeping order, loss drawn from a seed (the same seed drops the same frames, a different seed
// others), rate, limit, mtu, link steps (down, up with routes put back, set replacing what the link had, clear), and
// the report saying what each emulated link did. Timing is measured by the kernel's own ping and curl inside the
// namespaces and by the capture timestamps in each host's pcap; bounds are generous.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Run, lineOf, pingRtt, put, runIn, scenarioDir, tshark, workDir } from "./devices-helpers.js";

const kping = (to: string, file: string, extra = "-c 5 -i 0.2") => `'ping -n ${extra} -W 2 ${to} > "$WIRECHECK_WORK/${file}" 2>&1; true'`;

/** Echo requests (type 8) or replies (type 0) in a pcap: `ident:seq` → capture time (s). */
function echoes(pcap: string, type: 0 | 8, dst: string): Map<string, number> {
  const rows = tshark(pcap, `icmp.type == ${type} && ip.dst == ${dst}`, ["icmp.ident", "icmp.seq", "frame.time_epoch"]);
  return new Map(rows.map(([id, seq, t]) => [`${id}:${seq}`, Number(t)]));
}

/** One-way delays (ms) of the frames seen in both captures. */
function oneWay(from: Map<string, number>, to: Map<string, number>): number[] {
  return [...from].filter(([k]) => to.has(k)).map(([k, t]) => (to.get(k)! - t) * 1000);
}

/** The lines of the console output about one link (the report of what the emulated link did). */
const linkLines = (out: string, link: string) => out.split("\n").filter((l) => new RegExp(`\\blink ${link}\\b`).test(l) || (l.includes(link) && /frames/.test(l)));

const DELAYS = `name: delay, per direction, jitter and mtu
lab:
  hosts: { a: {}, b: {}, c: {}, d: {} }
  links:
    - name: slow
      ends: { a: 198.18.2.1/24, b: 198.18.2.2/24 }
      delay: 10ms
      from: { b: { delay: 50ms } }
      mtu: 1400
    - { a: 198.18.3.1/24, c: 198.18.3.2/24 }
    - name: jittery
      ends: { a: 198.18.4.1/24, d: 198.18.4.2/24 }
      delay: 20ms
      jitter: 8ms
      seed: 5
steps:
  - { name: kernel ping over the slow link, host: a, exec: { run: ${kping("198.18.2.2", "slow.txt")} } }
  - { name: kernel ping over the plain link, host: a, exec: { run: ${kping("198.18.3.2", "plain.txt")} } }
  - name: pings over the jittery link
    host: a
    ping: { to: 198.18.4.2, count: 30, interval: 5ms, expect: { received: 30 } }
  - name: a full-size frame crosses the emulated link at mtu 1400
    host: a
    exec: { run: "ping -n -M do -s 1372 -c 1 -W 2 198.18.2.2" }
  - name: one byte more does not fit
    host: a
    exec: { run: "ping -n -M do -s 1373 -c 1 -W 1 198.18.2.2", expect: { exit: "!= 0" } }
`;

describe("delay, per-direction conditions, jitter and mtu", () => {
  const dir = scenarioDir();
  const work = workDir(dir, "delays");
  let r: Run;
  beforeAll(() => {
    put(dir, "delays.yaml", DELAYS);
    r = runIn(dir, ["run", "delays.yaml"]);
  });

  it("the scenario passes", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("a round trip over the slow link takes its delay one way plus the other direction's (10 ms + 50 ms)", () => {
    const rtt = pingRtt(readFileSync(join(work, "slow.txt"), "utf8"));
    expect(rtt, readFileSync(join(work, "slow.txt"), "utf8")).toBeDefined();
    expect(rtt!.received).toBe(5);
    expect(rtt!.min).toBeGreaterThanOrEqual(57);
    expect(rtt!.max).toBeLessThan(150);
  });

  it("the plain link next to it is not delayed (the control)", () => {
    const rtt = pingRtt(readFileSync(join(work, "plain.txt"), "utf8"));
    expect(rtt!.received).toBe(5);
    expect(rtt!.avg).toBeLessThan(10);
  });

  it("each direction keeps its own delay: a→b about 10 ms, b→a about 50 ms (capture timestamps)", () => {
    const there = oneWay(echoes(join(work, "a.pcapng"), 8, "198.18.2.2"), echoes(join(work, "b.pcapng"), 8, "198.18.2.2"));
    const back = oneWay(echoes(join(work, "b.pcapng"), 0, "198.18.2.1"), echoes(join(work, "a.pcapng"), 0, "198.18.2.1"));
    expect(there.length).toBeGreaterThanOrEqual(5);
    expect(back.length).toBeGreaterThanOrEqual(5);
    for (const ms of there) expect(ms).toBeGreaterThanOrEqual(9), expect(ms).toBeLessThan(35);
    for (const ms of back) expect(ms).toBeGreaterThanOrEqual(48), expect(ms).toBeLessThan(85);
  });

  it("jitter varies each frame's delay within ±jitter around the delay, and frames keep their order", () => {
    const sent = echoes(join(work, "a.pcapng"), 8, "198.18.4.2");
    const got = echoes(join(work, "d.pcapng"), 8, "198.18.4.2");
    const delays = oneWay(sent, got);
    expect(delays.length).toBe(30);
    for (const ms of delays) expect(ms).toBeGreaterThanOrEqual(11), expect(ms).toBeLessThan(40);
    expect(Math.max(...delays) - Math.min(...delays), `delays ${delays.map((d) => d.toFixed(1)).join(" ")}`).toBeGreaterThan(3);
    // Order: the requests arrive at d in the order a sent them.
    const bySend = [...sent.keys()].filter((k) => got.has(k));
    const byArrival = [...got.entries()].sort((x, y) => x[1] - y[1]).map(([k]) => k);
    expect(byArrival).toEqual(bySend);
  });

  it("the report says what the delaying links did (frames in, forwarded)", () => {
    const slow = linkLines(r.stdout, "slow");
    expect(slow.length, r.stdout).toBeGreaterThan(0);
    expect(slow.join("\n")).toMatch(/\d+ frames in/);
    expect(slow.join("\n")).toMatch(/\d+ forwarded/);
  });
});

const lossy = (seed: number) => `name: seeded loss
lab:
  hosts: { a: {}, b: {}, c: {} }
  links:
    - name: lossy
      ends: { a: 198.18.2.1/24, b: 198.18.2.2/24 }
      loss: 25%
      seed: ${seed}
    - name: oneway
      ends: { a: 198.18.3.1/24, c: 198.18.3.2/24 }
      from: { c: { loss: 30% } }
      seed: 3
steps:
  - name: forty echoes over the lossy link
    host: a
    ping: { to: 198.18.2.2, count: 40, interval: 10ms, timeout: 500ms, expect: { received: ">= 1" } }
  - name: forty echoes over the link that loses only what c sends
    host: a
    ping: { to: 198.18.3.2, count: 40, interval: 10ms, timeout: 500ms, expect: { received: ">= 1" } }
`;

interface LossRun {
  dir: string;
  r: Run;
  /** seqs of the echo requests b received and of the replies a received, per link */
  atB: string[];
  atA: string[];
  sentToB: number;
  atC: string[];
  fromC: string[];
  notes: string[];
}

function lossRun(seed: number): LossRun {
  const dir = scenarioDir();
  put(dir, "lossy.yaml", lossy(seed));
  const r = runIn(dir, ["run", "lossy.yaml"]);
  const work = workDir(dir, "lossy");
  const keys = (m: Map<string, number>) => [...m.keys()].map((k) => k.split(":")[1]).sort((x, y) => Number(x) - Number(y));
  return {
    dir,
    r,
    atB: keys(echoes(join(work, "b.pcapng"), 8, "198.18.2.2")),
    atA: keys(echoes(join(work, "a.pcapng"), 0, "198.18.2.1")),
    sentToB: echoes(join(work, "a.pcapng"), 8, "198.18.2.2").size,
    atC: keys(echoes(join(work, "c.pcapng"), 8, "198.18.3.2")),
    fromC: keys(echoes(join(work, "a.pcapng"), 0, "198.18.3.1")),
    notes: linkLines(r.stdout, "lossy").map((l) => l.trim()).sort(),
  };
}

describe("loss drawn from a seed", () => {
  let first: LossRun, again: LossRun, other: LossRun;
  beforeAll(() => {
    first = lossRun(7);
    again = lossRun(7);
    other = lossRun(8);
  });

  it("the lossy link loses some echoes, not all (25% each way over 40)", () => {
    expect(first.r.code, first.r.stdout).toBe(0);
    expect(first.sentToB).toBe(40);
    const lost = 40 - first.atA.length;
    expect(lost, `replies at a: ${first.atA.join(" ")}`).toBeGreaterThanOrEqual(5);
    expect(lost).toBeLessThanOrEqual(30);
  });

  it("the same seed drops the same frames: the same echoes are lost on a second run", () => {
    const show = (l: LossRun) => `requests at b: ${l.atB.join(" ")}; replies at a: ${l.atA.join(" ")}`;
    expect(again.atB, `first run ${show(first)}\nsecond run ${show(again)}`).toEqual(first.atB);
    expect(again.atA, `first run ${show(first)}\nsecond run ${show(again)}`).toEqual(first.atA);
  });

  it("a different seed drops other frames", () => {
    expect(other.atA.length).toBeLessThan(40);
    expect(other.atB.join(" ") === first.atB.join(" ") && other.atA.join(" ") === first.atA.join(" "), `seed 7: ${first.atA.join(" ")}\nseed 8: ${other.atA.join(" ")}`).toBe(false);
  });

  it("from: loses only in one direction: every request reaches c, some replies from c are lost", () => {
    expect(first.atC.length).toBe(40);
    expect(first.fromC.length).toBeLessThan(40);
    expect(first.fromC.length).toBeGreaterThanOrEqual(15);
    expect(again.fromC, `replies from c, first run: ${first.fromC.join(" ")}\nsecond run: ${again.fromC.join(" ")}`).toEqual(first.fromC);
  });

  it("the report says what the lossy link did: frames in, forwarded, dropped by loss with their numbers", () => {
    const text = first.notes.join("\n");
    expect(text, first.r.stdout).toMatch(/frames in/);
    expect(text).toMatch(/forwarded/);
    expect(text).toMatch(/dropped/);
    const numbers = text.match(/#\d+/g) ?? [];
    // At least every lost echo (requests and replies) is among the frames it says it dropped.
    expect(numbers.length).toBeGreaterThanOrEqual(40 - first.atA.length);
    // In the JUnit report too.
    const xml = readFileSync(join(first.dir, "reports/junit.xml"), "utf8");
    expect(xml).toMatch(/lossy[^"]*dropped[^"]*#\d+/);
  });

  it("and says the same on a second run with the same seed", () => {
    // What the seed decides: which lossy frames were dropped. The frames in (ARP and ND, which loss spares, come
    // as the kernel's timers make them) may differ by one.
    const drops = (notes: string[]) => notes.map((n) => n.replace(/\d+ frames? in, \d+ forwarded, /, ""));
    expect(drops(again.notes)).toEqual(drops(first.notes));
    expect(drops(other.notes)).not.toEqual(drops(first.notes));
  });
});

describe("loss leaves ARP and IPv6 neighbour discovery alone", () => {
  it("over a link that loses every frame, no echo crosses but ARP and ND still resolve the peer", () => {
    const dir = scenarioDir();
    put(
      dir,
      "void.yaml",
      `name: total loss
lab:
  hosts: { a: {}, b: {} }
  links:
    - name: void
      ends: { a: [198.18.2.1/24, "2001:db8:2::1/64"], b: { addr: [198.18.2.2/24, "2001:db8:2::2/64"], mac: "02:00:00:00:00:0b" } }
      loss: 100%
steps:
  - name: no echo crosses, v4 or v6
    host: a
    exec: { run: "ping -n -c 2 -i 0.2 -W 1 198.18.2.2 || ping -6 -n -c 2 -i 0.2 -W 1 2001:db8:2::2", expect: { exit: "!= 0" } }
  - name: yet ARP found b
    host: a
    exec: { run: "ip neigh show 198.18.2.2", expect: { stdout: { contains: "lladdr 02:00:00:00:00:0b" } } }
  - name: and ND found b
    host: a
    exec: { run: "ip -6 neigh show 2001:db8:2::2", expect: { stdout: { contains: "lladdr 02:00:00:00:00:0b" } } }
`,
    );
    const r = runIn(dir, ["run", "void.yaml"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});

const PY = (() => {
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  } catch {
    return "python3";
  }
})();

const RATE = `name: rate and limit
lab:
  hosts: { a: {}, b: {}, c: {} }
  links:
    - name: shaped
      ends: { a: 198.18.2.1/24, b: 198.18.2.2/24 }
      rate: 1mbit
    - { c: 198.18.3.1/24, b: 198.18.3.2/24 }
    - name: tiny
      ends: { a: 198.18.4.1/24, c: 198.18.4.2/24 }
      rate: 64kbit
      limit: 5
servers:
  - name: web
    host: b
    command: { run: "${PY} -m http.server 8000 --bind 0.0.0.0", ready: { port: 8000 } }
steps:
  - name: a packet step, so the hosts' traffic is captured
    host: a
    ping: { to: 198.18.4.2, count: 1, expect: { received: 1 } }
  - name: 200 kB over the 1 Mbit/s link
    host: a
    exec: { run: "curl -sS -o /dev/null -w '%{time_total} %{size_download}' http://198.18.2.2:8000/blob.bin > \\"$WIRECHECK_WORK/shaped.txt\\"" }
  - name: 200 kB over the plain link
    host: c
    exec: { run: "curl -sS -o /dev/null -w '%{time_total} %{size_download}' http://198.18.3.2:8000/blob.bin > \\"$WIRECHECK_WORK/plain.txt\\"" }
  - name: a burst into a link that holds 5 frames
    host: a
    exec: { run: "ping -n -i 0.002 -c 50 -s 1000 -W 1 198.18.4.2; true" }
`;

describe("rate and limit", () => {
  const dir = scenarioDir();
  const work = workDir(dir, "rate");
  let r: Run;
  const transfer = (f: string) => {
    const [t, size] = readFileSync(join(work, f), "utf8").trim().split(/\s+/).map(Number);
    return { t, size };
  };
  beforeAll(() => {
    put(dir, "blob.bin", Buffer.alloc(200_000, 0x5a));
    put(dir, "rate.yaml", RATE);
    r = runIn(dir, ["run", "rate.yaml"]);
  });

  it("the scenario passes", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("200 kB at 1 Mbit/s takes about 1.6 s", () => {
    const { t, size } = transfer("shaped.txt");
    expect(size).toBe(200_000);
    expect(t).toBeGreaterThanOrEqual(1.4);
    expect(t).toBeLessThan(4);
  });

  it("the same transfer over the plain link is quick (the control)", () => {
    const { t, size } = transfer("plain.txt");
    expect(size).toBe(200_000);
    expect(t).toBeLessThan(0.8);
  });

  it("the report says frames waited for the rate on the shaped link", () => {
    const lines = linkLines(r.stdout, "shaped").join("\n");
    expect(lines, r.stdout).toMatch(/rate/);
    expect(lines).toMatch(/[1-9]\d* (frames )?wait/);
  });

  it("beyond the limit frames are dropped, counted in the report, and few of the burst arrive", () => {
    const lines = linkLines(r.stdout, "tiny").join("\n");
    expect(lines, r.stdout).toMatch(/[1-9]\d*[^,;]*limit/);
    const arrived = echoes(join(work, "c.pcapng"), 8, "198.18.4.2").size;
    expect(arrived).toBeGreaterThan(0);
    expect(arrived).toBeLessThan(25);
  });
});

const STEPS = `name: link steps
lab:
  hosts:
    a: { gateway: 198.18.1.1 }
    r: { router: true }
    b: { gateway: 198.18.2.1 }
  links:
    - { a: 198.18.1.2/24, r: 198.18.1.1/24 }
    - { r: 198.18.2.1/24, b: 198.18.2.2/24 }
steps:
  - name: a reaches b through r
    host: a
    ping: { to: b, count: 2, interval: 50ms, expect: { received: 2 } }
  - { name: cut r-b, link: { name: r-b, state: down } }
  - name: r's end is down
    host: r
    exec: { run: 'cat /sys/class/net/\${lab.r.to.b}/operstate', expect: { stdout: down } }
  - name: b's end is down
    host: b
    exec: { run: 'cat /sys/class/net/\${lab.b.to.r}/operstate', expect: { stdout: down } }
  - name: nothing crosses the cut
    host: a
    exec: { run: "ping -n -c 2 -i 0.2 -W 1 198.18.2.2", expect: { exit: "!= 0" } }
  - { name: mend r-b, link: { name: r-b, state: up } }
  - name: b's default route through the link is back
    host: b
    exec: { run: "ip route show default", expect: { stdout: { contains: "via 198.18.2.1" } } }
  - name: a reaches b again
    host: a
    retry: { for: 5s, every: 250ms }
    ping: { to: b, count: 2, interval: 50ms, expect: { received: 2 } }
  - { name: slow a-r down, link: { name: a-r, set: { delay: 50ms } } }
  - { name: rtt with 50 ms each way, host: a, exec: { run: ${kping("198.18.1.1", "set.txt", "-c 3 -i 0.2")} } }
  - { name: only r's direction, link: { name: a-r, set: { from: { r: { delay: 30ms } } } } }
  - { name: rtt with 30 ms one way, host: a, exec: { run: ${kping("198.18.1.1", "from.txt", "-c 3 -i 0.2")} } }
  - { name: clear a-r, link: { name: a-r, clear: true } }
  - { name: rtt after clear, host: a, exec: { run: ${kping("198.18.1.1", "clear.txt", "-c 3 -i 0.2")} } }
`;

describe("link steps: down, up, set, clear", () => {
  const dir = scenarioDir();
  const work = workDir(dir, "steps");
  let r: Run;
  const rtt = (f: string) => pingRtt(readFileSync(join(work, f), "utf8"));
  beforeAll(() => {
    put(dir, "steps.yaml", STEPS);
    r = runIn(dir, ["run", "steps.yaml"]);
  });

  it("every step passes: down takes both ends down and nothing crosses, up puts the routes back", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("set: a link without conditions gets 50 ms each way (rtt about 100 ms)", () => {
    const t = rtt("set.txt");
    expect(t, readFileSync(join(work, "set.txt"), "utf8")).toBeDefined();
    expect(t!.min).toBeGreaterThanOrEqual(95);
    expect(t!.max).toBeLessThan(250);
  });

  it("set replaces what the link had: from: r alone leaves a→r undelayed (rtt about 30 ms, not 80)", () => {
    const t = rtt("from.txt");
    expect(t, readFileSync(join(work, "from.txt"), "utf8")).toBeDefined();
    expect(t!.min).toBeGreaterThanOrEqual(28);
    expect(t!.max).toBeLessThan(70);
  });

  it("clear: the link forwards at once again", () => {
    const t = rtt("clear.txt");
    expect(t, readFileSync(join(work, "clear.txt"), "utf8")).toBeDefined();
    expect(t!.avg).toBeLessThan(10);
  });
});

describe("link steps name links as the lab does", () => {
  const text = (name: string) => `name: link names
lab:
  hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24, c: {} }
  links:
    - { a: 198.18.1.1/24, c: 198.18.1.2/24 }
    - { name: wan, ends: { b: 198.18.2.1/24, c: 198.18.2.2/24 } }
steps:
  - { name: change it, link: { name: ${name}, state: down } }
`;
  const validate = (file: string, body: string) => {
    const dir = scenarioDir();
    put(dir, file, body);
    return runIn(dir, ["validate", file]);
  };

  it("the shared segment is lan, an unnamed link is its hosts joined with -, a named link its name", () => {
    for (const n of ["lan", "a-c", "wan"]) {
      const r = validate(`ok-${n}.yaml`, text(n));
      expect(r.code, `${n}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it("a link step on a link the lab does not have is refused at load with file:line:col", () => {
    const body = text("nosuchlink");
    const r = validate("badlink.yaml", body);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(new RegExp(`badlink\\.yaml:${lineOf(body, "nosuchlink")}:\\d+`));
  });
});
