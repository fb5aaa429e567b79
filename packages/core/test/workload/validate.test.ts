import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinWorkloads, createEngine, loadWorkload, validateWorkload, WorkloadError } from '../../src/index.js';

function errorOf(json: unknown): WorkloadError {
  try {
    validateWorkload(json, 'bad.json');
  } catch (err) {
    if (err instanceof WorkloadError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('workload validation', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['bad boot time', { zones: [{ name: 'a' }, { name: 'b' }, { name: 'c', bootAt: '5 minutes' }] }, 'zones[2].bootAt', /non-negative duration like "5ms"/],
    ['negative count', { zones: [{ name: 'a', count: -3 }] }, 'zones[0].count', /integer from 1/],
    ['unknown field', { keys: [{ name: 'k', craete: true }] }, 'keys[0].craete', /unknown field/],
    ['unknown module key', { keys: [{ name: 'k' }], modules: [{ name: 'm', keys: ['nope'] }] }, 'modules[0].keys[0]', /no key named "nope"/],
    ['bad action', { keys: [{ name: 'k', create: { actions: ['zone_explode'] } }] }, 'keys[0].create.actions[0]', /unknown action "zone_explode"/],
    ['inverted range', { keys: [{ name: 'k', destroy: { duration: ['5ms', '1ms'] } }] }, 'keys[0].destroy.duration', /range like/],
    ['halt before boot', { zones: [{ name: 'z', bootAt: '5ms', haltAt: '1ms' }] }, 'zones[0].haltAt', /earlier than bootAt/],
    ['not an object', [1, 2], '', /must be an object/],
    ['running zone with a create time', { zones: [{ name: 'z', initial: 'running', createAt: '1ms' }] }, 'zones[0].createAt', /must be absent when initial is "running"/],
    ['running zone with a boot time', { zones: [{ name: 'z', initial: 'running', bootAt: '1ms' }] }, 'zones[0].bootAt', /must be absent when initial is "running"/],
    ['unknown initial state', { zones: [{ name: 'z', initial: 'booted' }] }, 'zones[0].initial', /must be "running" \(or absent\)/],
    ['duplicate key', { keys: [{ name: 'k' }, { name: 'k' }] }, 'keys[1].name', /duplicate key name/],
    ['nested create of a non-lazy key', { keys: [{ name: 'a', create: { actions: [{ do: 'zone_key_create', key: 'b' }] } }, { name: 'b' }] }, 'keys[0].create.actions[0].key', /"lazy": true/],
  ];
  for (const [what, json, field, reason] of cases) {
    it(`rejects ${what} naming ${field || 'the root'}`, () => {
      const e = errorOf(json);
      expect(e.code).toBe('E_WORKLOAD');
      expect(e.field).toBe(field);
      expect(e.reason).toMatch(reason);
      expect(e.message).toContain('bad.json');
    });
  }

  it('loads files and reports unreadable or malformed ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsd-wl-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ name: 'mine', keys: [{ name: 'k', create: { duration: '3us' } }], zones: [{ name: 'z', bootAt: '1ms' }] }));
    const w = loadWorkload(good);
    expect(w.name).toBe('mine');
    expect(createEngine({ workload: w }).run().findings).toEqual([]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "zones": [ }');
    expect(() => loadWorkload(bad)).toThrow(/invalid JSON/);
    expect(() => loadWorkload(join(dir, 'missing.json'))).toThrow(/cannot read file: ENOENT/);
    expect(() => loadWorkload('no-such-builtin')).toThrow(WorkloadError);
  });

  it('every built-in validates and runs to completion', () => {
    expect(builtinWorkloads).toEqual(expect.arrayContaining(['illumos', 'boot-storm', 'module-churn', 's1', 's2', 's3', 's4']));
    for (const name of builtinWorkloads) {
      const r = createEngine({ workload: loadWorkload(name, name === 'boot-storm' ? { zones: 5 } : {}), seed: 3 }).run();
      expect(r.findings).toEqual([]);
      expect(r.events).toBeGreaterThan(20);
    }
  });
});
