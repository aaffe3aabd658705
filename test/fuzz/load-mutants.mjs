// Fuzzing the scenario loader: mutated scenario files must end, within 2 s and 200 MB, either loaded or refused
// with `file:line:col: message` lines, never with a stack trace. Shared by `npm run fuzz:load` and the tests.
// The same module is the loader process that loads them (see the bottom), so the harness is one file.
import { fork, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { prng } from "./fuzz-cases.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(repoRoot, "dist/cli.js");
const loadAllModule = new URL("../../dist/commands/load-all.js", import.meta.url).href;

/**
 * A load may take 2 s of CPU and 200 MB. The time is CPU time, measured in the loader process, because a busy
 * machine (CI runs other tests beside this) stretches wall time but not CPU time; a load still running after
 * 5 × that wall time is killed as a hang. The CLI sample gets 5 s of wall time, its start-up included.
 */
export const limits = { ms: 2000, hangFactor: 5, heapMb: 200, processMs: 5000 };
/** The argument that makes this module a loader process (see the bottom). */
const childFlag = "--wirecheck-load-fuzz-child";

// ─── Seeds ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Small valid scenarios that reach what the bundled ones do not: no lab, vars, anchors, block scalars, links. */
const inlineSeeds = [
  {
    name: "inline-minimal.yaml",
    text: `name: minimal\nsteps:\n  - { name: true runs, exec: { run: "true" } }\n`,
  },
  {
    name: "inline-vars.yaml",
    text: [
      "name: vars and anchors",
      "vars: { port: 7, word: hello }",
      "lab:",
      "  hosts:",
      "    client: 198.18.0.1/24",
      "    server: 198.18.0.2/24",
      "servers:",
      "  - { name: echo, host: server, tcp: { port: 7, echo: true } }",
      "steps:",
      "  - name: echo ${word}",
      "    host: client",
      '    tcp: &talk { connect: "server:${port}", send: "${word}", expect: "${word}" }',
      "  - name: once more",
      "    host: client",
      "    tcp: *talk",
      "",
    ].join("\n"),
  },
  {
    name: "inline-block.yaml",
    text: [
      "name: block scalars",
      "steps:",
      "  - name: a script",
      "    exec:",
      "      run: |",
      "        echo one",
      "        echo two",
      "      expect: { stdout: { contains: two } }",
      "",
    ].join("\n"),
  },
  {
    name: "inline-links.yaml",
    text: [
      "name: two links",
      "lab:",
      "  hosts:",
      "    client: { gateway: 198.18.1.1 }",
      "    r1: { router: true }",
      "    server: { gateway: 198.18.2.1 }",
      "  links:",
      "    - { client: 198.18.1.2/24, r1: 198.18.1.1/24 }",
      "    - { r1: 198.18.2.1/24, server: 198.18.2.2/24 }",
      "steps:",
      "  - { name: across, host: client, ping: { to: server, count: 1 } }",
      '  - { name: raw, host: client, send: { packet: \'IP(dst="server")/UDP(dport=9)\' } }',
      "",
    ].join("\n"),
  },
];

/** Every scenarios/*.yaml (read now, so new scenarios join the seeds) and the inline seeds. */
export function loadSeeds() {
  const dir = join(repoRoot, "scenarios");
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  return [...files.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") })), ...inlineSeeds];
}

// ─── Mutations ──────────────────────────────────────────────────────────────────────────────────────────────────

const pick = (rand, items) => items[Math.floor(rand() * items.length)];
const int = (rand, n) => Math.floor(rand() * n);
const MB = 1 << 20;
// Sizes: far over any sane limit (1 MB), and 120 KB and 40 KB, big yet small enough (even when a later mutation
// duplicates them) that a loader with a size limit of 64 KiB or 256 KiB still parses and checks them.
const bigOrLarge = (rand) => pick(rand, [MB, 120_000, 40_000]);

/** The 40,000-key lists, built once: they are the same in every mutant that uses them. */
const once = (make) => {
  let value;
  return () => (value ??= make());
};
const n40k = 40_000;
const keysOnly = once(() => Array.from({ length: n40k }, (_, k) => k.toString(36)).join(", "));
const varLines = once(() => Array.from({ length: n40k }, (_, k) => `  v${k}: ${k}`).join("\n"));
const hostLines = once(() => Array.from({ length: n40k }, (_, k) => `    h${k}: 198.${18 + (k >> 16)}.${(k >> 8) & 255}.${k & 255}/15`).join("\n"));
const oneKeyRepeated = once(() => Array(n40k).fill("k").join(", "));

const lineOf = (text, offset) => text.slice(0, offset).split("\n").length;

/** `key: scalar` values (block or flow): the places a mutation can put a different value. */
const valueSite = /(?:^|[\s{,])([A-Za-z_][\w.-]*): +("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s,{}[\]#&*!|>'"%@`](?:[^,{}[\]\n#]*[^\s,{}[\]\n#])?)/dgm;
const site = (m) => m && { key: m[1], start: m.indices[2][0], end: m.indices[2][1] };

/** One value site: any of a small file's, equally likely; in a big one (already mutated), the next after a random offset. */
function someValueSite(text, rand) {
  if (text.length < 50_000) return pick(rand, [...text.matchAll(valueSite)].map(site));
  valueSite.lastIndex = int(rand, text.length);
  const after = valueSite.exec(text);
  valueSite.lastIndex = 0;
  return site(after ?? valueSite.exec(text));
}

/** Puts a value where a scalar was; with no scalar in the text (it may be mangled already), adds a key. */
function replaceValue(text, rand, make) {
  const s = someValueSite(text, rand);
  if (!s) {
    const value = make("");
    return { text: `${text}\nextra: ${value}\n`, where: "a new key at the end", old: "" };
  }
  const old = text.slice(s.start, s.end);
  const value = make(old, s.key);
  return { text: text.slice(0, s.start) + value + text.slice(s.end), where: `\`${s.key}\` at line ${lineOf(text, s.start)}`, old };
}

const short = (s) => (s.length > 40 ? `${JSON.stringify(s.slice(0, 30))}… (${s.length} chars)` : JSON.stringify(s));

/** A line index, preferring lines with content (blank lines and comments change little). */
function someLine(lines, rand) {
  const meaningful = lines.map((l, i) => i).filter((i) => lines[i].trim() && !lines[i].trim().startsWith("#"));
  return meaningful.length ? pick(rand, meaningful) : int(rand, lines.length);
}

/** Where list items go under `steps:` (or a new `steps:` block), with their indentation. */
function stepsInsertion(lines) {
  const at = lines.findIndex((l) => /^steps:\s*(#.*)?\r?$/.test(l));
  if (at < 0) return { at: lines.length, indent: "  ", header: "steps:" };
  const item = lines.slice(at + 1).find((l) => /^\s*- /.test(l));
  return { at: at + 1, indent: item ? /^\s*/.exec(item)[0] : "  " };
}

function insertSteps(text, stepLines) {
  const lines = text.split("\n");
  const { at, indent, header } = stepsInsertion(lines);
  const items = stepLines.map((s) => `${indent}- ${s}`);
  lines.splice(at, 0, ...(header ? [header] : []), ...items);
  return lines.join("\n");
}

/** A first host name of the lab, so inserted steps can name one that exists. */
const someHost = (text) => /^ {2,4}hosts:\s*\r?\n\s+([A-Za-z][\w-]*):/m.exec(text)?.[1] ?? "client";

const typedValues = {
  number: ["7", "-1", "0", "3.5", "65536", "1e3"],
  string: ['"7"', "text", "'true'", '""', "server:7"],
  bool: ["true", "false", "yes", "off"],
  null: ["null", "~", ""],
  list: ["[]", "[1, a]", "[[x]]", "[{ a: 1 }]"],
  map: ["{}", "{ a: 1 }", "{ name: x, host: client }"],
};
const typeOf = (v) => {
  if (/^(-?\d+(\.\d+)?(e\d+)?|0x[\da-f]+)$/i.test(v)) return "number";
  if (/^(true|false|yes|no|on|off)$/i.test(v)) return "bool";
  if (/^(null|~|)$/.test(v)) return "null";
  return v.startsWith("[") ? "list" : v.startsWith("{") ? "map" : "string";
};

const hugeNumbers = [
  "1e400", "-1e400", "1e-400", "1180591620717411303424", "-0", "0x7fffffffffffffffffff", "0o777777777777777777777",
  "9007199254740993", ".inf", "-.inf", ".nan", "1_000", "0b101", "00007", "+7",
];

const tagged = [
  "!!binary aGVsbG8=", "!!set { a, b }", "!custom x", "!!timestamp 2001-12-14t21:59:43.10-05:00", '!!int "12"',
  "!!str 7", "!!map [1, 2]", "!!seq x", "!!float abc", "!<tag:yaml.org,2002:str> x",
  "!!omap [ { a: 1 }, { a: 2 } ]", "!!pairs [ { a: 1 } ]", "!e!x y", "!!null x", "!!bool maybe", "! x",
  "!!binary ====", "!!timestamp 2001-13-45",
];

const directives = [
  "%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%YAML 2.0\n---\n", "%YAML 1.1\n%YAML 1.1\n---\n",
  "%TAG !e! tag:example.com,2000:\n---\n", "%TAG ! !local-\n---\n", "%FOO bar\n---\n", "%YAML 1.1\n",
  "%TAG !! tag:evil,2000:\n---\n",
];

const dangerousVarNames = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"];

/** The 9 × 9 alias fan-out: 9 levels of 9 references, 387 million leaves if anything expands it naively. */
const laughs = () => {
  const levels = Array.from({ length: 8 }, (_, k) => `  l${k + 1}: &l${k + 1} [${Array(9).fill(`*l${k}`).join(", ")}]`);
  return ["laughs:", `  l0: &l0 [${Array(9).fill("lol").join(", ")}]`, ...levels].join("\n") + "\n";
};

/** Each operator takes the text (a string) and returns the new text and what it did. */
const textOperators = {
  "delete line"(text, rand) {
    const lines = text.split("\n");
    const k = someLine(lines, rand);
    lines.splice(k, 1);
    return { text: lines.join("\n"), how: `delete line ${k + 1}` };
  },
  "duplicate line"(text, rand) {
    const lines = text.split("\n");
    const k = someLine(lines, rand);
    lines.splice(k, 0, lines[k]);
    return { text: lines.join("\n"), how: `duplicate line ${k + 1}` };
  },
  "swap lines"(text, rand) {
    const lines = text.split("\n");
    const j = someLine(lines, rand);
    const k = rand() < 0.5 ? Math.min(lines.length - 1, j + 1 + int(rand, 3)) : someLine(lines, rand);
    [lines[j], lines[k]] = [lines[k], lines[j]];
    return { text: lines.join("\n"), how: `swap lines ${j + 1} and ${k + 1}` };
  },
  indentation(text, rand) {
    const lines = text.split("\n");
    const k = someLine(lines, rand);
    const change = pick(rand, ["+1", "+2", "-1", "-2", "tab", "tab for spaces"]);
    const l = lines[k];
    if (change === "tab") lines[k] = "\t" + l;
    else if (change === "tab for spaces") lines[k] = l.replace(/^ {1,2}/, "\t");
    else if (change.startsWith("+")) lines[k] = " ".repeat(Number(change)) + l;
    else lines[k] = l.replace(new RegExp(`^ {1,${-Number(change)}}`), "");
    return { text: lines.join("\n"), how: `indent line ${k + 1} ${change}` };
  },
  "type flip"(text, rand) {
    let to;
    const r = replaceValue(text, rand, (old) => {
      const from = typeOf(old.trim());
      to = pick(rand, Object.keys(typedValues).filter((t) => t !== from));
      return pick(rand, typedValues[to]);
    });
    return { text: r.text, how: `type flip of ${r.where} (${short(r.old)}) to a ${to}` };
  },
  "huge number"(text, rand) {
    const n = pick(rand, hugeNumbers);
    const r = replaceValue(text, rand, () => n);
    return { text: r.text, how: `number ${n} for ${r.where}` };
  },
  "long string"(text, rand) {
    const size = bigOrLarge(rand);
    const kind = pick(rand, ["plain", "double-quoted with escapes", "single-quoted", "comment", "key", "many lines"]);
    const what = size >= MB ? "1 MB" : `${size / 1000} KB`;
    if (kind === "comment") return { text: `# ${"c".repeat(size)}\n${text}`, how: `a ${what} comment line` };
    if (kind === "key") return { text: `${text}\n${"k".repeat(size)}: 1\n`, how: `a ${what} key` };
    if (kind === "many lines") return { text: `${text}\nnotes: |\n${"  a line of a block scalar\n".repeat(size / 27)}`, how: `a ${what} block scalar of short lines` };
    const make = { plain: () => "a".repeat(size), "double-quoted with escapes": () => `"${"\\u00e9\\n".repeat(size / 8)}"`, "single-quoted": () => `'${"it''s ".repeat(size / 7)}'` }[kind];
    const r = replaceValue(text, rand, make);
    return { text: r.text, how: `a ${what} ${kind} string for ${r.where}` };
  },
  "deep nesting"(text, rand) {
    const depth = pick(rand, [1000, 5000]);
    const kind = pick(rand, ["flow lists", "unclosed flow lists", "flow maps", "unclosed flow maps", "compact block lists", "block maps"]);
    if (kind === "block maps") {
      const d = depth > 1000 ? 2000 : pick(rand, [450, 250]); // 2,000 levels make 2 MB of indentation, 450 100 KB, 250 31 KB
      const lines = Array.from({ length: d }, (_, k) => `${" ".repeat(k)}a:`);
      return { text: `${text}\ndeep:\n ${lines.join("\n ")} 1\n`, how: `${d} nested block maps at the end` };
    }
    const make = {
      "flow lists": () => "[".repeat(depth) + "1" + "]".repeat(depth),
      "unclosed flow lists": () => "[".repeat(depth),
      "flow maps": () => "{ a: ".repeat(depth) + "1" + " }".repeat(depth),
      "unclosed flow maps": () => "{".repeat(depth),
      "compact block lists": () => "\n  " + "- ".repeat(depth) + "x",
    }[kind];
    const r = replaceValue(text, rand, make);
    return { text: r.text, how: `${depth} ${kind} for ${r.where}` };
  },
  "anchors and aliases"(text, rand) {
    const kind = pick(rand, ["alias with no anchor", "alias inside its own anchor", "9 x 9 fan-out", "anchor on steps used twice", "anchor redefined", "alias as a key"]);
    if (kind === "9 x 9 fan-out") {
      const r = replaceValue(text, rand, () => "*l8");
      return { text: laughs() + r.text, how: `9 levels x 9 aliases (billion laughs), *l8 for ${r.where}` };
    }
    if (kind === "anchor on steps used twice" && /^steps:/m.test(text))
      return { text: text.replace(/^steps:/m, "steps: &steps") + "\nagain: [*steps, *steps]\n", how: "steps anchored and aliased twice" };
    const make = {
      "anchor on steps used twice": () => "*nowhere", // a file without steps: the plain unknown alias
      "alias with no anchor": () => "*nowhere",
      "alias inside its own anchor": () => "&s [*s]",
      "anchor redefined": () => "&a [1]\nx1: &a 2\nx2: *a",
      "alias as a key": () => "&k key\n*k : 1",
    }[kind];
    const r = replaceValue(text, rand, make);
    return { text: r.text, how: `${kind} for ${r.where}` };
  },
  "merge key"(text, rand) {
    const lines = text.split("\n");
    const candidates = lines.map((l, i) => i).filter((i) => /^\s*(- )?[\w.-]+:/.test(lines[i]));
    const k = candidates.length ? pick(rand, candidates) : 0;
    const [, indent = "", dash = ""] = /^(\s*)(- )?/.exec(lines[k] ?? "") ?? [];
    const merge = pick(rand, ["*base", "[1, 2]", "[*base, *base]", "*nowhere", "5", "{ name: inline }"]);
    const yaml11 = merge === "[1, 2]" || rand() < 0.5; // merge keys act only in YAML 1.1
    if (dash) lines[k] = lines[k].replace("- ", "  ");
    lines.splice(k, 0, `${indent}${dash}<<: ${merge}`);
    const text2 = `${yaml11 ? "%YAML 1.1\n---\n" : ""}base: &base { name: merged, host: client, port: 7 }\n${lines.join("\n")}`;
    return { text: text2, how: `merge key <<: ${merge} before line ${k + 1}${yaml11 ? " with %YAML 1.1" : ""}` };
  },
  tag(text, rand) {
    const prefix = rand() < 0.3;
    const tag = prefix ? pick(rand, ["!!str", "!!int", "!!float", "!!binary", "!custom", "!!map", "!!seq"]) : pick(rand, tagged);
    const r = replaceValue(text, rand, (old) => (prefix ? `${tag} ${old}` : tag));
    return { text: r.text, how: `tag ${tag} on ${r.where}` };
  },
  directive(text, rand) {
    const d = pick(rand, directives);
    if (rand() < 0.25) {
      const lines = text.split("\n");
      const k = int(rand, lines.length);
      lines.splice(k, 0, d.trimEnd());
      return { text: lines.join("\n"), how: `directive ${JSON.stringify(d.trimEnd())} at line ${k + 1}` };
    }
    return { text: d + text, how: `directive ${JSON.stringify(d.trimEnd())} first` };
  },
  "several documents"(text, rand) {
    const kind = pick(rand, ["--- in the middle", "the file twice", "... in the middle", "--- first", "an empty second document", "a scalar document"]);
    const lines = text.split("\n");
    const k = int(rand, lines.length);
    const out = {
      "--- in the middle": () => [...lines.slice(0, k), "---", ...lines.slice(k)].join("\n"),
      "... in the middle": () => [...lines.slice(0, k), "...", ...lines.slice(k)].join("\n"),
      "the file twice": () => `${text}\n---\n${text}`,
      "--- first": () => `---\n${text}`,
      "an empty second document": () => `${text}\n---\n`,
      "a scalar document": () => `${text}\n--- just text\n`,
    }[kind]();
    return { text: out, how: `${kind}${kind.includes("middle") ? ` (line ${k + 1})` : ""}` };
  },
  "deep packet"(text, rand) {
    const host = someHost(text);
    const kind = pick(rand, ["parentheses", "unclosed parentheses", "lists in a field", "nested tuples", "3,000 layers"]);
    const depth = 3000;
    const packet = {
      parentheses: () => `IP(dst="${host}")/${"(".repeat(depth)}UDP(dport=9)${")".repeat(depth)}`,
      "unclosed parentheses": () => `IP(dst="${host}")/${"(".repeat(depth)}UDP(dport=9)`,
      "lists in a field": () => `IP(dst="${host}", options=${"[".repeat(depth)}1${"]".repeat(depth)})/UDP()`,
      "nested tuples": () => `IP(dst="${host}")/UDP(dport=${"(1, ".repeat(depth)}2${")".repeat(depth)})`,
      "3,000 layers": () => `IP(dst="${host}")/${Array(depth).fill("UDP()").join("/")}`,
    }[kind]();
    const step = pick(rand, ["send", "sr1"]);
    return { text: insertSteps(text, [`{ name: deep packet, host: ${host}, ${step}: { packet: '${packet}' } }`]), how: `${step} packet with ${depth} ${kind}` };
  },
  "many keys"(text, rand) {
    // Keys without values (`{ a, b }`) keep 40,000 keys near 200 KB; the block forms with values are bigger.
    const kind = pick(rand, ["distinct keys in a flow map", "one key repeated", "vars", "vars with values", "hosts"]);
    if (kind === "vars") return { text: `vars: { ${keysOnly()} }\n${text}`, how: `${n40k} vars without values` };
    if (kind === "vars with values") return { text: `${text}\nvars:\n${varLines()}\n`, how: `${n40k} vars` };
    if (kind === "hosts") {
      const hosts = /^ {2}hosts:[ \t]*\r?$/m;
      const text2 = hosts.test(text) ? text.replace(hosts, (m) => `${m}\n${hostLines()}`) : `${text}\nlab:\n  hosts:\n${hostLines()}\n`;
      return { text: text2, how: `${n40k} lab hosts` };
    }
    const r = replaceValue(text, rand, () => `{ ${kind === "one key repeated" ? oneKeyRepeated() : keysOnly()} }`);
    return { text: r.text, how: `${n40k} ${kind} for ${r.where}` };
  },
  "many steps"(text, rand) {
    const kind = pick(rand, ["distinct", "same name", "empty"]);
    const n = kind === "empty" ? 10_000 : pick(rand, [1000, 2000, 5000]); // 10,000 empty steps: 70 KB; 1,000 small ones 40 KB
    const host = someHost(text);
    const step = { distinct: (k) => `{ name: s${k}, host: ${host}, exec: { run: x } }`, "same name": () => `{ name: again, host: ${host}, exec: { run: x } }`, empty: () => "{}" }[kind];
    return { text: insertSteps(text, Array.from({ length: n }, (_, k) => step(k))), how: `${n} more steps (${kind})` };
  },
  "var names of Object"(text, rand) {
    const name = pick(rand, dangerousVarNames);
    if (rand() < 0.3) return { text: `vars: { ${name}: 1, __proto__: { polluted: 1 } }\n${text}`, how: `vars named ${name} and __proto__` };
    const whole = rand() < 0.6;
    const r = replaceValue(text, rand, (old) => (whole ? `"\${${name}}"` : `"${old.replace(/^["']|["']$/g, "")} \${${name}}"`));
    return { text: r.text, how: `\${${name}}${whole ? "" : " inside a string"} for ${r.where}` };
  },
  "links as strings"(text, rand) {
    const links = pick(rand, [
      '["client r1"]', "[client, r1]", '"client r1"', "[[client, r1]]", "[{ client: 198.18.0.1/24 }]",
      "[{ nohost: 198.18.9.1/24, client: 198.18.9.2/24 }]", "[null]", "{ a: b }",
    ]);
    // Replace an existing links block (with its items), or add one to the lab.
    const block = /^( {2})links:.*\r?\n(?:\1\s+.*\r?\n)*/m;
    if (block.test(text)) return { text: text.replace(block, `  links: ${links}\n`), how: `links: ${links} instead of the links` };
    if (/^lab:\s*$/m.test(text)) return { text: text.replace(/^lab:\s*$/m, `lab:\n  links: ${links}`), how: `links: ${links} added to the lab` };
    return { text: `${text}\nlab:\n  hosts: { client: 198.18.0.1/24 }\n  links: ${links}\n`, how: `a lab with links: ${links}` };
  },
  "CRLF line ends"(text, rand) {
    if (rand() < 0.2) return { text: text.replace(/\n/g, "\r"), how: "CR line ends (old Mac)" };
    return { text: text.replace(/\r?\n/g, "\r\n"), how: "CRLF line ends" };
  },
};

/**
 * Valid UTF-8 that YAML or a terminal treats specially: controls, line and paragraph separators, NEL, NBSP,
 * zero-width and right-to-left marks, non-characters, an emoji, and YAML's indicator characters.
 */
const oddCharacters = ["\x01", "\x1b", "\x7f", "\r", "\t", "\x85", "\u2028", "\u2029", "\xa0", "\u200b", "\u202e", "\ufffe", "\uffff", "\u{1f600}", ..."\"':#{}[],&*!|>%@`-?"];

/** Byte-level operators act on the encoded file, after the text ones, so what they break stays broken. */
const byteOperators = {
  "random bytes"(buf, rand) {
    const at = int(rand, buf.length + 1);
    // Raw bytes are mostly invalid UTF-8 and stop at the first check; odd but valid characters go on to the parser.
    const raw = rand() < 0.5;
    const bytes = raw ? Buffer.from(Array.from({ length: 1 + int(rand, 8) }, () => int(rand, 256))) : Buffer.from(Array.from({ length: 1 + int(rand, 4) }, () => pick(rand, oddCharacters)).join(""));
    return { buf: Buffer.concat([buf.subarray(0, at), bytes, buf.subarray(at)]), how: `${bytes.length} random ${raw ? "bytes" : "characters"} (${bytes.toString("hex")}) at byte ${at}` };
  },
  NUL(buf, rand) {
    const at = int(rand, buf.length + 1);
    return { buf: Buffer.concat([buf.subarray(0, at), Buffer.from([0]), buf.subarray(at)]), how: `NUL at byte ${at}` };
  },
  BOM(buf, rand) {
    if (rand() < 0.2) {
      const at = int(rand, buf.length + 1);
      return { buf: Buffer.concat([buf.subarray(0, at), Buffer.from("\ufeff"), buf.subarray(at)]), how: `BOM inside, at byte ${at}` };
    }
    return { buf: Buffer.concat([Buffer.from("\ufeff"), buf]), how: "BOM first" };
  },
};

const operators = [...Object.entries(textOperators).map(([name, apply]) => ({ name, apply })), ...Object.entries(byteOperators).map(([name, apply]) => ({ name, apply, bytes: true }))];

/** Mixes seed and index into one PRNG seed, so any mutant can be rebuilt alone from (seed, i). */
const mutantSeed = (seed, i) => (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;

/** Mutant i of a seed: { name, text (a string, or a Buffer once bytes were mangled), how }. */
export function mutant(seed, i, seeds = loadSeeds()) {
  const rand = prng(mutantSeed(seed, i));
  const base = pick(rand, seeds);
  const chosen = Array.from({ length: 1 + int(rand, 3) }, () => pick(rand, operators));
  const hows = [];
  let text = base.text;
  for (const op of chosen.filter((o) => !o.bytes)) {
    const r = op.apply(text, rand);
    text = r.text;
    hows.push(`${op.name}: ${r.how}`);
  }
  let result = text;
  const byteOps = chosen.filter((o) => o.bytes);
  if (byteOps.length) {
    let buf = Buffer.from(text);
    for (const op of byteOps) {
      const r = op.apply(buf, rand);
      buf = r.buf;
      hows.push(`${op.name}: ${r.how}`);
    }
    result = buf;
  }
  return { name: `${base.name}#${i}`, text: result, how: `${base.name} · ${hows.join(" · ")}` };
}

/** n mutants from one seed, made one at a time (some are megabytes). */
export function* mutants(seed, n) {
  const seeds = loadSeeds();
  for (let i = 0; i < n; i++) yield mutant(seed, i, seeds);
}

// ─── Verdicts ───────────────────────────────────────────────────────────────────────────────────────────────────

const stackLine = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at [^\s]+:\d+:\d+$|node:internal/;
const nodeWarning = /^\(node:\d+\)/;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How many lines a text has, however its lines end (a position past the last one is a bug). */
const lineCount = (text) => (typeof text === "string" ? text : text.toString("utf8")).split(/\r\n|\r|\n/).length;

/**
 * What is wrong with the stderr of a refused file, or undefined: every line must be `<file>:<line>:<col>: message`
 * with a position inside the file; `extraLines` are lines the caller knows to be fine (the CLI's closing line).
 */
function messageProblem(stderr, file, text, extraLines = []) {
  const lines = stderr.split("\n").filter((l) => l !== "" && !extraLines.includes(l));
  const located = new RegExp(`^${escapeRe(file)}:(\\d+):(\\d+): \\S`);
  if (!lines.length) return { kind: "no message", detail: "refused without a `file:line:col: message` line" };
  const maxLine = lineCount(text) + 1;
  for (const l of lines) {
    const m = located.exec(l);
    // A file the scenario brings (a setup file filled in with ${…}) may be where the problem is: its own place.
    const brought = m ? undefined : /^(.+?):(\d+):(\d+): \S/.exec(l);
    // …or a playbook it uses, wirecheck's own ones included.
    const bundledPlaybook = brought && resolve(brought[1]).startsWith(resolve(new URL("../../playbooks", import.meta.url).pathname)) && existsSync(brought[1]);
    const bringsIt = (brought && resolve(brought[1]).startsWith(resolve(dirname(file))) && resolve(brought[1]) !== resolve(file) && existsSync(brought[1])) || bundledPlaybook;
    if (!m && !bringsIt) return { kind: stackLine.test(l) ? "stack trace" : nodeWarning.test(l) ? "node warning" : "message without file:line:col", detail: l.slice(0, 300) };
    const [line, col] = m ? [Number(m[1]), Number(m[2])] : [Number(brought[2]), Number(brought[3])];
    const max = m ? maxLine : lineCount(readFileSync(brought[1], "utf8")) + 1;
    if (line < 1 || col < 1 || line > max) return { kind: "position outside the file", detail: `${l.slice(0, 300)} (the file has ${max - 1} lines)` };
  }
  return undefined;
}

/** A short key that groups failures of one cause: kind, the error's first line without numbers, its first frame. */
function signature(kind, detail) {
  const normal = (s) =>
    s
      .replace(/\S*wirecheck-fuzz-load-[^/\s]*\/[^\s:]*/g, "FILE")
      .replace(/\d+/g, "N")
      .replace(/"[^"]{30,}"|`[^`]{30,}`/g, "STR")
      .slice(0, 160);
  const lines = detail.split("\n");
  const frame = lines.find((l) => /^\s+at .*dist\//.test(l))?.trim().replace(/^at /, "").replace(/\(?file:\/\/.*?dist\//, "").replace(/:\d+\)?$/, "");
  return `${kind}: ${normal(lines[0])}${frame ? ` @ ${frame}` : ""}`;
}

/** When dist/ was last built, as far as a loader process can tell: its native part and its entry point. */
const distBuiltAt = () => ["dist/native/wirecheck_native.node", "dist/commands/load-all.js"].map((f) => (existsSync(join(repoRoot, f)) ? statSync(join(repoRoot, f)).mtimeMs : 0)).join();

// ─── The loader harness: a pool of long-lived loader processes ──────────────────────────────────────────────────

/**
 * Processes that load files with the real loadAll, under the fuzz limits. They are processes, not worker threads:
 * a crash in native code (the loader compiles capture filters with libpcap) took the whole fuzzer down with a
 * worker thread, terminate() sometimes hung it (Node 20, nodejs/node#56312), and a process has the CLI's own stack
 * size and a peak RSS to measure. One that runs over time, out of heap or past the memory limit is killed and
 * replaced; its verdict says so. The pool owns a temp folder where the mutants are written.
 */
export class LoaderPool {
  constructor({ size = 2, ms = limits.ms, heapMb = limits.heapMb } = {}) {
    Object.assign(this, { size, ms, heapMb });
    this.dir = mkdtempSync(join(tmpdir(), "wirecheck-fuzz-load-"));
    // Seeds bring files from scenarios/data; a link keeps those references valid, so mutants reach the planner.
    symlinkSync(join(repoRoot, "scenarios/data"), join(this.dir, "data"));
    this.slots = Array.from({ length: size }, () => ({ child: undefined }));
    this.idle = [...this.slots];
    this.waiting = [];
    this.builtAt = distBuiltAt();
  }

  async #start() {
    const child = fork(fileURLToPath(import.meta.url), [childFlag], {
      execArgv: [`--max-old-space-size=${this.heapMb}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    // What the loader prints comes back in its answers; the real stderr only tells why a process died (V8's OOM).
    child.lastWords = "";
    child.history = []; // what it loaded before: a crash may come from the state an earlier file left
    child.stderr.on("data", (d) => (child.lastWords = (child.lastWords + d).slice(-2000)));
    await new Promise((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code, signal) => reject(new Error(`the loader process did not start (${signal ?? `exit ${code}`}): ${child.lastWords}`)));
    });
    child.removeAllListeners("exit");
    return child;
  }

  async #stop(child) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  async #slot() {
    const free = this.idle.pop();
    if (free) return free;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  #release(slot) {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /**
   * Loads one text (written as `name`): { status: 0 | 2 (undefined when it did not end), ms (of CPU; of wall time
   * when killed), rssMb (the process's peak), failure?: { kind, detail } }.
   */
  async load(text, name = "mutant.yaml") {
    const slot = await this.#slot();
    const file = join(this.dir, name);
    try {
      writeFileSync(file, text);
      slot.child ??= await this.#start();
      const child = slot.child;
      const t0 = performance.now();
      const answer = await new Promise((resolve) => {
        const hangMs = this.ms * limits.hangFactor;
        const timer = setTimeout(() => resolve({ kind: "timeout", detail: `still loading after ${hangMs} ms, killed` }), hangMs);
        const done = (o) => (clearTimeout(timer), child.removeAllListeners("message").removeAllListeners("close"), resolve(o));
        child.once("message", done);
        // "close", not "exit": by then V8's last words (heap out of memory) have been read from its stderr.
        child.once("close", (code, signal) => {
          const oom = /heap out of memory|Reached heap limit/.test(child.lastWords);
          const earlier = `after ${child.history.length} earlier loads in this process (the last: ${child.history.slice(-5).join(", ") || "none"})`;
          const rebuilt = distBuiltAt() !== this.builtAt ? "; dist/ was rebuilt during the run, and a file replaced under a running process crashes it" : "";
          done({ kind: oom ? "out of memory" : "loader process died", detail: `${signal ?? `exit ${code}`}: ${child.lastWords.trim().split("\n").slice(0, 3).join(" ")}\n${earlier}${rebuilt}` });
        });
        child.send({ file });
      });
      child.history.push(name);
      const ms = answer.cpuMs ?? performance.now() - t0;
      const verdict = (status, failure) => ({ status, ms, rssMb: answer.rssMb, failure });
      // The peak RSS of a process only grows: past the limit, start afresh so the next mutant is measured alone.
      if (answer.kind || answer.rssMb > this.heapMb) {
        slot.child = undefined;
        await this.#stop(child);
      }
      if (answer.kind) return verdict(undefined, answer);
      if (answer.crash) return verdict(undefined, { kind: "crash", detail: answer.crash });
      if (answer.cpuMs > this.ms) return verdict(answer.ok ? 0 : 2, { kind: "slow", detail: `${Math.round(answer.cpuMs)} ms of CPU, over ${this.ms} ms` });
      if (answer.rssMb > this.heapMb) return verdict(answer.ok ? 0 : 2, { kind: "memory", detail: `peak RSS ${Math.round(answer.rssMb)} MB, over ${this.heapMb} MB` });
      if (answer.ok) {
        const bad = answer.stderr.split("\n").find((l) => stackLine.test(l) || nodeWarning.test(l));
        return verdict(0, bad ? { kind: "output of a loaded file", detail: bad } : undefined);
      }
      return verdict(2, messageProblem(answer.stderr, file, text));
    } finally {
      rmSync(file, { force: true });
      this.#release(slot);
    }
  }

  async close() {
    await Promise.all(this.slots.map((s) => s.child && this.#stop(s.child)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ─── The CLI sample ──────────────────────────────────────────────────────────────────────────────────────────────

const canMeasureRss = existsSync("/usr/bin/time") && existsSync("/usr/bin/timeout");

/**
 * `wirecheck validate FILE` as a user runs it: exit 0 or 2, no stack trace or Node warning, a located message
 * when refused, under 5 s and (where /usr/bin/time can tell) 200 MB of resident memory.
 */
export function runCli(file, text) {
  const node = [process.execPath, cli, "validate", file];
  const rssFile = `${file}.rss`;
  // timeout(1) kills node itself on a hang; killing /usr/bin/time would leave node running.
  const argv = canMeasureRss ? ["/usr/bin/time", "-f", "%M", "-o", rssFile, "timeout", "-s", "KILL", String(limits.processMs / 1000), ...node] : node;
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { timeout: limits.processMs + 1000, killSignal: "SIGKILL", env: { ...process.env, CI: "1" }, encoding: "utf8", maxBuffer: 64 * MB });
  const ms = performance.now() - t0;
  let rssMb;
  if (canMeasureRss && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop());
    rmSync(rssFile, { force: true });
    if (Number.isFinite(kb)) rssMb = kb / 1024;
  }
  const verdict = (failure) => ({ status: r.status, ms, rssMb, failure });
  const stderr = r.stderr ?? "";
  if (r.error || r.signal || r.status === 124 || r.status === 137 || ms > limits.processMs)
    return verdict({ kind: "cli timeout", detail: `${r.error?.code ?? r.signal ?? `exit ${r.status}`} after ${Math.round(ms)} ms` });
  const bad = stderr.split("\n").find((l) => stackLine.test(l) || nodeWarning.test(l));
  if (bad) return verdict({ kind: nodeWarning.test(bad) ? "cli node warning" : "cli stack trace", detail: stderr.slice(0, 2000) });
  if (r.status !== 0 && r.status !== 2) return verdict({ kind: "cli exit status", detail: `exit ${r.status}: ${stderr.split("\n")[0]}` });
  if (rssMb !== undefined && rssMb > limits.heapMb) return verdict({ kind: "cli memory", detail: `${Math.round(rssMb)} MB resident` });
  // The CLI closes a refusal with a line of its own; every other line must be located.
  const problem = r.status === 2 ? messageProblem(stderr, file, text, ["invalid: nothing was run"]) : undefined;
  return verdict(problem && { ...problem, kind: `cli ${problem.kind}` });
}

// ─── The fuzz run ───────────────────────────────────────────────────────────────────────────────────────────────

/** The first lines of a mutant, control bytes made visible and long lines cut, for a failure report. */
const head = (text, n = 6) =>
  (typeof text === "string" ? text : text.toString("utf8"))
    .replace(/[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .split("\n")
    .slice(0, n)
    .map((l) => (l.length > 120 ? `${l.slice(0, 120)}… (${l.length} chars)` : l))
    .join("\n");

/**
 * Runs `count` mutants of `seed` in the loader pool, and every `processEvery`-th one (or those in `processIndices`)
 * also through the CLI. Failures are grouped by signature; the first `keepPerClass` of each are saved to
 * `saveDir` as <seed>-<i>.yaml (a class can have thousands of members), after the files of an earlier run of the
 * same seed are removed (a fixed bug must not leave its mutant behind). Returns the totals and failures.
 */
export async function fuzzLoad({ seed, count, loaders = 2, processEvery = 200, processIndices, saveDir, keepPerClass = 5, onProgress = () => {} }) {
  const t0 = performance.now();
  const pool = new LoaderPool({ size: loaders });
  const seeds = loadSeeds();
  const totals = { mutants: 0, exit0: 0, exit2: 0, failed: 0, slowest: { ms: 0 }, loaderMaxRssMb: 0, processes: 0, cliMaxRssMb: 0 };
  const sample = processIndices ?? Array.from({ length: Math.ceil(count / processEvery) }, (_, k) => k * processEvery);
  const loaderStatus = new Map(); // of the sampled mutants, to compare with the CLI's exit
  const classes = new Map();
  if (saveDir && existsSync(saveDir)) for (const f of readdirSync(saveDir)) if (f.startsWith(`${seed}-`) && f.endsWith(".yaml")) rmSync(join(saveDir, f));
  const record = (i, m, failure) => {
    totals.failed++;
    const sig = signature(failure.kind, failure.detail);
    const c = classes.get(sig) ?? { signature: sig, kind: failure.kind, count: 0, examples: [] };
    classes.set(sig, c);
    c.count++;
    if (c.examples.length < keepPerClass) {
      let saved;
      if (saveDir) {
        mkdirSync(saveDir, { recursive: true });
        saved = join(saveDir, `${seed}-${i}.yaml`);
        writeFileSync(saved, m.text);
      }
      c.examples.push({ seed, i, how: m.how, detail: failure.detail, head: head(m.text), bytes: Buffer.byteLength(m.text), saved });
    }
  };
  try {
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        const m = mutant(seed, i, seeds);
        const v = await pool.load(m.text, `mutant-${i}.yaml`);
        totals.mutants++;
        if (v.status === 0) totals.exit0++;
        if (v.status === 2) totals.exit2++;
        if (v.ms > totals.slowest.ms) totals.slowest = { ms: v.ms, i, how: m.how };
        totals.loaderMaxRssMb = Math.max(totals.loaderMaxRssMb, v.rssMb ?? 0);
        if (sample.includes(i)) loaderStatus.set(i, v.status);
        if (v.failure) record(i, m, v.failure);
        onProgress(totals);
      }
    };
    await Promise.all(Array.from({ length: loaders }, lane));

    // The CLI sample runs after the pool, so spawnSync cannot hold up the timers of the loaders.
    for (const i of sample.filter((i) => i < count)) {
      const m = mutant(seed, i, seeds);
      const file = join(pool.dir, `cli-${i}.yaml`);
      writeFileSync(file, m.text);
      const v = runCli(file, m.text);
      rmSync(file, { force: true });
      totals.processes++;
      totals.cliMaxRssMb = Math.max(totals.cliMaxRssMb, v.rssMb ?? 0);
      const loaded = loaderStatus.get(i);
      if (v.failure) record(i, m, v.failure);
      else if (loaded !== undefined && loaded !== v.status) record(i, m, { kind: "cli and loader disagree", detail: `the loader says exit ${loaded}, the CLI exits ${v.status}` });
    }
  } finally {
    await pool.close();
  }
  return { seed, ...totals, ms: performance.now() - t0, classes: [...classes.values()].sort((a, b) => b.count - a.count) };
}

/** Saved mutants (or any files) through the same checks, in a loader process and through the CLI. */
export async function replayFiles(paths) {
  const pool = new LoaderPool({ size: 1 });
  const results = [];
  try {
    for (const p of paths) {
      const text = readFileSync(p);
      const loader = await pool.load(text, basename(p));
      const file = join(pool.dir, basename(p));
      writeFileSync(file, text);
      const cli = runCli(file, text);
      rmSync(file, { force: true });
      results.push({ path: p, loader, cli });
    }
  } finally {
    await pool.close();
  }
  return results;
}

// ─── The loader process ─────────────────────────────────────────────────────────────────────────────────────────

if (process.argv.includes(childFlag) && process.send) {
  const { loadAll } = await import(loadAllModule);
  let captured = [];
  // loadAll reports problems on process.stderr; keep them for the verdict instead of printing them.
  process.stderr.write = (chunk, ...rest) => {
    captured.push(String(chunk));
    rest.find((a) => typeof a === "function")?.();
    return true;
  };
  const loadOne = (file) => {
    captured = [];
    const cpu0 = process.cpuUsage();
    const measured = () => {
      const { user, system } = process.cpuUsage(cpu0);
      return { cpuMs: (user + system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, stderr: captured.join("") };
    };
    try {
      const { plans, ok } = loadAll([file]);
      return { ok, plans: plans.length, ...measured() };
    } catch (e) {
      return { crash: String(e?.stack ?? e), ...measured() };
    }
  };
  loadOne(join(repoRoot, "scenarios/echo.yaml")); // the first load pays for loading the validator; mutants must not
  process.on("message", ({ file }) => process.send(loadOne(file)));
  process.on("disconnect", () => process.exit(0)); // the fuzzer is gone: so is its loader
  process.send({ ready: true });
}
