/*
 * The exhaustive explorer's reduction (docs/verify.md): the search tree's nodes, the sleep sets
 * (a choice sleeps with the footprint of its whole block) and the race analysis that adds the
 * choices reversing each race found in a run (dynamic partial-order reduction, bounded for
 * preemptions). exhaustive.ts drives the search; this module decides nothing about budgets or
 * shards and never runs the engine.
 */

import { Clocks, disjoint, EVERYTHING, races, type Footprint, type Token } from './dpor-races.js';

/** One executed step, as the harness reports it to the exploring policy (schedule-run.ts). */
export interface StepRecord {
  readonly tid: number;
  /** The harness's tokens for what the step touched. */
  readonly fp: Footprint;
  /** The thread is ready again right after its step (it neither blocked, waited nor finished). */
  readonly readyAfter: boolean;
}

/** How a run ended, as far as the reduction cares. */
export interface RunEnd {
  /** A fatal finding stopped the run (its last step disabled every other thread). */
  readonly halted: boolean;
  /** The threads alive when a halted run stopped (their next steps never ran). */
  readonly pending: readonly number[];
}

/** An explored choice, asleep in later siblings' subtrees while the steps there miss `fp`. */
export interface Sleeper {
  /** Every object the chosen thread's block touched (see Node.block). */
  readonly fp: Footprint;
}

/** Steps run between two decisions, and the threads they created ([tid, index in steps]). */
export interface StepGroup {
  steps: StepRecord[];
  spawns: [number, number][];
}

export interface Node extends StepGroup {
  readonly ready: readonly number[];
  readonly last: number;
  readonly lastReady: boolean;
  /** Preemptions spent before this node. */
  readonly cost: number;
  readonly sleep: ReadonlyMap<number, Sleeper>;
  /** Every ready thread is a choice (no reduction: --no-por, or before any preemption in a shard). */
  readonly full: boolean;
  /** The choices race analysis asked for (the backtrack set); unused when `full`. */
  readonly todo: Set<number>;
  chosen: number;
  /*
   * `steps`: the chosen step and the forced steps after it, up to the next decision.
   * `block`: union of the footprints of the chosen thread's block: its consecutive steps from
   * this node in the first run that made this choice (which lets it run on until it blocks,
   * waits or finishes). EVERYTHING when that run ended inside the block other than by the
   * thread finishing.
   */
  block: Footprint | null;
  readonly done: Map<number, Sleeper>;
  /** Shards: the order in which the search met each preemptive choice here (exhaustive.ts). */
  readonly subtree: Map<number, number>;
}

/**
 * The block of every node whose choice the run just made (from `from` on): the chosen thread's
 * consecutive steps in this run, which continues it for free until it blocks, waits or finishes.
 */
export function recordBlocks(stack: readonly Node[], from: number, outcome: RunEnd | null): void {
  // Backwards over the steps from node `from` on, keeping the union of the current block's
  // footprints from the step in hand to the block's end.
  let tid = -1;
  let fp: Token[] = [];
  // The last block reaches the end of a run that stopped while its thread still ran (a finding,
  // or the search abandoned the run); any block may meet a step dependent on everything.
  let last = true;
  let everything = false;
  for (let d = stack.length - 1; d >= from; d--) {
    const n = stack[d]!;
    for (let k = n.steps.length - 1; k >= 0; k--) {
      const st = n.steps[k]!;
      if (st.tid !== tid) {
        tid = st.tid;
        fp = [];
        everything = last && (outcome === null || outcome.halted);
        last = false;
      }
      if (st.fp === EVERYTHING) everything = true;
      else for (const x of st.fp) if (!fp.includes(x)) fp.push(x);
    }
    n.block = everything || n.steps.length === 0 ? EVERYTHING : fp.slice();
  }
}

/**
 * Race analysis of the run just made (its new steps: from the last replayed decision on), adding
 * the choices that reverse each race to the nodes before the racing steps (docs/verify.md):
 * - the racing thread at the decision before the earlier step, or every ready thread there if
 *   the racing thread was not ready (Flanagan and Godefroid);
 * - the same at the decision that began the earlier step's run of consecutive steps, where a
 *   switch costs no more preemptions than the schedule did (Coons, Musuvathi and McKinley);
 * - a run stopped by a finding: its last step disables every other thread, and their next steps
 *   are unknown, so they count as dependent on everything.
 */
export function analyse(stack: readonly Node[], prelude: StepGroup, prefix: number, outcome: RunEnd | null): void {
  const steps: StepRecord[] = [];
  const nodeAt: number[] = [];
  const creator = new Map<number, number>();
  let from = 0;
  let lastGroup: StepGroup | null = null;
  const add = (g: StepGroup, d: number): void => {
    if (d === prefix - 1) from = steps.length;
    const base = steps.length;
    for (let k = 0; k < g.steps.length; k++) {
      steps.push(g.steps[k]!);
      nodeAt.push(k === 0 ? d : -1);
    }
    for (const [tid, k] of g.spawns) creator.set(tid, base + k);
    if (g.steps.length > 0) lastGroup = g;
  };
  add(prelude, -1);
  for (let d = 0; d < stack.length; d++) add(stack[d]!, d);
  if (steps.length === 0) return;
  const halted = outcome?.halted === true;
  if (halted && lastGroup) {
    const g = lastGroup as StepGroup;
    const rec = g.steps[g.steps.length - 1]!;
    g.steps[g.steps.length - 1] = { ...rec, fp: EVERYTHING };
    steps[steps.length - 1] = g.steps[g.steps.length - 1]!;
  }
  const clocks = new Clocks(steps, creator);
  const addAt = (i: number, tid: number): void => {
    const d = nodeAt[i]!;
    const n = d >= 0 ? stack[d] : undefined;
    if (!n || n.full) return;
    if (n.ready.includes(tid)) n.todo.add(tid);
    else for (const t of n.ready) n.todo.add(t);
  };
  for (const [i, tid] of races(steps, creator, from, clocks)) {
    addAt(i, tid);
    let k = i;
    while (k > 0 && steps[k - 1]!.tid === steps[i]!.tid) k--;
    if (k < i) addAt(k, tid);
  }
  if (halted) {
    // The next step of every thread still alive is unknown: dependent on everything. As for a
    // known step, every state since its thread's last step contributes its latest racing step.
    for (const q of outcome.pending) {
      const lastQ = q < clocks.lastOf.length ? clocks.lastOf[q]! : -1;
      const c = lastQ >= 0 ? lastQ : (creator.get(q) ?? -1);
      for (let i = steps.length - 1; i >= 0; i--) {
        const ti = steps[i]!.tid;
        if (ti === q || (c >= 0 && clocks.count(c, ti) >= clocks.local[i]!)) continue;
        addAt(i, q);
        if (i < lastQ) break;
      }
    }
  }
}

/** Sleep set of the child reached from `parent` by its chosen transition and the forced steps after it. */
export function childSleep(parent: Node, steps: readonly StepRecord[], por: boolean): Map<number, Sleeper> {
  const out = new Map<number, Sleeper>();
  if (!por) return out;
  // Candidates: the parent's sleepers, then the transitions it explored (never both: a sleeping
  // thread is never chosen). Under a preemption bound too (docs/verify.md): a choice sleeps with
  // the footprint of its whole block, so moving the block first never costs a preemption.
  for (const [tid, s] of parent.sleep) if (independentOf(steps, tid, s)) out.set(tid, s);
  for (const [tid, s] of parent.done) if (independentOf(steps, tid, s)) out.set(tid, s);
  return out;
}

/** No step in `steps` is `tid`'s or meets the sleeper's footprint. */
function independentOf(steps: readonly StepRecord[], tid: number, s: Sleeper): boolean {
  for (const st of steps) if (st.tid === tid || !disjoint(st.fp, s.fp)) return false;
  return true;
}
