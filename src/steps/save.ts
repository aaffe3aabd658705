// `save:` on steps other than packet steps, filled when the step passes (the sources are in scenario/save-sources.ts).
import type { SaveSpec } from "../scenario/save-sources.js";

/** Fills the vars from a passing step's result; a message when a source holds nothing to keep. */
export function saveInto(spec: SaveSpec | undefined, read: (source: string) => unknown, textSource: string, vars: Map<string, string | number>): string | undefined {
  for (const [name, s] of Object.entries(spec ?? {})) {
    const source = typeof s === "string" ? s : (s.from ?? textSource);
    let v = read(source);
    if (typeof s === "object") {
      const m = new RegExp(s.regex, "s").exec(v === undefined ? "" : String(v));
      if (!m) return `save ${name}: /${s.regex}/ does not match ${source}`;
      v = m[1] ?? m[0];
    }
    if (typeof v === "boolean") v = String(v);
    if (typeof v !== "number" && typeof v !== "string") return `save ${name}: the step's ${source} holds no value to keep`;
    vars.set(name, v);
  }
  return undefined;
}

/** A JSON value by path: "a.b[0].c" (an empty path is the whole document). */
export function jsonAt(doc: unknown, path: string): unknown {
  let v = doc;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (v === null || typeof v !== "object") return undefined;
    const key = part.startsWith("[") ? Number(part.slice(1, -1)) : part;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Received bytes as text: UTF-8 when they are, else one character per byte. */
export function text(data: Buffer): string {
  const utf8 = data.toString("utf8");
  return Buffer.from(utf8, "utf8").equals(data) ? utf8 : data.toString("latin1");
}
