// The run's page as a person sees it: headless Chromium from Debian opens reports/index.html from disk in a network
// namespace of its own (no network at all), and the test reads the DOM it built; a screenshot is kept beside it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "wc-html-"));
writeFileSync(
  join(dir, "fwd.yaml"),
  `name: routed, one check wrong
lab:
  hosts:
    client: { gateway: 198.18.1.1 }
    r1: { router: true }
    server: { gateway: 198.18.2.1 }
  links:
    - { client: 198.18.1.2/24, r1: 198.18.1.1/24 }
    - { r1: 198.18.2.1/24, server: 198.18.2.2/24 }
steps:
  - name: ping across
    host: client
    ping: { to: server, count: 2 }
  - name: reply ttl wrong on purpose
    host: client
    sr1:
      packet: IP(dst="server")/ICMP(id=7, seq=1)
      expect: { IP.ttl: 64 }
  - name: a burst
    host: client
    send: { packet: 'IP(dst="server")/UDP(sport=4000, dport=(1, 60))' }
`,
);
writeFileSync(
  join(dir, "ok.yaml"),
  `name: plain pass
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
steps:
  - { name: p, host: a, ping: { to: b, count: 1 } }
`,
);

/** Chromium, headless, in a new network namespace: only a loopback that is down, so nothing can be fetched. */
function chromium(args: string[]): string {
  return execFileSync("unshare", ["-n", "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 60_000 });
}

function tshark(pcap: string, filter: string, fields: string[]): string[][] {
  return execFileSync("tshark", ["-n", "-r", pcap, "-Y", filter, "-T", "fields", "-E", "separator=|", ...fields.flatMap((f) => ["-e", f])], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => l.split("|"));
}

let page: string;
let dom: string;
let stdout: string;
beforeAll(() => {
  const r = spawnSync(process.execPath, [cli, "run", "fwd.yaml", "ok.yaml"], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 });
  expect(r.status, r.stdout + r.stderr).toBe(1);
  stdout = r.stdout;
  page = join(dir, "reports", "index.html");
  // The DOM Chromium built from the file, serialised: what the checks below read.
  dom = chromium(["--dump-dom", `file://${page}`]);
}, 180_000);

/** Elements of the DOM Chromium dumped: tag with its attributes and inner text, by a regex on the serialised DOM. */
function all(cls: string, html = dom): { attrs: Record<string, string>; inner: string }[] {
  const out: { attrs: Record<string, string>; inner: string }[] = [];
  const re = new RegExp(`<(\\w+)([^>]*\\bclass="${cls}(?:\\s[^"]*)?"[^>]*)>`, "g");
  for (const m of html.matchAll(re)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const end = html.indexOf(`</${m[1]}>`, m.index! + m[0].length);
    out.push({ attrs, inner: html.slice(m.index! + m[0].length, end) });
  }
  return out;
}

describe("reports/index.html in Chromium, offline", () => {
  it("is written by every run, and its path is printed", () => {
    expect(stdout).toContain("HTML report: reports/index.html");
    expect(existsSync(page)).toBe(true);
    // Self-contained: nothing it would fetch.
    expect(readFileSync(page, "utf8")).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(dom).toContain("<main>");
  });

  it("shows the run's totals and the failed scenario first", () => {
    const totals = Object.fromEntries(all("total [a-z]+").map((t) => [t.attrs["data-status"], Number(/<b>(\d+)<\/b>/.exec(t.inner)![1])]));
    expect(totals).toEqual({ passed: 3, failed: 1, error: 0, skipped: 0 });
    const scenarios = all("scenario [a-z]+").map((s) => [s.attrs["data-scenario"], s.attrs.class]);
    expect(scenarios).toEqual([
      ["routed, one check wrong", "scenario failed"],
      ["plain pass", "scenario passed"],
    ]);
    // Within it, the failing step comes first, with expected and got, and its pcaps linked (relative to the page).
    const steps = all("step [a-z]+");
    expect(steps[0].attrs["data-step"]).toBe("reply ttl wrong on purpose");
    expect(steps[0].inner).toContain("expected 64, got 63");
    const links = [...steps[0].inner.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(["fwd/client.pcapng", "fwd/r1.pcapng", "fwd/server.pcapng"]);
  });

  it("draws the lab: hosts, links and their interfaces", () => {
    const svg = all("topology")[0].inner;
    expect([...svg.matchAll(/data-host="([^"]+)"/g)].map((m) => m[1]).slice(0, 3)).toEqual(["client", "r1", "server"]);
    expect([...svg.matchAll(/data-link="/g)].length).toBe(2);
    for (const a of ["198.18.1.2/24", "198.18.1.1/24", "198.18.2.1/24", "198.18.2.2/24", "eth0", "eth1"]) expect(svg).toContain(a);
  });

  it("has a ladder whose arrows are the pcaps' frames, the failing step's window highlighted", () => {
    const windows = all("window [a-z]+");
    const failing = windows.filter((w) => /failed/.test(w.attrs.class));
    expect(failing.map((w) => w.attrs["data-window"])).toEqual(["reply ttl wrong on purpose"]);
    const arrows = (w: { inner: string }) => [...w.inner.matchAll(/<details class="frame" data-from="([^"]+)" data-to="([^"]+)">[\s\S]*?class="label">([^<]*)</g)].map((m) => [m[1], m[2], m[3]]);
    const icmp = arrows(failing[0]).filter(([, , s]) => /echo/.test(s));
    expect(icmp.map(([f, t, s]) => `${f}>${t} ${/echo-\w+/.exec(s)![0]}`)).toEqual(["client>r1 echo-request", "r1>server echo-request", "server>r1 echo-reply", "r1>client echo-reply"]);
    // Every frame a host sent, as its own pcapng says (direction out, not loopback), is one arrow; nothing else is.
    const work = join(dir, "reports", "fwd");
    const sent = ["client", "r1", "server"].reduce((n, h) => n + tshark(join(work, `${h}.pcapng`), 'frame.packet_flags_direction == 2 && frame.interface_name != "lo"', ["frame.number"]).length, 0);
    const header = /packet ladder: (\d+) frame/.exec(all("ladder-box")[0].inner)!;
    expect(Number(header[1])).toBe(sent);
  });

  it("keeps a long step usable: its first and last frames, and how many were left out", () => {
    const burst = all("window [a-z]+").find((w) => w.attrs["data-window"] === "a burst")!;
    const shown = [...burst.inner.matchAll(/<details class="frame"/g)].length;
    const omitted = Number(/… (\d+) frame\(s\) of this step left out/.exec(burst.inner)![1]);
    const total = Number(/(\d+) frame\(s\)<\/span>/.exec(burst.inner)![1]);
    expect(shown).toBe(30);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(shown + omitted).toBe(total);
  });

  it("renders: a screenshot of the page", () => {
    const shot = join(dir, "reports", "index.png");
    chromium(["--window-size=1280,2000", `--screenshot=${shot}`, `file://${page}`]);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(statSync(shot).size).toBeGreaterThan(50_000);
  });
});
