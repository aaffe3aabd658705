// Preloaded (NODE_OPTIONS --import) into every node process the test suite starts while WIRECHECK_RECORD_SCENARIOS
// names a folder: in a `wirecheck run`, each scenario file is copied there with the folder beside it (data files,
// `from:` paths) before the run, and the exit status is added when it ends, so the mutation runner can replay the
// scenarios of the suite that pass. Any other process, or any mistake here, leaves the process untouched.
import { cpSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(new URL("../..", import.meta.url).pathname);
const withValue = new Set(["--junit", "--grep", "--tag", "--var", "--report-root", "--attach"]);
// Folders beside a scenario that are outputs or tools, not inputs; a folder bigger than this is not a test's.
const notInputs = new Set(["node_modules", ".git", "reports", "dist"]);
const maxEntries = 400;

/** The paths and options of `run ARGS` as commander reads them (value options in both `--x v` and `--x=v` forms). */
function parseRun(args) {
  const paths = [];
  const opts = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) {
      paths.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = withValue.has(name) ? (eq > 0 ? a.slice(eq + 1) : args[++i]) : true;
    (opts[name] ??= []).push(value);
  }
  return { paths: paths.length ? paths : ["scenarios/"], opts };
}

function yamlFiles(p, out) {
  const st = statSync(p);
  if (!st.isDirectory()) return out.push(p);
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== "node_modules" && !e.name.startsWith(".")) yamlFiles(join(p, e.name), out);
    else if (e.isFile() && /\.ya?ml$/i.test(e.name)) out.push(join(p, e.name));
  }
}

function countEntries(dir, limit) {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (++n > limit) return;
      if (e.isDirectory() && !notInputs.has(e.name)) walk(join(d, e.name));
    }
  };
  walk(dir);
  return n;
}

function record(out) {
  const [, script, command, ...args] = process.argv;
  if (command !== "run" || !script || realpathSync(script) !== join(root, "dist/cli.js")) return;
  if (args.some((a) => a === "--help" || a === "-h")) return;
  const { paths, opts } = parseRun(args);
  const files = [];
  for (const p of paths) yamlFiles(resolve(p), files);
  const id = `${process.pid}-${Date.now().toString(36)}`;
  const base = { test: process.env.WIRECHECK_RECORD_TEST ?? "", cwd: process.cwd(), args, vars: opts["--var"] ?? [] };
  // What the replay cannot reproduce: an interface of the machine, or a run of only some scenarios of a file.
  const skip = opts["--attach"] ? "needs --attach" : opts["--grep"] || opts["--tag"] ? "runs a selection (--grep/--tag)" : undefined;
  const records = files.map((file, k) => {
    const dir = join(out, `${id}-${k}`);
    const rec = { ...base, file, rel: relative(dirname(file), file), skip, status: null };
    mkdirSync(dir, { recursive: true });
    if (!skip && file.startsWith(join(root, "scenarios") + "/")) rec.skip = "a bundled scenario (mutated on its own)";
    else if (!skip && countEntries(dirname(file), maxEntries) > maxEntries) rec.skip = "its folder is not a test's (too many files)";
    else if (!skip) cpSync(dirname(file), join(dir, "files"), { recursive: true, filter: (src) => !notInputs.has(src.split("/").pop()) });
    writeFileSync(join(dir, "run.json"), JSON.stringify(rec));
    return [dir, rec];
  });
  process.on("exit", (code) => {
    for (const [dir, rec] of records) writeFileSync(join(dir, "run.json"), JSON.stringify({ ...rec, status: code }));
  });
}

const out = process.env.WIRECHECK_RECORD_SCENARIOS;
if (out) {
  try {
    record(resolve(out));
  } catch {
    // Recording is a bystander: a file it cannot read is simply not recorded.
  }
}
