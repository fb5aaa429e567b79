/*
 * The engine's objects by simulated address, for the D runtime's Host.object: a D program that
 * casts an address to an engine struct (`((zone_t *)arg0)->zone_name`) or follows curthread
 * reads the object living there. Zones, their zone_lock, ZSD entries (registered templates and
 * per-zone instances), the system's global locks, threads (at their curthread address) and
 * their processes (a view built on demand, one per pid). Lookups scan the live objects: they
 * serve casts, not the argument reads of every probe firing.
 *
 * The members of the thread and process views are the kernel library's kthread_t and proc_t
 * (providers/types.ts).
 */

import type { Kernel } from '../sim/kernel.js';
import type { SimThread } from '../sim/thread.js';
import type { ZoneSystem } from './system.js';

/** proc_t addresses: one page per pid above the threads. */
const PROC_BASE = 0x3800_0000_0000;
const PROC_END = 0x4000_0000_0000;

export function engineObjectAt(s: ZoneSystem, addr: number): object | null {
  const t = s.k.threadAt(addr);
  if (t) return threadView(s.k, t);
  if (addr >= PROC_BASE && addr < PROC_END) return (addr - PROC_BASE) % 0x1000 === 0 ? procView(s.k, (addr - PROC_BASE) / 0x1000) : null;
  for (const lock of [s.pool_lock, s.cpu_lock, s.zonehash_lock, s.zone_status_lock, s.zsd_key_lock]) if (lock.addr === addr) return lock;
  for (let e = s.registered.head; e; e = e.lnext) if (e.addr === addr) return e;
  for (const z of zones(s)) {
    if (z.addr === addr) return z;
    if (z.zone_lock.addr === addr) return z.zone_lock;
    for (let e = z.zsd.head; e; e = e.lnext) if (e.addr === addr) return e;
  }
  return null;
}

function* zones(s: ZoneSystem): Iterable<import('./zone.js').Zone> {
  for (let z = s.active.head; z; z = z.lnext) yield z;
  yield* s.byId.values();
  yield* s.deathrow;
}

function threadView(k: Kernel, t: SimThread): object {
  return { t_tid: t.tid, t_procp: procView(k, t.info.pid), t_name: t.name, t_cpu: t.info.cpu, addr: t.info.curthread };
}

function procView(k: Kernel, pid: number): object | null {
  const t = pid === 0 ? k.idle : k.threads.find((x) => x.info.pid === pid);
  if (!t) return null;
  return { p_pid: pid, p_ppid: t.info.ppid, p_comm: t.name, p_zonename: t.info.zonename, addr: PROC_BASE + pid * 0x1000 };
}
