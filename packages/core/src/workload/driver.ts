/*
 * The workload driver: turns a Workload into simulated threads.
 *
 * - `sched` (pid 0) registers the boot keys on zone0, marks zone_init done, then starts a cycle:
 *   it creates and boots the zones marked `initial: "running"` itself (so they run before any
 *   other thread of the cycle exists, whatever the schedule), then spawns one `zoneadmd` thread per zone (create, getattr, boot, shutdown, destroy, deathrow) and one
 *   `modload` thread per module (zone_key_create of its keys, later zone_key_delete in
 *   reverse). In continuous mode a new cycle starts every `period` until stop() is asked.
 * Times in the workload are relative to the start of their cycle.
 */

import type { Kernel } from '../sim/kernel.js';
import type { Prng } from '../sim/prng.js';
import type { Co } from '../sim/thread.js';
import { zoneCreate, zoneBoot, zoneDestroy, zoneShutdown, zthread } from '../zone/lifecycle.js';
import { zoneGetattrStatus } from '../zone/lookup.js';
import { zoneCredHold, zoneCredRele } from '../zone/refs.js';
import type { KeyVar, ZoneSystem } from '../zone/system.js';
import type { Zone } from '../zone/zone.js';
import type { KeyCallbacks } from '../zsd/entry.js';
import { buildCallbacks, type CallbackContext } from './callbacks.js';
import { drawDuration } from './duration.js';
import type { ModuleSpec, Workload, ZoneSpec } from './types.js';

export interface DriverControl {
  stopping: boolean;
}

export function startWorkload(s: ZoneSystem, w: Workload, prng: Prng, continuous: boolean, control: DriverControl): void {
  const keyVars = new Map<string, KeyVar>(w.keys.map((k) => [k.name, s.keyVar(k.name)]));
  const built = new Map<string, KeyCallbacks>();
  const specs = new Map(w.keys.map((k) => [k.name, k]));
  const ctx: CallbackContext = {
    s,
    prng,
    keyVars,
    callbacksOf(name) {
      let cb = built.get(name);
      if (!cb) {
        cb = buildCallbacks(ctx, specs.get(name)!);
        built.set(name, cb);
      }
      return cb;
    },
  };
  const loaded = new Set<string>();
  const k = s.k;
  // The bodies below call module-level functions (drawDuration, until), not closures made
  // afresh for each run: a call site that met one run's closure is deoptimised by the next's.

  const zoneName = (z: ZoneSpec, i: number): string => (z.count > 1 ? `${z.name}${i + 1}` : z.name);

  /** Creates and boots the zones a cycle starts with (`initial: "running"`), in order. */
  function* startRunning(): Co<Map<ZoneSpec, Zone[]>> {
    const out = new Map<ZoneSpec, Zone[]>();
    for (const z of w.zones) {
      if (z.initial !== 'running') continue;
      const zones: Zone[] = [];
      for (let i = 0; i < z.count; i++) {
        const zone = (yield zoneCreate(s, zoneName(z, i), z.exclusiveIp, w.costs)) as Zone;
        yield zoneBoot(s, zone.zone_id);
        zones.push(zone);
      }
      out.set(z, zones);
    }
    return out;
  }

  function* zoneLife(base: number, z: ZoneSpec, i: number, running: Zone | undefined): Co {
    const off = i * z.spacing;
    let zone: Zone;
    if (running) zone = running;
    else {
      yield until(k, base + drawDuration(z.createAt, prng) + off);
      zone = (yield zoneCreate(s, zoneName(z, i), z.exclusiveIp, w.costs)) as Zone;
      yield zoneGetattrStatus(s, zone.zone_id);
    }
    const linger = z.zthreadExit;
    if (linger !== undefined) {
      zone.zone_kthreads++;
      k.spawn('zthread', zone.zone_name, -1, () => zthread(s, zone, () => drawDuration(linger, prng)));
    }
    if (z.deathrow !== undefined) yield zoneCredHold(s, zone);
    if (!running && z.bootAt !== undefined) {
      yield until(k, base + drawDuration(z.bootAt, prng) + off);
      yield zoneBoot(s, zone.zone_id);
    }
    if (z.haltAt !== undefined) {
      yield until(k, base + drawDuration(z.haltAt, prng) + off);
      yield zoneShutdown(s, zone.zone_id, w.costs);
      yield zoneDestroy(s, zone.zone_id);
      if (z.deathrow !== undefined) {
        yield k.sleep(drawDuration(z.deathrow, prng));
        yield zoneCredRele(s, zone);
      }
    }
  }

  function* moduleLife(base: number, m: ModuleSpec): Co {
    yield until(k, base + drawDuration(m.loadAt, prng));
    if (loaded.has(m.name)) return;
    loaded.add(m.name);
    const fl = s.P.fbt.modload;
    s.fnIn(fl);
    if (fl.entry.enabled) s.fire(fl.entry, m.name);
    for (const name of m.keys) yield s.ops.keyCreate(s, keyVars.get(name)!, ctx.callbacksOf(name));
    s.fnOut(fl, 0);
    if (m.unloadAt === undefined) return;
    yield until(k, base + drawDuration(m.unloadAt, prng));
    const fu = s.P.fbt.modunload;
    s.fnIn(fu);
    if (fu.entry.enabled) s.fire(fu.entry, m.name);
    for (let j = m.keys.length - 1; j >= 0; j--) {
      const kv = keyVars.get(m.keys[j]!)!;
      yield s.ops.keyDelete(s, kv.value);
      kv.value = 0;
    }
    s.fnOut(fu, 0);
    loaded.delete(m.name);
  }

  let zoneadmdPid = 100;
  function spawnCycle(base: number, running: ReadonlyMap<ZoneSpec, readonly Zone[]>): void {
    for (const z of w.zones)
      for (let i = 0; i < z.count; i++) k.spawn('zoneadmd', 'global', zoneadmdPid++, () => zoneLife(base, z, i, running.get(z)?.[i]));
    for (const m of w.modules) k.spawn('modload', 'global', 3, () => moduleLife(base, m));
  }

  function* boot(): Co {
    for (const key of w.keys) {
      if (key.module !== undefined || key.lazy) continue;
      yield s.ops.keyCreate(s, keyVars.get(key.name)!, ctx.callbacksOf(key.name));
    }
    s.hashTablesReady = true; // zone_init()
    for (;;) {
      const base = k.now;
      spawnCycle(base, (yield startRunning()) as Map<ZoneSpec, Zone[]>);
      if (!continuous) return;
      yield k.sleep(w.period);
      if (control.stopping) return;
    }
  }

  k.spawn('sched', 'global', 0, boot);
}

/** Sleeps until virtual time `t` (no scheduling point if it has come). */
function* until(k: Kernel, t: number): Co {
  if (t > k.now) yield k.sleep(t - k.now);
}
