/** One problem found in a scenario file, with the place a user has to look. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatIssue(i: Issue): string {
  return `${i.file}:${i.line}:${i.col}: ${i.message}`;
}

/** Raised by load/validate: the file cannot run. Carries every issue found, not just the first. */
export class ScenarioError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ScenarioError";
  }
}
