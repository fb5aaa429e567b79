import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/trace/events.js';
import { createTraceChecker, type TraceCheckerOptions } from '../../src/verify/trace-checker.js';
import type { FinishInput } from '../../src/verify/trace-checker.js';
import { TraceBuilder, goodTrace, zoneLock } from './trace-builder.js';

function check(events: readonly TraceEvent[], opts: TraceCheckerOptions = {}, fin: FinishInput = {}) {
  const c = createTraceChecker(opts);
  for (const e of events) c.onEvent(e);
  const violations = c.finish(fin);
  return { violations, properties: [...new Set(violations.map((v) => v.property))].sort(), stats: c.stats() };
}

type Pred = (e: TraceEvent) => boolean;
const is = (kind: TraceEvent['kind'], fields: Record<string, unknown> = {}): Pred => (e) =>
  e.kind === kind && Object.entries(fields).every(([k, v]) => (e as unknown as Record<string, unknown>)[k] === v);

function indexOf(events: readonly TraceEvent[], p: Pred, nth = 0): number {
  let seen = 0;
  for (const [i, e] of events.entries()) if (p(e) && seen++ === nth) return i;
  throw new Error('no such event in the trace');
}

const without = (events: readonly TraceEvent[], p: Pred): TraceEvent[] => {
  const i = indexOf(events, p);
  return [...events.slice(0, i), ...events.slice(i + 1)];
};

const insertBefore = (events: readonly TraceEvent[], p: Pred, ...add: TraceEvent[]): TraceEvent[] => {
  const i = indexOf(events, p);
  const at = events[i]!;
  return [...events.slice(0, i), ...add.map((a) => ({ ...a, t: at.t, tid: a.tid })), ...events.slice(i)];
};

/** Moves the event matching `what` to just before the event matching `before`. */
const moveBefore = (events: readonly TraceEvent[], what: Pred, before: Pred): TraceEvent[] => {
  const moved = events[indexOf(events, what)]!;
  return insertBefore(without(events, what), before, moved);
};

const ev = (body: Record<string, unknown>): TraceEvent => ({ t: 0, tid: 1, ...body }) as unknown as TraceEvent;

describe('trace checker on a good trace', () => {
  it('finds nothing and gathers statistics', () => {
    const { violations, stats } = check(goodTrace().events);
    expect(violations).toEqual([]);
    expect(stats.callbacks).toBe(9);
    expect(stats.waitInprogress).toBe(2);
    expect(stats.distinctWaitInprogress).toBe(1);
    expect(stats.waitCreator).toBe(0);
    expect(stats.events).toBe(goodTrace().events.length);
  });
});

describe('each property catches a broken trace', () => {
  const good = goodTrace().events;

  it('I1: a repeated start', () => {
    const i = indexOf(good, is('start', { zone: 1, key: 1, phase: 'create' }));
    const r = check([...good.slice(0, i + 1), good[i]!, ...good.slice(i + 1)]);
    expect(r.properties).toContain('I1');
    expect(r.violations.find((v) => v.property === 'I1')).toMatchObject({ zone: 1, key: 1 });
  });

  it('I1: inprogress without needed', () => {
    expect(check(without(good, is('needed', { zone: 1, key: 1, phase: 'shutdown' }))).properties).toContain('I1');
  });

  it('I2 and I3: shutdown goes in progress while the create is still running', () => {
    const b = new TraceBuilder();
    b.keyCreate(1, 1, [{ zone: 0, status: 4, decision: 'alloc' }]);
    const events = b.events;
    const r = check(insertBefore(events, is('end', { phase: 'create' }),
      ev({ kind: 'needed', phase: 'shutdown', zone: 0, key: 1, src: 'keyDelete', tid: 2 }),
      ev({ kind: 'inprogress', phase: 'shutdown', zone: 0, key: 1, tid: 2 })));
    expect(r.properties).toEqual(expect.arrayContaining(['I2', 'I3']));
  });

  it('I4: a framework lock held at callback start', () => {
    const r = check(insertBefore(good, is('start', { zone: 1, key: 1, phase: 'create' }), ev({ kind: 'lockAcquire', lock: 'zonehash_lock', blockedNs: 0, tid: 3 })));
    const v = r.violations.find((x) => x.property === 'I4');
    expect(v?.message).toContain('zonehash_lock');
    expect(v?.events.at(-1)?.kind).toBe('start');
  });

  it('I4: a lock taken and dropped inside the callback is fine', () => {
    const r = check(insertBefore(good, is('end', { zone: 1, key: 1, phase: 'create' }),
      ev({ kind: 'lockAcquire', lock: 'zonehash_lock', blockedNs: 0, tid: 3 }), ev({ kind: 'lockRelease', lock: 'zonehash_lock', tid: 3 })));
    expect(r.violations).toEqual([]);
  });

  it('I5: key_create allocates on an UNINITIALIZED zone', () => {
    const b = new TraceBuilder();
    b.status(1, 0, 0);
    b.keyCreate(1, 1, [{ zone: 1, status: 0, decision: 'alloc' }]);
    expect(check(b.events).properties).toContain('I5');
  });

  it('I5: key_create skips an eligible zone', () => {
    const b = new TraceBuilder();
    b.keyCreate(1, 1, [{ zone: 0, status: 4, decision: 'skip' }]);
    expect(check(b.events).properties).toEqual(['I5']);
  });

  it('I5: the zone changes status between configure and INITIALIZED', () => {
    const r = check(insertBefore(good, is('status', { zone: 1, from: 0, to: 1 }), ev({ kind: 'status', zone: 1, from: 0, to: 0, tid: 9 })));
    expect(r.properties).toContain('I5');
  });

  it('I6: a second entry for the same zone and key', () => {
    const r = check(insertBefore(good, is('getspecific'), ev({ kind: 'alloc', zone: 1, key: 1, src: 'keyCreate', tid: 3 })));
    expect(r.properties).toContain('I6');
  });

  it('I7: zone_shutdown marks before the zone is EMPTY', () => {
    const r = check(moveBefore(good, is('status', { zone: 1, from: 4, to: 6 }), is('completed', { zone: 1, key: 1, phase: 'shutdown' })));
    expect(r.properties).toContain('I7');
  });

  it('I7: zone_destroy marks before the zone is DEAD', () => {
    const r = check(moveBefore(good, is('status', { zone: 1, from: 8, to: 9 }), is('inprogress', { zone: 1, key: 1, phase: 'destroy' })));
    expect(r.properties).toEqual(['I7']);
  });

  it('I8: zone_getspecific returns stale data after destroy', () => {
    const r = check(insertBefore(good, is('opEnd', { op: 'zone_destroy' }), ev({ kind: 'getspecific', zone: 1, key: 2, value: 0x300, tid: 5 })));
    expect(r.properties).toEqual(['I8']);
  });

  it('I8: zone_setspecific succeeds where there is no entry', () => {
    const r = check([...good, ev({ kind: 'setspecific', zone: 7, key: 1, value: 5, rc: 0 })]);
    expect(r.properties).toEqual(['I8']);
  });

  it('I9: zonehash_lock taken while holding a zone_lock', () => {
    const r = check([...good, ev({ kind: 'lockAcquire', lock: zoneLock(0), blockedNs: 0 }), ev({ kind: 'lockAcquire', lock: 'zonehash_lock', blockedNs: 0 })]);
    expect(r.properties).toEqual(['I9']);
  });

  it('I9: a zone_lock taken while holding zsd_key_lock', () => {
    const r = check([...good, ev({ kind: 'lockAcquire', lock: 'zsd_key_lock', blockedNs: 0 }), ev({ kind: 'lockAcquire', lock: zoneLock(0), blockedNs: 0 })]);
    expect(r.properties).toEqual(['I9']);
  });

  it('P1: zone_key_create returns before a create it marked completed', () => {
    const r = check(moveBefore(good, is('opEnd', { op: 'zone_key_create' }), is('completed', { zone: 0, key: 1, phase: 'create' })));
    expect(r.properties).toContain('P1');
  });

  it('P1 (2009 order): the key is published before its creates completed', () => {
    const b = new TraceBuilder();
    b.keyCreate(1, 1, [{ zone: 0, status: 4, decision: 'alloc' }]);
    const late = moveBefore(b.events, is('keyPublish'), is('start', { phase: 'create' }));
    expect(check(late).properties).toEqual(['P1']);
    const fine = moveBefore(b.events, is('keyPublish'), is('opEnd'));
    expect(check(fine).violations).toEqual([]);
  });

  it('P2: zone_key_delete returns before its destroy completed', () => {
    const r = check(moveBefore(good, is('opEnd', { op: 'zone_key_delete' }), is('start', { zone: 0, key: 1, phase: 'destroy' })));
    expect(r.properties).toContain('P2');
    expect(r.violations.some((v) => v.message.includes('still run') || v.message.includes('completed'))).toBe(true);
  });

  it('P2: an entry survives on a live zone after zone_key_delete', () => {
    expect(check(without(good, is('free', { zone: 0, key: 1 }))).properties).toEqual(['P2']);
  });

  it('P2: work for the key starts after zone_key_delete returned', () => {
    const r = check([...good, ev({ kind: 'needed', phase: 'shutdown', zone: 0, key: 1, src: 'zoneShutdown' })]);
    expect(r.properties).toContain('P2');
  });

  it('P3: READY before a configured create completed', () => {
    const r = check(moveBefore(good, is('status', { zone: 1, from: 1, to: 2 }), is('completed', { zone: 1, key: 1, phase: 'create' })));
    expect(r.properties).toContain('P3');
  });

  it('P4: zone_create returns before READY', () => {
    const r = check(moveBefore(good, is('opEnd', { op: 'zone_create' }), is('status', { zone: 1, from: 1, to: 2 })));
    expect(r.properties).toEqual(['P4']);
  });

  it('P5: zone_shutdown returns 0 before DOWN', () => {
    const r = check(moveBefore(good, is('opEnd', { op: 'zone_shutdown' }), is('status', { zone: 1, from: 6, to: 7 })));
    expect(r.properties).toEqual(['P5']);
  });

  it('P5: zone_shutdown returns 0 before the shutdown it marked completed', () => {
    const r = check(moveBefore(good, is('opEnd', { op: 'zone_shutdown' }), is('inprogress', { zone: 1, key: 1, phase: 'shutdown' })));
    expect(r.properties).toContain('P5');
  });

  it('P6: zone_destroy returns 0 before a destroy completed', () => {
    const r = check(moveBefore(good, is('opEnd', { op: 'zone_destroy' }), is('completed', { zone: 1, key: 2, phase: 'destroy' })));
    expect(r.properties).toEqual(['P6']);
  });

  it('P7: a step-limit finding, from the engine or from a finding event', () => {
    expect(check(good, {}, { findings: [{ kind: 'step-limit', message: 'maxSteps reached' }] }).properties).toEqual(['P7']);
    expect(check([...good, ev({ kind: 'finding', finding: 'step-limit', message: 'x' })]).properties).toEqual(['P7']);
  });

  it('L1: a needed create never completes in a complete run, but not in an aborted one', () => {
    const b = new TraceBuilder();
    b.status(1, 0, 0).needed(3, 'create', 0, 5, 'keyCreate');
    const events = without(b.events, is('status'));
    expect(check(events, { properties: ['L1'] }).properties).toEqual(['L1']);
    expect(check(events, { properties: ['L1'] }, { findings: [{ kind: 'deadlock', message: 'd' }] }).violations).toEqual([]);
  });
});

describe('what the checker must not flag', () => {
  it('N1/N2: shutdown after destroy with data NULL (key_delete on a DEAD zone)', () => {
    const b = new TraceBuilder();
    b.keyCreate(1, 1, [{ zone: 0, status: 4, decision: 'alloc' }]);
    b.zoneCreate(2, 3, 1, [1]);
    b.status(1, 2, 7).status(1, 7, 9);
    const de = b.begin(5, 'zone_destroy', { zone: 1 });
    b.needed(5, 'destroy', 1, 1, 'zoneDestroy').run(5, 'destroy', 1, 1);
    const kd = b.begin(1, 'zone_key_delete', { key: 1 });
    b.needed(1, 'shutdown', 1, 1, 'keyDelete').run(1, 'shutdown', 1, 1, { lockp: 'zonehash_lock' });
    b.end(5, 'zone_destroy', de, { zone: 1, rc: 0 });
    b.needed(1, 'shutdown', 0, 1, 'keyDelete').needed(1, 'destroy', 0, 1, 'keyDelete');
    b.run(1, 'shutdown', 0, 1).run(1, 'destroy', 0, 1);
    b.ev(1, { kind: 'free', zone: 0, key: 1, src: 'keyDelete' }).ev(1, { kind: 'free', zone: 1, key: 1, src: 'keyDelete' });
    b.end(1, 'zone_key_delete', kd, { key: 1, rc: 0 });
    expect(check(b.events).violations).toEqual([]);
  });

  it('N3 on a zone that left zone_active: the shutdown key_delete marked never runs (no P2)', () => {
    // zone_destroy's shutdown pass is done; key_delete marks SN (DN is already set), the destroy
    // pass runs the destroy, the zone goes DEAD and leaves zone_active, so key_delete's shutdown
    // pass never reaches it and the SN stays until zone_free_zsd.
    const b = new TraceBuilder();
    b.keyCreate(1, 1, [{ zone: 0, status: 4, decision: 'alloc' }]);
    b.zoneCreate(2, 3, 1, [1]);
    b.status(1, 2, 7).status(1, 7, 9);
    const de = b.begin(5, 'zone_destroy', { zone: 1 });
    b.needed(5, 'destroy', 1, 1, 'zoneDestroy');
    const kd = b.begin(1, 'zone_key_delete', { key: 1 });
    b.needed(1, 'shutdown', 1, 1, 'keyDelete');
    b.run(5, 'destroy', 1, 1);
    b.end(5, 'zone_destroy', de, { zone: 1, rc: 0 });
    b.needed(1, 'shutdown', 0, 1, 'keyDelete').needed(1, 'destroy', 0, 1, 'keyDelete');
    b.run(1, 'shutdown', 0, 1).run(1, 'destroy', 0, 1);
    b.ev(1, { kind: 'free', zone: 0, key: 1, src: 'keyDelete' });
    b.end(1, 'zone_key_delete', kd, { key: 1, rc: 0 });
    expect(check(b.events).violations).toEqual([]);
  });

  it('legacy traces are judged only on P4 and P7', () => {
    const bad = [...goodTrace().events, ev({ kind: 'lockAcquire', lock: zoneLock(0), blockedNs: 0 }), ev({ kind: 'lockAcquire', lock: 'zonehash_lock', blockedNs: 0 })];
    expect(check(bad, { algorithm: 'legacy' }).violations).toEqual([]);
    expect(check(bad).properties).toEqual(['I9']);
  });

  it('a reused zone id starts a new lifetime (no I6)', () => {
    const b = goodTrace();
    b.zoneCreate(2, 3, 1, [2], 0x400);
    b.getspecific(3, 1, 2, 0x400);
    expect(check(b.events).violations).toEqual([]);
  });
});

describe('violation bookkeeping', () => {
  it('keeps the first few per property and counts all', () => {
    const extra = Array.from({ length: 15 }, () => ev({ kind: 'setspecific', zone: 7, key: 1, value: 5, rc: 0 }));
    const c = createTraceChecker({ keepPerProperty: 3 });
    for (const e of [...goodTrace().events, ...extra]) c.onEvent(e);
    expect(c.finish()).toHaveLength(3);
    expect(c.counts().I8).toBe(15);
    expect(c.stats().violations).toBe(15);
  });
});
