/**
 * ${name} of values saved by earlier steps (`save:`), filled into a step just before it runs: in its packet, its
 * expectations, its command, anywhere. A string that is exactly one reference takes the value's own type (and
 * "${seq}+1" is that number plus one). The
 * steps a sniff runs meanwhile (`while`) are filled when they run, since one may save what the next one uses.
 */
export function fillSaved<T>(value: T, saved: ReadonlyMap<string, string | number>, names: readonly string[]): T {
  if (names.length === 0) return value;
  const reference = /\$\{([^}]*)\}/g;
  const valueOf = (name: string): string | number | undefined => {
    if (!names.includes(name)) return undefined;
    const v = saved.get(name);
    if (v === undefined) throw new Error(`\${${name}} has no value yet: the step that saves it did not run or did not pass`);
    return v;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const whole = /^\$\{([^}]*)\}$/.exec(v);
      if (whole) return valueOf(whole[1]) ?? v;
      // "${seq}+1" as a whole value: the number, as in a packet expression.
      const sum = /^\$\{([^}]*)\}((?:\s*[+-]\s*\d+)+)$/.exec(v);
      const base = sum ? valueOf(sum[1]) : undefined;
      if (typeof base === "number") return [...sum![2].matchAll(/([+-])\s*(\d+)/g)].reduce((n, [, op, d]) => (op === "+" ? n + Number(d) : n - Number(d)), base);
      return v.replace(reference, (m, name: string) => String(valueOf(name) ?? m));
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "while" ? x : walk(x)]));
    return v;
  };
  return walk(value) as T;
}
