import { existsSync, readFileSync, statSync } from "node:fs";
import { writeFileAtomically } from "../util/atomic-write.js";
import { dirname, join } from "node:path";
import { readJUnit, type ReadSuite } from "../report/junit-read.js";
import { readPageData, type PageScenario } from "../report/html/page-data.js";
import { writeHtml } from "../report/html/page.js";

/**
 * wirecheck merge: the shards' JUnit reports as one, its suites in the order of a single run (their wirecheck.order
 * property), its counts added up; and, from each shard's index.json, one page. Exit 2 when an input cannot be read
 * or two inputs hold the same scenario.
 */
export function mergeCommand(inputs: string[], o: { junit: string; html: string }): number {
  const suites: { suite: ReadSuite; at: number }[] = [];
  const pages: PageScenario[] = [];
  let time = 0;
  let strict = true;
  const problems: string[] = [];
  let missingPages = 0;
  inputs.forEach((input, n) => {
    const folder = existsSync(input) && statSync(input).isDirectory();
    const xmlPath = folder ? join(input, "junit.xml") : input;
    try {
      const report = readJUnit(readFileSync(xmlPath, "utf8"));
      time += Number(report.attrs.time ?? 0);
      if (report.attrs.skipped !== undefined) strict = false;
      report.suites.forEach((suite, i) => suites.push({ suite, at: Number(suite.properties["wirecheck.order"] ?? n * 1e6 + i) }));
    } catch (e) {
      problems.push(`${xmlPath}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not a JUnit report wirecheck can read (${(e as Error).message})`}`);
      return;
    }
    const pagePath = join(folder ? input : dirname(input), "index.json");
    if (existsSync(pagePath)) {
      try {
        pages.push(...readPageData(pagePath));
      } catch (e) {
        problems.push(`${pagePath}: ${(e as Error).message}`);
      }
    } else missingPages++;
  });
  const seen = new Map<string, number>();
  for (const { suite } of suites) {
    const key = suite.cases[0]?.attrs.classname ?? suite.attrs.name;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [k, count] of seen) if (count > 1) problems.push(`scenario ${k} is in ${count} of the reports: shards of one run never share a scenario (were two reports of the same shard given?)`);
  if (problems.length) {
    process.stderr.write(`${problems.join("\n")}\nnothing was written\n`);
    return 2;
  }
  suites.sort((a, b) => a.at - b.at);
  const sum = (k: string) => suites.reduce((n, s) => n + Number(s.suite.attrs[k] ?? 0), 0);
  const root = `<testsuites time="${time.toFixed(3)}" name="wirecheck" tests="${sum("tests")}" failures="${sum("failures")}" errors="${sum("errors")}"${strict ? "" : ` skipped="${sum("skipped")}"`}>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n${suites.map((s) => `  ${s.suite.raw}`).join("\n")}\n</testsuites>\n`;
  writeFileAtomically(o.junit, xml);
  process.stdout.write(`${inputs.length} report(s), ${suites.length} scenario(s), ${sum("tests")} testcase(s): ${sum("failures")} failed, ${sum("errors")} errors, ${sum("skipped")} skipped\nJUnit report: ${o.junit}\n`);
  if (missingPages === 0 && pages.length) {
    pages.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    process.stdout.write(`HTML report: ${writeHtml(o.html, pages)}\n`);
  } else if (missingPages) process.stdout.write(`no page: ${missingPages} of the reports have no index.json beside them\n`);
  return 0;
}
