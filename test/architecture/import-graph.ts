/*
 * The import graph of packages/*\/src, read from the sources (static imports, re-exports and
 * dynamic import() with a literal specifier; `import type` included, since a cycle of types is
 * still a cycle of modules a reader has to hold in mind). Workspace package names resolve to
 * their `source` entry points. Used by the architecture tests.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Workspace specifiers and the source files they stand for. */
const PACKAGE_ENTRIES: Readonly<Record<string, string>> = {
  '@zsdtrace/probes': 'packages/probes/src/index.ts',
  '@zsdtrace/probes/provider': 'packages/probes/src/provider/index.ts',
  '@zsdtrace/core': 'packages/core/src/index.ts',
  '@zsdtrace/cli': 'packages/cli/src/index.ts',
};

export interface ImportEdge {
  /** The imported file, relative to the repository root (or the bare specifier if external). */
  readonly to: string;
  readonly specifier: string;
  readonly names: readonly string[];
}

export type ImportGraph = ReadonlyMap<string, readonly ImportEdge[]>;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpecifier(from: string, spec: string): string {
  if (spec in PACKAGE_ENTRIES) return PACKAGE_ENTRIES[spec]!;
  if (!spec.startsWith('.')) return spec;
  const abs = resolve(dirname(join(root, from)), spec);
  for (const cand of [abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx'), `${abs}.ts`, join(abs, 'index.ts')]) {
    try {
      if (statSync(cand).isFile()) return relative(root, cand);
    } catch {
      /* try the next candidate */
    }
  }
  return relative(root, abs);
}

function namesOf(clause: string | undefined): string[] {
  if (!clause) return [];
  const m = /\{([^}]*)\}/.exec(clause);
  if (!m) return [];
  return m[1]!
    .split(',')
    .map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim())
    .filter(Boolean);
}

/** Every source file of packages/*\/src with the files it imports. */
export function importGraph(): ImportGraph {
  const files: string[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    try {
      if (statSync(src).isDirectory()) walk(src, files);
    } catch {
      /* a package without sources */
    }
  }
  const graph = new Map<string, ImportEdge[]>();
  for (const abs of files.sort()) {
    const file = relative(root, abs);
    const text = readFileSync(abs, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const edges: ImportEdge[] = [];
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[2] ?? m[3] ?? m[4]!;
      edges.push({ to: resolveSpecifier(file, spec), specifier: spec, names: namesOf(m[1]) });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself), sorted. */
export function importCycles(graph: ImportGraph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const e of graph.get(v) ?? []) {
      if (!graph.has(e.to)) continue;
      if (!idx.has(e.to)) {
        strong(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (on.has(e.to)) low.set(v, Math.min(low.get(v)!, idx.get(e.to)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      const self = (graph.get(v) ?? []).some((e) => e.to === v);
      if (scc.length > 1 || self) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
