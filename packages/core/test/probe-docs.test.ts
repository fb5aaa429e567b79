/*
 * docs/probes.md lists every SDT probe the engine declares, with the types it gives them, and
 * says why those types are a modelling choice (DTRACE_PROBE2 drops its type arguments).
 */

import { readFileSync } from 'node:fs';
import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { declareEngineProbes } from '../src/providers/declare.js';
import { FunctionTable } from '../src/providers/functions.js';

const doc = readFileSync(new URL('../../../docs/probes.md', import.meta.url), 'utf8');

/** Probe names the table mentions, with `zsd-x-{a,b}` expanded. */
function documented(): Set<string> {
  const names = new Set<string>();
  for (const m of doc.matchAll(/`(zsd-[a-z-]+?)(?:\{([a-z,]+)\})?`/g)) {
    if (m[2]) for (const part of m[2].split(',')) names.add(`${m[1]}${part}`);
    else names.add(m[1]!);
  }
  return names;
}

describe('docs/probes.md', () => {
  it('documents every sdt probe and its argument types', () => {
    const registry = new ProbeRegistry();
    declareEngineProbes(registry, new FunctionTable());
    const sdt = registry.probes.filter((p) => p.provider === 'sdt');
    expect(sdt.length).toBeGreaterThan(15);
    const names = documented();
    for (const p of sdt) expect(names, p.name).toContain(p.name);
    for (const p of sdt) for (const a of p.args) expect(doc, `${p.name} ${a.type}`).toContain(`\`${a.type}\``);
  });

  it('says the types are a modelling choice and why', () => {
    expect(doc).toMatch(/modelling choice/);
    expect(doc).toMatch(/DTRACE_PROBE2[^\n]*\n?[^\n]*type arguments/);
    expect(doc).toContain('sdt_args[]');
    expect(doc).toContain('voidn *');
  });
});
