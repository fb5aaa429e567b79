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
    // The create returns its data pointer from the run itself: one coroutine less per callback.
    create: c ? (zoneid: number) => new CallbackRun(ctx, c, zoneid, keyVar, creds, true).co() : null,
    shutdown: sh ? (zoneid: number) => new CallbackRun(ctx, sh, zoneid, keyVar, creds, false).co() : null,
    destroy: d ? (zoneid: number) => new CallbackRun(ctx, d, zoneid, keyVar, creds, false).co() : null,
    createAddr: c ? s.fns.add(mod, `${spec.name}_create`) : 0,
    shutdownAddr: sh ? s.fns.add(mod, `${spec.name}_shutdown`) : 0,
    destroyAddr: d ? s.fns.add(mod, `${spec.name}_destroy`) : 0,
  };
}

/** The scheduler's view of a CallbackRun's step: a scheduling point (shared, never written). */
const PAUSE: IteratorResult<undefined, number> = { value: undefined, done: false };

/** Where a CallbackRun resumes: at its start, after its work, after its actions. */
const RunAt = { start: 0, worked: 1, acted: 2 } as const;
type RunAt = (typeof RunAt)[keyof typeof RunAt];

/**
 * One callback's body; a create (`returnsData`) returns a fresh data pointer, a teardown 0. It is
 * an iterator the scheduler resumes as it would this generator (see Co in sim/thread.ts):
 *
 *   k.tracker.touch(s.byId);                // its own view of its zone, by the zoneid it was handed
 *   const z = s.byId.get(zoneid) ?? null;
 *   let ns = drawDuration(spec.duration, prng);
 *   if (z && (z.zone_flags & ZF_NET_EXCL) !== 0) ns += drawDuration(spec.exclusiveIpExtra, prng);
 *   if (k.startWork(ns)) yield;
 *   if (spec.actions.length > 0) yield actions(ctx, spec, zoneid, z, keyVar, creds);
 *   return returnsData ? s.dataAddr() : 0;
 *
 * One is made for every callback, and most callbacks only work on-CPU: this object is a few
 * fields where the generator was a frame of registers, and it steps without a generator resume.
 */
class CallbackRun {
  private at: RunAt = RunAt.start;
  private z: Zone | null = null;

  constructor(
    private readonly ctx: CallbackContext,
    private readonly spec: CallbackSpec,
    private readonly zoneid: number,
    private readonly keyVar: KeyVar,
    private readonly creds: Map<number, number>,
    private readonly returnsData: boolean,
  ) {}

  co(): Co<number> {
    return this as unknown as Co<number>;
  }

  next(): IteratorResult<Co<unknown> | undefined, number> {
    const s = this.ctx.s;
    const spec = this.spec;
    switch (this.at) {
      case RunAt.start: {
        const k = s.k;
        const prng = this.ctx.prng;
        k.tracker.touch(s.byId);
        const z = s.byId.get(this.zoneid) ?? null;
        this.z = z;
        let ns = drawDuration(spec.duration, prng);
        if (z && (z.zone_flags & ZF_NET_EXCL) !== 0) ns += drawDuration(spec.exclusiveIpExtra, prng);
        if (k.startWork(ns)) {
          this.at = RunAt.worked;
          return PAUSE;
        }
      }
      // falls through
      case RunAt.worked:
        if (spec.actions.length > 0) {
          this.at = RunAt.acted;
          return { value: actions(this.ctx, spec, this.zoneid, this.z, this.keyVar, this.creds), done: false };
        }
      // falls through
      default:
        return { value: this.returnsData ? s.dataAddr() : 0, done: true };
    }
  }

  /** So that `yield*` works too. */
  [Symbol.iterator](): this {
    return this;
  }
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
