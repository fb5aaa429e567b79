/*
 * The types the dashboard reads, gathered in one place so that the rest of the folder never
 * reaches into another package's internals.
 *
 * Aggregation snapshots come from the D runtime's value model (`@zsdtrace/probes`). The engine
 * state is a structural copy of `EngineState` from `@zsdtrace/core`: the dashboard only reads
 * it, so any engine object with these fields fits, and the copy can be replaced by an
 * `import type` once the engine exports it.
 */

export type {
  AggEntry,
  AggFunction,
  AggParams,
  AggSnapshot,
  AggValue,
  DInt,
  DStack,
  DSymbol,
  DType,
  DValue,
} from '../../../probes/src/consumer/value-model.js';

/** The engine's state as the dashboard shows it (a read-only view of `EngineState`). */
export interface EngineState {
  readonly zones: readonly { readonly id: number; readonly name: string; readonly status: number; readonly statusName: string }[];
  readonly keys: readonly {
    readonly key: number;
    readonly name: string;
    /** Whether the key has each callback; any truthy value (a flag or a name) counts. */
    readonly create: unknown;
    readonly shutdown: unknown;
    readonly destroy: unknown;
  }[];
  readonly threads: readonly {
    readonly tid: number;
    readonly name: string;
    readonly state: 'run' | 'ready' | 'blocked' | 'sleep' | 'done';
    readonly blockedOn?: string;
    readonly holds: readonly string[];
  }[];
  readonly waits: readonly {
    readonly tid: number;
    readonly zone: number;
    readonly key: number;
    readonly kind: 'creator' | 'inprogress';
    /** Virtual nanoseconds at which the wait began. */
    readonly since: number | bigint;
  }[];
}
