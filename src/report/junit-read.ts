// Reads JUnit files (ours, from shards or a previous run) far enough to merge them, rerun what failed, and take
// durations: the suites as raw text with their attributes, and each testcase's outcome. A small scanner that knows
// CDATA, comments and quoted attributes, so a server's bytes that spell `</testsuite>` inside CDATA are just text.

export type Outcome = "passed" | "failed" | "error" | "skipped";

export interface ReadCase {
  attrs: Record<string, string>;
  outcome: Outcome;
}

export interface ReadSuite {
  attrs: Record<string, string>;
  properties: Record<string, string>;
  cases: ReadCase[];
  /** The element as written, `<testsuite …>…</testsuite>`. */
  raw: string;
}

export interface ReadReport {
  attrs: Record<string, string>;
  suites: ReadSuite[];
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(v: string): string {
  return v.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m),
  );
}

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = decode(m[3] ?? m[4]);
  return out;
}

/** Where a tag that starts at `i` ends (after its `>`), minding quotes. */
function tagEnd(xml: string, i: number): number {
  let q = "";
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml[j];
    if (q) {
      if (c === q) q = "";
    } else if (c === '"' || c === "'") q = c;
    else if (c === ">") return j + 1;
  }
  throw new Error("a tag is not closed");
}

export function readJUnit(xml: string): ReadReport {
  const report: ReadReport = { attrs: {}, suites: [] };
  const stack: string[] = [];
  let suite: ReadSuite | undefined;
  let suiteStart = 0;
  let kase: ReadCase | undefined;
  for (let i = xml.indexOf("<"); i !== -1 && i < xml.length; i = xml.indexOf("<", i)) {
    if (xml.startsWith("<![CDATA[", i)) {
      const e = xml.indexOf("]]>", i);
      if (e < 0) throw new Error("a CDATA section is not closed");
      i = e + 3;
      continue;
    }
    if (xml.startsWith("<!--", i) || xml.startsWith("<?", i) || xml.startsWith("<!", i)) {
      const close = xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<?", i) ? "?>" : ">";
      const e = xml.indexOf(close, i);
      if (e < 0) throw new Error("a comment or declaration is not closed");
      i = e + close.length;
      continue;
    }
    const end = tagEnd(xml, i);
    const tag = xml.slice(i, end);
    if (tag[1] === "/") {
      const name = tag.slice(2, -1).trim();
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open`);
      if (name === "testcase") kase = undefined;
      if (name === "testsuite" && suite) {
        suite.raw = xml.slice(suiteStart, end);
        report.suites.push(suite);
        suite = undefined;
      }
    } else {
      const name = /^<([\w:.-]+)/.exec(tag)?.[1] ?? "";
      const attrs = attributesOf(tag.slice(name.length + 1));
      const parent = stack.at(-1);
      if (name === "testsuites" && stack.length === 0) report.attrs = attrs;
      if (name === "testsuite") {
        suite = { attrs, properties: {}, cases: [], raw: "" };
        suiteStart = i;
      }
      if (name === "property" && suite && parent === "properties" && stack.at(-2) === "testsuite") suite.properties[attrs.name ?? ""] = attrs.value ?? "";
      if (name === "testcase" && suite) suite.cases.push((kase = { attrs, outcome: "passed" }));
      if (kase && parent === "testcase" && (name === "failure" || name === "error" || name === "skipped")) {
        // An error outweighs a failure, either a skip.
        const rank = { passed: 0, skipped: 1, failed: 2, error: 3 } as const;
        const o: Outcome = name === "failure" ? "failed" : name;
        if (rank[o] > rank[kase.outcome]) kase.outcome = o;
      }
      if (tag.endsWith("/>")) {
        if (name === "testcase") kase = undefined;
        if (name === "testsuite" && suite) {
          suite.raw = tag;
          report.suites.push(suite);
          suite = undefined;
        }
      } else stack.push(name);
    }
    i = end;
  }
  if (stack.length) throw new Error(`<${stack.at(-1)}> is not closed`);
  return report;
}
