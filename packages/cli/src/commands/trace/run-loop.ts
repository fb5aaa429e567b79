/*
 * Drives the simulated kernel between the handle's go() and stop(): with -c (or --fast) on
 * virtual time as fast as it goes, otherwise paced so that virtual time follows the wall clock,
 * until exit(), the end of a -c workload, --duration (with --fast: of virtual time, or of wall
 * time but at least 10 s of it, whichever comes first), a finding, or an interrupt. It yields to
 * the event loop between slices so that signals, the dashboard's timer and the OTLP exporter
 * keep working; nothing here blocks on I/O while the simulation runs.
 */

import { performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import type { Engine } from '@zsdtrace/core';
import type { TraceHandle } from '@zsdtrace/probes';

/** Virtual time run per slice before yielding to the event loop (fast mode). */
const FAST_SLICE_NS = 20_000_000;
/** Wall time a fast slice should not exceed (the slice shrinks down to MIN_SLICE_NS). */
const FAST_SLICE_WALL_MS = 20;
const MIN_SLICE_NS = 1_000;
/** The least wall time a --fast run with --duration gets before the wall-clock bound ends it. */
export const FAST_WALL_FLOOR_MS = 10_000;
/** Wall-clock period of the paced loop. */
const PACE_MS = 10;
/** Most virtual time one paced iteration may simulate. */
const PACE_MAX_SLICE_NS = 25_000_000;

/** What ends or pauses a run, set by signals, exit() and the dashboard's keys. */
export class RunState {
  exitRequested = false;
  interrupted = false;
  aborted = false;
  paused = false;
}

export interface DriveOptions {
  /** Run on virtual time as fast as it goes (-c, --fast). */
  readonly fast: boolean;
  /** A -c workload: its end ends the trace. */
  readonly finite: boolean;
  /** --duration, in ns: of virtual time; with `fast`, of wall time too, but at least FAST_WALL_FLOOR_MS. */
  readonly limitNs?: number;
  /** A --fast run ended by the wall-clock bound before its virtual time (ms of wall, ns of virtual). */
  readonly onWallLimit?: (wallMs: number, virtualNs: number) => void;
  /** performance.now() when tracing started (the paced loop's origin). */
  readonly startWall: number;
}

/** Runs the engine until the trace should end. */
export async function drive(engine: Engine, handle: TraceHandle, state: RunState, opts: DriveOptions): Promise<void> {
  // A finite workload ends the trace when it is done; any run ends when the simulated kernel
  // stopped on a finding (deadlock, panic), which it never recovers from.
  const stopNow = (): boolean =>
    state.exitRequested ||
    handle.exited ||
    state.interrupted ||
    state.aborted ||
    (engine.done && (opts.finite || engine.findings().length > 0));
  if (stopNow()) return;
  const limitNs = opts.limitNs;
  if (opts.fast) {
    // --duration bounds wall time here too: a workload heavy enough that virtual time crawls
    // (a million ZSD entries, a costly script) still ends, after that much wall time but not
    // before FAST_WALL_FLOOR_MS, so that short runs still reach their virtual time on a slow
    // or loaded machine (a --fast run is reproducible by its seed). The slice starts small and
    // grows while one takes less than a quarter of FAST_SLICE_WALL_MS, shrinking again when
    // one takes longer, so the check stays close.
    const limitMs = limitNs === undefined ? Infinity : Math.max(limitNs / 1e6, FAST_WALL_FLOOR_MS);
    let slice = MIN_SLICE_NS;
    while (!stopNow()) {
      if (limitNs !== undefined && engine.now >= limitNs) break;
      if (performance.now() - opts.startWall >= limitMs) {
        opts.onWallLimit?.(performance.now() - opts.startWall, engine.now);
        break;
      }
      let target = engine.now + slice;
      if (limitNs !== undefined) target = Math.min(target, limitNs);
      const before = performance.now();
      engine.runUntil(target);
      const spent = performance.now() - before;
      if (spent > FAST_SLICE_WALL_MS) slice = Math.max(MIN_SLICE_NS, Math.floor(slice / 2));
      else if (spent < FAST_SLICE_WALL_MS / 4) slice = Math.min(FAST_SLICE_NS, slice * 2);
      await tick();
    }
    return;
  }
  // Paced: virtual time follows the wall clock.
  await new Promise<void>((resolve) => {
    let pausedAt = 0;
    let pausedTotal = 0;
    const timer = setInterval(() => {
      const wall = performance.now();
      if (state.paused) {
        if (pausedAt === 0) pausedAt = wall;
        return;
      }
      if (pausedAt !== 0) {
        pausedTotal += wall - pausedAt;
        pausedAt = 0;
      }
      const elapsedNs = (wall - opts.startWall - pausedTotal) * 1e6;
      if (limitNs !== undefined && elapsedNs >= limitNs) {
        engine.runUntil(limitNs);
        clearInterval(timer);
        resolve();
        return;
      }
      // When the simulation is slower than real time it falls behind rather than blocking the
      // event loop (the dashboard, signals and the exporter must stay responsive).
      engine.runUntil(Math.min(elapsedNs, engine.now + PACE_MAX_SLICE_NS));
      if (stopNow()) {
        clearInterval(timer);
        resolve();
      }
    }, PACE_MS);
  });
}
