import { readFileSync, statSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { ScenarioError, type Issue } from "./errors.js";
import { checkStructure, limits, tooLarge } from "./structure.js";

export type Path = readonly (string | number)[];

/** The most problems said of one file: past them, a count. */
export const maxIssues = 50;

/** A parsed YAML file that still knows where each of its nodes stands, so any later error can point at line:col. */
export class SourceFile {
  private constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Reads and parses a file; raises ScenarioError for anything that is not YAML text. */
  static read(file: string): SourceFile {
    const fail = (message: string): never => {
      throw new ScenarioError([{ file, line: 1, col: 1, message }]);
    };
    let bytes: Buffer;
    try {
      // A FIFO or a device (/dev/zero) would block or never end: only a regular file is read, and only a small one.
      const st = statSync(file);
      if (!st.isFile()) fail("this is not a regular file (a folder, a FIFO or a device): a scenario is a YAML file");
      if (st.size > limits.bytes) fail(tooLarge(st.size));
      bytes = readFileSync(file);
    } catch (e) {
      if (e instanceof ScenarioError) throw e;
      return fail(`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
    return SourceFile.parse(file, bytes);
  }

  static parse(file: string, bytes: Buffer | string): SourceFile {
    const at = (message: string): never => {
      throw new ScenarioError([{ file, line: 1, col: 1, message }]);
    };
    const buf = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    if (buf.length > limits.bytes) at(tooLarge(buf.length));
    const text = buf.toString("utf8");
    if (buf.includes(0) || !Buffer.from(text, "utf8").equals(buf))
      at("this is not a text file: a scenario is YAML text in UTF-8");
    if (text.replace(/^\s*#.*$/gm, "").trim() === "")
      at("the file is empty: a scenario needs at least `name:` and `steps:`");
    const lines = new LineCounter();
    let doc: Document.Parsed;
    // The parser makes an Error per problem, and a broken file has tens of thousands: without stack traces (which
    // nobody reads here) they cost a tenth.
    const stackLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      // Duplicate keys are found by checkStructure in linear time (the parser's own check is quadratic).
      doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
    } catch (e) {
      if (e instanceof RangeError) at(`the file nests too deeply for a scenario (at most ${limits.depth} levels)`);
      throw e;
    } finally {
      Error.stackTraceLimit = stackLimit;
    }
    const source = new SourceFile(file, doc, lines);
    // A broken file can make the parser report an error per token (tens of thousands): the first ones say it.
    const found = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")];
    // `{ DNS.an[0].rdata: x }`: in a flow map `[` opens a list, and the parser's errors (dozens of them) never say
    // that the key only needed quotes.
    if (found.length) {
      const at = lineAround(text, found[0].pos[0]);
      const indexed = /[{,]\s*([A-Za-z][\w.]*\[\d+\][\w.[\]]*)\s*:/.exec(at.line);
      if (indexed) throw new ScenarioError([{ ...new SourceFile(file, doc, lines).position(at.start + indexed.index + indexed[0].indexOf(indexed[1])), file, message: `inside { … } a key with an index must be quoted: write "${indexed[1]}": … (there, [ would open a list)` }]);
    }
    const issues: Issue[] = found.slice(0, maxIssues).map((e) => {
      if (/call stack/i.test(e.message)) return { ...source.position(e.pos[0]), file, message: `the data nests too deeply for a scenario (at most ${limits.depth} levels)` };
      // The parser notices a missing quote only at the end of the file; the user needs the line that opened it.
      const offset = e.code === "MISSING_CHAR" && /quote/.test(e.message) ? (openingQuote(text, e.pos[0]) ?? e.pos[0]) : e.pos[0];
      const key = e.code === "DUPLICATE_KEY" ? /^[^\s:#,{}[\]]+|^"[^"]*"|^'[^']*'/.exec(text.slice(e.pos[0]))?.[0] : undefined;
      return { ...source.position(offset), file, message: yamlMessage(e.code, e.message, key) };
    });
    if (found.length > maxIssues) issues.push({ file, ...source.position(found[maxIssues].pos[0]), message: `… and ${found.length - maxIssues} more YAML errors after these` });
    if (issues.length) throw new ScenarioError(issues);
    const structural = checkStructure(doc).map((p) => ({ file, ...source.position(p.offset), message: p.message }));
    if (structural.length) throw new ScenarioError(structural);
    return source;
  }

  /** Nodes spliced in from another file (a playbook's steps): where they stand is said in that file. */
  private readonly foreign = new WeakMap<object, { from: SourceFile; note: string; at: { line: number; col: number } }>();

  /**
   * Marks a node taken from another file: issues inside it point there, with a note of where it is used; in this
   * file (JUnit lines) it stands where it is used, `at`.
   */
  adopt(node: Node, from: SourceFile, note: string, at: { line: number; col: number }): void {
    this.foreign.set(node, { from, note, at });
  }

  position(offset: number): { line: number; col: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
  }

  /** Where the value at a path stands in this file (what came from another file: where it is used). */
  locate(path: Path, key = false): { line: number; col: number } {
    const w = this.where(path, key);
    return w.origin ? w.origin.at : { line: w.line, col: w.col };
  }

  /** Where the value at a path stands (or, with key=true, its key), in whichever file it came from; falls back to the nearest existing parent. */
  private where(path: Path, key = false): { line: number; col: number; file: string; note?: string; origin?: { at: { line: number; col: number } } } {
    let node: unknown = this.doc.contents;
    let keyNode: Node | undefined;
    let best: Node | undefined = node as Node;
    let origin: { from: SourceFile; note: string; at: { line: number; col: number } } | undefined;
    let lastRanged: Node | undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
        best = (node as Node) ?? keyNode;
      } else if (isSeq(node) && typeof part === "number") {
        node = node.items[part];
        keyNode = undefined;
        if (!node) break;
        best = node as Node;
      } else break;
      origin = (node && typeof node === "object" ? this.foreign.get(node) : undefined) ?? origin;
      if ((node as Node | undefined)?.range) lastRanged = node as Node;
    }
    const target = key && keyNode ? keyNode : best;
    // A node made in place of a playbook parameter has no position of its own; its nearest written parent does.
    const offset = target?.range?.[0] ?? lastRanged?.range?.[0] ?? 0;
    if (origin) return { ...origin.from.position(offset), file: origin.from.file, note: origin.note, origin };
    return { ...this.position(offset), file: this.file };
  }

  issue(path: Path, message: string, key = false): Issue {
    const { note, line, col, file } = this.where(path, key);
    return { file, line, col, message: note ? `${message} (${note})` : message };
  }

  /** The file's data; aliases are already known to expand within limits (checkStructure), so none is counted again. */
  toJS(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      throw new ScenarioError([{ file: this.file, line: 1, col: 1, message: `YAML: ${(e as Error).message}` }]);
    }
  }
}

/** The quote that is never closed: the first one, outside comments, whose line leaves it open. */
function openingQuote(text: string, before: number): number | undefined {
  let open: { char: string; at: number } | undefined;
  for (let i = 0; i < before && i < text.length; i++) {
    const c = text[i];
    if (open) {
      if (c === "\\" && open.char === '"') i++;
      else if (c === open.char) {
        if (open.char === "'" && text[i + 1] === "'") i++;
        else open = undefined;
      }
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:,[{-]/.test(text[i - 1]))) open = { char: c, at: i };
  }
  return open?.at;
}

/** The line around an offset, and where it starts. */
function lineAround(text: string, offset: number): { line: string; start: number } {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const end = text.indexOf("\n", offset);
  return { line: text.slice(start, end < 0 ? undefined : end), start };
}

function yamlMessage(code: string, message: string, key?: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "DUPLICATE_KEY":
      return `duplicate key${key ? ` \`${key}\`` : ""}: each key may appear only once in a mapping (remove or merge the other one)`;
    case "TAB_AS_INDENT":
      return "a tab is used for indentation: YAML indents with spaces only";
    case "MISSING_CHAR":
    case "BAD_DQ_ESCAPE":
      return `${first} (is a quote left unclosed?)`;
    default:
      return `YAML syntax: ${first}`;
  }
}
