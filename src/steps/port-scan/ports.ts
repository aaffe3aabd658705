// Port lists as nmap's -p takes them ("20-25,80,443", "-1024", "60000-", "-" for all) and as YAML lists of numbers
// and such strings. Shared by the scenario check (load) and the step (run).

export type PortSpec = number | string | readonly (number | string)[];

/** The ports, ranges expanded, in the order written, each once; or a message saying what is wrong with one part. */
export function parsePorts(spec: PortSpec): number[] | string {
  const parts: (number | string)[] = (Array.isArray(spec) ? spec : [spec]).flatMap((p): (number | string)[] => (typeof p === "number" ? [p] : p.split(",")));
  const out = new Set<number>();
  for (const part of parts) {
    if (typeof part === "number") {
      if (!Number.isInteger(part) || part < 1 || part > 65535) return `port ${part} is out of range: ports are 1 to 65535`;
      out.add(part);
      continue;
    }
    const text = part.trim();
    const m = /^(\d{1,5})?(?:(-)(\d{1,5})?)?$/.exec(text);
    if (!text || !m || (m[1] === undefined && m[2] === undefined)) return `\`${part}\` is not a port or a range: write ports like 20-25,80,443 (nmap's -p; -1024 and 60000- are open-ended)`;
    const lo = m[1] !== undefined ? Number(m[1]) : 1;
    const hi = m[2] === undefined ? lo : m[3] !== undefined ? Number(m[3]) : 65535;
    for (const p of [lo, hi]) if (p < 1 || p > 65535) return `port ${p} in \`${text}\` is out of range: ports are 1 to 65535`;
    if (hi < lo) return `the range \`${text}\` is empty: write the lower port first`;
    for (let n = lo; n <= hi; n++) out.add(n);
  }
  if (out.size === 0) return "no ports: give at least one";
  return [...out];
}
