import { Layer } from "../packet/layer.js";

/**
 * A stored field value written as Python, as Scapy's command() writes it and the expression parser reads it back:
 * None, numbers, "text", b"bytes", lists (nested lists as tuples: TCP options), layers as calls.
 */
export function pythonValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return pyString(v);
  if (Buffer.isBuffer(v)) return `b${pyString(v.toString("latin1"), true)}`;
  if (Array.isArray(v)) {
    const items = v.map((x) => pythonValue(x, depth + 1));
    return depth === 0 ? `[${items.join(", ")}]` : `(${items.join(", ")}${items.length === 1 ? "," : ""})`;
  }
  if (v instanceof Layer) return layerCommand(v);
  return pyString(String(v));
}

/** A chain of layers as Scapy's expression: IP(dst="198.18.0.2")/TCP(dport=80). */
export function layerCommand(top: Layer): string {
  const parts: string[] = [];
  for (let l: Layer | undefined = top; l && parts.length < 64; l = l.payload) {
    const args = Object.keys(l.given).map((k) => `${k}=${pythonValue(l!.given[k])}`);
    parts.push(`${l.def.name}(${args.join(", ")})`);
  }
  return parts.join("/");
}

function pyString(s: string, bytes = false): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else if (c < 0x100 && (bytes || c < 0x20 || c === 0x7f)) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += s[i];
  }
  return `${out}"`;
}
