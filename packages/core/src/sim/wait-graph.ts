/*
 * The wait-for graph between threads: a thread blocked on a mutex waits for its owner; a
 * thread sleeping in a ZSD wait waits for the thread running the awaited callback (when known).
 * Used to name the cycle in a deadlock report. Read-only: it never changes thread state.
 */

import { CondVar } from './condvar.js';
import { KMutex } from './mutex.js';
import type { SimThread } from './thread.js';

/** Whom `t` waits for, if anyone. */
export function waitsFor(t: SimThread, byTid: (tid: number) => SimThread | undefined): SimThread | null {
  const b = t.blockedOn;
  if (b instanceof KMutex) return b.owner;
  if (b && t.waitHolder >= 0) return byTid(t.waitHolder) ?? null;
  return null;
}

/** The cycle of mutex waits starting at `t`, or null. Follows owners only (cheap, exact). */
export function lockCycle(t: SimThread): SimThread[] | null {
  // The usual case, an owner that is not itself blocked on a mutex, allocates nothing.
  const first = t.blockedOn instanceof KMutex && t.state === 'blocked' ? t.blockedOn.owner : null;
  if (first === null || (first !== t && (first.state !== 'blocked' || !(first.blockedOn instanceof KMutex)))) return null;
  const path: SimThread[] = [t];
  let cur: SimThread = t;
  for (let n = 0; n < 64; n++) {
    const b = cur.blockedOn;
    if (!(b instanceof KMutex) || cur.state !== 'blocked') return null;
    const o = b.owner;
    if (!o) return null;
    if (o === t) return path;
    if (path.includes(o)) return null;
    path.push(o);
    cur = o;
  }
  return null;
}

/** Any cycle in the full wait-for graph (mutexes and ZSD waits), for reports. */
export function findCycle(threads: readonly SimThread[], byTid: (tid: number) => SimThread | undefined): SimThread[] {
  for (const start of threads) {
    const seen: SimThread[] = [];
    let cur: SimThread | null = start;
    while (cur && cur.state !== 'done') {
      const at = seen.indexOf(cur);
      if (at >= 0) return seen.slice(at);
      seen.push(cur);
      cur = waitsFor(cur, byTid);
    }
  }
  return [];
}

/** What `t` is waiting on, for reports: a mutex with its owner, a CV with the awaited work. */
export function describeWait(t: SimThread): string {
  const b = t.blockedOn;
  if (!b) return t.state === 'busy' ? 'work' : t.state === 'sleep' ? 'delay' : t.state;
  if (b instanceof CondVar) return b.label + (t.waitHolder >= 0 ? ` (work of tid ${t.waitHolder})` : '');
  return `${b.label} (owner ${'owner' in b ? (b.owner?.label ?? 'none') : 'none'})`;
}
