/*
 * Builds hand-made traces in the engine's event alphabet for the checker tests: a good lifecycle
 * (key create on zone 0, zone 1 created, booted, shut down and destroyed, key deleted) made of
 * small steps, so that a test can drop, repeat or reorder one step to break one property.
 */

import type { MarkSource, Operation, Phase, TraceEvent } from '../../src/trace/events.js';

type Body<E> = E extends TraceEvent ? Omit<E, 't' | 'tid'> : never;

export const zoneLock = (z: number): string => `zone_lock[${z}]`;

export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  private t = 0;
  private opId = 0;

  ev(tid: number, body: Body<TraceEvent>): this {
    this.t += 10;
    this.events.push({ ...body, t: this.t, tid } as TraceEvent);
    return this;
  }

  lock(tid: number, ...names: string[]): this {
    for (const lock of names) this.ev(tid, { kind: 'lockAcquire', lock, blockedNs: 0 });
    return this;
  }

  unlock(tid: number, ...names: string[]): this {
    for (const lock of names) this.ev(tid, { kind: 'lockRelease', lock });
    return this;
  }

  begin(tid: number, op: Operation, ids: { zone?: number; key?: number } = {}): number {
    const opId = ++this.opId;
    this.ev(tid, { kind: 'opBegin', op, opId, ...ids });
    return opId;
  }

  end(tid: number, op: Operation, opId: number, ids: { zone?: number; key?: number; rc?: number } = {}): this {
    return this.ev(tid, { kind: 'opEnd', op, opId, ...ids });
  }

  status(zone: number, from: number, to: number, tid = 9): this {
    return this.ev(tid, { kind: 'status', zone, from, to });
  }

  needed(tid: number, phase: Phase, zone: number, key: number, src: MarkSource): this {
    return this.ev(tid, { kind: 'needed', phase, zone, key, src });
  }

  /** One apply step with zone_lock (and `lockp`, if any) held around the flag flips. */
  run(tid: number, phase: Phase, zone: number, key: number, opts: { lockp?: string; result?: number } = {}): this {
    const outer = opts.lockp ? [opts.lockp] : [];
    this.lock(tid, ...outer, zoneLock(zone));
    this.ev(tid, { kind: 'inprogress', phase, zone, key });
    this.unlock(tid, zoneLock(zone), ...outer.reverse());
    this.ev(tid, { kind: 'start', phase, zone, key });
    this.ev(tid, phase === 'create' ? { kind: 'end', phase, zone, key, result: opts.result ?? 0x100 } : { kind: 'end', phase, zone, key });
    this.lock(tid, ...outer, zoneLock(zone));
    this.ev(tid, { kind: 'completed', phase, zone, key });
    return this.unlock(tid, zoneLock(zone), ...outer);
  }

  /** zone_key_create(key) with a create function, from tid, visiting the zones given. */
  keyCreate(tid: number, key: number, visits: readonly { zone: number; status: number; decision: 'alloc' | 'exists' | 'skip' }[], result = 0x100): this {
    const op = this.begin(tid, 'zone_key_create');
    this.lock(tid, 'zsd_key_lock').ev(tid, { kind: 'keyPublish', key }).unlock(tid, 'zsd_key_lock');
    this.lock(tid, 'zonehash_lock');
    for (const v of visits) {
      this.lock(tid, zoneLock(v.zone));
      this.ev(tid, { kind: 'markVisit', zone: v.zone, key, status: v.status, decision: v.decision });
      if (v.decision === 'alloc') {
        this.ev(tid, { kind: 'alloc', zone: v.zone, key, src: 'keyCreate' });
        this.needed(tid, 'create', v.zone, key, 'keyCreate');
      }
      this.unlock(tid, zoneLock(v.zone));
    }
    this.unlock(tid, 'zonehash_lock');
    for (const v of visits) if (v.decision === 'alloc') this.run(tid, 'create', v.zone, key, { lockp: 'zonehash_lock', result });
    return this.end(tid, 'zone_key_create', op, { key });
  }

  /** zone_create(zone) by tid with zsched thread zs configuring the given keys (all with create). */
  zoneCreate(tid: number, zs: number, zone: number, keys: readonly number[], result = 0x200): this {
    const op = this.begin(tid, 'zone_create');
    this.lock(zs, 'zonehash_lock', zoneLock(zone), 'zsd_key_lock');
    for (const key of keys) {
      this.ev(zs, { kind: 'alloc', zone, key, src: 'configure' });
      this.needed(zs, 'create', zone, key, 'configure');
    }
    this.unlock(zs, 'zsd_key_lock', zoneLock(zone));
    this.status(zone, 0, 1, zs).unlock(zs, 'zonehash_lock');
    for (const key of keys) this.run(zs, 'create', zone, key, { result });
    this.status(zone, 1, 2, zs);
    return this.end(tid, 'zone_create', op, { zone, rc: zone });
  }

  getspecific(tid: number, zone: number, key: number, value: number): this {
    return this.ev(tid, { kind: 'getspecific', zone, key, value });
  }
}

/** The whole good trace: every property holds on it. */
export function goodTrace(): TraceBuilder {
  const b = new TraceBuilder();
  b.keyCreate(1, 1, [{ zone: 0, status: 4, decision: 'alloc' }], 0x100);
  b.zoneCreate(2, 3, 1, [1], 0x200);
  b.getspecific(3, 1, 1, 0x200);
  // A second key created while zone 1 is READY, with a wait on zone 0's entry.
  b.keyCreate(1, 2, [{ zone: 0, status: 4, decision: 'alloc' }, { zone: 1, status: 2, decision: 'alloc' }], 0x300);
  b.ev(4, { kind: 'waitInprogress', zone: 1, key: 2, flags: 2, holder: 1 });
  b.ev(4, { kind: 'waitInprogress', zone: 1, key: 2, flags: 2, holder: 1 });
  b.ev(4, { kind: 'waitEnd', wait: 'inprogress', zone: 1, key: 2, since: 0 });
  // zone_shutdown(1)
  b.status(1, 2, 3).status(1, 3, 4);
  const sh = b.begin(5, 'zone_shutdown', { zone: 1 });
  b.status(1, 4, 6);
  b.lock(5, zoneLock(1)).needed(5, 'shutdown', 1, 1, 'zoneShutdown').unlock(5, zoneLock(1));
  b.run(5, 'shutdown', 1, 1);
  b.status(1, 6, 7);
  b.end(5, 'zone_shutdown', sh, { zone: 1, rc: 0 });
  // zone_destroy(1)
  const de = b.begin(5, 'zone_destroy', { zone: 1 });
  b.status(1, 7, 8).status(1, 8, 9);
  b.lock(5, zoneLock(1));
  b.needed(5, 'destroy', 1, 1, 'zoneDestroy').needed(5, 'destroy', 1, 2, 'zoneDestroy');
  b.unlock(5, zoneLock(1));
  b.run(5, 'destroy', 1, 1).run(5, 'destroy', 1, 2);
  b.getspecific(5, 1, 1, 0);
  b.end(5, 'zone_destroy', de, { zone: 1, rc: 0 });
  b.ev(5, { kind: 'free', zone: 1, key: 1, src: 'zoneFree' });
  b.ev(5, { kind: 'free', zone: 1, key: 2, src: 'zoneFree' });
  // zone_key_delete(1): shutdown and destroy on zone 0, then free.
  const kd = b.begin(1, 'zone_key_delete', { key: 1 });
  b.lock(1, 'zonehash_lock', zoneLock(0));
  b.needed(1, 'shutdown', 0, 1, 'keyDelete').needed(1, 'destroy', 0, 1, 'keyDelete');
  b.unlock(1, zoneLock(0), 'zonehash_lock');
  b.run(1, 'shutdown', 0, 1, { lockp: 'zonehash_lock' }).run(1, 'destroy', 0, 1, { lockp: 'zonehash_lock' });
  b.lock(1, 'zonehash_lock', zoneLock(0)).ev(1, { kind: 'free', zone: 0, key: 1, src: 'keyDelete' }).unlock(1, zoneLock(0), 'zonehash_lock');
  b.end(1, 'zone_key_delete', kd, { key: 1, rc: 0 });
  return b;
}
