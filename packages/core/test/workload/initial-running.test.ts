/*
 * `initial: "running"` (docs/workloads.md): sched creates and boots the zone before the cycle's
 * other threads exist, so under every schedule of the untimed model (where times do not order
 * anything) the zone is RUNNING before the module's zone_key_create begins. s2 relies on it to be
 * spec 5.3's S2 (zone_destroy racing the module load, never the zone's creation).
 */

import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload, type TraceEvent } from '../../src/index.js';
import { ZoneStatus } from '../../src/zone/zone.js';

function events(workload: string, seed: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const e = createEngine({ workload: loadWorkload(workload), seed, algorithm: 'current', untimed: true, policy: 'random' });
  e.onEvent((ev) => out.push(ev));
  e.run();
  return out;
}

const firstModuleKeyCreate = (ev: readonly TraceEvent[]): number =>
  ev.findIndex((e) => e.kind === 'opBegin' && e.op === 'zone_key_create' && e.tid !== 1);
const running = (ev: readonly TraceEvent[]): number => ev.findIndex((e) => e.kind === 'status' && e.to === ZoneStatus.RUNNING);

describe('zones that start running', () => {
  it('s2: the zone is RUNNING before nfs registers its key, whatever the schedule', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const ev = events('s2', seed);
      expect(running(ev)).toBeGreaterThanOrEqual(0);
      expect(firstModuleKeyCreate(ev)).toBeGreaterThan(running(ev));
    }
  });

  it('hazard-t2-create (the zone created by zoneadmd) lets the module register first in some schedule', () => {
    const early = Array.from({ length: 40 }, (_, i) => events('hazard-t2-create', i + 1)).filter((ev) => {
      const r = running(ev);
      return r < 0 || firstModuleKeyCreate(ev) < r;
    });
    expect(early.length).toBeGreaterThan(0);
  });
});
