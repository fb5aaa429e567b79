/*
 * Spec 4.6 T2 through zone_key_create (workload hazard-t2-create, current design). The create pass of
 * zone_key_create (zsd_apply_all_zones, lockp = zonehash_lock) waits in zsd_wait_for_inprogress
 * for zsched's create of the same entry; zsched's cv_broadcast makes it runnable, and before it
 * runs again (cv_wait still has to re-take zone_lock) the zone boots, halts, is destroyed and
 * zone_free frees it: nothing in the 2008 code holds the zone for the waiter. The model reports
 * this as T2, as it does for zone_key_delete (hazard-t2): it is the algorithm's hazard, not an
 * artifact of the checker. This schedule (two preemptions) is the one exhaustive exploration
 * finds first; it pins the classification.
 */

import { describe, expect, it } from 'vitest';
import { createEngine, followSchedule, loadWorkload, runSeedDetailed } from '../../src/index.js';

// Thread chosen at each scheduling decision (1 boot, 2 zoneadmd, 3 modload, 4 zsched).
const schedule = [
  2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4,
  4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
];

describe('T2 through zone_key_create (hazard-t2-create, current)', () => {
  it('the woken create-pass waiter re-takes zone_lock of a zone zone_free already freed', () => {
    const w = loadWorkload('hazard-t2-create');
    const events: { kind: string; zone?: number; tid: number }[] = [];
    const d = runSeedDetailed(
      () => {
        const e = createEngine({ workload: w, seed: 1, algorithm: 'current', untimed: true, schedulePolicy: followSchedule(schedule) });
        e.onEvent((ev) => events.push(ev as { kind: string; zone?: number; tid: number }));
        return e;
      },
      0,
      { algorithm: 'current' },
    );
    const f = d.result.findings;
    expect(f).toHaveLength(1);
    expect(f[0]!.hazard).toBe('T2');
    expect(f[0]!.message).toMatch(
      /^T2: modload\[3\] waited in zsd_wait_for_inprogress on \(zone 1, key 2\) from zsd_apply_all_zones, holding no hold on zone 1; zoneadmd\[2\] freed zone 1 \(zone_free\) .*; modload\[3\] then mutex_enter on zone_lock:1$/,
    );
    // The wait was for zsched's create of that entry, which completed long before the free.
    const wait = events.findIndex((e) => e.kind === 'waitInprogress' && e.tid === 3);
    const done = events.findIndex((e, i) => i > wait && e.kind === 'completed' && e.tid === 4 && e.zone === 1);
    const destroyed = events.findIndex((e) => e.kind === 'opEnd' && e.tid === 2 && (e as { op?: string }).op === 'zone_destroy');
    expect(wait).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(wait);
    expect(destroyed).toBeGreaterThan(done);
    // modload does not run between zsched's broadcast and the finding.
    expect(events.slice(done + 1, -1).some((e) => e.tid === 3)).toBe(false);
  });
});
