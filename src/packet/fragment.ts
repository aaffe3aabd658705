import { fillFor } from "./bind.js";
import { buildDetailed } from "./build.js";
import { PacketError } from "./errors.js";
import type { Values } from "./field.js";
import { Layer, registry, type LayerDef } from "./layer.js";
import { Raw } from "./layers/raw.js";

// Scapy's fragment(), fragment6() and overlap_frag(), byte for byte: the same cuts, offsets, flags and ids. Each
// fragment remembers its original (Layer.remake), so a source address filled in later (from the route, when sent)
// gives the fragments that the original with that address gives: the transport checksum in the first fragment is
// computed over the address that goes on the wire.

const chainOf = (top: Layer): Layer[] => [...top.chain()];

/** The chain with layer k replaced by `replaced` (its payload re-linked), the layers above copied. */
function relink(chain: Layer[], k: number, replaced: Layer): Layer {
  let top = replaced;
  for (let i = k - 1; i >= 0; i--) {
    const l = new Layer(chain[i].def, chain[i].given);
    l.payload = top;
    top = l;
  }
  return top;
}

/** A new layer of this kind on top of `payload`. */
function on(def: LayerDef, given: Values, payload?: Layer): Layer {
  const l = new Layer(def, given);
  l.payload = payload;
  return l;
}

const rawOf = (load: Buffer) => new Layer(Raw, { load });

function without(given: Values, ...names: string[]): Values {
  const out = { ...given };
  for (const n of names) delete out[n];
  return out;
}

/** Makes fragment i of `top` again, with `changes` applied to its layer k first; the result starts at layer k. */
function remaker(top: Layer, k: number, i: number, again: (top: Layer) => Layer[]) {
  return (changes: Values): Layer => {
    const chain = chainOf(top);
    // with(): an original that is itself a fragment (fragment(fragment(…))) is remade first.
    return chainOf(again(relink(chain, k, chain[k].with(changes)))[i])[k];
  };
}

function ipIndex(chain: Layer[], name: string, fn: string): number {
  const k = chain.findIndex((l) => l.name === name);
  if (k < 0) throw new PacketError(`${fn}(): the packet has no ${name} layer: ${fn === "fragment" ? "fragment() cuts IPv4 datagrams (fragment6() IPv6 ones)" : "fragment6() cuts IPv6 packets (fragment() IPv4 ones)"}`);
  return k;
}

/**
 * Scapy's fragment(pkt, fragsize=1480): the payload of the packet's first IP header cut into pieces of fragsize
 * rounded down to 8 bytes (the last may be up to fragsize), each behind a copy of the headers with MF set on all but
 * the last, the offset added to the header's own, and the total length and checksum computed again.
 */
export function fragment(packets: Layer[], fragsize = 1480): Layer[] {
  if (!Number.isInteger(fragsize) || fragsize < 8) throw new PacketError(`fragment(): fragsize=${fragsize} is too small: it is at least 8 (fragments carry multiples of 8 bytes)`);
  return packets.flatMap((p) => fragmentOne(p, fragsize));
}

function fragmentOne(p: Layer, lastSize: number): Layer[] {
  const size = lastSize - (lastSize % 8);
  const chain = chainOf(p);
  const k = ipIndex(chain, "IP", "fragment");
  const ip = chain[k];
  const built = buildDetailed(ip);
  const s = built.buf.subarray(built.sizes[0]);
  // Python's floor division, as Scapy counts: an empty payload with fragsize 15 gives no fragment at all.
  const nb = Math.floor((s.length - lastSize + size - 1) / size) + 1;
  if (nb < 1) throw new PacketError(`fragment(): this packet's ${s.length}-byte IP payload gives no fragments with fragsize=${lastSize} (Scapy returns none either)`);
  const base: Values = { ...(ip.payload ? fillFor(ip.def, ip.payload.def) : undefined), ...without(ip.given, "len", "chksum") };
  const flags = (ip.get("flags") as number) ?? 0;
  const frag = (ip.get("frag") as number) ?? 0;
  const out: Layer[] = [];
  for (let i = 0; i < nb; i++) {
    const last = i === nb - 1;
    const end = last ? i * size + lastSize : (i + 1) * size;
    const given = { ...base, flags: last ? flags : flags | 1, frag: frag + (i * size) / 8 };
    const piece = on(ip.def, given, rawOf(Buffer.from(s.subarray(i * size, end))));
    piece.remake = remaker(p, k, i, (t) => fragmentOne(t, lastSize));
    out.push(relink(chain, k, piece));
  }
  return out;
}

/**
 * Scapy's fragment6(pkt, fragSize): a Fragment header is put after the first IPv6 header unless the packet has one;
 * what follows it is cut so that every fragment, headers before it included, is at most fragSize bytes (inner
 * pieces a multiple of 8). The id is the header's, or a random one shared by the fragments.
 */
export function fragment6(packets: Layer[], fragSize: number): Layer[] {
  if (!Number.isInteger(fragSize) || fragSize < 1) throw new PacketError(`fragment6(): fragSize=${fragSize} is not a size in bytes`);
  return packets.flatMap((p) => fragment6One(p, fragSize, undefined));
}

function fragment6One(p: Layer, fragSize: number, fixedId: number | undefined): Layer[] {
  const fragDef = registry.get("IPv6ExtHdrFragment")!;
  let chain = chainOf(p);
  let j = chain.findIndex((l) => l.def === fragDef);
  if (j < 0) {
    const k = ipIndex(chain, "IPv6", "fragment6");
    const v6 = chain[k];
    const header = on(fragDef, { nh: v6.get("nh") }, v6.payload);
    chain = chainOf(relink(chain, k, on(v6.def, without(v6.given, "nh", "plen"), header)));
    j = k + 1;
  }
  const top = chain[0];
  const built = buildDetailed(top);
  const s = built.buf;
  if (s.length <= fragSize) return [top];
  const hdr = chain[j];
  const fragStart = built.starts[j] + built.sizes[j];
  const fragPart = s.subarray(fragStart);
  const unfragLen = s.length - fragPart.length - 8;
  const lastSize = fragSize - unfragLen - 8;
  const innerSize = lastSize - (lastSize % 8);
  if (lastSize <= 0 || innerSize === 0) throw new PacketError(`fragment6(): fragSize=${fragSize} leaves no room for data: with the ${unfragLen + 8} bytes of headers before the data it is at least ${unfragLen + 16}`);
  const id = fixedId ?? (hdr.given.id as number | undefined) ?? Math.floor(Math.random() * 2 ** 32);
  const nh = hdr.get("nh");
  const v6 = chain.findIndex((l) => l.name === "IPv6");
  const unfrag = chain.slice(0, j).map((l, i) => (i === v6 ? new Layer(l.def, without(l.given, "plen")) : new Layer(l.def, l.given)));
  const out: Layer[] = [];
  let offset = 0;
  for (let at = 0, n = 0; ; n++) {
    const last = fragPart.length - at <= lastSize;
    const piece = fragPart.subarray(at, last ? fragPart.length : at + innerSize);
    const f = on(fragDef, { ...hdr.given, nh, id, offset, m: last ? 0 : 1 }, rawOf(Buffer.from(piece)));
    let top: Layer = f;
    for (let i = unfrag.length - 1; i >= 0; i--) top = on(unfrag[i].def, unfrag[i].given, top);
    const fragmentOf = chainOf(top);
    if (v6 >= 0 && v6 < j) fragmentOf[v6].remake = remaker(p, v6, n, (t) => fragment6One(t, fragSize, id));
    out.push(top);
    if (last) break;
    at += innerSize;
    offset += innerSize / 8;
  }
  return out;
}

/**
 * Scapy's overlap_frag(p, overlap, fragsize=8, overlap_fragsize=None): the fragments of p with `overlap` as its IP
 * payload (the last of them with MF set), then the fragments of p itself; the receiver's reassembly decides which
 * bytes win where they overlap.
 */
export function overlapFrag(p: Layer, overlap: Layer, fragsize = 8, overlapFragsize?: number): Layer[] {
  const chain = chainOf(p);
  const k = ipIndex(chain, "IP", "overlap_frag");
  const q = relink(chain, k, on(chain[k].def, chain[k].given, overlap));
  const first = fragment([q], overlapFragsize ?? fragsize);
  const lastChain = chainOf(first[first.length - 1]);
  const lastIp = lastChain[k];
  const withMf = on(lastIp.def, { ...lastIp.given, flags: (lastIp.given.flags as number) | 1 }, lastIp.payload);
  first[first.length - 1] = relink(lastChain, k, withMf);
  const out = [...first, ...fragment([p], fragsize)];
  out.forEach((f, n) => (chainOf(f)[k].remake = remaker(p, k, n, (t) => overlapFrag(t, overlap, fragsize, overlapFragsize))));
  return out;
}
