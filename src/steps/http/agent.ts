import { request } from "node:http";

export interface HttpStepArgs {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type HttpStepResult =
  | { ok: true; status: number; headers: Record<string, string>; body: string; elapsedMs: number }
  | { ok: false; error: string; elapsedMs: number };

/** One HTTP request from inside the host. */
export function httpStep(a: HttpStepArgs): Promise<HttpStepResult> {
  const start = Date.now();
  return new Promise((resolve) => {
    const req = request(a.url, { method: a.method, headers: a.headers, timeout: a.timeoutMs, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => {
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v ?? "")]));
        resolve({ ok: true, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8"), elapsedMs: Date.now() - start });
      });
      res.on("error", (e) => resolve({ ok: false, error: e.message, elapsedMs: Date.now() - start }));
    });
    req.on("timeout", () => req.destroy(new Error(`no response within ${a.timeoutMs} ms`)));
    req.on("error", (e) => resolve({ ok: false, error: e.message, elapsedMs: Date.now() - start }));
    req.end(a.body);
  });
}
