/*
 * A zone with kernel threads reaches DOWN through zthread_exit, which can happen while
 * zone_shutdown's shutdown callbacks still run (spec 3.4 step 5); a zone_key_create racing with
 * it then skips the zone as DOWN, or runs a create on a zone that is already DOWN (spec N4).
 */

import { describe, expect, it } from 'vitest';
import { createEngine, type TraceEvent } from '../../src/index.js';
import { workload } from '../helpers.js';

const DOWN = 7;

const w = workload({
  name: 'down-mid-shutdown',
  description: 'zone kthreads exit while the shutdown callbacks run',
  keys: [
    { name: 'slow_key', shutdown: { duration: '200us' }, destroy: { duration: '5us' } },
    { name: 'late_key', module: 'late', create: { duration: ['5us', '50us'] }, destroy: { duration: '5us' } },
  ],
  modules: [{ name: 'late', keys: ['late_key'], loadAt: ['560us', '900us'] }],
  zones: [{ name: 'z', createAt: '0us', bootAt: '100us', haltAt: '500us', zthreadExit: ['20us', '150us'] }],
});

function events(seed: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const e = createEngine({ workload: w, seed });
  e.onEvent((ev) => out.push(ev));
  const r = e.run();
  expect(r.findings).toEqual([]);
  return out;
}

describe('DOWN while shutdown callbacks run', () => {
  it('zthread_exit makes the zone DOWN between a shutdown start and its end', () => {
    let mid = 0;
    let skipped = 0;
    for (let seed = 1; seed <= 30; seed++) {
      let running = 0;
      for (const e of events(seed)) {
        if (e.kind === 'start' && e.phase === 'shutdown' && e.zone !== 0) running++;
        if (e.kind === 'end' && e.phase === 'shutdown' && e.zone !== 0) running--;
        if (e.kind === 'status' && e.to === DOWN && running > 0) mid++;
        if (e.kind === 'markVisit' && e.decision === 'skip' && e.status === DOWN && e.zone !== 0) skipped++;
      }
    }
    expect(mid).toBeGreaterThan(0);
    // N4: a concurrent zone_key_create saw the zone DOWN.
    expect(skipped).toBeGreaterThan(0);
  });

  it('zone_shutdown waits for DOWN instead of setting it when the zone has kernel threads', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const ev = events(seed);
      const down = ev.find((e) => e.kind === 'status' && e.to === DOWN && e.zone !== 0)!;
      const shutdownEnd = ev.find((e) => e.kind === 'opEnd' && e.op === 'zone_shutdown')!;
      expect(down).toBeDefined();
      const zthreadTid = down.tid;
      expect(ev.some((e) => e.kind === 'opBegin' && e.op === 'zone_shutdown' && e.tid === zthreadTid)).toBe(false);
      expect(ev.indexOf(down)).toBeLessThan(ev.indexOf(shutdownEnd));
    }
  });
});
