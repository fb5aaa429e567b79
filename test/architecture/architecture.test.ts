/*
 * Architecture tests: the shape of packages/*\/src that the README's layout table and the
 * roadmap comments describe, checked on the import graph (import-graph.ts).
 *
 * - no import cycle anywhere (a cycle can only be listed below while it is being removed);
 * - the compiler (lang/, codegen/) reaches neither the runtime nor the consumer, and they never
 *   reach it; program/ (the contract between them) reaches none of them;
 * - the CLI reaches the compiler and the runtime only through the tracing handle: it imports
 *   @zsdtrace/probes by its package name, never a name the package exports from lang/ or
 *   runtime/.
 */

import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, type ImportEdge } from './import-graph.js';

const graph = importGraph();
const P = 'packages/probes/src/';

/*
 * Cycles known and being removed in packages/core (issue 9, item 6). Each entry is one cycle's
 * files joined by ' + ', sorted. Remove an entry when its cycle is gone (the test says so); never
 * add one outside core.
 */
const KNOWN_CYCLES: readonly string[] = [];

function edges(filter: (file: string) => boolean): [string, ImportEdge][] {
  return [...graph].filter(([f]) => filter(f)).flatMap(([f, es]) => es.map((e): [string, ImportEdge] => [f, e]));
}

describe('architecture', () => {
  it('reads the sources of every package', () => {
    for (const pkg of ['probes', 'core', 'cli']) expect([...graph.keys()].some((f) => f.startsWith(`packages/${pkg}/src/`)), pkg).toBe(true);
  });

  it('has no import cycle in packages/*/src beyond the listed ones', () => {
    const found = importCycles(graph).map((c) => c.join(' + '));
    expect(found.filter((c) => !KNOWN_CYCLES.includes(c))).toEqual([]);
  });

  it('lists only cycles that still exist, all of them in core', () => {
    const found = importCycles(graph).map((c) => c.join(' + '));
    for (const c of KNOWN_CYCLES) {
      expect(found, `${c} is gone: remove it from KNOWN_CYCLES`).toContain(c);
      expect(c.split(' + ').every((f) => f.startsWith('packages/core/src/'))).toBe(true);
    }
  });

  it('keeps the compiler (lang/, codegen/) away from the runtime and the consumer', () => {
    const bad = edges((f) => f.startsWith(`${P}lang/`) || f.startsWith(`${P}codegen/`))
      .filter(([, e]) => e.to.startsWith(`${P}runtime/`) || e.to.startsWith(`${P}consumer/`))
      .map(([f, e]) => `${f} -> ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('keeps program/, the contract, free of the compiler, the runtime and the consumer', () => {
    const bad = edges((f) => f.startsWith(`${P}program/`))
      .filter(([, e]) => ['lang/', 'codegen/', 'runtime/', 'consumer/', 'handle/'].some((d) => e.to.startsWith(`${P}${d}`)))
      .map(([f, e]) => `${f} -> ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('keeps the runtime and the consumer away from the compiler', () => {
    const bad = edges((f) => f.startsWith(`${P}runtime/`) || f.startsWith(`${P}consumer/`))
      .filter(([, e]) => e.to.startsWith(`${P}lang/`) || e.to.startsWith(`${P}codegen/`))
      .map(([f, e]) => `${f} -> ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('lets the CLI reach the compiler and the runtime only through the handle', () => {
    // Names @zsdtrace/probes exports from its compiler and runtime folders.
    const internal = new Set(
      (graph.get(`${P}index.ts`) ?? [])
        .filter((e) => e.to.startsWith(`${P}lang/`) || e.to.startsWith(`${P}runtime/`))
        .flatMap((e) => e.names),
    );
    expect(internal.has('compile')).toBe(true);
    expect(internal.has('createRuntime')).toBe(true);
    const cli = edges((f) => f.startsWith('packages/cli/src/'));
    const deep = cli.filter(([, e]) => e.to.startsWith(P) && !e.specifier.startsWith('@zsdtrace/')).map(([f, e]) => `${f} -> ${e.specifier}`);
    expect(deep).toEqual([]);
    const past = cli
      .filter(([, e]) => e.specifier.startsWith('@zsdtrace/probes'))
      .flatMap(([f, e]) => e.names.filter((n) => internal.has(n)).map((n) => `${f} imports ${n}`));
    expect(past).toEqual([]);
  });
});
