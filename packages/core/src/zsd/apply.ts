/*
 * The apply functions and their drivers (spec 2.10-2.14), 2008 design.
 *
 * zsd_apply_{create,shutdown,destroy}(lockp, zoneLockHeld, Z, key) run one phase of one
 * (zone, key) entry if its NEEDED bit is set: flip NEEDED -> INPROGRESS under zone_lock, drop
 * zone_lock and lockp, run the callback with no framework lock held (I4), re-take lockp then
 * zone_lock, flip INPROGRESS -> COMPLETED, broadcast the entry's CV. They return whether any
 * lock was dropped, which makes zsd_apply_all_zones restart from the head of zone_active;
 * zsd_apply_all_keys restarts only after a callback ran (lockp is NULL there, spec 2.11).
 */

import type { FbtPair } from '../providers/declare.js';
import type { KMutex } from '../sim/mutex.js';
import type { Co } from '../sim/thread.js';
import type { ZoneSystem } from '../zone/system.js';
import type { Zone } from '../zone/zone.js';
import { ZsdFlag, zsdFind, type ZsdEntry } from './entry.js';
import { halt, type ApplyFn, type Teardown } from './ops.js';
import { waitForCreator, waitForInprogress } from './wait.js';

const bits = {
  create: { needed: ZsdFlag.CREATE_NEEDED, inprogress: ZsdFlag.CREATE_INPROGRESS, completed: ZsdFlag.CREATE_COMPLETED },
  shutdown: {
    needed: ZsdFlag.SHUTDOWN_NEEDED,
    inprogress: ZsdFlag.SHUTDOWN_INPROGRESS,
    completed: ZsdFlag.SHUTDOWN_COMPLETED,
  },
  destroy: { needed: ZsdFlag.DESTROY_NEEDED, inprogress: ZsdFlag.DESTROY_INPROGRESS, completed: ZsdFlag.DESTROY_COMPLETED },
} as const;

/** Spec 2.12. */
export const applyCreate: ApplyFn = function* (s, lockp, zoneLockHeld, z, key) {
  return (yield applyPhase(s, 'create', lockp, zoneLockHeld, z, key)) as boolean;
};

/** Spec 2.13. */
export const applyShutdown: ApplyFn = function* (s, lockp, zoneLockHeld, z, key) {
  return (yield applyPhase(s, 'shutdown', lockp, zoneLockHeld, z, key)) as boolean;
};

/** Spec 2.14. */
export const applyDestroy: ApplyFn = function* (s, lockp, zoneLockHeld, z, key) {
  return (yield applyPhase(s, 'destroy', lockp, zoneLockHeld, z, key)) as boolean;
};

function* applyPhase(
  s: ZoneSystem,
  phase: 'create' | Teardown,
  lockp: KMutex | null,
  zoneLockHeld: boolean,
  z: Zone,
  key: number,
): Co<boolean> {
  const k = s.k;
  const f = applyFbt(s, phase);
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, lockp, zoneLockHeld ? 1 : 0, z, key);
  if (lockp && lockp.owner !== k.cur) s.assertFailed(`zsd_apply_${phase}: lockp not held`);
  if (zoneLockHeld) {
    if (z.zone_lock.owner !== k.cur) s.assertFailed(`zsd_apply_${phase}: zone_lock not held`);
  } else yield k.enter(z.zone_lock);
  const e = zsdFind(z.zsd, key);
  if (e === null) {
    if (!zoneLockHeld && !k.exitInPlace(z.zone_lock)) yield;
    s.fnOut(f, 0);
    return false;
  }
  let dropped = false;
  // The creator does not wait for itself (spec 2.12); teardown waits for the creator first.
  // A wait whose condition is already false does nothing but its fbt probes: skip the call
  // when nobody observes them (same scheduling points, same events).
  const wc = s.P.fbt.zsd_wait_for_creator;
  const wi = s.P.fbt.zsd_wait_for_inprogress;
  if (phase !== 'create' && ((e.zsd_flags & ZsdFlag.CREATE_NEEDED) !== 0 || wc.entry.enabled || wc.ret.enabled)) {
    if ((yield waitForCreator(s, z, e, lockp, phase)) as boolean) dropped = true;
  }
  if ((e.zsd_flags & ZsdFlag.ALL_INPROGRESS) !== 0 || wi.entry.enabled || wi.ret.enabled) {
    if ((yield waitForInprogress(s, z, e, lockp, phase)) as boolean) dropped = true;
  }
  if ((e.zsd_flags & bits[phase].needed) !== 0) {
    dropped = true;
    // The callback with its flag changes (spec 2.12-2.14), inline rather than a coroutine of its
    // own: every step of the callback resumes one coroutine less.
    markInprogress(s, phase, z, e);
    if (!k.exitInPlace(z.zone_lock)) yield;
    if (lockp && !k.exitInPlace(lockp)) yield;
    callbackStart(s, phase, z, e);
    let result = 0;
    if (phase === 'create') result = (yield e.fns.create!(z.zone_id)) as number;
    else {
      // The data is read after the locks are gone (spec 2.13): an access outside zone_lock.
      k.tracker.touch(z.zone_lock.guarded);
      yield (phase === 'shutdown' ? e.fns.shutdown! : e.fns.destroy!)(z.zone_id, e.zsd_data);
    }
    callbackEnd(s, phase, z, e, result);
    if (lockp) yield k.enter(lockp);
    yield k.enter(z.zone_lock);
    // The label is built only for a freed entry (checkLive passes any other): once per callback.
    if (e.freed && !s.checkLive(e, `zsd_apply_${phase}`)) yield halt();
    markCompleted(s, phase, e, result);
    // cv_broadcast's scheduling point (k.broadcast without its coroutine).
    yield;
    s.log.phaseEvent('completed', s.now, k.cur.tid, phase, z.zone_id, e.zsd_key);
    const sdt = sdtOf(s, phase);
    if (sdt.completed.enabled) s.fire(sdt.completed, z, e.zsd_key);
  }
  if (!zoneLockHeld && !k.exitInPlace(z.zone_lock)) yield;
  s.fnOut(f, dropped ? 1 : 0);
  return dropped;
}

function sdtOf(s: ZoneSystem, phase: 'create' | Teardown): ZoneSystem['P']['sdt']['create'] {
  return phase === 'create' ? s.P.sdt.create : phase === 'shutdown' ? s.P.sdt.shutdown : s.P.sdt.destroy;
}

/** NEEDED -> INPROGRESS under zone_lock, before the locks are dropped. */
function markInprogress(s: ZoneSystem, phase: 'create' | Teardown, z: Zone, e: ZsdEntry): void {
  const b = bits[phase];
  const tid = s.k.cur.tid;
  e.zsd_flags = (e.zsd_flags & ~b.needed) | b.inprogress;
  e.runner = tid;
  s.log.phaseEvent('inprogress', s.now, tid, phase, z.zone_id, e.zsd_key);
  const p = sdtOf(s, phase).inprogress;
  if (p.enabled) s.fire(p, z, e.zsd_key);
}

/** The start probe, with no lock held, just before the callback. */
function callbackStart(s: ZoneSystem, phase: 'create' | Teardown, z: Zone, e: ZsdEntry): void {
  s.log.phaseEvent('start', s.now, s.k.cur.tid, phase, z.zone_id, e.zsd_key);
  const p = sdtOf(s, phase).start;
  if (p.enabled) s.fire(p, z, e.zsd_key);
  s.callbacks++;
}

/** The end probe: a create's carries its result (which must not be NULL), a teardown's the key. */
function callbackEnd(s: ZoneSystem, phase: 'create' | Teardown, z: Zone, e: ZsdEntry, result: number): void {
  const key = e.zsd_key;
  const p = sdtOf(s, phase).end;
  if (phase === 'create') {
    s.log.endResultEvent(s.now, s.k.cur.tid, phase, z.zone_id, key, result);
    if (p.enabled) s.fire(p, z, result);
    if (result === 0) s.assertFailed(`create callback of key ${key} returned NULL`);
  } else {
    s.log.phaseEvent('end', s.now, s.k.cur.tid, phase, z.zone_id, key);
    if (p.enabled) s.fire(p, z, key);
  }
}

/** INPROGRESS -> COMPLETED with the data the phase leaves, zone_lock held again; wakes waiters. */
function markCompleted(s: ZoneSystem, phase: 'create' | Teardown, e: ZsdEntry, result: number): void {
  const b = bits[phase];
  if (phase === 'create') e.zsd_data = result;
  else if (phase === 'destroy') e.zsd_data = 0;
  e.zsd_flags = (e.zsd_flags & ~b.inprogress) | b.completed;
  e.runner = -1;
  s.k.wakeAll(e.cv);
}

/**
 * Spec 2.10: every zone on zone_active; restart from the head after any drop. The restart makes
 * a pass over N zones with a callback each O(N²) visits; most are revisits of zones already done.
 * Such a revisit is, in the model, zone_lock taken and released around a lookup that finds
 * nothing to do. When nobody observes the apply function (its fbt probes, the wait functions'
 * fbt probes, lockstat) and the lock is taken without blocking or preemption, that revisit runs
 * inline: the same steps, clock, choices and trace events as the call, without its coroutines.
 */
export function* applyAllZones(s: ZoneSystem, fn: ApplyFn, key: number): Co {
  const k = s.k;
  const f = s.P.fbt.zsd_apply_all_zones;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, applyAddr(s, fn), key);
  yield k.enter(s.zonehash_lock);
  const phase = phaseOf(fn);
  // Decided once per pass, as applyAllKeys does: enablings change between runs, not mid-pass.
  const quick = unobserved(s, phase) && !k.probes.acquire.enabled && !k.probes.release.enabled;
  const mask = busyMask(phase);
  let z = s.active.head;
  while (z) {
    if (quick && nothingToDo(z, key, mask) && k.enterInPlace(z.zone_lock)) {
      if (!k.exitInPlace(z.zone_lock)) yield;
      z = s.active.next(z);
      continue;
    }
    if (yield applyPhase(s, phase, s.zonehash_lock, false, z, key)) z = s.active.head;
    else z = s.active.next(z);
  }
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  s.fnOut(f, 0);
}

/** The entry (z, key) is gone or has no NEEDED bit of this phase, no CN to wait for, nothing in progress. */
function nothingToDo(z: Zone, key: number, mask: number): boolean {
  const e = zsdFind(z.zsd, key);
  return e === null || (e.zsd_flags & mask) === 0;
}

/** Spec 2.11: every entry of one zone; restart from the head only after a callback ran. */
export function* applyAllKeys(s: ZoneSystem, fn: ApplyFn, z: Zone): Co {
  const k = s.k;
  const f = s.P.fbt.zsd_apply_all_keys;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, applyAddr(s, fn), z);
  yield k.enter(z.zone_lock);
  // With zone_lock held and no probe observing, an entry with nothing to do or wait for returns
  // false without a scheduling point; skipping the call keeps the run identical and keeps the
  // spec's quadratic restart loop cheap.
  const phase = phaseOf(fn);
  const quick = unobserved(s, phase);
  const mask = busyMask(phase);
  let e = quick ? nextBusy(z.zsd.head, mask) : z.zsd.head;
  while (e) {
    const restart = (yield applyPhase(s, phase, null, true, z, e.zsd_key)) as boolean;
    const from = restart ? z.zsd.head : e.lnext;
    e = quick ? nextBusy(from, mask) : from;
  }
  if (!k.exitInPlace(z.zone_lock)) yield;
  s.fnOut(f, 0);
}

/**
 * The first entry from `e` on with a flag in `mask`. A plain function, not part of the coroutine:
 * the skip loop runs O(N²) times over a pass and is optimised on its own.
 */
function nextBusy(e: ZsdEntry | null, mask: number): ZsdEntry | null {
  while (e !== null && (e.zsd_flags & mask) === 0) e = e.lnext;
  return e;
}

function applyAddr(s: ZoneSystem, fn: ApplyFn): number {
  return s.fns.addr(applyFbt(s, phaseOf(fn)).id);
}

function phaseOf(fn: ApplyFn): 'create' | Teardown {
  return fn === applyCreate ? 'create' : fn === applyShutdown ? 'shutdown' : 'destroy';
}

/** The apply function's fbt pair, by plain property loads (no probe lookup by name per call). */
function applyFbt(s: ZoneSystem, phase: 'create' | Teardown): FbtPair {
  const fbt = s.P.fbt;
  return phase === 'create' ? fbt.zsd_apply_create : phase === 'shutdown' ? fbt.zsd_apply_shutdown : fbt.zsd_apply_destroy;
}

/** Flags that make an apply call do or wait for something (teardown also waits for CN). */
function busyMask(phase: 'create' | Teardown): number {
  return ZsdFlag.ALL_INPROGRESS | bits[phase].needed | (phase === 'create' ? 0 : ZsdFlag.CREATE_NEEDED);
}

/** No fbt probe of the apply function or of the wait functions is enabled. */
function unobserved(s: ZoneSystem, phase: 'create' | Teardown): boolean {
  const fa = applyFbt(s, phase);
  const w1 = s.P.fbt.zsd_wait_for_creator;
  const w2 = s.P.fbt.zsd_wait_for_inprogress;
  return !(fa.entry.enabled || fa.ret.enabled || w1.entry.enabled || w1.ret.enabled || w2.entry.enabled || w2.ret.enabled);
}
