// Shared by the packet oracle tests: reading vector files and comparing a packet with what Scapy says of it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { craft, dissect, type Link, type Packet } from "../../src/packet/index.js";

export type Vector = { expr: string; hex: string; summary: string; layers: { name: string; fields: Record<string, unknown> }[]; error?: string };

export function readVectors(path: string): Vector[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Vector);
}

/** The link type to dissect with, from the vector's first layer (as Scapy dissected it). */
export function linkOf(first: string): Link {
  if (first === "Ether" || first === "Dot3") return "ether";
  if (first === "IP") return "ip";
  if (first === "IPv6") return "ipv6";
  throw new Error(`no link type for a packet starting with ${first}`);
}

const show = (v: unknown) => JSON.stringify(v);

/**
 * Compares a packet (its JSON) with Scapy's view of the same bytes: summary, layer names, and every field Scapy
 * lists with the same JSON value (the model may list more; a flag field's `name#int` is its number). Returns readable differences, empty when equal.
 */
export function compareDissection(p: Packet, v: Pick<Vector, "summary" | "layers">): string[] {
  const out: string[] = [];
  const summary = p.summary();
  if (summary !== v.summary) out.push(`summary: expected ${show(v.summary)}, got ${show(summary)}`);
  const got = JSON.parse(JSON.stringify(p.toJSON())) as { layers: { name: string; fields: Record<string, unknown> }[] };
  const names = got.layers.map((l) => l.name).join(" / ");
  const want = v.layers.map((l) => l.name).join(" / ");
  if (names !== want) out.push(`layers: expected ${want}, got ${names}`);
  v.layers.forEach((wl, i) => {
    const gl = got.layers[i];
    if (!gl || gl.name !== wl.name) return;
    for (const [k, wv] of Object.entries(wl.fields)) {
      // The vectors give a flag field's number beside its letters (`flags#int`); the packet holds the number.
      if (k.endsWith("#int")) {
        const n = p.layers[i].values()[k.slice(0, -4)] ?? null;
        if (n !== wv) out.push(`${wl.name}[${i}].${k}: expected ${show(wv)}, got ${show(n)}`);
        continue;
      }
      if (!(k in gl.fields)) out.push(`${wl.name}[${i}].${k}: expected ${show(wv)}, missing`);
      else if (!isDeepStrictEqual(gl.fields[k], wv)) out.push(`${wl.name}[${i}].${k}: expected ${show(wv)}, got ${show(gl.fields[k])}`);
    }
  });
  return out;
}

/** Dissects Scapy's bytes of a vector with the link type of its first layer. */
export function dissectVector(v: Vector): Packet {
  return dissect(Buffer.from(v.hex, "hex"), { link: linkOf(v.layers[0].name) });
}

/**
 * Scapy's answers for expressions, from the oracle script (one JSON vector a line), or why there are none.
 * `args`: the script's options (--records).
 */
export function runOracle(exprs: string[], args: string[] = []): { results: Vector[]; failure: string } {
  const oracle = "test/oracle/scapy_oracle.py";
  const r = spawnSync("/usr/bin/python3", [oracle, ...args], { input: `${exprs.join("\n")}\n`, encoding: "utf8", timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) return { results: [], failure: `${oracle} failed (status ${r.status}): ${r.error?.message ?? r.stderr} (run \`make test\`, which installs python3-scapy)` };
  // Scapy may print warnings of its own on stdout; the answers are the JSON lines.
  const results = r.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Vector);
  return { results, failure: results.length === exprs.length ? "" : `${oracle} answered ${results.length} of ${exprs.length} expressions: ${r.stderr}` };
}

/** How our build and dissection of an expression differ from Scapy's vector of it: bytes, then fields. */
export function oracleProblems(expr: string, v: Vector): string[] {
  const problems: string[] = [];
  try {
    const built = craft(expr)[0].bytes.toString("hex");
    if (built !== v.hex) problems.push(`bytes: expected ${v.hex}\n        got      ${built}`);
  } catch (e) {
    problems.push(`craft() throws: ${(e as Error).message}`);
  }
  try {
    problems.push(...compareDissection(dissectVector(v), v));
  } catch (e) {
    problems.push(`dissect() throws: ${(e as Error).message}`);
  }
  return problems;
}
