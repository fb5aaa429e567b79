import { describe, expect, it } from 'vitest';
import { addSeedResult, emptySummary, messageShape, sortedFailures } from '../../src/verify/explore-summary.js';
import { runSeed, runSeedDetailed, type SeedResult } from '../../src/verify/run-seed.js';
import { fakeFactory } from './fake-engine.js';

const plan = {
  deadlock: (s: number) => s % 4 === 0,
  badData: (s: number) => s % 5 === 0,
  waitCreator: (s: number) => s % 2 === 1,
};

function summarise(seeds: readonly number[]) {
  const f = fakeFactory(plan);
  const s = emptySummary();
  for (const seed of seeds) addSeedResult(s, runSeed(f, seed, { algorithm: 'current' }));
  return s;
}

describe('runSeed', () => {
  it('reports the engine finding, the violations and the statistics of one seed', () => {
    const r: SeedResult = runSeed(fakeFactory(plan), 20, { algorithm: 'current' });
    expect(r.findings.map((f) => f.kind)).toEqual(['deadlock']);
    expect(r.violations.map((v) => v.property)).toEqual(['I8']);
    expect(r.violationCounts).toEqual({ I8: 1 });
    expect(r.waitInprogress).toBe(2);
    expect(r.waitCreator).toBe(0);
    expect(r.events).toBeGreaterThan(100);
    expect(r.probeFirings).toBeGreaterThan(r.callbacks * 4);
    expect(r.probeFirings).toBeLessThan(r.events);
  });

  it('gives the replay detail: violations with events and the event tail', () => {
    const d = runSeedDetailed(fakeFactory(plan), 5, { algorithm: 'current' }, 5);
    expect(d.tail).toHaveLength(5);
    expect(d.tail.at(-1)?.kind).toBe('setspecific');
    expect(d.violations[0]?.events.at(-1)?.kind).toBe('setspecific');
  });

  it('is clean on a clean seed', () => {
    const r = runSeed(fakeFactory(plan), 1, { algorithm: 'current' });
    expect(r.findings).toEqual([]);
    expect(r.violations).toEqual([]);
    expect(r.waitCreator).toBe(1);
  });
});

describe('explorer summary', () => {
  it('counts kinds, waits and groups failures by message shape with the first seed', () => {
    const s = summarise(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(s.seedsRun).toBe(20);
    expect(s.byKind.deadlock).toEqual({ count: 5, seeds: 5 });
    expect(s.byKind.I8).toEqual({ count: 4, seeds: 4 });
    expect(s.failingSeeds).toBe(8); // 4 8 12 16 20 and 5 10 15
    expect(s.waits.seedsWithWaitCreator).toBe(10);
    expect(s.waits.seedsWithWaitInprogress).toBe(20);
    expect(s.waits.waitInprogress).toBe(40);
    expect(s.waits.distinctWaitInprogress).toBe(20);
    const groups = sortedFailures(s);
    expect(groups.map((g) => [g.kind, g.firstSeed, g.seeds])).toEqual([
      ['deadlock', 4, 5],
      ['I8', 5, 4],
    ]);
    expect(groups[0]?.explanation).toContain('wait-for graph');
  });

  it('is the same whatever order results arrive in', () => {
    const forward = summarise(Array.from({ length: 20 }, (_, i) => i + 1));
    const backward = summarise(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(sortedFailures(backward).map((g) => [g.kind, g.firstSeed, g.message])).toEqual(
      sortedFailures(forward).map((g) => [g.kind, g.firstSeed, g.message]),
    );
    expect(backward.byKind).toEqual(forward.byKind);
  });

  it('blanks numbers in message shapes', () => {
    expect(messageShape('thread 12 waits for zone_lock:3 at 0x1f')).toBe('thread # waits for zone_lock:# at #');
  });
});
