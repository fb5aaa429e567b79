import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addSeedResult, createEngine, emptySummary, loadWorkload, runSeed, type EngineFactory } from '@zsdtrace/core';
import { runVerify } from '../../src/commands/verify/command.js';

function factory(name: string, algorithm: 'current' | 'legacy', publishKeyAfterCreate = false): EngineFactory {
  const workload = loadWorkload(name);
  return (seed) => createEngine({ workload, seed, algorithm, publishKeyAfterCreate, policy: 'random' });
}

function explore(name: string, algorithm: 'current' | 'legacy', seeds: number, publishKeyAfterCreate = false) {
  const f = factory(name, algorithm, publishKeyAfterCreate);
  const s = emptySummary();
  for (let seed = 1; seed <= seeds; seed++) addSeedResult(s, runSeed(f, seed, { algorithm }));
  return s;
}

describe('spec 5.3 scenarios on the real engine', () => {
  it('S1: legacy enters zonehash_lock recursively; current completes', () => {
    const legacy = explore('s1', 'legacy', 20);
    expect(Object.keys(legacy.byKind)).toContain('recursive-enter');
    const current = explore('s1', 'current', 50);
    expect(current.byKind).toEqual({});
    expect(current.callbacks).toBeGreaterThan(0);
  });

  it('S2: legacy deadlocks on zsd_key_lock / zone_lock; current completes', () => {
    const legacy = explore('s2', 'legacy', 50);
    expect(legacy.byKind.deadlock?.seeds ?? 0).toBeGreaterThan(0);
    const current = explore('s2', 'current', 50);
    expect(current.byKind).toEqual({});
  });

  it('s3 passes every property over 200 seeds and meets on entries', () => {
    const s = explore('s3', 'current', 200);
    expect(s.byKind).toEqual({});
    expect(s.seedsRun).toBe(200);
    expect(s.waits.seedsWithWaitInprogress + s.waits.seedsWithWaitCreator).toBeGreaterThan(0);
  });

  // S4 races key_delete against zone_destroy: the checkers find no property violation, but the
  // engine may reach the spec 4.6 T1/T2 hazards (a waiter touching a freed entry or zone).
  // That is a finding of the 2008 design, reported as use-after-free, and the only one allowed.
  it('s4 passes every property over 200 seeds; its only engine findings are T1/T2 use-after-free', () => {
    const s = explore('s4', 'current', 200);
    const properties = Object.keys(s.byKind).filter((k) => /^[IPL]\d$/.test(k));
    expect(properties).toEqual([]);
    expect(Object.keys(s.byKind).filter((k) => k !== 'use-after-free T1' && k !== 'use-after-free T2')).toEqual([]);
    for (const f of s.failures) expect(f.explanation).toMatch(/^finding: use-after-free\n {2}T[12]: /);
    expect(s.waits.seedsWithWaitInprogress).toBeGreaterThan(0);
  });

  it('s3 passes with the 2009 key publication order too', () => {
    expect(explore('s3', 'current', 100, true).byKind).toEqual({});
  });
});

describe('zsdtrace verify on the real engine', () => {
  const io = () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    err.resume();
    return { io: { stdout: out, stderr: err }, text: () => text };
  };

  it('from sources (no bundled worker beside it) runs s3 in process and finds nothing', async () => {
    const c = io();
    const code = await runVerify(['--workload', 's3', '--seeds', '40', '--workers', '2'], c.io);
    expect(c.text()).toContain('in process');
    expect(c.text()).toContain('found          nothing');
    expect(code).toBe(0);
  });

  it('exits 1 with a replay command for legacy s2, and the replay shows the deadlock', async () => {
    const c = io();
    expect(await runVerify(['--workload', 's2', '--seeds', '30', '--algorithm', 'legacy', '--workers', '0'], c.io)).toBe(1);
    const m = /replay: (zsdtrace verify --workload s2 --seed (\d+) --replay --algorithm legacy)/.exec(c.text());
    expect(m).not.toBeNull();
    const r = io();
    expect(await runVerify(['--workload', 's2', '--seed', m![2]!, '--replay', '--algorithm', 'legacy'], r.io)).toBe(1);
    expect(r.text()).toContain('engine finding: deadlock');
    expect(r.text()).toMatch(/last \d+ events:/);
  });
});
