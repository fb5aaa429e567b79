/*
 * Turns a key's callback specs into the engine's create/shutdown/destroy coroutines. A callback
 * runs inside the calling thread: it works on-CPU, blocks, and calls back into the engine
 * (zone_find_by_id, zone_find_by_id_nolock, zone_getspecific/zone_setspecific with the
 * consumer's key variable as it stands, zone_hold, crhold/crfree traffic on zone_lock, a nested
 * zone_key_create of a lazy key). Durations are drawn from the workload PRNG.
 */

import type { Prng } from '../sim/prng.js';
import type { Co } from '../sim/thread.js';
import { zoneFindById } from '../zone/lookup.js';
import { zoneCredHold, zoneCredRele, zoneHold, zoneRele } from '../zone/refs.js';
import type { KeyVar, ZoneSystem } from '../zone/system.js';
import { GLOBAL_ZONEID, ZF_NET_EXCL, type Zone } from '../zone/zone.js';
import type { KeyCallbacks } from '../zsd/entry.js';
import { drawDuration } from './duration.js';
import type { CallbackSpec, KeySpec } from './types.js';

export interface CallbackContext {
  readonly s: ZoneSystem;
  readonly prng: Prng;
  readonly keyVars: ReadonlyMap<string, KeyVar>;
  /** Callbacks of every key, built lazily (nested zone_key_create needs its target's). */
  callbacksOf(name: string): KeyCallbacks;
}

export function buildCallbacks(ctx: CallbackContext, spec: KeySpec): KeyCallbacks {
  const { s } = ctx;
  const keyVar = ctx.keyVars.get(spec.name)!;
  const mod = spec.module ?? 'genunix';
  const c = spec.create;
  const sh = spec.shutdown;
  const d = spec.destroy;
  // Cred references this key's callbacks took (crhold) and may release (crfree), per zone.
  const creds = new Map<number, number>();
  return {
    name: spec.name,
    // The create returns its data pointer from run() itself: one coroutine less per callback.
    create: c ? (zoneid: number) => run(ctx, c, zoneid, keyVar, creds, true) : null,
    shutdown: sh ? (zoneid: number) => run(ctx, sh, zoneid, keyVar, creds) : null,
    destroy: d ? (zoneid: number) => run(ctx, d, zoneid, keyVar, creds) : null,
    createAddr: c ? s.fns.add(mod, `${spec.name}_create`) : 0,
    shutdownAddr: sh ? s.fns.add(mod, `${spec.name}_shutdown`) : 0,
    destroyAddr: d ? s.fns.add(mod, `${spec.name}_destroy`) : 0,
  };
}

/**
 * One callback's body; a create (`returnsData`) returns a fresh data pointer, a teardown 0. Kept
 * small: its generator is allocated for every callback, and most callbacks only work on-CPU.
 */
function* run(
  ctx: CallbackContext,
  spec: CallbackSpec,
  zoneid: number,
  keyVar: KeyVar,
  creds: Map<number, number>,
  returnsData = false,
): Co<number> {
  const s = ctx.s;
  const k = s.k;
  // The callback's own view of its zone (it was handed the zoneid; the zone_t is still alive).
  k.tracker.touch(s.byId);
  const z = s.byId.get(zoneid) ?? null;
  let ns = drawDuration(spec.duration, ctx.prng);
  if (z && (z.zone_flags & ZF_NET_EXCL) !== 0) ns += drawDuration(spec.exclusiveIpExtra, ctx.prng);
  if (k.startWork(ns)) yield;
  if (spec.actions.length > 0) yield actions(ctx, spec, zoneid, z, keyVar, creds);
  return returnsData ? s.dataAddr() : 0;
}

/** The callback's actions after its initial work, in order. */
function* actions(ctx: CallbackContext, spec: CallbackSpec, zoneid: number, z: Zone | null, keyVar: KeyVar, creds: Map<number, number>): Co {
  const { s, prng } = ctx;
  const k = s.k;
  for (const a of spec.actions) {
    switch (a.do) {
      case 'work':
        if (k.startWork(drawDuration(a.duration, prng))) yield;
        break;
      case 'block':
        yield k.sleep(drawDuration(a.duration, prng));
        break;
      case 'zcmn_err':
        // cprintf -> log_sendmsg looks the zone up only for a non-global zone (spec 5.2).
        if (zoneid === GLOBAL_ZONEID) break;
      // falls through
      case 'zone_find_by_id': {
        const found = (yield zoneFindById(s, zoneid)) as Zone | null;
        if (found) yield zoneRele(s, found);
        break;
      }
      case 'zone_find_by_id_nolock':
        yield s.ops.findByIdNolock(s, zoneid);
        break;
      case 'zone_getspecific':
        if (z) yield s.ops.getspecific(s, keyVar.value, z);
        break;
      case 'zone_setspecific':
        if (z) yield s.ops.setspecific(s, keyVar.value, z, s.dataAddr());
        break;
      case 'zone_hold':
        if (z) {
          yield zoneHold(s, z);
          yield zoneRele(s, z);
        }
        break;
      case 'crhold':
        if (z) {
          creds.set(zoneid, (creds.get(zoneid) ?? 0) + 1);
          yield zoneCredHold(s, z);
        }
        break;
      case 'crfree':
        if (z) {
          const held = creds.get(zoneid) ?? 0;
          if (held > 0) creds.set(zoneid, held - 1);
          yield zoneCredRele(s, z, held > 0);
        }
        break;
      case 'zone_key_create': {
        const target = ctx.keyVars.get(a.key)!;
        // A lazily registering consumer: only the first caller registers.
        if (target.value === 0 && !registering.has(target)) {
          registering.add(target);
          yield s.ops.keyCreate(s, target, ctx.callbacksOf(a.key));
        }
        break;
      }
    }
  }
}

const registering = new WeakSet<KeyVar>();
