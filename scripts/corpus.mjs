// The corpus measure (issue 14): how much of what Scapy users type wirecheck builds and reads as Scapy 2.5 does.
// Reads Scapy's side of each set (made by scripts/corpus-scapy.py; no Python here, no network): scapy.jsonl for the
// first set (expressions.txt, dissect.txt), scapy-2.jsonl for the second (expressions-2.txt, dissect-2.txt, written
// apart from the first). Prints, for each set and for both together: of the expressions Scapy builds, the share
// wirecheck accepts; of those, the share built byte-identically (the first packets and the count of a set), and the
// share identical once Scapy's default source addresses are given (Scapy takes them from its routes, wirecheck
// without a lab has fixed ones); of the byte strings Scapy reads (the dissect file and the bytes of every
// expression), the share read identically (summary, layers, every field Scapy lists).
// `npm run corpus` (after `npm run build`); `-- --set 2` measures one set; `-- --misses` lists every miss with its reason.
import { existsSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { craft, Packet } from "../dist/packet/index.js";
import { dissectLayers } from "../dist/packet/dissect.js";
import { registry } from "../dist/packet/layer.js";

const SETS = { 1: "scapy.jsonl", 2: "scapy-2.jsonl" };
const setArg = process.argv.indexOf("--set");
const chosen = setArg >= 0 ? [process.argv[setArg + 1]] : Object.keys(SETS);
const showMisses = process.argv.includes("--misses");

const rowsOf = (file) =>
  readFileSync(new URL(`../test/fixtures/scapy-corpus/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));

const firstWords = (m) => String(m).split(/[:(]/)[0].slice(0, 60);

/** One set's measure: its counts and its misses. */
function measure(rows) {
  const misses = { refused: [], bytes: [], read: [] };
  let built = 0;
  let accepted = 0;
  let identical = 0;
  let identicalButSource = 0;
  let inputs = 0;
  let readSame = 0;

  for (const r of rows) {
    if (r.error) continue;
    if (r.expr !== undefined) {
      built++;
      let packets;
      try {
        packets = craft(r.expr);
        packets.slice(0, 4).forEach((p) => p.bytes);
      } catch (e) {
        misses.refused.push({ expr: r.expr, why: e.message });
        packets = undefined;
      }
      if (packets) {
        accepted++;
        const hexes = packets.slice(0, 4).map((p) => p.bytes.toString("hex"));
        if (packets.length === r.count && isDeepStrictEqual(hexes, r.hexes)) identical++;
        else {
          const alike = packets.length === r.count && sameButSource(packets[0], r);
          if (alike) identicalButSource++;
          misses.bytes.push({ expr: r.expr, why: packets.length !== r.count ? `${packets.length} packets, Scapy ${r.count}` : alike ? "default source only" : `${hexes[0]}\n      Scapy ${r.hexes[0]}` });
        }
      }
    }
    // Every byte string Scapy reads: the bytes of an expression's first packet, and each line of the dissect file.
    const cls = r.expr !== undefined ? r.layers[0].name : r.dissect;
    const hex = r.expr !== undefined ? r.hexes[0] : r.hex;
    inputs++;
    const problems = readAlike(cls, Buffer.from(hex, "hex"), r);
    if (problems.length === 0) readSame++;
    else misses.read.push({ expr: r.expr ?? `${cls} ${hex}`, why: problems.slice(0, 3).join("; ") });
  }
  return { misses, built, accepted, identical, identicalButSource, inputs, readSame };
}

/** Identical once the IP/IPv6 src, ARP psrc/hwsrc and Ether src Scapy took from its routes are given as values. */
function sameButSource(p, r) {
  const fill = { IP: ["src"], IPv6: ["src"], ARP: ["psrc", "hwsrc"], Ether: ["src"] };
  let changed = false;
  let q = p;
  // Scapy reads a quoted packet as IPerror/UDPerror where the expression says IP/UDP, and the other way round.
  const base = (name) => name.replace(/error6?$/, "").replace(/^IPv6$/, "IPv6");
  p.layers.forEach((l, i) => {
    const theirs = r.layers[i];
    if (!theirs || base(theirs.name) !== base(l.name) && !(l.name === "IPv6" && theirs.name === "IPerror6")) return;
    const fields = (fill[base(l.name)] ?? []).filter((f) => !(f in l.given) && theirs.fields[f] !== undefined);
    if (!fields.length) return;
    changed = true;
    q = withLayer(q, i, Object.fromEntries(fields.map((f) => [f, theirs.fields[f]])));
  });
  try {
    return changed && q.bytes.toString("hex") === r.hexes[0];
  } catch {
    return false;
  }
}

function withLayer(p, index, changes) {
  const copy = (l, i) => {
    if (!l) return undefined;
    const c = l.with(i === index ? changes : {});
    c.payload = copy(l.payload, i + 1);
    return c;
  };
  return new Packet(copy(p.top, 0));
}

/** How wirecheck reads the bytes against how Scapy read them: summary, layer names, every field Scapy lists. */
function readAlike(cls, buf, r) {
  const def = registry.get(cls);
  if (!def) return [`no layer ${cls}`];
  let p;
  try {
    p = new Packet(dissectLayers(def, buf));
  } catch (e) {
    return [`throws: ${e.message}`];
  }
  const out = [];
  if (p.summary() !== r.summary) out.push(`summary ${JSON.stringify(p.summary())}, Scapy ${JSON.stringify(r.summary)}`);
  const names = p.layers.map((l) => l.name).join("/");
  const want = r.layers.map((l) => l.name).join("/");
  if (names !== want) out.push(`layers ${names}, Scapy ${want}`);
  const json = JSON.parse(JSON.stringify(p.toJSON()));
  r.layers.forEach((wl, i) => {
    const gl = json.layers[i];
    if (!gl || gl.name !== wl.name) return;
    for (const [k, wv] of Object.entries(wl.fields)) {
      const gv = k.endsWith("#int") ? (p.layers[i].values()[k.slice(0, -4)] ?? null) : gl.fields[k];
      if (!isDeepStrictEqual(gv, wv)) out.push(`${wl.name}.${k} ${JSON.stringify(gv)}, Scapy ${JSON.stringify(wv)}`);
    }
  });
  return out;
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : "n/a");
const groups = (list) => {
  const m = new Map();
  for (const x of list) m.set(firstWords(x.why), (m.get(firstWords(x.why)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `    ${n} × ${k}`).join("\n");
};
function print(title, r) {
  console.log(`${title}\nexpressions Scapy builds: ${r.built}`);
  console.log(`  accepted by wirecheck:  ${r.accepted} (${pct(r.accepted, r.built)})`);
  console.log(`  byte-identical:         ${r.identical} (${pct(r.identical, r.accepted)} of accepted)`);
  console.log(`  identical but for Scapy's default source addresses: ${r.identical + r.identicalButSource} (${pct(r.identical + r.identicalButSource, r.accepted)} of accepted)`);
  console.log(`byte strings Scapy reads: ${r.inputs}`);
  console.log(`  read identically:       ${r.readSame} (${pct(r.readSame, r.inputs)})`);
  if (r.misses.refused.length) console.log(`refused, by reason:\n${groups(r.misses.refused)}`);
}

const results = [];
for (const name of chosen) {
  if (!SETS[name] || !existsSync(new URL(`../test/fixtures/scapy-corpus/${SETS[name]}`, import.meta.url))) {
    console.error(`no corpus set ${name} (sets: ${Object.keys(SETS).join(", ")})`);
    process.exit(2);
  }
  const r = measure(rowsOf(SETS[name]));
  results.push([name, r]);
  print(`== set ${name} (${SETS[name]})`, r);
}
if (results.length > 1) {
  const sum = { misses: { refused: [], bytes: [], read: [] } };
  for (const [, r] of results)
    for (const [k, v] of Object.entries(r)) {
      if (k === "misses") for (const kind of Object.keys(sum.misses)) sum.misses[kind].push(...v[kind]);
      else sum[k] = (sum[k] ?? 0) + v;
    }
  print("== both sets", sum);
}
if (showMisses)
  for (const [name, r] of results)
    for (const [kind, list] of Object.entries(r.misses)) for (const m of list) console.log(`[${name} ${kind}] ${m.expr}\n      ${m.why}`);
