/*
 * ProbeRegistry.match: the indexed lookups (exact four-field names, exact provider) must give
 * the same probes, in the same id order, as matching every probe against the globs.
 */

import { describe, expect, it } from 'vitest';
import { ProbeRegistry } from '../../src/provider/registry.js';
import { matchProbe, parseProbeDescription } from '../../src/provider/description.js';

function registry(): ProbeRegistry {
  const r = new ProbeRegistry();
  r.declare('io', 'disk', 'read', 'start', []);
  r.declare('net', 'tcp', 'send', 'start', []);
  r.declare('io', 'disk', 'write', 'start', []);
  r.declare('io', 'disk', 'read', 'done', []);
  r.declare('net', 'tcp', 'recv', 'done', []);
  r.declare('io', 'a:b', 'c', 'd', []);
  r.declare('io', 'a', 'b:c', 'd', []);
  return r;
}

const ids = (r: ProbeRegistry, text: string): number[] => r.match(parseProbeDescription(text)!).map((p) => p.id);
const scan = (r: ProbeRegistry, text: string): number[] => {
  const d = parseProbeDescription(text)!;
  return r.probes.filter((p) => matchProbe(d, p)).map((p) => p.id);
};

describe('ProbeRegistry.match', () => {
  const cases = ['io:disk:read:start', 'io:::start', 'io::read:', 'net:tcp::', 'io:disk:*:start', '*:::start', 'start', ':::done', 'i?:disk:read:done', 'io:disk:read:nope', 'zz:::start', 'dtrace:::BEGIN'];
  for (const text of cases) {
    it(`matches ${text} as a full scan does`, () => {
      const r = registry();
      expect(ids(r, text)).toEqual(scan(r, text));
    });
  }

  it('finds one probe by its four exact names', () => {
    const r = registry();
    const p = r.lookup('io', 'disk', 'write', 'start')!;
    expect(ids(r, 'io:disk:write:start')).toEqual([p.id]);
  });

  it('keeps id order for an exact provider', () => {
    const r = registry();
    const got = ids(r, 'io:::start');
    expect(got).toEqual([...got].sort((a, b) => a - b));
    expect(got).toHaveLength(2);
  });

  it('finds probes declared after an earlier match', () => {
    const r = registry();
    expect(ids(r, 'late:::x')).toEqual([]);
    const p = r.declare('late', 'm', 'f', 'x', []);
    expect(ids(r, 'late:::x')).toEqual([p.id]);
    expect(ids(r, 'late:m:f:x')).toEqual([p.id]);
  });

  it('still asks an on-demand factory about exact names it lacks', () => {
    const r = new ProbeRegistry();
    r.addFactory('od', (d, reg) => (d.name === 'tick' ? reg.declare('od', '', '', 'tick', []) : null));
    expect(r.match(parseProbeDescription('od:::tick')!).map((p) => p.name)).toEqual(['tick']);
    expect(r.match(parseProbeDescription('od:::tock')!)).toEqual([]);
  });
});
