/*
 * The exhaustive explorer on the real engine: minimal counterexamples for the legacy design's
 * S1/S2 and for hazard T1, replayable schedules, and the partial-order reduction cross-checked
 * against the same search without it (same final states, same findings).
 */

import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  exploreExhaustive,
  joinBoundPasses,
  mergeExhaustiveResults,
  followSchedule,
  loadWorkload,
  runSeedDetailed,
  scheduleHarness,
  type ExhaustiveResult,
  type Workload,
} from '../../src/index.js';
import { workload } from '../helpers.js';

function explore(w: Workload, algorithm: 'current' | 'legacy', maxPreemptions: number, por = true): ExhaustiveResult {
  const registry = new ProbeRegistry();
  const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm, untimed: true, schedulePolicy: policy, registry }), algorithm);
  return exploreExhaustive(h, { maxPreemptions, maxSchedules: 1_000_000, maxMs: 600_000, por, now: () => performance.now() });
}

function replay(w: Workload, algorithm: 'current' | 'legacy', schedule: readonly number[]) {
  return runSeedDetailed(() => createEngine({ workload: w, seed: 1, algorithm, untimed: true, schedulePolicy: followSchedule(schedule) }), 0, { algorithm });
}

describe('verify --exhaustive (core explorer)', () => {
  it('S1 under legacy: recursive mutex_enter with no preemption at all', () => {
    const r = explore(loadWorkload('s1'), 'legacy', 1);
    expect(r.complete).toBe(true);
    expect(r.bound).toBe(1);
    expect(r.passes.map((p) => p.bound)).toEqual([0, 1]);
    const f = r.findings.find((x) => x.kind === 'recursive-enter')!;
    expect(f.preemptions).toBe(0);
    const again = replay(loadWorkload('s1'), 'legacy', f.schedule);
    expect(again.result.findings[0]!.message).toBe(f.message);
  });

  it('S2 under legacy: the zsd_key_lock / zone_lock deadlock needs exactly one preemption', () => {
    const r = explore(loadWorkload('s2'), 'legacy', 1);
    expect(r.complete).toBe(true);
    const f = r.findings.find((x) => x.kind === 'deadlock')!;
    expect(f.message).toMatch(/zone_lock:\d+.*zsd_key_lock|zsd_key_lock.*zone_lock:\d+/);
    expect(f.preemptions).toBe(1);
    expect(r.passes[0]!.complete).toBe(true);
    expect(replay(loadWorkload('s2'), 'legacy', f.schedule).result.findings.map((x) => x.kind)).toContain('deadlock');
  });

  it('S2 under current: the module load racing the teardown of a running zone finds nothing within one preemption', () => {
    const r = explore(loadWorkload('s2'), 'current', 1);
    expect(r.complete).toBe(true);
    expect(r.schedules).toBeGreaterThan(100);
    expect(r.findings).toEqual([]);
  });

  it('hazard-t2-create: no T2 within one preemption (the pinned schedule in t2-key-create.test.ts needs two)', () => {
    const r = explore(loadWorkload('hazard-t2-create'), 'current', 1);
    expect(r.complete).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('hazard-t1: T1 at one preemption (bound 0 is clean), replayable', () => {
    const r = explore(loadWorkload('hazard-t1'), 'current', 1);
    expect(r.complete).toBe(true);
    const t1 = r.findings.find((x) => x.kind === 'use-after-free T1')!;
    expect(t1.preemptions).toBe(1);
    expect(t1.message).toMatch(/^T1: zoneadmd\[\d+\] waited in zsd_wait_for_inprogress .* from zsd_apply_all_keys; modload\[\d+\] freed the entry/);
    expect(r.findings.some((x) => x.kind === 'use-after-free T2')).toBe(false);
    const d = replay(loadWorkload('hazard-t1'), 'current', t1.schedule);
    expect(d.result.findings.map((x) => x.message)).toEqual([t1.message]);
    expect(r.states).toBeGreaterThan(r.finalStates.size);
  });

  it('partial-order reduction: same final states and findings as the full search, a subset of its visible states, fewer schedules', () => {
    const w = workload({
      name: 'two-modules',
      description: 'two modules registering and deleting a key each on the global zone',
      keys: [
        { name: 'a', module: 'A', create: { duration: '1us' }, destroy: { duration: '1us' } },
        { name: 'b', module: 'B', create: { duration: '1us' }, shutdown: { duration: '1us' } },
      ],
      modules: [
        { name: 'A', keys: ['a'], loadAt: 0, unloadAt: 0 },
        { name: 'B', keys: ['b'], loadAt: 0, unloadAt: 0 },
      ],
      zones: [],
    });
    const withPor = explore(w, 'current', 1, true);
    const without = explore(w, 'current', 1, false);
    expect(withPor.complete && without.complete).toBe(true);
    expect([...withPor.finalStates].sort()).toEqual([...without.finalStates].sort());
    // Race analysis skips orders of independent steps, so some intermediate states are never
    // visited; every state it visits the full search visits too.
    for (const h of withPor.stateHashes) expect(without.stateHashes.has(h)).toBe(true);
    expect(withPor.findings.map((f) => [f.kind, f.preemptions])).toEqual(without.findings.map((f) => [f.kind, f.preemptions]));
    expect(withPor.schedules).toBeLessThanOrEqual(without.schedules);
    expect(withPor.coverage['zsd-create-start@zsd_apply_create']).toBeGreaterThan(0);
  });

  it('shards of the schedule tree, merged, cover what one process covers', () => {
    const w = loadWorkload('s1');
    const one = explore(w, 'legacy', 1);
    const registry = new ProbeRegistry();
    const parts: ExhaustiveResult[] = [];
    for (let i = 0; i < 3; i++) {
      const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm: 'legacy', untimed: true, schedulePolicy: policy, registry }), 'legacy');
      parts.push(exploreExhaustive(h, { maxPreemptions: 1, maxSchedules: 1e6, maxMs: 600_000, por: true, now: () => performance.now(), shard: { index: i, count: 3 } }));
    }
    const merged = mergeExhaustiveResults(parts);
    expect([merged.bound, merged.complete]).toEqual([1, true]);
    expect([...merged.finalStates].sort()).toEqual([...one.finalStates].sort());
    // The fewest preemptions any shard needed for each finding.
    const shape = (r: ExhaustiveResult) => r.findings.map((f) => `${f.kind} @${f.preemptions}: ${f.message.replace(/\d+/g, '#')}`).sort();
    expect(shape(merged)).toEqual(shape(one));
    expect(merged.schedules).toBe(parts.reduce((a, p) => a + p.schedules, 0));
    expect(merged.schedules).toBeGreaterThanOrEqual(one.schedules);
    expect(merged.passes.map((p) => [p.bound, p.complete])).toEqual([[0, true], [1, true]]);
    // A part that ran out of budget leaves the merged search incomplete.
    const cut = { ...parts[1]!, complete: false, passes: [parts[1]!.passes[0]!, { ...parts[1]!.passes[1]!, complete: false }] };
    const partial = mergeExhaustiveResults([parts[0]!, cut, parts[2]!]);
    expect([partial.bound, partial.complete]).toEqual([1, false]);
    expect(partial.passes.map((p) => p.complete)).toEqual([true, false]);
  });

  it('rounds of one bound each (minPreemptions), joined, report what raising the bound in one search reports', () => {
    const w = loadWorkload('s1');
    const one = explore(w, 'legacy', 1);
    const registry = new ProbeRegistry();
    const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm: 'legacy', untimed: true, schedulePolicy: policy, registry }), 'legacy');
    const round = (k: number) => exploreExhaustive(h, { minPreemptions: k, maxPreemptions: k, maxSchedules: 1e6, maxMs: 600_000, por: true, now: () => performance.now() });
    const rounds = [round(0), round(1)];
    expect(rounds.map((r) => r.passes.length)).toEqual([1, 1]);
    const joined = joinBoundPasses(rounds);
    expect(joined.passes).toEqual(one.passes);
    expect([joined.bound, joined.complete, joined.schedules]).toEqual([one.bound, one.complete, one.schedules]);
    expect(joined.findings.map((f) => [f.kind, f.preemptions, f.schedules])).toEqual(one.findings.map((f) => [f.kind, f.preemptions, f.schedules]));
    expect([...joined.finalStates].sort()).toEqual([...one.finalStates].sort());
  });

  it('shards split the work evenly: the tree splits at its first preemption, not at a fixed depth', () => {
    // The race analysis does most of its work deep in the tree, under the first decisions; a split
    // a few decisions down gave one shard of four nearly every schedule.
    const w = loadWorkload('s2');
    const registry = new ProbeRegistry();
    const one = explore(w, 'current', 2);
    const parts: number[] = [];
    const finals = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm: 'current', untimed: true, schedulePolicy: policy, registry }), 'current');
      const r = exploreExhaustive(h, { maxPreemptions: 2, maxSchedules: 1e6, maxMs: 600_000, por: true, now: () => performance.now(), shard: { index: i, count: 4 } });
      expect(r.complete).toBe(true);
      parts.push(r.schedules);
      for (const s of r.finalStates) finals.add(s);
    }
    expect([...finals].sort()).toEqual([...one.finalStates].sort());
    const mean = parts.reduce((a, b) => a + b, 0) / parts.length;
    for (const n of parts) expect(n).toBeLessThan(mean * 1.5);
    // What exploring the decisions before the first preemption in full costs, over one process.
    expect(parts.reduce((a, b) => a + b, 0)).toBeLessThan(one.schedules * 1.5);
  });
});
