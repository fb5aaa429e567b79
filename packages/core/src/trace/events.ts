/*
 * The engine's trace alphabet (spec 4.1): every probe event plus the synthetic events the probes
 * do not cover. The verifier checks properties over a sequence of these; the OpenTelemetry
 * exporter builds spans from them. Events are plain objects, emitted in the exact order the
 * simulation performs them, each stamped with virtual time `t` (ns) and the acting thread `tid`.
 *
 * This file is a contract between packages: extend it, do not change the meaning of a field.
 */

export type Phase = 'create' | 'shutdown' | 'destroy';

/** Who set a NEEDED bit or allocated/freed an entry. */
export type MarkSource = 'configure' | 'keyCreate' | 'zoneShutdown' | 'zoneDestroy' | 'keyDelete';

/** Engine operations that become OpenTelemetry traces and that the verifier brackets. */
export type Operation =
  | 'zone_create'
  | 'zone_boot'
  | 'zone_shutdown'
  | 'zone_destroy'
  | 'zone_key_create'
  | 'zone_key_delete';

interface Base {
  /** Virtual time, nanoseconds since the start of the run. */
  readonly t: number;
  /** Simulated thread id that performed the event. */
  readonly tid: number;
}

export type TraceEvent =
  /** needed / inprogress / start / end / completed of one phase on (zone, key). */
  | (Base & {
      readonly kind: 'needed' | 'inprogress' | 'start' | 'end' | 'completed';
      readonly phase: Phase;
      readonly zone: number;
      readonly key: number;
      /** For `needed`: who marked it. */
      readonly src?: MarkSource;
      /** For `end` of create: the callback's result (the data pointer value). */
      readonly result?: number;
    })
  /** One iteration of zsd_wait_for_creator / zsd_wait_for_inprogress, just before cv_wait. */
  | (Base & {
      readonly kind: 'waitCreator' | 'waitInprogress';
      readonly zone: number;
      readonly key: number;
      /** Flags of the entry at the time of the probe. */
      readonly flags: number;
      /** tid of the thread running the callback waited for, when known (else -1). */
      readonly holder: number;
      /** The apply function that waits: zsd_apply_create, _shutdown or _destroy. */
      readonly phase?: Phase;
    })
  /** The wait loop exited (the condition cleared). `since` is the t of its first iteration. */
  | (Base & {
      readonly kind: 'waitEnd';
      readonly wait: 'creator' | 'inprogress';
      readonly zone: number;
      readonly key: number;
      readonly since: number;
    })
  | (Base & {
      readonly kind: 'alloc';
      readonly zone: number;
      readonly key: number;
      readonly src: MarkSource;
      /** The key's callbacks: `C`, `S`, `D` for create, shutdown, destroy (e.g. `C-D`). */
      readonly callbacks?: string;
    })
  | (Base & { readonly kind: 'free'; readonly zone: number; readonly key: number; readonly src: MarkSource | 'zoneFree' })
  /** Zone status change (spec 1.3 numbering: 0 UNINITIALIZED … 9 DEAD). */
  | (Base & { readonly kind: 'status'; readonly zone: number; readonly from: number; readonly to: number })
  /** An engine operation begins / returns. */
  | (Base & {
      readonly kind: 'opBegin';
      readonly op: Operation;
      /** Operation instance id, unique in the run (pairs begin with end). */
      readonly opId: number;
      readonly zone?: number;
      readonly key?: number;
    })
  | (Base & {
      readonly kind: 'opEnd';
      readonly op: Operation;
      readonly opId: number;
      readonly zone?: number;
      readonly key?: number;
      /** Return value where the function has one (key_delete 0/-1, shutdown/destroy errno). */
      readonly rc?: number;
    })
  /** zone_key_create stored *keyp (2008: in the key-lock block; 2009 option: last step). */
  | (Base & { readonly kind: 'keyPublish'; readonly key: number })
  /** key_create's marking loop looked at a zone. */
  | (Base & {
      readonly kind: 'markVisit';
      readonly zone: number;
      readonly key: number;
      readonly status: number;
      readonly decision: 'alloc' | 'exists' | 'skip';
    })
  /** Mutex traffic, for lock-order checks and lock spans. `lock` is the lock's name. */
  | (Base & { readonly kind: 'lockAcquire'; readonly lock: string; readonly blockedNs: number })
  | (Base & { readonly kind: 'lockRelease'; readonly lock: string })
  /** zone_getspecific returned `value` (0 = NULL). */
  | (Base & { readonly kind: 'getspecific'; readonly zone: number; readonly key: number; readonly value: number })
  | (Base & { readonly kind: 'setspecific'; readonly zone: number; readonly key: number; readonly value: number; readonly rc: number })
  /** A detection by the engine itself (deadlock, recursive enter, lock order, use after free). */
  | (Base & { readonly kind: 'finding'; readonly finding: string; readonly message: string });

export type TraceListener = (e: TraceEvent) => void;
