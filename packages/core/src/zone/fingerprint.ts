/*
 * A fingerprint of the simulated kernel's visible state: zones (status, references, flags, ZSD
 * entries with their flags and whether they hold data), registered keys, mutex owners and
 * waiters, and every live thread's state, what it waits on, the locks it holds and its stack of
 * engine functions. The exhaustive explorer counts distinct fingerprints as its "distinct
 * states" (TLC's figure). A thread's local variables are not visible, so equal fingerprints do
 * not prove equal states: it counts, it never prunes.
 */

import type { Kernel } from '../sim/kernel.js';
import { stringHash } from '../sim/trace-log.js';
import type { ZoneSystem } from './system.js';
import type { Zone } from './zone.js';

export function stateFingerprint(s: ZoneSystem, k: Kernel): number {
  const parts: string[] = [];
  const zone = (z: Zone): void => {
    let line = `z${z.zone_id}:${z.zone_status}:${z.zone_ref}:${z.zone_cred_ref}:${z.zone_flags}:${z.hashed ? 1 : 0}:${z.freed ? 1 : 0}:${z.zone_kthreads}`;
    for (let e = z.zsd.head; e; e = e.lnext) line += `|${e.zsd_key}:${e.zsd_flags}:${e.zsd_data === 0 ? 0 : 1}`;
    const m = z.zone_lock;
    line += `#${m.owner?.tid ?? 0}:${m.waiters.map((t) => t.tid).join(',')}`;
    parts.push(line);
  };
  for (const z of s.active) zone(z);
  for (const z of s.deathrow) zone(z);
  let keys = 'k';
  for (let t = s.registered.head; t; t = t.lnext) keys += `${t.zsd_key},`;
  parts.push(keys);
  for (const m of [s.pool_lock, s.cpu_lock, s.zonehash_lock, s.zone_status_lock, s.zsd_key_lock]) {
    parts.push(`${m.label}:${m.owner?.tid ?? 0}:${m.waiters.map((t) => t.tid).join(',')}`);
  }
  for (const t of k.threads) {
    parts.push(`t${t.tid}:${t.state}:${t.blockedOn?.label ?? ''}:${t.holds.map((m) => m.label).join(',')}:${t.frames.join(',')}`);
  }
  return stringHash(parts.join(';'));
}
