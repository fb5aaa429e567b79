/*
 * The validated, normalised workload (docs/workloads.md describes the JSON it comes from).
 * All durations are virtual nanoseconds: a fixed value or an inclusive [min, max] range drawn
 * from the run's seed. Produced only by validateWorkload; the driver trusts it.
 */

export type Duration = number | readonly [number, number];

export type CallbackAction =
  | { readonly do: 'work' | 'block'; readonly duration: Duration }
  | {
      readonly do:
        | 'zone_find_by_id'
        | 'zone_find_by_id_nolock'
        | 'zcmn_err'
        | 'zone_getspecific'
        | 'zone_setspecific'
        | 'zone_hold'
        | 'crhold'
        | 'crfree';
    }
  | { readonly do: 'zone_key_create'; readonly key: string };

export interface CallbackSpec {
  /** On-CPU work before the actions. */
  readonly duration: Duration;
  /** Extra work when the zone is exclusive-IP (netstack building a whole IP stack). */
  readonly exclusiveIpExtra: Duration;
  readonly actions: readonly CallbackAction[];
}

export interface KeySpec {
  readonly name: string;
  /** The module that registers it; absent = registered at boot by `sched`. */
  readonly module?: string;
  /** Registered only by a nested zone_key_create action from a callback. */
  readonly lazy: boolean;
  readonly create?: CallbackSpec;
  readonly shutdown?: CallbackSpec;
  readonly destroy?: CallbackSpec;
}

export interface ModuleSpec {
  readonly name: string;
  /** Key names in registration order (unloading deletes them in reverse). */
  readonly keys: readonly string[];
  readonly loadAt: Duration;
  readonly unloadAt?: Duration;
}

export interface ZoneSpec {
  readonly name: string;
  readonly count: number;
  /** 'running': sched creates and boots the zones before the cycle's other threads start
   *  (createAt and bootAt are then unused). */
  readonly initial?: 'running';
  readonly createAt: Duration;
  readonly bootAt?: Duration;
  readonly haltAt?: Duration;
  /** Added to every time of the i-th zone of the group: i * spacing. */
  readonly spacing: number;
  readonly exclusiveIp: boolean;
  /** A process cred outlives zone_destroy by this long (the zone waits on deathrow). */
  readonly deathrow?: Duration;
  /** The zone runs a kernel thread that exits this long after the zone becomes EMPTY; its
   *  zthread_exit makes the zone DOWN, possibly while the shutdown callbacks run (spec 3.4). */
  readonly zthreadExit?: Duration;
}

export interface Workload {
  readonly name: string;
  readonly description: string;
  readonly keys: readonly KeySpec[];
  readonly modules: readonly ModuleSpec[];
  readonly zones: readonly ZoneSpec[];
  /** Cycle length of the continuous mode (zones and modules repeat every period). */
  readonly period: number;
  /** Lifecycle costs inside the kernel (zsched setup, init start, killing processes). */
  readonly costs: { readonly zschedSetup: number; readonly initStart: number; readonly zoneEmpty: number };
}
