import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '../../src/index.js';
import { phaseCounts, runCollect } from '../helpers.js';

describe('spec 5.3 scenarios', () => {
  it('S1 under legacy panics with a recursive mutex_enter on zonehash_lock, explained', () => {
    const r = createEngine({ workload: loadWorkload('s1'), algorithm: 'legacy' }).run();
    expect(r.findings.map((f) => f.kind)).toEqual(['recursive-enter']);
    const f = r.findings[0]!;
    expect(f.message).toContain('zonehash_lock');
    expect(f.report).toContain('recursive mutex_enter');
    expect(f.report).toContain('spec 5.2 item 2');
    expect(f.report).toMatch(/zone_find_by_id <- .*zone_key_create/);
    expect(f.report).toContain("policy 'replay'");
  });

  it('S2 under legacy deadlocks between zsd_key_lock and zone_lock, with the wait-for cycle', () => {
    const r = createEngine({ workload: loadWorkload('s2'), algorithm: 'legacy' }).run();
    const dl = r.findings.find((f) => f.kind === 'deadlock');
    expect(dl).toBeDefined();
    expect(r.findings.some((f) => f.kind === 'lock-order')).toBe(true);
    expect(dl!.report).toContain('wait-for cycle:');
    expect(dl!.report).toMatch(/zoneadmd\[\d+\] holds \[zsd_key_lock\] and waits for zone_lock:1/);
    expect(dl!.report).toMatch(/modload\[\d+\] holds \[zonehash_lock, zone_lock:0, zone_lock:1\] and waits for zsd_key_lock/);
  });

  it('S1 and S2 under legacy fail on every seed; under current they complete on every seed', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const w of ['s1', 's2']) {
        const legacy = createEngine({ workload: loadWorkload(w), algorithm: 'legacy', seed }).run();
        expect(legacy.findings.some((f) => f.kind === (w === 's1' ? 'recursive-enter' : 'deadlock'))).toBe(true);
        const e = createEngine({ workload: loadWorkload(w), seed });
        const cur = e.run();
        expect(cur.findings).toEqual([]);
        expect(e.done).toBe(true);
      }
    }
  });

  it('S2 under current: the new key skips the dying zone (setspecific would return -1)', () => {
    const { events } = runCollect({ workload: loadWorkload('s2'), seed: 3 });
    const visit = events.find((e) => e.kind === 'markVisit' && e.zone === 1);
    expect(visit).toMatchObject({ decision: 'skip' });
  });

  for (const w of ['s3', 's4']) {
    it(`${w} under current: at most one start per phase per (zone,key), every needed completes (200 seeds)`, () => {
      let starts = 0;
      let waits = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const { events, findings } = runCollect({ workload: loadWorkload(w), seed });
        // The only findings the current design may produce are the memory hazards of spec 4.6.
        for (const f of findings) expect(f.kind).toBe('use-after-free');
        const { starts: s, unmatchedNeeded } = phaseCounts(events);
        for (const n of s.values()) expect(n).toBe(1);
        if (findings.length === 0) expect(unmatchedNeeded).toEqual([]);
        starts += s.size;
        waits += events.filter((e) => e.kind === 'waitInprogress' || e.kind === 'waitCreator').length;
      }
      expect(starts).toBeGreaterThan(200);
      expect(waits).toBeGreaterThan(0);
    });
  }

  it('S3: exactly one create-start for each zone and the concurrent key', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { events } = runCollect({ workload: loadWorkload('s3'), seed });
      for (const zone of [1, 2]) {
        const n = events.filter((e) => e.kind === 'start' && e.phase === 'create' && e.zone === zone && e.key === 2).length;
        expect(n).toBe(1);
      }
    }
  });

  it('S4 can reach hazard T2 (zone freed under a key_delete waiter) and the report replays it', () => {
    let hit = -1;
    for (let seed = 1; seed <= 200 && hit < 0; seed++) {
      const r = createEngine({ workload: loadWorkload('s4'), seed, policy: 'pct' }).run();
      if (r.findings.some((f) => f.kind === 'use-after-free')) hit = seed;
    }
    expect(hit).toBeGreaterThan(0);
    const first = createEngine({ workload: loadWorkload('s4'), seed: hit, policy: 'pct' });
    const r1 = first.run();
    expect(r1.findings[0]!.hazard).toBe('T2');
    expect(r1.findings[0]!.report).toContain('spec 4.6');
    const again = createEngine({ workload: loadWorkload('s4'), seed: hit, policy: 'replay', schedule: first.schedule() }).run();
    expect(again.traceHash).toBe(r1.traceHash);
    expect(again.findings[0]!.message).toBe(r1.findings[0]!.message);
  });
});
