/*
 * zsd_wait_for_creator and zsd_wait_for_inprogress (spec 2.15, 2.16).
 *
 * Called with zone_lock held (and `lockp` too when non-NULL). Each loop iteration fires the
 * wait probe with the entry pointer, drops `lockp` before sleeping, and after waking re-takes
 * the locks global-first (zone_lock released, lockp, zone_lock) so spec 1.5's order holds.
 * Returns true only if `lockp` was dropped. Emits waitCreator/waitInprogress per iteration and
 * waitEnd when the loop exits. After every wake-up the entry is checked for having been freed
 * meanwhile (spec 4.6 T1); the zone is checked by mutex_enter itself (T2).
 */

import type { KMutex } from '../sim/mutex.js';
import type { Co } from '../sim/thread.js';
import type { Phase } from '../trace/events.js';
import type { ZoneSystem } from '../zone/system.js';
import type { Zone } from '../zone/zone.js';
import { ZsdFlag, type ZsdEntry } from './entry.js';
import { halt } from './ops.js';

/** `phase` is the apply function that waits (zsd_apply_<phase>); it only labels events and reports. */
export function* waitForCreator(s: ZoneSystem, z: Zone, e: ZsdEntry, lockp: KMutex | null, phase: Phase): Co<boolean> {
  return (yield waitLoop(s, z, e, lockp, 'creator', ZsdFlag.CREATE_NEEDED, phase)) as boolean;
}

export function* waitForInprogress(s: ZoneSystem, z: Zone, e: ZsdEntry, lockp: KMutex | null, phase: Phase): Co<boolean> {
  return (yield waitLoop(s, z, e, lockp, 'inprogress', ZsdFlag.ALL_INPROGRESS, phase)) as boolean;
}

function* waitLoop(
  s: ZoneSystem,
  z: Zone,
  e: ZsdEntry,
  lockp: KMutex | null,
  kind: 'creator' | 'inprogress',
  mask: number,
  phase: Phase,
): Co<boolean> {
  const f = kind === 'creator' ? s.P.fbt.zsd_wait_for_creator : s.P.fbt.zsd_wait_for_inprogress;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z, e, lockp);
  const k = s.k;
  const me = k.cur;
  let dropped = false;
  let since = -1;
  while ((e.zsd_flags & mask) !== 0) {
    if (since < 0) {
      since = s.now;
      s.waits.set(me, { tid: me.tid, zone: z.zone_id, key: e.zsd_key, kind, since, phase, lockp: lockp !== null });
    }
    const holder = kind === 'inprogress' ? e.runner : -1;
    s.emit({
      kind: kind === 'creator' ? 'waitCreator' : 'waitInprogress',
      t: s.now,
      tid: me.tid,
      zone: z.zone_id,
      key: e.zsd_key,
      flags: e.zsd_flags,
      holder,
      phase,
    });
    const p = kind === 'creator' ? s.P.sdt.waitForCreator : s.P.sdt.waitForInprogress;
    if (p.enabled) s.fire(p, z, e);
    if (lockp) {
      dropped = true;
      if (!k.exitInPlace(lockp)) yield;
    }
    me.waitHolder = holder;
    yield k.cvWait(e.cv, z.zone_lock);
    me.waitHolder = -1;
    if (lockp) {
      if (!k.exitInPlace(z.zone_lock)) yield;
      yield k.enter(lockp);
      yield k.enter(z.zone_lock);
    }
    if (!s.checkLive(e, `zsd_wait_for_${kind}`)) return (yield halt()) as never;
  }
  if (since >= 0) {
    s.waits.delete(me);
    s.emit({ kind: 'waitEnd', t: s.now, tid: me.tid, wait: kind, zone: z.zone_id, key: e.zsd_key, since });
  }
  s.fnOut(f, dropped ? 1 : 0);
  return dropped;
}
