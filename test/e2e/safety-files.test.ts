// Safety (black box): what a run writes and removes stays inside reports/, whatever the scenario file is called and
// whatever paths it names. Every run happens in a throwaway folder (never the repository), nested a few levels
// deep so that even a run that removes "the folder above" only ever reaches our own temp tree.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { cli } from "./helpers.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/**
 * A throwaway tree: T/outer/parent/cwd, with cwd/reports/ and a sentinel file in cwd, in parent and in reports/.
 * The CLI runs with cwd as its working folder.
 */
function sandbox() {
  const top = mkdtempSync(join(tmpdir(), "wc-safety-files-"));
  temps.push(top);
  const parent = join(top, "outer", "parent");
  const cwd = join(parent, "cwd");
  const reports = join(cwd, "reports");
  mkdirSync(reports, { recursive: true });
  const sentinels = [join(cwd, "sentinel-cwd.txt"), join(parent, "sentinel-parent.txt"), join(reports, "earlier-report.xml")];
  for (const s of sentinels) writeFileSync(s, `keep ${s}\n`);
  return { top, parent, cwd, reports, sentinels, junit: join(top, "junit.xml") };
}

function run(cwd: string, args: string[], timeoutMs = 30_000) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: timeoutMs });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stderr: r.stderr };
}

function expectSentinelsIntact(sentinels: string[]) {
  for (const s of sentinels) {
    expect(existsSync(s), `${s} must survive the run`).toBe(true);
    expect(readFileSync(s, "utf8")).toBe(`keep ${s}\n`);
  }
}

/** Every file called `name` under dir (recursively). */
function findAll(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.split(sep).pop() === name).map((p) => join(dir, p));
}

/** True when `inner` is a folder strictly inside `outer` (not outer itself), symlinks resolved. */
function strictlyInside(inner: string, outer: string): boolean {
  const rel = relative(realpathSync(outer), realpathSync(inner));
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep);
}

/** A lab-less scenario whose one step writes `tag` into $WIRECHECK_WORK/<file>, so the work folder can be found. */
const marking = (file: string, tag = "x") => `name: marks its work folder ${tag}
steps:
  - name: note the work folder
    exec: { run: 'echo "$WIRECHECK_WORK" > "$WIRECHECK_WORK/${file}"' }
`;

/** 1-based line of the first line containing needle. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("item 1: the work folder is a new folder strictly inside reports/, whatever the file is called", () => {
  it("`run ./...yaml` keeps the current folder and its parent, and works in a folder inside reports/", () => {
    const sb = sandbox();
    writeFileSync(join(sb.cwd, "...yaml"), marking("where.txt"));
    const r = run(sb.cwd, ["run", "./...yaml", "--junit", sb.junit]);
    expectSentinelsIntact(sb.sentinels);
    expect(r.code, r.out).toBe(0);
    const marks = findAll(sb.top, "where.txt");
    expect(marks.length, `where.txt files: ${marks}`).toBe(1);
    expect(strictlyInside(dirname(marks[0]), sb.reports), `work folder ${dirname(marks[0])} inside ${sb.reports}`).toBe(true);
  });

  it("`run ../...yaml` from a sub-folder keeps that folder and the one above", () => {
    const sb = sandbox();
    // the scenario sits in parent/, the run starts in parent/cwd/
    writeFileSync(join(sb.parent, "...yaml"), marking("where.txt"));
    const r = run(sb.cwd, ["run", "../...yaml", "--junit", sb.junit]);
    expectSentinelsIntact(sb.sentinels);
    expect(existsSync(join(sb.parent, "...yaml")), "the scenario file itself survives").toBe(true);
    expect(r.code, r.out).toBe(0);
    const marks = findAll(sb.top, "where.txt");
    expect(marks.length, `where.txt files: ${marks}`).toBe(1);
    expect(strictlyInside(dirname(marks[0]), sb.reports), `work folder ${dirname(marks[0])} inside ${sb.reports}`).toBe(true);
  });

  for (const name of ["..yaml", ".yaml"]) {
    it(`\`run ./${name}\` keeps what reports/ already holds and works in a folder strictly inside it`, () => {
      const sb = sandbox();
      writeFileSync(join(sb.cwd, name), marking("where.txt"));
      const r = run(sb.cwd, ["run", `./${name}`, "--junit", sb.junit]);
      expectSentinelsIntact(sb.sentinels);
      expect(r.code, r.out).toBe(0);
      const marks = findAll(sb.top, "where.txt");
      expect(marks.length, `where.txt files: ${marks}`).toBe(1);
      expect(strictlyInside(dirname(marks[0]), sb.reports), `work folder ${dirname(marks[0])} strictly inside ${sb.reports}`).toBe(true);
    });
  }
});

describe("item 2: every path a scenario produces stays inside its work folder, or load refuses it", () => {
  /** A sink server saving to `saveTo`, fed by one client step; optional steps before the client's. */
  const sinkScenario = (saveTo: string, before = "") => `name: a sink that saves
lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
servers:
  - name: sink
    host: server
    tcp:
      port: 6000
      save_to: ${saveTo}
steps:
${before}  - name: client sends
    host: client
    tcp: { connect: "server:6000", send: "OVERWRITTEN" }
`;

  /** The victim: four levels above the work folder reports/<name>/ is T/outer; its tmp/escape.txt. */
  function victim(sb: ReturnType<typeof sandbox>) {
    const file = join(sb.top, "outer", "tmp", "escape.txt");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, "precious\n");
    return file;
  }

  it("save_to: ../../../../tmp/escape.txt neither writes nor truncates outside the work folder", () => {
    const sb = sandbox();
    const target = victim(sb);
    const text = sinkScenario("../../../../tmp/escape.txt");
    const file = join(sb.cwd, "escape.yaml");
    writeFileSync(file, text);
    const v = run(sb.cwd, ["validate", "escape.yaml"]);
    const r = run(sb.cwd, ["run", "escape.yaml", "--junit", sb.junit]);
    expect(readFileSync(target, "utf8"), `run output:\n${r.out}`).toBe("precious\n");
    expectSentinelsIntact(sb.sentinels);
    expect(r.out).not.toContain("    at ");
    // refused at load: reported where save_to is, by validate and run alike
    const at = `escape.yaml:${lineOf(text, "save_to:")}:`;
    if (v.code === 2 || r.code === 2) {
      expect(v.code, v.out).toBe(2);
      expect(r.code, r.out).toBe(2);
      expect(v.stderr).toContain(at);
      expect(r.stderr).toContain(at);
    }
  });

  it("save_to through a symlink the run made in its work folder does not write outside it", () => {
    const sb = sandbox();
    const target = victim(sb);
    const link = `  - name: a command links out of the work folder
    host: server
    exec: { run: 'ln -s ${dirname(target)} "$WIRECHECK_WORK/out"' }
`;
    writeFileSync(join(sb.cwd, "link.yaml"), sinkScenario("out/escape.txt", link));
    const r = run(sb.cwd, ["run", "link.yaml", "--junit", sb.junit]);
    expect(readFileSync(target, "utf8"), `run output:\n${r.out}`).toBe("precious\n");
    expect(readdirSync(dirname(target))).toEqual(["escape.txt"]);
    expectSentinelsIntact(sb.sentinels);
    expect(r.out).not.toContain("    at ");
  });
});

describe("item 3: two scenario files never share a work folder", () => {
  it("x/y.yaml and x.y.yaml in one run each keep their own files", () => {
    const sb = sandbox();
    mkdirSync(join(sb.cwd, "x"));
    writeFileSync(join(sb.cwd, "x", "y.yaml"), marking("first.txt", "x/y"));
    writeFileSync(join(sb.cwd, "x.y.yaml"), marking("second.txt", "x.y"));
    const r = run(sb.cwd, ["run", "x/y.yaml", "x.y.yaml", "--junit", sb.junit]);
    expect(r.code, r.out).toBe(0);
    const first = findAll(sb.reports, "first.txt");
    const second = findAll(sb.reports, "second.txt");
    expect(first.length, "x/y.yaml's file is still in its work folder").toBe(1);
    expect(second.length, "x.y.yaml's file is in its work folder").toBe(1);
    expect(dirname(first[0])).not.toBe(dirname(second[0]));
    for (const f of [...first, ...second]) expect(strictlyInside(dirname(f), sb.reports)).toBe(true);
    expectSentinelsIntact(sb.sentinels);
  });
});
