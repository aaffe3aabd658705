/** One problem found in a scenario file, with the place a user has to look. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  message: string;
}

/**
 * One line, whatever the file holds: control characters the message quotes from the file (a newline in a host name)
 * are escaped, and a message quoting a huge value is cut, so every problem is one `file:line:col: message` line.
 */
export function formatIssue(i: Issue): string {
  const oneLine = i.message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  const text = oneLine.length > 1000 ? `${oneLine.slice(0, 1000)}… (${oneLine.length - 1000} more characters)` : oneLine;
  return `${i.file}:${i.line}:${i.col}: ${text}`;
}

/** Raised by load/validate: the file cannot run. Carries every issue found, not just the first. */
export class ScenarioError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ScenarioError";
  }
}
