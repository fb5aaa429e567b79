/*
 * A fingerprint of the simulated kernel's visible state: zones (status, references, flags, ZSD
 * entries with their flags and whether they hold data), registered keys, mutex owners and
 * waiters, and every live thread's state, what it waits on, the locks it holds and its stack of
 * engine functions. The exhaustive explorer counts distinct fingerprints as its "distinct
 * states" (TLC's figure). A thread's local variables are not visible, so equal fingerprints do
 * not prove equal states: it counts, it never prunes. Numbers are folded directly (no strings):
 * the explorer takes one at every new scheduling decision.
 */

import type { KMutex } from '../sim/mutex.js';
import type { Kernel } from '../sim/kernel.js';
import type { ThreadState } from '../sim/thread.js';
import type { ZoneSystem } from './system.js';
import type { Zone } from './zone.js';

const PRIME = 0x01000193;
const mix = (h: number, v: number): number => Math.imul(h ^ (v | 0), PRIME);
const stateCode: Record<ThreadState, number> = { run: 1, ready: 2, blocked: 3, sleep: 4, busy: 5, done: 6 };

function mutex(h: number, m: KMutex): number {
  h = mix(h, m.labelHash);
  h = mix(h, m.owner?.tid ?? 0);
  for (const w of m.waiters) h = mix(h, w.tid);
  return mix(h, -1);
}

function zone(h: number, z: Zone): number {
  h = mix(h, z.zone_id);
  h = mix(h, z.zone_status);
  h = mix(h, z.zone_ref);
  h = mix(h, z.zone_cred_ref);
  h = mix(h, z.zone_flags);
  h = mix(h, (z.hashed ? 1 : 0) | (z.freed ? 2 : 0));
  h = mix(h, z.zone_kthreads);
  for (let e = z.zsd.head; e; e = e.lnext) {
    h = mix(h, e.zsd_key);
    h = mix(h, e.zsd_flags | (e.zsd_data === 0 ? 0 : 0x10000));
  }
  return mutex(h, z.zone_lock);
}

export function stateFingerprint(s: ZoneSystem, k: Kernel): number {
  let h = 0x811c9dc5;
  for (const z of s.active) h = zone(h, z);
  h = mix(h, -2);
  for (const z of s.deathrow) h = zone(h, z);
  h = mix(h, -3);
  for (let t = s.registered.head; t; t = t.lnext) h = mix(h, t.zsd_key);
  for (const m of [s.pool_lock, s.cpu_lock, s.zonehash_lock, s.zone_status_lock, s.zsd_key_lock]) h = mutex(h, m);
  for (const t of k.threads) {
    h = mix(h, t.tid);
    h = mix(h, stateCode[t.state]);
    const b = t.blockedOn;
    if (b) h = mix(h, 'labelHash' in b ? b.labelHash : b.waiters.length + 0x7000_0000);
    for (const m of t.holds) h = mix(h, m.labelHash);
    h = mix(h, -4);
    for (const f of t.frames) h = mix(h, f);
    h = mix(h, -5);
  }
  return h >>> 0;
}
