import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";

/**
 * What a scenario file may be, at most. No real scenario comes near: the largest bundled one is a few KB with a
 * nesting depth under 10. They keep a hostile file (billion laughs, 40,000-level nesting, 10 MB of steps) from
 * taking the loader's time or memory; each is said in the error that meets it.
 */
export const limits = {
  bytes: 64 * 1024,
  depth: 64,
  /** Values in the file once every alias is expanded. */
  nodes: 100_000,
  steps: 5_000,
};

export function tooLarge(size: number): string {
  return `the file is ${Math.ceil(size / 1024).toLocaleString("en")} KiB: a scenario file is at most ${limits.bytes / 1024} KiB (bring large data as a file the scenario names)`;
}

interface Problem {
  offset: number;
  message: string;
}

/**
 * One pass over the parsed document, without recursion (a deep file must not overflow the stack here): nesting
 * depth, aliases that have no anchor before them or sit inside the node they name, the size of the data once aliases
 * are expanded (counted with each anchor's size remembered, so a fan-out costs nothing to measure), duplicate keys,
 * and merge keys (`<<`, YAML 1.1) that merge something other than mappings.
 */
export function checkStructure(doc: Document.Parsed): Problem[] {
  const problems: Problem[] = [];
  const at = (n: Node | undefined) => n?.range?.[0] ?? 0;
  const merges = doc.directives?.yaml.version === "1.1";
  const anchors = new Map<string, Node>();
  const size = new Map<Node, number>();
  const open = new Set<Node>();
  type Frame = { node: Node; depth: number; children?: Node[]; next: number; total: number };
  const root = doc.contents as Node | null;
  if (!root) return problems;
  const stack: Frame[] = [{ node: root, depth: 1, next: 0, total: 1 }];
  let tooDeep = false;
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.children === undefined) {
      // Entering the node.
      const anchor = (f.node as { anchor?: string }).anchor;
      if (anchor) anchors.set(anchor, f.node);
      open.add(f.node);
      f.children = [];
      if (isMap(f.node)) {
        const seen = new Set<string>();
        for (const pair of f.node.items) {
          if (!isPair(pair)) continue;
          const key = pair.key as Node | null;
          if (isScalar(key)) {
            const k = typeof key.value === "symbol" ? "<<" : String(key.value);
            if (seen.has(k)) problems.push({ offset: at(key), message: `duplicate key \`${k}\`: each key may appear only once in a mapping (remove or merge the other one)` });
            seen.add(k);
            if (merges && k === "<<" && !mergeable(pair.value as Node | null, anchors))
              problems.push({ offset: at(key), message: "a merge key `<<` takes a mapping, an alias of one, or a list of those" });
          }
          if (key) f.children.push(key);
          if (pair.value) f.children.push(pair.value as Node);
        }
      } else if (isSeq(f.node)) for (const item of f.node.items) if (item) f.children.push(item as Node);
      if (isCollection(f.node) && f.depth > limits.depth && !tooDeep) {
        tooDeep = true;
        problems.push({ offset: at(f.node), message: `the data nests deeper than ${limits.depth} levels, the most a scenario may` });
      }
    }
    if (tooDeep) break;
    if (f.next < f.children.length) {
      const child = f.children[f.next++];
      if (isAlias(child)) {
        const target = anchors.get(child.source);
        if (!target) {
          problems.push({ offset: at(child), message: `alias \`*${child.source}\` has no anchor \`&${child.source}\` before it` });
          continue;
        }
        if (open.has(target)) {
          problems.push({ offset: at(child), message: `alias \`*${child.source}\` is inside the node it names: that would repeat forever` });
          continue;
        }
        f.total += size.get(target) ?? 1;
      } else stack.push({ node: child, depth: f.depth + 1, next: 0, total: 1 });
      continue;
    }
    // Leaving the node.
    stack.pop();
    open.delete(f.node);
    size.set(f.node, f.total);
    if (stack.length) stack[stack.length - 1].total += f.total;
    if (f.total > limits.nodes) {
      problems.push({ offset: at(f.node), message: `aliases expand this file to more than ${limits.nodes.toLocaleString("en")} values, the most a scenario may hold` });
      break;
    }
  }
  return problems;
}

function mergeable(v: Node | null, anchors: Map<string, Node>): boolean {
  const isMapping = (n: unknown): boolean => isMap(n) || (isAlias(n) && isMap(anchors.get(n.source)));
  return isMapping(v) || (isSeq(v) && v.items.every(isMapping));
}
