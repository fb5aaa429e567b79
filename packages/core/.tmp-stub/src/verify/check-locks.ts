/*
 * Lock properties from mutex traffic (spec 4.2): I4 (a thread holds none of zonehash_lock,
 * zsd_key_lock or any zone_lock at the start or the end of a callback it runs; locks it takes
 * and drops inside the callback, e.g. zone_find_by_id's zonehash_lock, are allowed) and I9 (no
 * thread takes zonehash_lock while holding a zone_lock or zsd_key_lock, or a zone_lock while
 * holding zsd_key_lock — the documented order zonehash_lock → zone_lock → zsd_key_lock, spec 1.5).
 *
 * Input: one event and the thread's held locks before it. It does not judge workload locks
 * ("other"): a consumer may hold its own locks across zone_key_create (spec 1.5, last row).
 */

import type { TraceEvent } from '../trace/events.js';
import { lockClass, type LockClass, type TraceModel } from './trace-model.js';
import type { Report } from './report.js';

export function checkLocks(m: TraceModel, e: TraceEvent, report: Report): void {
  if (e.kind === 'start' || e.kind === 'end') {
    const th = m.thread(e.tid);
    const held = th.locks.filter((l) => lockClass(l) !== 'other');
    if (held.length > 0) {
      report(
        'I4',
        `thread ${e.tid} holds ${held.join(', ')} at ${e.phase}-${e.kind} of zone ${e.zone} key ${e.key}`,
        e,
        [...th.recent.toArray(), e],
        e.zone,
        e.key,
      );
    }
    return;
  }
  if (e.kind !== 'lockAcquire') return;
  const c = lockClass(e.lock);
  if (c === 'other') return;
  const th = m.thread(e.tid);
  const forbidden: readonly LockClass[] = c === 'zonehash' ? ['zone', 'zsdKey'] : c === 'zone' ? ['zsdKey'] : [];
  const conflict = th.locks.filter((l) => forbidden.includes(lockClass(l)));
  if (conflict.length > 0) {
    report(
      'I9',
      `thread ${e.tid} takes ${e.lock} while holding ${conflict.join(', ')} (order is zonehash_lock → zone_lock → zsd_key_lock)`,
      e,
      [...th.recent.toArray(), e],
    );
  }
}
