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

/** An object in footprints, numbered densely from 0 (the harness names them: schedule-run.ts). */
export interface Token {
  readonly id: number;
}

/** The tokens a step touched, each once. Footprints are small (a handful), so arrays beat sets. */
export type Footprint = readonly Token[];

/** The footprint of a step whose effects are unknown or global (a step that ended the run). */
export const EVERYTHING: Footprint = Object.freeze([]);

export interface RaceStep {
  readonly tid: number;
  readonly fp: Footprint;
}

export function disjoint(a: Footprint, b: Footprint): boolean {
  if (a === EVERYTHING || b === EVERYTHING) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    for (let j = 0; j < b.length; j++) if (b[j] === x) return false;
  }
  return true;
}

/** One more than the highest token id in `steps`. */
function tokenSpan(steps: readonly RaceStep[]): number {
  let n = 0;
  for (const s of steps) for (const o of s.fp) if (o.id >= n) n = o.id + 1;
  return n;
}

/** Happens-before clocks of a schedule's steps. */
export class Clocks {
  /** Threads per clock (the highest tid + 1). */
  readonly width: number;
  /** Step j's clock at [j * width, (j + 1) * width): how many steps of each thread happen before or at j. */
  readonly buf: Int32Array;
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
    this.width = width;
    const buf = new Int32Array(steps.length * width);
    this.buf = buf;
    this.local = new Int32Array(steps.length);
    this.lastOf = new Int32Array(width).fill(-1);
    const lastTouch = new Int32Array(tokenSpan(steps)).fill(-1);
    let lastGlobal = -1;
    const joined = new Int32Array(width);
    for (let j = 0; j < steps.length; j++) {
      const s = steps[j]!;
      const at = j * width;
      const prev = this.lastOf[s.tid]!;
      const from = prev >= 0 ? prev : (creator.get(s.tid) ?? -1);
      if (from >= 0) buf.copyWithin(at, from * width, from * width + width);
      if (s.fp === EVERYTHING) for (let t = 0; t < width; t++) buf[at + t] = Math.max(buf[at + t]!, joined[t]!);
      else {
        if (lastGlobal >= 0) this.join(at, lastGlobal * width);
        for (const o of s.fp) {
          const k = lastTouch[o.id]!;
          if (k >= 0) this.join(at, k * width);
        }
      }
      buf[at + s.tid] = buf[at + s.tid]! + 1;
      this.local[j] = buf[at + s.tid]!;
      this.lastOf[s.tid] = j;
      if (s.fp === EVERYTHING) lastGlobal = j;
      else for (const o of s.fp) lastTouch[o.id] = j;
      for (let t = 0; t < width; t++) if (buf[at + t]! > joined[t]!) joined[t] = buf[at + t]!;
    }
  }

  /** How many steps of thread t happen before or at step j. */
  count(j: number, t: number): number {
    return t < this.width ? this.buf[j * this.width + t]! : 0;
  }

  private join(into: number, from: number): void {
    const b = this.buf;
    for (let t = 0; t < this.width; t++) if (b[from + t]! > b[into + t]!) b[into + t] = b[from + t]!;
  }
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
  const touching: (number[] | undefined)[] = new Array(tokenSpan(steps));
  const global: number[] = [];
  for (let j = 0; j < steps.length; j++) {
    const sj = steps[j]!;
    prevIdx[j] = prevOf[sj.tid]!;
    prevOf[sj.tid] = j;
    if (sj.fp === EVERYTHING) global.push(j);
    else
      for (const o of sj.fp) {
        const l = touching[o.id];
        if (l) l.push(j);
        else touching[o.id] = [j];
      }
  }
  // The lists to merge for one step, and a cursor into each (latest first).
  const lists: number[][] = [];
  const cursor: number[] = [];
  for (let j = Math.max(0, from); j < steps.length; j++) {
    const sj = steps[j]!;
    const p = sj.tid;
    const prev = prevIdx[j]!;
    const base = prev >= 0 ? prev : (creator.get(p) ?? -1);
    const raced = (i: number): boolean => {
      const ti = steps[i]!.tid;
      if (ti === p || (base >= 0 && clocks.count(base, ti) >= clocks.local[i]!)) return false;
      out.push([i, p]);
      return true;
    };
    if (sj.fp === EVERYTHING) {
      for (let i = j - 1; i >= 0; i--) if (raced(i) && i < prev) break;
      continue;
    }
    lists.length = 0;
    cursor.length = 0;
    const take = (l: number[]): void => {
      let k = l.length - 1;
      while (k >= 0 && l[k]! >= j) k--;
      if (k >= 0) {
        lists.push(l);
        cursor.push(k);
      }
    };
    take(global);
    for (const o of sj.fp) take(touching[o.id]!);
    // Merge the lists, latest step first, each step once.
    let seen = -1;
    for (;;) {
      let best = -1;
      let which = -1;
      for (let x = 0; x < lists.length; x++) {
        const k = cursor[x]!;
        if (k >= 0 && lists[x]![k]! > best) {
          best = lists[x]![k]!;
          which = x;
        }
      }
      if (which < 0) break;
      cursor[which]!--;
      if (best === seen) continue;
      seen = best;
      if (raced(best) && best < prev) break;
    }
  }
  return out;
}

