// npm's install step for the package (not for a development checkout, which `npm run build` builds): keeps the
// prebuilt native part when it loads on this machine, else builds it from the sources shipped in the package, else
// says what is missing. Never fails the install: craft and dissect need no native part, and `wirecheck run` repeats
// the message when it needs one.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist/native/wirecheck_native.node");
const say = (text) => process.stderr.write(`wirecheck: ${text}\n`);

// A development checkout has its TypeScript sources: `make build` / `npm run build` builds everything there.
if (existsSync(join(root, "tsconfig.json"))) process.exit(0);

function loads() {
  try {
    createRequire(import.meta.url)(built);
    return true;
  } catch (e) {
    return e;
  }
}

const first = existsSync(built) ? loads() : new Error("not shipped");
if (first === true) process.exit(0);
say(`the prebuilt native part does not load here (${String(first.message ?? first).split("\n")[0]}): building it from its sources`);

const gyp = process.env.npm_config_node_gyp;
const r = gyp
  ? spawnSync(process.execPath, [gyp, "rebuild", "-C", join(root, "src/native"), "--loglevel=warn"], { encoding: "utf8" })
  : spawnSync("npx", ["--no-install", "node-gyp", "rebuild", "-C", join(root, "src/native"), "--loglevel=warn"], { encoding: "utf8" });
const out = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? r.error.message : ""}`;
if (r.status === 0) {
  mkdirSync(dirname(built), { recursive: true });
  const tmp = `${built}.${process.pid}`;
  copyFileSync(join(root, "src/native/build/Release/wirecheck_native.node"), tmp);
  renameSync(tmp, built);
  const again = loads();
  if (again === true) process.exit(0);
  say(`built, but it does not load: ${again.message.split("\n")[0]}`);
} else say(`${missingWhat(out)}\n  (craft and dissect work without it; \`wirecheck run\` needs it)`);
process.exit(0);

/** What the build's output says is missing, and how to get it. */
function missingWhat(log) {
  if (/pcap\.h|lpcap/.test(log)) return "the native part could not be built: libpcap's headers are missing (Debian/Ubuntu: apt-get install libpcap-dev; Fedora: dnf install libpcap-devel), then: npm rebuild wirecheck";
  const tool = /\b(cc|gcc|clang|c\+\+|g\+\+|make|python3?)\b/;
  const gone = /not found|No such file|ENOENT|Could not find/i;
  if (log.split("\n").some((l) => tool.test(l) && gone.test(l)))
    return "the native part could not be built: a C compiler, make and python3 are needed (Debian/Ubuntu: apt-get install build-essential python3), then: npm rebuild wirecheck";
  return `the native part could not be built:\n${log.trim().split("\n").slice(-8).join("\n")}`;
}
