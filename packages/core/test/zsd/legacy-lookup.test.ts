/*
 * The legacy zone_zsd_callbacks looks each key's entry up holding only zsd_key_lock (spec 5.1,
 * G08p zone.c:750-816): with destroy callbacks that take no lock at all, the old design has no
 * deadlock against a concurrent zone_key_create, whatever the schedule.
 */

import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { workload } from '../helpers.js';

const lockFree = workload({
  name: 'lock-free-destroy',
  description: 's2 with a destroy callback that takes no lock',
  keys: [
    { name: 'quiet_a', destroy: { duration: '300us' } },
    { name: 'quiet_b', destroy: { duration: '10us' } },
    { name: 'nfs_key', module: 'nfs', create: { duration: '20us' } },
  ],
  modules: [{ name: 'nfs', keys: ['nfs_key'], loadAt: ['1150us', '1250us'] }],
  zones: [{ name: 'z', createAt: '0ms', bootAt: '300us', haltAt: '1ms' }],
});

describe('legacy zone_zsd_callbacks lookup', () => {
  it('never deadlocks when the destroy callback takes no lock (20 seeds)', () => {
    const kinds: string[] = [];
    let callbacks = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const e = createEngine({ workload: lockFree, seed, algorithm: 'legacy' });
      const r = e.run();
      kinds.push(...r.findings.map((f) => f.kind));
      callbacks += e.stats().callbacks;
    }
    expect(kinds.filter((k) => k === 'deadlock')).toEqual([]);
    expect(kinds).toEqual([]);
    expect(callbacks).toBeGreaterThan(20);
  });
});
