/*
 * Race analysis of one executed schedule, for the exhaustive explorer's dynamic partial-order
 * reduction (Flanagan and Godefroid, POPL 2005; docs/verify.md gives the argument).
 *
 * Input: the schedule's steps in order (thread, footprint), the step that created each thread,
 * and the index of the first step not analysed before (the earlier ones belong to a prefix whose
 * races an earlier run already reported). Output: for every new step j, the latest earlier step
 * i of another thread that is dependent with j and does not happen before j's thread: the race
 * whose reversal the explorer must try, at the decision before i.
 *
 * Happens-before is program order, thread creation and the order of dependent steps, kept as
 * vector clocks (all steps touching one object are ordered, so the last one's clock stands for
 * all of them). A footprint equal to EVERYTHING is dependent on every step. It never decides
 * where to branch: that is the explorer's.
 */

/** The footprint of a step whose effects are unknown or global (a step that ended the run). */
export const EVERYTHING: ReadonlySet<object> = new Set<object>();

export interface RaceStep {
  readonly tid: number;
  readonly fp: ReadonlySet<object>;
}

export function disjoint(a: ReadonlySet<object>, b: ReadonlySet<object>): boolean {
  if (a === EVERYTHING || b === EVERYTHING) return false;
  if (a.size > b.size) return disjoint(b, a);
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/** Happens-before clocks of a schedule's steps. */
export class Clocks {
  /** clock[j][t]: how many steps of thread t happen before or at step j. */
  readonly clock: Int32Array[] = [];
  /** Position of step j among its thread's steps (1-based). */
  readonly local: Int32Array;
  /** Index of each thread's last step, -1 if it has none. */
  readonly lastOf: Int32Array;

  constructor(
    readonly steps: readonly RaceStep[],
    /** Index of the step that created each thread (absent: created before the schedule). */
    creator: ReadonlyMap<number, number>,
  ) {
    let width = 1;
    for (const s of steps) if (s.tid + 1 > width) width = s.tid + 1;
    this.local = new Int32Array(steps.length);
    this.lastOf = new Int32Array(width).fill(-1);
    const lastTouch = new Map<object, number>();
    let lastGlobal = -1;
    const joined = new Int32Array(width);
    for (let j = 0; j < steps.length; j++) {
      const s = steps[j]!;
      const c = new Int32Array(width);
      const prev = this.lastOf[s.tid]!;
      const from = prev >= 0 ? prev : (creator.get(s.tid) ?? -1);
      if (from >= 0) c.set(this.clock[from]!);
      if (s.fp === EVERYTHING) join(c, joined);
      else {
        if (lastGlobal >= 0) join(c, this.clock[lastGlobal]!);
        for (const o of s.fp) {
          const k = lastTouch.get(o);
          if (k !== undefined) join(c, this.clock[k]!);
        }
      }
      c[s.tid] = c[s.tid]! + 1;
      this.local[j] = c[s.tid]!;
      this.clock.push(c);
      this.lastOf[s.tid] = j;
      if (s.fp === EVERYTHING) lastGlobal = j;
      else for (const o of s.fp) lastTouch.set(o, j);
      join(joined, c);
    }
  }
}

function join(into: Int32Array, from: Int32Array): void {
  const n = Math.min(into.length, from.length);
  for (let t = 0; t < n; t++) if (from[t]! > into[t]!) into[t] = from[t]!;
}

/**
 * For each step j >= `from`, the racing earlier steps i of other threads: dependent with j and
 * not happening before j's thread (its previous step, or the step that created it). Every state
 * from the thread's previous step on has j as the thread's next step, and each such state
 * contributes its latest racing step (Flanagan and Godefroid's rule, per state): so every racing
 * step after the thread's previous step, and the latest one before it. Reported as (i, thread).
 */
export function races(steps: readonly RaceStep[], creator: ReadonlyMap<number, number>, from: number, clocks = new Clocks(steps, creator)): [number, number][] {
  const out: [number, number][] = [];
  const prevOf = new Int32Array(clocks.lastOf.length).fill(-1);
  const prevIdx = new Int32Array(steps.length);
  // Indices of the steps touching each object, in order; steps dependent on everything apart.
  const touching = new Map<object, number[]>();
  const global: number[] = [];
  for (let j = 0; j < steps.length; j++) {
    const sj = steps[j]!;
    prevIdx[j] = prevOf[sj.tid]!;
    prevOf[sj.tid] = j;
    if (sj.fp === EVERYTHING) global.push(j);
    else
      for (const o of sj.fp) {
        const l = touching.get(o);
        if (l) l.push(j);
        else touching.set(o, [j]);
      }
  }
  const candidates: number[] = [];
  for (let j = Math.max(0, from); j < steps.length; j++) {
    const sj = steps[j]!;
    const p = sj.tid;
    const prev = prevIdx[j]!;
    const base = prev >= 0 ? clocks.clock[prev]! : creatorClock(clocks, creator, p);
    // The steps before j dependent with it, latest first.
    candidates.length = 0;
    if (sj.fp === EVERYTHING) for (let i = j - 1; i >= 0; i--) candidates.push(i);
    else {
      for (const i of global) if (i < j) candidates.push(i);
      for (const o of sj.fp) for (const i of touching.get(o)!) if (i < j) candidates.push(i);
      candidates.sort((x, y) => y - x);
    }
    let seen = -1;
    for (const i of candidates) {
      if (i === seen) continue;
      seen = i;
      const ti = steps[i]!.tid;
      if (ti === p) continue;
      if (base && (base[ti] ?? 0) >= clocks.local[i]!) continue;
      out.push([i, p]);
      if (i < prev) break;
    }
  }
  return out;
}

function creatorClock(clocks: Clocks, creator: ReadonlyMap<number, number>, tid: number): Int32Array | null {
  const c = creator.get(tid);
  return c === undefined ? null : clocks.clock[c]!;
}
