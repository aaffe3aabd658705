import { build } from "./build.js";
import type { Values } from "./field.js";
import { Layer } from "./layer.js";
import { showPacket } from "./show.js";
import { summarize } from "./summary.js";
import { answers } from "./answers.js";
import { fieldJson } from "./json.js";

/** A packet: a chain of layers, with its bytes built once on demand (or the captured bytes, for a dissected one). */
export class Packet {
  readonly layers: Layer[];
  private built?: Buffer;

  /** `builder`: how its bytes are built (a template of its shape), else build() of its layers. */
  constructor(
    readonly top: Layer,
    private readonly builder: (top: Layer) => Buffer = build,
  ) {
    this.layers = [];
    let under: Layer | undefined;
    for (let l: Layer | undefined = top; l && this.layers.length < 300; l = l.payload) {
      l.under = under;
      this.layers.push(l);
      under = l;
    }
  }

  /** The packet's bytes: captured bytes as they were, or built from the layers. */
  get bytes(): Buffer {
    if (!this.built) {
      const t = this.top;
      const untouched = t.buf && this.layers.every((l) => l.buf && Object.keys(l.given).length === 0);
      this.built = untouched ? t.buf!.subarray(t.start, this.layers[this.layers.length - 1].end) : this.builder(t);
    }
    return this.built;
  }

  getLayer(name: string, nth = 0): Layer | undefined {
    let n = 0;
    for (const l of this.layers) if (l.name === name && n++ === nth) return l;
    return undefined;
  }

  hasLayer(name: string): boolean {
    return this.getLayer(name) !== undefined;
  }

  /**
   * A field by path: "TCP.flags", "IP.src", "DNS.an.rdata" (the first record of a list), "ICMP.type". Values are
   * as stored (numbers, address text, Buffers); undefined when the layer or field is absent.
   */
  get(path: string): unknown {
    const parts = splitPath(path);
    const l = this.getLayer(parts[0]);
    if (!l || parts.length === 1) return l;
    let v: unknown = l.get(parts[1]);
    for (let i = 2; i < parts.length; i++) {
      const part = parts[i];
      const first = Array.isArray(v) ? v[0] : v;
      v = first instanceof Layer ? first.get(part) : undefined;
    }
    return v;
  }

  /** Scapy's one-line summary: "Ether / IP / TCP 198.18.0.1:40000 > 198.18.0.2:http S". */
  summary(): string {
    return summarize(this.layers);
  }

  /** Scapy's show(): every layer and field, as a tree. */
  show(): string {
    return showPacket(this.layers);
  }

  toJSON(): { layers: { name: string; fields: Values }[] } {
    return { layers: this.layers.map((l) => ({ name: l.name, fields: fieldJson(l) })) };
  }

  /** Scapy's answers(): is this packet a reply to `request` (ICMP errors matched through the packet they quote)? */
  answers(request: Packet): boolean {
    return answers(this, request);
  }

  /** A copy with some fields of one layer changed; lengths and checksums are computed again unless given. */
  with(layerName: string, changes: Values): Packet {
    const copy = (l: Layer | undefined): Layer | undefined => {
      if (!l) return undefined;
      const c = new Layer(l.def, l.buf ? { ...definedValues(l), ...(l.name === layerName ? changes : {}) } : { ...l.given, ...(l.name === layerName ? changes : {}) });
      c.payload = copy(l.payload);
      return c;
    };
    return new Packet(copy(this.top)!);
  }
}

/** Paths split at their dots, remembered (a program reads the same few paths of many packets); bounded. */
const paths = new Map<string, readonly string[]>();
function splitPath(path: string): readonly string[] {
  let parts = paths.get(path);
  if (!parts) {
    parts = Object.freeze(path.split("."));
    if (paths.size >= 1024) paths.clear();
    paths.set(path, parts);
  }
  return parts;
}

/** The values of a dissected layer that a rebuild keeps: all but the computed ones (lengths, checksums). */
function definedValues(l: Layer): Values {
  const v = l.values();
  const out: Values = {};
  for (const f of l.def.fields) if (!f.auto && v[f.name] !== undefined) out[f.name] = v[f.name];
  return out;
}
