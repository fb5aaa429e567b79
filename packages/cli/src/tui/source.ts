/*
 * The contract between the CLI and the dashboard.
 *
 * The CLI owns the run (workload, D runtime, END, the final printing); the dashboard owns the
 * screen. The dashboard reads the run only through `poll()`, on its aggrate timer and never per
 * probe firing, so the cost of the screen follows the refresh rate, not the firing rate. It
 * changes the run only through the four commands below.
 *
 * Ending: `quit()` (q, first Ctrl-C) and `abort()` (second Ctrl-C) are requests; the dashboard
 * unmounts right after either, and `runDashboard` resolves once it has. A snapshot with
 * `done: true` (the workload finished, the script called exit()) does not unmount it: the final
 * numbers stay on screen, marked DONE, until the user quits.
 */

import type { EngineState } from '@zsdtrace/core';
import type { AggSnapshot } from '@zsdtrace/probes';

export type { EngineState } from '@zsdtrace/core';

export interface DashboardInfo {
  readonly script: string;
  readonly workload: string;
  readonly seed: number;
  readonly algorithm: string;
}

export interface DashboardSource {
  readonly info: DashboardInfo;
  /** Called on the aggrate timer, never per probe firing. */
  poll(): DashboardSnapshot;
  /** Pauses or resumes the workload. */
  pause(paused: boolean): void;
  /** clear() every aggregation. */
  clear(): void;
  /** q or the first Ctrl-C: the CLI runs END and prints the final aggregations after unmount. */
  quit(): void;
  /** A second Ctrl-C. */
  abort(): void;
}

export interface DashboardSpans {
  readonly exported: number;
  readonly dropped: number;
  readonly failed: number;
}

export interface DashboardSnapshot {
  readonly aggs: readonly AggSnapshot[];
  /** printf/trace output produced since the previous poll, as text lines. */
  readonly log: readonly string[];
  readonly wallMs: number;
  readonly virtualNs: number;
  readonly probesMatched: number;
  readonly firings: number;
  readonly firingsPerSec: number;
  readonly drops: number;
  readonly errors: number;
  /** Present with --otlp. */
  readonly spans?: DashboardSpans;
  readonly engine: EngineState | null;
  readonly paused: boolean;
  readonly done: boolean;
}

export interface DashboardOptions {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  /** Refreshes per second (dtrace's aggrate as a rate); 4 when not positive. */
  readonly aggrateHz: number;
  /** False when NO_COLOR is set or the terminal has no colour (see `colorEnabled`). */
  readonly color: boolean;
}
