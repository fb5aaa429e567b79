/*
 * Names a use-after-free for the hazard it is (spec 4.6), from what happened rather than from
 * where it was noticed: which thread touched freed memory, what it was waiting for and through
 * which apply loop, and who freed the memory and how.
 *
 * - T1: a waiter in zsd_wait_for_inprogress called from zsd_apply_all_keys (lockp NULL, the
 *   zone_shutdown/zone_destroy path) whose entry zone_key_delete's last phase freed while it slept.
 * - T2: a waiter called from zsd_apply_all_zones (lockp = zonehash_lock, the zone_key_create or
 *   zone_key_delete path), holding no hold on the zone, whose zone (and its entries) zone_free
 *   freed in the window where it held neither zone_lock nor zonehash_lock.
 * - other: anything else, with the same facts so a reader can judge it.
 */

import type { Hazard } from '../sim/kernel.js';
import type { Freeable } from '../sim/mutex.js';
import type { SimThread } from '../sim/thread.js';
import type { Phase } from '../trace/events.js';
import { ZsdEntry } from '../zsd/entry.js';

/** A thread inside zsd_wait_for_creator / zsd_wait_for_inprogress (ZoneSystem.waits). */
export interface ActiveWait {
  readonly tid: number;
  readonly zone: number;
  readonly key: number;
  readonly kind: 'creator' | 'inprogress';
  readonly since: number;
  /** The apply function's phase, and whether it came from zsd_apply_all_zones (lockp set). */
  readonly phase: Phase;
  readonly lockp: boolean;
}

export function describeFreedAccess(
  waits: ReadonlyMap<SimThread, ActiveWait>,
  t: SimThread,
  access: string,
  x: Freeable,
): { hazard: Hazard; message: string } {
  const w = waits.get(t);
  const rec = x.freedBy;
  const isEntry = x instanceof ZsdEntry;
  const what = !isEntry
    ? `zone ${(x as { zone_id?: number }).zone_id ?? '?'}`
    : rec?.by === 'zone_free'
      ? `zone ${x.zoneId} with its entry for key ${x.zsd_key}`
      : `the entry (zone ${x.zoneId}, key ${x.zsd_key})`;
  const freed = rec ? `${rec.label} freed ${what} (${rec.by}) at t=${rec.t}` : `${what} was freed`;
  const waited = w ? `waited in zsd_wait_for_${w.kind} on (zone ${w.zone}, key ${w.key}) from zsd_apply_all_${w.lockp ? 'zones' : 'keys'}` : '';
  if (w && w.lockp && (!isEntry || rec?.by === 'zone_free')) {
    return {
      hazard: 'T2',
      message: `T2: ${t.label} ${waited}, holding no hold on zone ${w.zone}; ${freed}; ${t.label} then ${access}`,
    };
  }
  if (w && !w.lockp && isEntry && rec?.by === 'zone_key_delete') {
    return { hazard: 'T1', message: `T1: ${t.label} ${waited}; ${freed}; ${t.label} then ${access}` };
  }
  return { hazard: 'other', message: `other: ${t.label} ${access}${waited ? ` after it ${waited}` : ''}; ${freed}` };
}
