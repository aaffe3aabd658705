import { matchValue } from "../../assert/value.js";
import type { ArpScanStep } from "../../scenario/model.js";
import { durationMs } from "../../util/duration.js";
import { parseCidr } from "../../util/ip.js";
import type { SrResult } from "../../wire/sr.js";
import type { StepRunner } from "../types.js";
import { packetOf } from "../wire-report.js";

/** Who-has for every host address of the subnet, all at once; the hosts are those that answer is-at within the timeout. */
export const runArpScan: StepRunner = async ({ step, agent }) => {
  const s = step.spec as ArpScanStep;
  const net = parseCidr(s.network);
  if (typeof net === "string") return { status: "error", message: net };
  const base = net.ip.split(".").reduce((a, b) => a * 256 + Number(b), 0);
  const size = 2 ** (32 - net.prefix);
  const start = base - (base % size);
  const addrs: string[] = [];
  for (let n = start + 1; n < start + size - 1; n++) addrs.push([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."));
  const packet = `Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(pdst=[${addrs.map((a) => `"${a}"`).join(", ")}])`;
  const timeoutMs = durationMs(s.timeout, 2000);
  const r = await agent(step.host).request<SrResult>("wire.sr", { packet, layer: 2, iface: s.iface, timeoutMs, totalMs: Math.max(100, timeoutMs - 50), first: false }, timeoutMs + 30_000);
  const found = r.answers.map((a) => packetOf(a.reply).get("ARP.psrc") as string).sort(byAddress);
  const problems: string[] = [];
  const e = s.expect ?? {};
  if (e.hosts) {
    const want = [...e.hosts].sort(byAddress);
    const missing = want.filter((h) => !found.includes(h));
    const extra = found.filter((h) => !want.includes(h));
    if (missing.length || extra.length) problems.push(`hosts: expected [${want.join(", ")}], got [${found.join(", ")}]${missing.length ? `; missing ${missing.join(", ")}` : ""}${extra.length ? `; unexpected ${extra.join(", ")}` : ""}`);
  }
  if (e.count !== undefined) {
    const m = matchValue(e.count, found.length);
    if (!m.ok) problems.push(`count: expected ${m.expected}, got ${found.length}`);
  }
  const details = `${addrs.length} addresses asked, ${found.length} answered:\n${r.answers.map((a) => `  ${packetOf(a.reply).summary()}`).join("\n")}`;
  return problems.length ? { status: "failed", message: problems.join("; "), details: `${problems.join("\n")}\n\n${details}` } : { status: "passed", details };
};

function byAddress(a: string, b: string): number {
  const n = (x: string) => x.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  return n(a) - n(b);
}
