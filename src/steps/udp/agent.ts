import { createSocket } from "node:dgram";
import { isIP } from "node:net";
import { matchBytes } from "../../assert/bytes.js";
import type { BytesMatcher } from "../../scenario/model.js";

export interface UdpStepArgs {
  endpoint: { host: string; port: number };
  send?: string[];
  expect?: BytesMatcher;
  expectNoneMs?: number;
  timeoutMs: number;
}

export interface UdpStepResult {
  ok: boolean;
  phase: "send" | "expect" | "expect_none" | "done";
  detail?: string;
  /** Every datagram received (base64), in order. */
  got: string[];
  elapsedMs: number;
}

/** Sends datagrams from a fresh socket and watches what comes back to it. */
export async function udpStep(a: UdpStepArgs): Promise<UdpStepResult> {
  const start = Date.now();
  const sock = createSocket(isIP(a.endpoint.host) === 6 ? "udp6" : "udp4");
  const got: Buffer[] = [];
  let wake: (() => void) | undefined;
  sock.on("message", (m) => (got.push(m), wake?.()));
  sock.on("error", () => undefined);
  const result = (r: Omit<UdpStepResult, "elapsedMs" | "got">): UdpStepResult => ({ ...r, got: got.map((g) => g.toString("base64")), elapsedMs: Date.now() - start });
  const waitUntil = async (check: () => boolean, ms: number): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        wake = () => (clearTimeout(t), r());
      });
    }
    return true;
  };
  try {
    await new Promise<void>((r) => sock.bind(0, r));
    for (const d of a.send ?? []) {
      await new Promise<void>((resolve, reject) => sock.send(Buffer.from(d, "base64"), a.endpoint.port, a.endpoint.host, (e) => (e ? reject(e) : resolve())));
    }
    if (a.expect !== undefined) {
      const m = a.expect;
      const ok = await waitUntil(() => got.some((g) => matchBytes(m, g).matched), a.timeoutMs);
      if (!ok) return result({ ok: false, phase: "expect", detail: got.length ? "no datagram matched" : `no datagram arrived within ${a.timeoutMs} ms` });
    }
    if (a.expectNoneMs !== undefined) {
      const any = await waitUntil(() => got.length > 0, a.expectNoneMs);
      if (any) return result({ ok: false, phase: "expect_none", detail: "a datagram arrived" });
    }
    return result({ ok: true, phase: "done" });
  } catch (e) {
    return result({ ok: false, phase: "send", detail: (e as Error).message });
  } finally {
    sock.close();
  }
}
