import { readFileSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { ScenarioError, type Issue } from "./errors.js";

export type Path = readonly (string | number)[];

/** A parsed YAML file that still knows where each of its nodes stands, so any later error can point at line:col. */
export class SourceFile {
  private constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Reads and parses a file; raises ScenarioError for anything that is not YAML text. */
  static read(file: string): SourceFile {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new ScenarioError([{ file, line: 1, col: 1, message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? e}` }]);
    }
    return SourceFile.parse(file, bytes);
  }

  static parse(file: string, bytes: Buffer | string): SourceFile {
    const at = (message: string): never => {
      throw new ScenarioError([{ file, line: 1, col: 1, message }]);
    };
    const buf = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    const text = buf.toString("utf8");
    if (buf.includes(0) || !Buffer.from(text, "utf8").equals(buf))
      at("this is not a text file: a scenario is YAML text in UTF-8");
    if (text.replace(/^\s*#.*$/gm, "").trim() === "")
      at("the file is empty: a scenario needs at least `name:` and `steps:`");
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
    const source = new SourceFile(file, doc, lines);
    const issues: Issue[] = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")].map((e) => {
      // The parser notices a missing quote only at the end of the file; the user needs the line that opened it.
      const offset = e.code === "MISSING_CHAR" && /quote/.test(e.message) ? (openingQuote(text, e.pos[0]) ?? e.pos[0]) : e.pos[0];
      const key = e.code === "DUPLICATE_KEY" ? /^[^\s:#,{}[\]]+|^"[^"]*"|^'[^']*'/.exec(text.slice(e.pos[0]))?.[0] : undefined;
      return { ...source.position(offset), file, message: yamlMessage(e.code, e.message, key) };
    });
    if (issues.length) throw new ScenarioError(issues);
    return source;
  }

  position(offset: number): { line: number; col: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
  }

  /** Where the value at a path stands (or, with key=true, its key); falls back to the nearest existing parent. */
  locate(path: Path, key = false): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    let keyNode: Node | undefined;
    let best: Node | undefined = node as Node;
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
    }
    const target = key && keyNode ? keyNode : best;
    return this.position(target?.range?.[0] ?? 0);
  }


  issue(path: Path, message: string, key = false): Issue {
    return { file: this.file, ...this.locate(path, key), message };
  }

  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
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
