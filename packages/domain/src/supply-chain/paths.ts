import type { LegEnds } from "./lane-rules.ts";

/**
 * A directed graph in compressed sparse row form: node `i`'s successors are `targets[offsets[i] .. offsets[i+1])`,
 * its predecessors `sources[inOffsets[i] .. inOffsets[i+1])`. Parallel edges (the same hop on several lanes) are
 * stored once; successors are sorted by key so that searches answer in a stable order.
 */
export interface AdjacencyIndex {
  keys: readonly string[];
  ids: ReadonlyMap<string, number>;
  offsets: Int32Array;
  targets: Int32Array;
  inOffsets: Int32Array;
  sources: Int32Array;
}

function toCsr(n: number, pairs: Int32Array, count: number, byFirst: boolean): { offsets: Int32Array; list: Int32Array } {
  const keyAt = byFirst ? 0 : 1;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    const a = (pairs[2 * e + keyAt] as number) + 1;
    offsets[a] = (offsets[a] as number) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const list = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const a = pairs[2 * e + keyAt] as number;
    const at = fill[a] as number;
    list[at] = pairs[2 * e + 1 - keyAt] as number;
    fill[a] = at + 1;
  }
  return { offsets, list };
}

/** Index edges (e.g. lane legs) for path searches. O(E log E). */
export function buildAdjacency(edges: Iterable<LegEnds>): AdjacencyIndex {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      ids.set(key, id);
      keys.push(key);
    }
    return id;
  };
  const seen = new Set<string>();
  const list: number[] = [];
  for (const e of edges) {
    if (e.from === e.to) continue;
    const a = idOf(e.from);
    const b = idOf(e.to);
    const pair = `${a},${b}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    list.push(a, b);
  }
  const count = list.length / 2;
  // Sort edges by (source, target key) so every successor list comes out in key order.
  const order = Array.from({ length: count }, (_, e) => e);
  order.sort((x, y) => {
    const sx = list[2 * x] as number;
    const sy = list[2 * y] as number;
    if (sx !== sy) return sx - sy;
    const kx = keys[list[2 * x + 1] as number] as string;
    const ky = keys[list[2 * y + 1] as number] as string;
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  });
  const pairs = new Int32Array(count * 2);
  order.forEach((e, k) => {
    pairs[2 * k] = list[2 * e] as number;
    pairs[2 * k + 1] = list[2 * e + 1] as number;
  });
  const out = toCsr(keys.length, pairs, count, true);
  const inn = toCsr(keys.length, pairs, count, false);
  return { keys, ids, offsets: out.offsets, targets: out.list, inOffsets: inn.offsets, sources: inn.list };
}

/** Options of {@link allPaths}. */
export interface PathOptions {
  /** Stop after this many paths (default 1,000). */
  maxPaths?: number;
  /** Longest path, in edges (default 64). */
  maxDepth?: number;
  /** Work budget in DFS steps (default 2,000,000), so a dense graph cannot hold a request for long. */
  maxSteps?: number;
}

/** Paths found, shortest first; `truncated` when a limit stopped the search before every path was found. */
export interface PathResult {
  paths: string[][];
  truncated: boolean;
}

/** Nodes from which `to` can be reached (reverse breadth-first search). */
function reaching(graph: AdjacencyIndex, to: number): Uint8Array {
  const mark = new Uint8Array(graph.keys.length);
  const queue = new Int32Array(graph.keys.length);
  let head = 0;
  let tail = 0;
  mark[to] = 1;
  queue[tail++] = to;
  while (head < tail) {
    const v = queue[head++] as number;
    for (let k = graph.inOffsets[v] as number; k < (graph.inOffsets[v + 1] as number); k++) {
      const u = graph.sources[k] as number;
      if (!mark[u]) {
        mark[u] = 1;
        queue[tail++] = u;
      }
    }
  }
  return mark;
}

/**
 * Every simple path (no node twice) from `from` to `to`, by an iterative depth-first search that only enters
 * nodes from which `to` is still reachable, so dead ends are never explored. Paths are sorted by length, then by
 * their keys. A path from a node to itself has no legs and is not reported.
 */
export function allPaths(graph: AdjacencyIndex, from: string, to: string, options: PathOptions = {}): PathResult {
  const maxPaths = options.maxPaths ?? 1000;
  const maxDepth = options.maxDepth ?? 64;
  const maxSteps = options.maxSteps ?? 2_000_000;
  const s = graph.ids.get(from);
  const t = graph.ids.get(to);
  if (s === undefined || t === undefined || s === t || maxPaths < 1 || maxDepth < 1) return { paths: [], truncated: false };
  const useful = reaching(graph, t);
  if (!useful[s]) return { paths: [], truncated: false };
  const onPath = new Uint8Array(graph.keys.length);
  const path = new Int32Array(maxDepth + 1);
  const cursor = new Int32Array(maxDepth + 1);
  const found: number[][] = [];
  let truncated = false;
  let steps = 0;
  let depth = 0;
  path[0] = s;
  cursor[0] = graph.offsets[s] as number;
  onPath[s] = 1;
  while (depth >= 0) {
    if (++steps > maxSteps) {
      truncated = true;
      break;
    }
    const u = path[depth] as number;
    if ((cursor[depth] as number) >= (graph.offsets[u + 1] as number)) {
      onPath[u] = 0;
      depth--;
      continue;
    }
    const c = cursor[depth] as number;
    cursor[depth] = c + 1;
    const v = graph.targets[c] as number;
    if (onPath[v] || !useful[v]) continue;
    if (v === t) {
      // One path past the cap tells "there are more" apart from "exactly maxPaths".
      if (found.length === maxPaths) {
        truncated = true;
        break;
      }
      const p = Array.from(path.subarray(0, depth + 1));
      p.push(t);
      found.push(p);
      continue;
    }
    if (depth + 1 >= maxDepth) continue;
    depth++;
    path[depth] = v;
    cursor[depth] = graph.offsets[v] as number;
    onPath[v] = 1;
  }
  const paths = found.map((p) => p.map((i) => graph.keys[i] as string));
  paths.sort((a, b) => a.length - b.length || compareKeyLists(a, b));
  return { paths, truncated };
}

function compareKeyLists(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
