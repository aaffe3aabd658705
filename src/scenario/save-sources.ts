// `save:` on steps other than packet steps: var name → what to keep from the step's result. A source is a name the
// step offers ("status", "stdout", "header.content-type", "json.items[0].id"), or {regex, from?}: the regex's first
// group (or its whole match) in that source's text. Checked at load against the step's sources; filled on a pass.

export type SaveSpec = Record<string, string | { regex: string; from?: string }>;

/** A step's sources: a name with a reader, or a prefix ("header.", "json.") whose reader takes the rest. */
export interface SaveSources {
  names: readonly string[];
  prefixes?: readonly string[];
  /** The source a {regex} reads when it names none. */
  text: string;
}

export function saveSourceProblem(spec: SaveSpec[string], sources: SaveSources): string | undefined {
  const source = typeof spec === "string" ? spec : (spec.from ?? sources.text);
  if (sources.names.includes(source) || sources.prefixes?.some((p) => source.startsWith(p) && source.length > p.length)) return undefined;
  const all = [...sources.names, ...(sources.prefixes ?? []).map((p) => `${p}…`)];
  return `\`${source}\` is not something this step can save: it offers ${all.join(", ")}`;
}

/** What each kind of step can save. */
export const saveSources: Partial<Record<string, SaveSources>> = {
  http: { names: ["status", "body"], prefixes: ["header.", "json."], text: "body" },
  exec: { names: ["stdout", "stderr", "exit"], text: "stdout" },
  tcp: { names: ["data"], text: "data" },
  udp: { names: ["data"], text: "data" },
};
