import { describe, expect, it } from 'vitest';
import { TraceLog, stringHash } from '../../src/sim/trace-log.js';
import type { TraceEvent } from '../../src/trace/events.js';

/** The fold written out plainly: FNV-1a of every field name and value, in field order. */
function referenceDigest(events: readonly TraceEvent[]): string {
  const mix = (h: number, v: number): number => {
    const lo = v | 0;
    const hi = Math.floor(v / 0x1_0000_0000) | 0;
    h = Math.imul(h ^ (lo & 0xffff), 0x01000193);
    h = Math.imul(h ^ (lo >>> 16), 0x01000193);
    return Math.imul(h ^ hi, 0x01000193);
  };
  let h = 0x811c9dc5;
  for (const e of events) {
    for (const [k, v] of Object.entries(e)) {
      h = mix(h, stringHash(k));
      if (typeof v === 'number') h = mix(h, v);
      else if (typeof v === 'string') h = mix(h, stringHash(v));
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0') + ':' + events.length.toString(16);
}

/** A mixed stream: lock events on many distinct locks (more than the string table keeps) and others. */
function stream(n: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = 0; i < n; i++) {
    const lock = `zone_lock:${i % 5000}`;
    out.push({ kind: 'lockAcquire', t: i * 40 + 2 ** 33, tid: 1 + (i % 7), lock, blockedNs: i % 3 === 0 ? i : 0 });
    if (i % 4 === 0) out.push({ kind: 'status', t: i * 40 + 1, tid: 2, zone: i, from: 1, to: 2 });
    out.push({ kind: 'lockRelease', t: i * 40 + 20, tid: 1 + (i % 7), lock });
  }
  return out;
}

function replay(log: TraceLog, events: readonly TraceEvent[], lockEmitters: boolean): void {
  for (const e of events) {
    if (lockEmitters && e.kind === 'lockAcquire') log.lockAcquire(e.t, e.tid, e.lock, stringHash(e.lock), e.blockedNs);
    else if (lockEmitters && e.kind === 'lockRelease') log.lockRelease(e.t, e.tid, e.lock, stringHash(e.lock));
    else log.emit(e);
  }
}

describe('TraceLog', () => {
  const events = stream(12_000);

  it('folds every event as the plain FNV-1a reference does, past the string table bound', () => {
    const log = new TraceLog();
    replay(log, events, false);
    expect(log.digest()).toBe(referenceDigest(events));
  });

  it('folds the empty string as the reference does, however often it repeats in one position', () => {
    const empties: TraceEvent[] = [];
    for (let i = 0; i < 50; i++) empties.push({ kind: 'lockRelease', t: i, tid: 1, lock: i % 3 === 2 ? 'x' : '' });
    const log = new TraceLog();
    replay(log, empties, false);
    expect(log.digest()).toBe(referenceDigest(empties));
  });

  it('the lock emitters give the same digest as emit(), with and without a listener', () => {
    const quiet = new TraceLog();
    replay(quiet, events, true);
    const heard: TraceEvent[] = [];
    const loud = new TraceLog();
    loud.on((e) => heard.push(e));
    replay(loud, events, true);
    expect(quiet.digest()).toBe(referenceDigest(events));
    expect(loud.digest()).toBe(quiet.digest());
    expect(heard).toEqual(events);
  });

  it('the entry emitters (alloc, free) give the same digest, events and recent() as emit()', () => {
    const entries: TraceEvent[] = [];
    for (let i = 0; i < 3000; i++) {
      const src = i % 3 === 0 ? 'configure' : 'keyCreate';
      entries.push({ kind: 'alloc', t: i * 30 + 2 ** 33, tid: 1 + (i % 5), zone: i % 40, key: 1 + (i % 30), src, callbacks: i % 2 ? 'C-D' : '-S-' });
      if (i % 5 === 0) entries.push({ kind: 'status', t: i * 30 + 1, tid: 2, zone: i, from: 1, to: 2 });
      entries.push({ kind: 'free', t: i * 30 + 7, tid: 3, zone: i % 40, key: 1 + (i % 30), src: i % 2 ? 'zoneFree' : 'keyDelete' });
    }
    const viaEmitters = (log: TraceLog): void => {
      for (const e of entries) {
        if (e.kind === 'alloc') log.allocEvent(e.t, e.tid, e.zone, e.key, e.src, e.callbacks!);
        else if (e.kind === 'free') log.freeEvent(e.t, e.tid, e.zone, e.key, e.src);
        else log.emit(e);
      }
    };
    const quiet = new TraceLog();
    viaEmitters(quiet);
    const heard: TraceEvent[] = [];
    const loud = new TraceLog();
    loud.on((e) => heard.push(e));
    viaEmitters(loud);
    expect(quiet.digest()).toBe(referenceDigest(entries));
    expect(loud.digest()).toBe(quiet.digest());
    expect(heard).toEqual(entries);
    expect(quiet.recent()).toEqual(entries.slice(-20));
  });

  it('recent() gives the last events, oldest first, as copies that later events do not change', () => {
    const log = new TraceLog();
    replay(log, events.slice(0, 100), true);
    const tail = log.recent();
    expect(tail).toEqual(events.slice(80, 100));
    replay(log, events.slice(100, 140), true);
    expect(tail).toEqual(events.slice(80, 100));
    expect(log.recent()).toEqual(events.slice(120, 140));
  });
});
