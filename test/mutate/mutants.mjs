// Mutation testing of expectations: every expected value of a scenario, changed one at a time, must make its step
// fail or be refused when the file loads. A mutant that passes is an expectation that cannot fail.
// Shared by `npm run mutate` (every bundled scenario; with --suite, every passing scenario of the test suite too) and
// the test suite (a sample).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { readJUnit } from "../../dist/report/junit-read.js";

const root = resolve(new URL("../..", import.meta.url).pathname);
export const cli = join(root, "dist/cli.js");

// Keys under an expectation whose values switch a check off or only set how long to look: changing them need not fail.
const notExpectations = new Set(["timeout", "expect_none", "expect_close", "every", "for", "interval"]);
const ops = { "<": ">=", "<=": ">", ">": "<=", ">=": "<", "!=": "==" };

/** The mutations of one expected value, each with a description; `key` is the key it stands under. */
function mutationsOf(v, key) {
  if (key === "hex" && typeof v === "string") {
    const h = v.replace(/[\s:]/g, "");
    const flipped = h.slice(0, -1) + ((parseInt(h.slice(-1), 16) ^ 1).toString(16));
    return [[flipped, `hex ${h} → ${flipped}`]];
  }
  if (typeof v === "boolean") return [[!v, `${v} → ${!v}`]];
  if (typeof v === "number") return [[v === 0 ? 1 : v + 1, `${v} → ${v === 0 ? 1 : v + 1}`]];
  if (typeof v !== "string" || v.includes("${")) return [];
  const out = [];
  const cmp = /^\s*(<=|>=|!=|<|>)\s*(.+)$/.exec(v);
  if (cmp) {
    // Inverted; "!= x" becomes "x" itself.
    const inv = cmp[1] === "!=" ? cmp[2] : `${ops[cmp[1]]} ${cmp[2]}`;
    out.push([inv, `"${v}" → "${inv}" (comparison inverted)`]);
    return out;
  }
  const ip4 = /^(\d+\.\d+\.\d+\.)(\d+)$/.exec(v);
  if (ip4) {
    const last = (Number(ip4[2]) + 1) % 255;
    out.push([`${ip4[1]}${last}`, `${v} → ${ip4[1]}${last} (address altered)`]);
    return out;
  }
  if (/^[0-9a-f:]+$/i.test(v) && v.includes("::")) return [[v.replace(/([0-9a-f]*)$/i, (h) => (parseInt(h || "0", 16) + 1).toString(16)), `${v} → next address`]];
  if (/^[FSRPAUECN]+$/.test(v) && v.length <= 4) {
    const other = v === "R" ? "RA" : v.includes("R") ? v.replace("R", "") || "S" : `${v}R`;
    return [[other, `flags ${v} → ${other}`]];
  }
  if (/^\d+$/.test(v)) return [[String(Number(v) + 1), `${v} → ${Number(v) + 1}`]];
  if (/^\d+%$/.test(v)) return [[`${Number(v.slice(0, -1)) + 50}%`, `${v} → ${Number(v.slice(0, -1)) + 50}%`]];
  return [[`${v}Z`, `"${v}" → "${v}Z" (text altered)`]];
}

/**
 * Every mutant of a scenario file: for each scalar under an `expect` (and each list under one: an element dropped),
 * the file with that one change, and where it is (the step's name, to find its testcase in the report).
 */
export function mutantsOf(file) {
  const text = readFileSync(file, "utf8");
  const out = [];
  const base = parseDocument(text);
  const walk = (node, path, inExpect, testcase) => {
    // Under none: a forbidden value changed to another is still absent, so that proves nothing. What can be proved is
    // that the path reaches something: the value becomes {regex: ""}, which matches whatever the path finds.
    // If that survives, its twin tells why: `any:` the same path must then fail too, or the path found values the
    // regex did not match (a true survivor). A none: on a layer the capture never holds is an absence, not a hole.
    if (path.at(-2) === "none" && !isSeq(node)) {
      out.push({
        path,
        testcase,
        how: `${path.join(".")}: any value forbidden (the path must find something)`,
        change: (doc) => doc.setIn(path, doc.createNode({ regex: "" })),
        twin: (doc) => {
          const expect = doc.getIn(path.slice(0, -2));
          expect.delete("none");
          expect.set("any", doc.createNode({ [path.at(-1)]: { regex: "" } }));
        },
      });
      return;
    }
    if (isMap(node)) {
      const name = node.get("name");
      const here = typeof name === "string" && (path.length === 2 && (path[0] === "steps" || path[0] === "sniffers")) ? name : testcase;
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const k = String(pair.key.value);
        if (inExpect && notExpectations.has(k)) continue;
        walk(pair.value, [...path, k], inExpect || k === "expect" || k === "expect_error", here);
      }
    } else if (isSeq(node)) {
      if (inExpect && node.items.length > 1 && node.items.every(isScalar))
        out.push({ path, testcase, how: `${path.join(".")}: last element dropped`, change: (doc) => doc.getIn(path).items.pop() });
      node.items.forEach((item, i) => walk(item, [...path, i], inExpect, testcase));
    } else if (isScalar(node) && inExpect && path.at(-1) !== "name") {
      if (path.at(-1) === "expect_error") {
        const other = node.value === "refused" ? "timeout" : "refused";
        out.push({ path, testcase, how: `expect_error ${node.value} → ${other}`, change: (doc) => doc.setIn(path, other) });
        return;
      }
      for (const [value, how] of mutationsOf(node.value, path.at(-1))) out.push({ path, testcase, how: `${path.join(".")}: ${how}`, change: (doc) => doc.setIn(path, value) });
    }
  };
  walk(base.contents, [], false, undefined);
  out.push(...withMutations(file, base), ...matrixMutations(base));
  return out.map((m, i) => {
    const doc = parseDocument(text);
    m.change(doc);
    let twin;
    if (m.twin) {
      const t = parseDocument(text);
      m.twin(t);
      twin = t.toString();
    }
    return { file, index: i, testcase: m.testcase, how: m.how, text: doc.toString(), twin };
  });
}

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const lists = ["setup", "servers", "steps", "sniffers"];

/** Every `uses:` item of a scenario (its lists and its sniffs' while:), with its path. */
function usesItems(doc) {
  const found = [];
  const visitList = (seq, path) => {
    if (!isSeq(seq)) return;
    seq.items.forEach((item, i) => {
      if (!isMap(item)) return;
      if (item.has("uses")) found.push({ path: [...path, i], item });
      else visitList(item.getIn(["sniff", "while"], true), [...path, i, "sniff", "while"]);
    });
  };
  for (const l of lists) visitList(doc.get(l, true), [l]);
  return found;
}

/**
 * The parameters of a playbook that only its expectations use (step names aside): changing one changes what is
 * expected and nothing that is done, so the playbook's step must then fail. Each with its declared default.
 */
function expectationParams(playbook) {
  const doc = parseDocument(readFileSync(playbook, "utf8"));
  const inside = new Set();
  const outside = new Set();
  const walk = (node, inExpect, key) => {
    if (isMap(node)) for (const pair of node.items) walk(pair.value, inExpect || ["expect", "expect_error"].includes(String(pair.key?.value)), String(pair.key?.value));
    else if (isSeq(node)) for (const x of node.items) walk(x, inExpect, key);
    else if (isScalar(node) && typeof node.value === "string" && key !== "name")
      for (const m of node.value.matchAll(reference)) (inExpect && !notExpectations.has(key) ? inside : outside).add(m[1]);
  };
  for (const l of lists) walk(doc.get(l, true), false, l);
  const params = doc.get("params", true);
  const out = new Map();
  if (isMap(params))
    for (const pair of params.items) {
      const k = String(pair.key?.value);
      if (inside.has(k) && !outside.has(k)) out.set(k, isMap(pair.value) && pair.value.has("default") ? pair.value.toJSON().default : undefined);
    }
  return out;
}

/** Where a `uses:` name leads: beside the scenario, else wirecheck's own playbooks/ (as the loader looks). */
function playbookFile(file, name) {
  const here = resolve(dirname(file), name);
  return existsSync(here) ? here : existsSync(join(root, name)) ? join(root, name) : undefined;
}

/**
 * Mutants of the values a scenario gives playbooks that drive their expectations (`with: { open: [80] }` where the
 * playbook expects `open: "${open}"`): each value changed as an expectation would be, a list's last element dropped;
 * a parameter left to its default gets a changed default. Judged on the whole scenario: the playbook's steps are named
 * with the values, and the original passes.
 */
function withMutations(file, doc) {
  const out = [];
  for (const { path, item } of usesItems(doc)) {
    const name = item.get("uses");
    const pb = typeof name === "string" ? playbookFile(file, name) : undefined;
    if (!pb) continue;
    for (const [param, fallback] of expectationParams(pb)) {
      const at = [...path, "with", param];
      const given = doc.getIn(at, true);
      const where = `${path.join(".")} (${name}) with.${param}`;
      const set = (value) => (d) => {
        if (!isMap(d.getIn([...path, "with"]))) d.setIn([...path, "with"], d.createNode({}));
        d.setIn(at, d.createNode(value));
      };
      if (isSeq(given)) {
        const values = given.toJSON();
        if (values.length > 1) out.push({ path: at, how: `${where}: last element dropped`, change: set(values.slice(0, -1)) });
        values.forEach((v, j) => {
          for (const [value, how] of mutationsOf(v, param)) out.push({ path: at, how: `${where}[${j}]: ${how}`, change: set(values.map((x, n) => (n === j ? value : x))) });
        });
      } else {
        const v = isScalar(given) ? given.value : fallback;
        const whose = given === undefined ? " (its default)" : "";
        for (const [value, how] of mutationsOf(v, param)) out.push({ path: at, how: `${where}${whose}: ${how}`, change: set(value) });
      }
    }
  }
  return out;
}

/**
 * Mutants of matrix values where an expectation takes one (`expect: { size: "${size}" }`): for each value, the matrix
 * cut down to that value and the expectation given it changed, so each variant's expectation must bite on its own.
 */
function matrixMutations(doc) {
  const matrix = doc.get("matrix", true);
  if (!isMap(matrix)) return [];
  const keys = new Map(matrix.items.filter((p) => isSeq(p.value)).map((p) => [String(p.key?.value), p.value.toJSON()]));
  const out = [];
  const walk = (node, path, inExpect, testcase) => {
    if (isMap(node)) {
      const name = node.get("name");
      const here = typeof name === "string" && path.length === 2 && (path[0] === "steps" || path[0] === "sniffers") ? name : testcase;
      for (const pair of node.items) {
        const k = String(pair.key?.value);
        if (inExpect && notExpectations.has(k)) continue;
        walk(pair.value, [...path, k], inExpect || k === "expect" || k === "expect_error", here);
      }
    } else if (isSeq(node)) node.items.forEach((x, i) => walk(x, [...path, i], inExpect, testcase));
    else if (isScalar(node) && inExpect && typeof node.value === "string" && path.at(-1) !== "name") {
      const used = [...new Set([...node.value.matchAll(reference)].map((m) => m[1]))].filter((k) => keys.has(k));
      const only = (k, v, value) => (d) => (d.setIn(["matrix", k], d.createNode([v])), d.setIn(path, value));
      for (const k of used)
        for (const v of keys.get(k)) {
          const filled = node.value.replaceAll(`\${${k}}`, String(v));
          // A name on its own (`"${size}"`) takes the value's type back.
          const literal = node.value === `\${${k}}` ? v : filled;
          for (const [value, how] of mutationsOf(literal, path.at(-1)))
            out.push({ path, testcase: testcase?.replaceAll(`\${${k}}`, String(v)), how: `${path.join(".")} with ${k}=${v}: ${how}`, change: only(k, v, value) });
        }
      // A family's addresses (${lab.HOST.ip}) in an expectation: each variant expecting another family's form.
      if (keys.has("family") && /\$\{lab\.[^}]*\.ip\}/.test(node.value))
        for (const v of keys.get("family")) {
          const wrong = String(v) === "4" ? "::ffff:${lab.$1.ip4}" : "${lab.$1.ip4}";
          const value = node.value.replace(/\$\{lab\.([^}]*)\.ip\}/g, wrong);
          out.push({ path, testcase, how: `${path.join(".")} with family=${v}: the address in another family's form (${value})`, change: only("family", v, value) });
        }
    }
  };
  walk(doc.contents, [], false, undefined);
  return out;
}

/**
 * Runs mutants, a batch of scenarios in one wirecheck process, and judges each: killed (its step failed or errored),
 * refused (exit 2 at load), absent (a none: on a layer the capture never holds), or survived.
 */
export async function runMutants(mutants, { batch = 12 } = {}) {
  const results = await runBatches(mutants, batch);
  // A none: mutant that survived: if its any: twin fails, the capture holds no such layer at all (as the none says).
  const twins = results.filter((r) => r.verdict === "survived" && r.twin).map((r) => ({ ...r, text: r.twin, twin: undefined }));
  for (const t of await runBatches(twins, batch)) {
    const r = results.find((x) => x.file === t.file && x.index === t.index);
    if (t.verdict === "killed") Object.assign(r, { verdict: "absent", why: "the capture holds no packet with this field, as none: asserts (its any: twin fails)" });
  }
  return results;
}

/** A wirecheck command, without blocking the event loop (the test runner's worker must stay responsive). */
function cliRun(args, cwd, timeoutMs = 600_000) {
  return new Promise((resolve) => {
    // Mutants are not the suite's scenarios: a suite being recorded must not record them.
    const { WIRECHECK_RECORD_SCENARIOS: _, ...env } = process.env;
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (status) => (clearTimeout(timer), resolve({ status, stdout, stderr })));
  });
}

/**
 * Where a mutant runs: the files it needs beside it ([from, to] pairs, `to` relative to its folder), its path there,
 * and the run's extra arguments (--var). A bundled scenario needs scenarios/data; a recorded one, its own folder.
 */
function placeOf(m) {
  return { beside: m.beside ?? [[join(root, "scenarios/data"), "data"]], rel: m.rel ?? basename(m.file), args: m.args ?? [] };
}

async function runBatches(mutants, batch) {
  const results = [];
  // One run per batch, so a batch shares its arguments.
  const groups = new Map();
  for (const m of mutants) {
    const key = JSON.stringify(placeOf(m).args);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [argsKey, ofArgs] of groups) {
    const args = JSON.parse(argsKey);
    for (let i = 0; i < ofArgs.length; i += batch) {
      const group = ofArgs.slice(i, i + batch);
      // Each mutant in a folder of its own, with what its original had beside it, so paths resolve as they did.
      const dir = mkdtempSync(join(tmpdir(), "wc-mutants-"));
      try {
        const names = group.map((m, k) => {
          const { beside, rel } = placeOf(m);
          const sub = `m${i + k}`;
          for (const [from, to] of beside) cpSync(from, join(dir, sub, to), { recursive: true });
          mkdirSync(dirname(join(dir, sub, rel)), { recursive: true });
          writeFileSync(join(dir, sub, rel), m.text);
          return join(sub, rel);
        });
        // Refused at load: validate each on its own (one refusal must not hide the others' runs).
        const runnable = [];
        // validate takes --var only (an --attach is for run).
        const varArgs = args.filter((a, j) => a === "--var" || args[j - 1] === "--var");
        const checked = await Promise.all(group.map((m, k) => cliRun(["validate", names[k], ...varArgs], dir, 60_000)));
        group.forEach((m, k) => {
          if (checked[k].status === 2) results.push({ ...m, verdict: "refused", why: checked[k].stderr.split("\n")[0] });
          else runnable.push([m, names[k]]);
        });
        if (runnable.length === 0) continue;
        // Alone when the batch wrote no report (one mutant broke the run for all): each still gets its verdict.
        const runs = [];
        const r = await cliRun(["run", ...runnable.map(([, n]) => n), ...args, "--report-root", ".", "--junit", "j.xml"], dir);
        if (existsSync(join(dir, "j.xml"))) runs.push({ r, xml: readFileSync(join(dir, "j.xml"), "utf8"), of: runnable });
        else
          for (const one of runnable) {
            rmSync(join(dir, "j.xml"), { force: true });
            const r1 = await cliRun(["run", one[1], ...args, "--report-root", ".", "--junit", "j.xml"], dir);
            if (existsSync(join(dir, "j.xml"))) runs.push({ r: r1, xml: readFileSync(join(dir, "j.xml"), "utf8"), of: [one] });
            else results.push({ ...one[0], verdict: "no report", why: `exit ${r1.status}: ${(r1.stderr || r1.stdout).trim().split("\n").pop()}` });
          }
        for (const { r, xml, of } of runs) {
          const suites = readJUnit(xml).suites;
          for (const [m, n] of of) {
            const classname = n.replace(/\.ya?ml$/i, "").split("/").filter((x) => x !== "." && x !== "").join(".");
            // A file with a matrix: is one suite per variant, its classname the file's with the values in brackets.
            const cases = suites.flatMap((su) => su.cases).filter((c) => c.attrs.classname === classname || c.attrs.classname?.startsWith(`${classname}[`));
            const targets = cases.filter((c) => m.testcase !== undefined && c.attrs.name === m.testcase);
            const bad = (c) => c.outcome === "failed" || c.outcome === "error";
            const killed = targets.length ? targets.some(bad) : cases.some(bad);
            results.push({ ...m, verdict: killed ? "killed" : "survived", why: killed ? "" : `exit ${r.status}: ${m.testcase ?? "the scenario"} still passed` });
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return results;
}

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function bundledScenarios() {
  return readdirSync(join(root, "scenarios"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(root, "scenarios", f));
}

/** The recorded scenarios that pass here too, as they are (a scenario that needed outside state fails when replayed). */
export async function passingOnReplay(scenarios) {
  const runs = await runBatches(scenarios.map((s, index) => ({ ...s, index, text: readFileSync(s.file, "utf8") })), 12);
  return { passing: runs.filter((r) => r.verdict === "survived").map((r) => scenarios[r.index]), failing: runs.filter((r) => r.verdict !== "survived") };
}
