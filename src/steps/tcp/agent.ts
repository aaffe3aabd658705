import { closeSync, createReadStream } from "node:fs";
import { connect, isIP, type Socket } from "node:net";
import { native } from "../../wire/native.js";
import { mappedIPv4 } from "../../util/ip.js";
import { matchBytes } from "../../assert/bytes.js";
import type { BytesMatcher } from "../../scenario/model.js";

/** What the controller asks of one tcp step. Data travels as base64. */
export interface TcpStepArgs {
  endpoint?: { host: string; port: number };
  session?: string;
  as?: string;
  send?: string[];
  sendFile?: string;
  expect?: BytesMatcher;
  expectClose?: boolean;
  expectNoneMs?: number;
  expectError?: string;
  timeoutMs: number;
  /** The step's name, said when a later step of the session sets aside what this one left unread. */
  step?: string;
}

export interface TcpStepResult {
  /** The part of the step that decided the outcome. */
  phase: "connect" | "send" | "expect" | "expect_none" | "expect_close" | "expect_error" | "done";
  ok: boolean;
  /** How the connection failed (refused, reset, timeout, unreachable), or "connected". */
  outcome?: string;
  detail?: string;
  /** The data received that the failing expectation saw (base64). */
  got?: string;
  closed?: boolean;
  /** What the expectation took from the stream (base64): what `save:` reads. */
  matched?: string;
  /** Bytes an earlier step of the session left unread, set aside before this one sent (base64), and that step. */
  setAside?: { bytes: string; from?: string };
  elapsedMs: number;
}

/** A connection with what it has received and not yet consumed. */
class Connection {
  buf = Buffer.alloc(0);
  /** The step whose exchange the unread bytes belong to. */
  lastStep?: string;
  closed = false;
  error?: NodeJS.ErrnoException;
  private wake: (() => void)[] = [];
  constructor(readonly sock: Socket) {
    sock.on("data", (d) => ((this.buf = Buffer.concat([this.buf, d])), this.notify()));
    sock.on("end", () => ((this.closed = true), this.notify()));
    sock.on("close", () => ((this.closed = true), this.notify()));
    sock.on("error", (e) => ((this.error = e), this.notify()));
  }
  private notify(): void {
    for (const w of this.wake.splice(0)) w();
  }
  /** Waits until check() returns a value or the time is up (then undefined). */
  async until<T>(check: () => T | undefined, ms: number): Promise<T | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.wake.push(() => (clearTimeout(t), r()));
      });
    }
  }
}

const sessions = new Map<string, Connection>();

/**
 * The outcome a connect or send error names, from its errno (what the kernel made of the answer): a reset or an
 * ICMP port unreachable → refused; ICMP host/net unreachable, no route, no ARP/ND answer → unreachable; ICMP
 * administratively prohibited (an nftables `reject with icmpx admin-prohibited`) or a local firewall → prohibited.
 */
export function errorKind(e: NodeJS.ErrnoException | undefined): string {
  switch (e?.code) {
    case "ECONNREFUSED": return "refused";
    case "ECONNRESET": case "EPIPE": case "ECONNABORTED": return "reset";
    case "ETIMEDOUT": return "timeout";
    case "EHOSTUNREACH": case "ENETUNREACH": case "EHOSTDOWN": case "ENETDOWN": case "ENONET": case "EADDRNOTAVAIL": return "unreachable";
    case "EACCES": case "EPERM": return "prohibited";
    default: return e?.code ?? "error";
  }
}

/**
 * An ICMP error that answered a connect to host:port, read from a raw socket opened before it: Linux gives
 * EHOSTUNREACH both for "host unreachable" and for "administratively prohibited" (code 13, an nftables
 * `reject with icmpx admin-prohibited`), so the message itself tells them apart.
 */
function icmpAnswer(fd: number, host: string, port: number): { type: number; code: number; from: string } | undefined {
  for (let i = 0; i < 64; i++) {
    const m = native().icmpRead(fd);
    if (!m) return undefined;
    const ihl = (m[0] & 15) * 4;
    const q = ihl + 8; // the quoted IP header
    if (m.length < q + 24 || m[ihl] !== 3 || m[q + 9] !== 6) continue;
    const dst = [...m.subarray(q + 16, q + 20)].join(".");
    const qihl = (m[q] & 15) * 4;
    if (dst === host && m.length >= q + qihl + 4 && m.readUInt16BE(q + qihl + 2) === port) return { type: m[ihl], code: m[ihl + 1], from: [...m.subarray(12, 16)].join(".") };
  }
  return undefined;
}

const prohibitedCodes = new Set([9, 10, 13]);

function open(host: string, port: number, timeoutMs: number): Promise<Connection | { failed: string; detail: string }> {
  let icmp: number | undefined;
  // An IPv4-mapped destination puts IPv4 on the wire: its ICMP errors come as IPv4 too.
  const v4 = isIP(host) === 4 ? host : mappedIPv4(host);
  if (v4) {
    try {
      icmp = native().icmpOpen();
    } catch {
      /* without a raw socket the errno alone decides */
    }
  }
  const done = () => {
    if (icmp !== undefined) closeSync(icmp);
    icmp = undefined;
  };
  return new Promise<Connection | { failed: string; detail: string }>((resolve) => {
    const sock = connect({ host, port, noDelay: true });
    const timer = setTimeout(() => (sock.destroy(), resolve({ failed: "timeout", detail: `no answer to the connection within ${timeoutMs} ms` })), timeoutMs);
    sock.once("connect", () => {
      clearTimeout(timer);
      sock.removeAllListeners("error");
      resolve(new Connection(sock));
    });
    // The raw errno stays in the report: "prohibited (EACCES: connect EACCES 198.18.0.2:80)".
    sock.once("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const detail = e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message;
      const answer = icmp !== undefined && e.code === "EHOSTUNREACH" ? icmpAnswer(icmp, v4!, port) : undefined;
      if (answer && prohibitedCodes.has(answer.code)) return resolve({ failed: "prohibited", detail: `ICMP destination unreachable, administratively prohibited (code ${answer.code}) from ${answer.from}; ${detail}` });
      resolve({ failed: errorKind(e), detail: answer ? `ICMP destination unreachable code ${answer.code} from ${answer.from}; ${detail}` : detail });
    });
  }).finally(done);
}

async function write(c: Connection, data: Buffer): Promise<void> {
  await new Promise<void>((resolve, reject) => c.sock.write(data, (e) => (e ? reject(e) : resolve())));
}

export async function tcpStep(a: TcpStepArgs): Promise<TcpStepResult> {
  const start = Date.now();
  let setAside: TcpStepResult["setAside"];
  let matchedData: string | undefined;
  const result = (r: Omit<TcpStepResult, "elapsedMs">): TcpStepResult => ({ ...r, setAside, matched: matchedData, elapsedMs: Date.now() - start });
  let c: Connection;
  if (a.session !== undefined) {
    const s = sessions.get(a.session);
    if (!s) return result({ phase: "connect", ok: false, detail: `session ${a.session} is not open` });
    c = s;
    // Stream semantics: a step that sends (or expects silence) starts a new exchange, so what an earlier step left
    // unread (the tail of its answer) is set aside, and reported, rather than taken for this step's answer; a step
    // that only expects reads on where the last one stopped (the next line of a multi-line reply).
    if (c.buf.length && (a.send?.length || a.sendFile !== undefined || a.expectNoneMs !== undefined)) {
      setAside = { bytes: c.buf.toString("base64"), from: c.lastStep };
      c.buf = Buffer.alloc(0);
    }
  } else {
    const opened = await open(a.endpoint!.host, a.endpoint!.port, a.timeoutMs);
    if ("failed" in opened) {
      if (a.expectError) return result({ phase: "expect_error", ok: opened.failed === a.expectError, outcome: opened.failed, detail: opened.detail });
      return result({ phase: "connect", ok: false, outcome: opened.failed, detail: opened.detail });
    }
    c = opened;
    if (a.expectError && (a.send?.length || a.sendFile !== undefined)) {
      // Send, then the peer must reset: what a firewall or a server does to a request it refuses.
      try {
        for (const chunk of a.send ?? []) await write(c, Buffer.from(chunk, "base64"));
      } catch (e) {
        c.sock.destroy();
        const kind = errorKind(e as NodeJS.ErrnoException);
        return result({ phase: "expect_error", ok: kind === a.expectError, outcome: kind, detail: (e as Error).message });
      }
      const failed = await c.until(() => (c.error ? errorKind(c.error) : c.closed ? "closed" : undefined), a.timeoutMs);
      c.sock.destroy();
      return result({ phase: "expect_error", ok: failed === a.expectError, outcome: failed ?? "still open", detail: failed === "closed" ? "the peer closed the connection politely (FIN), without a reset" : undefined });
    }
    if (a.expectError) {
      // Connected: only a reset soon after can still fulfil the expectation.
      const failed = await c.until(() => (c.error ? errorKind(c.error) : undefined), a.expectError === "reset" ? a.timeoutMs : 0);
      c.sock.destroy();
      return result({ phase: "expect_error", ok: failed === a.expectError, outcome: failed ?? "connected" });
    }
    if (a.as !== undefined) sessions.set(a.as, c);
  }

  try {
    for (const chunk of a.send ?? []) await write(c, Buffer.from(chunk, "base64"));
    if (a.sendFile !== undefined) {
      await new Promise<void>((resolve, reject) => {
        const file = createReadStream(a.sendFile!);
        file.on("error", reject);
        file.on("end", resolve);
        file.pipe(c.sock, { end: false });
      });
    }
  } catch (e) {
    return finish(c, a, result({ phase: "send", ok: false, outcome: errorKind(e as NodeJS.ErrnoException), detail: (e as Error).message }));
  }

  if (a.expect !== undefined) {
    const m = a.expect;
    const matched = await c.until(() => {
      const r = matchBytes(m, c.buf, true);
      if (r.matched) return r;
      if (r.hopeless || c.closed || c.error) return false;
      return undefined;
    }, a.timeoutMs);
    if (!matched) {
      const why = c.error ? `the connection failed: ${c.error.message}` : c.closed ? "the peer closed the connection" : `nothing matching arrived within ${a.timeoutMs} ms`;
      return finish(c, a, result({ phase: "expect", ok: false, detail: why, got: c.buf.toString("base64"), closed: c.closed }));
    }
    // A search (contains, regex) consumes through the end of the line it ended in, as a line-oriented reader would:
    // `^220` takes the whole banner line, not just its first three bytes.
    let end = matched.end;
    if (typeof m === "object" && !("hex" in m) && end > 0 && c.buf[end - 1] !== 0x0a) {
      const nl = c.buf.indexOf(0x0a, end);
      if (nl >= 0) end = nl + 1;
    }
    matchedData = c.buf.subarray(0, end).toString("base64");
    c.buf = c.buf.subarray(end);
  }
  c.lastStep = a.step;
  if (a.expectNoneMs !== undefined) {
    const got = await c.until(() => (c.buf.length ? true : undefined), a.expectNoneMs);
    if (got) return finish(c, a, result({ phase: "expect_none", ok: false, got: c.buf.toString("base64") }));
  }
  if (a.expectClose) {
    const closed = await c.until(() => (c.closed || c.error ? true : undefined), a.timeoutMs);
    if (!closed) return finish(c, a, result({ phase: "expect_close", ok: false, detail: `still open after ${a.timeoutMs} ms`, got: c.buf.toString("base64") }));
  }
  return finish(c, a, result({ phase: "done", ok: true }));
}

/** A connection not kept as a session is closed politely, waiting (briefly) for the peer to close too. */
async function finish(c: Connection, a: TcpStepArgs, r: TcpStepResult): Promise<TcpStepResult> {
  // A session stays open whatever the outcome: later steps report their own.
  if (a.as !== undefined || a.session !== undefined) return r;
  c.sock.end();
  await c.until(() => (c.closed || c.error ? true : undefined), Math.min(a.timeoutMs, 2000));
  c.sock.destroy();
  return r;
}

export async function closeSessions(): Promise<void> {
  for (const c of sessions.values()) c.sock.destroy();
  sessions.clear();
}
