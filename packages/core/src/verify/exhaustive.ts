/*
 * Exhaustive exploration of a finite workload's schedules (`verify --exhaustive`): iterative
 * context bounding (CHESS: every schedule with at most K preemptions, K = 0, 1, 2, ...) over a
 * stateless depth-first search that re-runs the engine from the start for each schedule, with
 * dynamic partial-order reduction bounded for preemptions, and sleep sets. docs/verify.md gives
 * the soundness argument; in short:
 *
 * - A transition is one step of one thread: from the scheduling point it was chosen at to its next
 *   one. Its footprint (recorded by the kernel, src/sim/footprint.ts, and named the same way in
 *   every run by the harness, schedule-run.ts) is every mutex it held or operated on, every
 *   condition variable it waited on or woke, and every object the model touches outside the lock
 *   that protects it. Two transitions are dependent iff they belong to the same thread or their
 *   footprints meet; the step that ends a run with a finding is dependent on everything.
 * - A ready thread stays ready until it runs (no step of another thread disables it).
 * - Each new node starts with one choice, the previous thread when it is still ready (no
 *   preemption). After each run the race analysis (exhaustive-reduction.ts, dpor-races.ts) adds
 *   the choices that reverse its races, at the decision before the earlier step and where that
 *   step's thread was last switched to (Flanagan and Godefroid; Coons, Musuvathi and McKinley).
 * - Sleep sets: an explored choice sleeps in later siblings' subtrees, with the footprint of its
 *   whole block (its consecutive steps), while the steps taken there are independent of it; that
 *   keeps the equivalent schedule within the preemption bound.
 *
 * The explorer knows the engine only through `ExploreHarness`; it never prints.
 */

import type { SchedulingPolicy } from '../sim/policy.js';
import type { SimThread } from '../sim/thread.js';
import { EVERYTHING } from './dpor-races.js';
import { analyse, childSleep, recordBlocks, type Node, type Sleeper, type StepGroup, type StepRecord } from './exhaustive-reduction.js';
import { messageShape } from './explore-summary.js';

export type { StepRecord } from './exhaustive-reduction.js';

/** The policy the explorer hands to the engine. */
export interface ExplorePolicy extends Omit<SchedulingPolicy, 'stepped'> {
  /** Every step, in order (forced ones included). */
  stepped(rec: StepRecord): void;
  /** The engine's visible-state fingerprint, for the distinct-state count. */
  fingerprint: (() => number) | null;
  /** Turns the engine's step-footprint recording on or off (set by the harness). */
  recordFootprints: ((on: boolean) => void) | null;
  /** Called by the harness once the engine is built, before it runs. */
  begin(): void;
}

/** What one schedule produced. */
export interface ScheduleOutcome {
  readonly failures: readonly { readonly kind: string; readonly message: string; readonly report: string }[];
  readonly coverage: Readonly<Record<string, number>>;
  readonly events: number;
  readonly steps: number;
  /** A fatal finding stopped the run (its last step disabled every other thread). */
  readonly halted: boolean;
  /** The threads alive when a halted run stopped (their next steps never ran). */
  readonly pending: readonly number[];
}

export interface ExploreHarness {
  /** Builds a fresh engine with this policy, runs it to the end (or until the policy aborts). */
  run(policy: ExplorePolicy): ScheduleOutcome;
}

export interface ExhaustiveOptions {
  /** Highest bound to try; undefined raises it until the budget runs out or nothing is cut. */
  readonly maxPreemptions?: number;
  /**
   * First bound to run (default 0). A pass at bound K covers every schedule with at most K
   * preemptions, so starting higher loses nothing but the lower passes' fewest-preemption counts
   * (worker threads run each bound as a round of their own: cli pool.ts).
   */
  readonly minPreemptions?: number;
  readonly maxSchedules: number;
  readonly maxMs: number;
  readonly por: boolean;
  readonly now: () => number;
  /**
   * Shard `index` of `count`: the schedule tree splits at its first preemption. Every shard runs
   * the schedules without one, trying every ready thread at their decisions (shard 0 counts
   * them), and each subtree that begins with a preemption there goes to one shard, in turn.
   */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly onProgress?: (p: { bound: number; schedules: number; states: number }) => void;
  /**
   * A schedule budget shared with explorers in other threads (each works on other shards): slot
   * 0 counts the schedules all of them ran or abandoned, against `maxSchedules`.
   */
  readonly sharedBudget?: Int32Array;
}

export interface ExhaustiveFinding {
  readonly kind: string;
  readonly message: string;
  readonly report: string;
  /** Preemptions of the schedule that first showed it (the smallest, when lower bounds completed). */
  readonly preemptions: number;
  /** Thread ids chosen at each scheduling decision: replays the schedule. */
  readonly schedule: readonly number[];
  schedules: number;
}

export interface ExhaustiveResult {
  /** Highest bound whose pass ran (Infinity: the unbounded pass). */
  bound: number;
  /** The pass at `bound` explored every schedule within it. */
  complete: boolean;
  /** No choice was ever cut by the bound: the whole space was covered. */
  exhausted: boolean;
  schedules: number;
  /** Runs abandoned because every remaining choice slept (covered by an equivalent schedule). */
  pruned: number;
  /** Distinct visible-state fingerprints seen at scheduling decisions and at the ends of runs. */
  states: number;
  stateHashes: Set<number>;
  /** Fingerprints of the states runs ended in (for cross-checks with and without reduction). */
  finalStates: Set<number>;
  steps: number;
  events: number;
  elapsedMs: number;
  findings: ExhaustiveFinding[];
  coverage: Record<string, number>;
  /** Schedules that reached each coverage item. */
  coverageRuns: Record<string, number>;
  /** Schedules (runs) per bound pass. */
  passes: { bound: number; schedules: number; complete: boolean }[];
}

class Abort extends Error {}

/** A search that has run nothing yet, at `bound`. */
export function emptyExhaustiveResult(bound = 0): ExhaustiveResult {
  return {
    bound,
    complete: false,
    exhausted: false,
    schedules: 0,
    pruned: 0,
    states: 0,
    stateHashes: new Set(),
    finalStates: new Set(),
    steps: 0,
    events: 0,
    elapsedMs: 0,
    findings: [],
    coverage: {},
    coverageRuns: {},
    passes: [],
  };
}

export function exploreExhaustive(h: ExploreHarness, o: ExhaustiveOptions): ExhaustiveResult {
  const t0 = o.now();
  const res = emptyExhaustiveResult();
  const byShape = new Map<string, ExhaustiveFinding>();
  const shared = o.sharedBudget;
  const outOfBudget = (): boolean => (shared ? Atomics.load(shared, 0) : res.schedules + res.pruned) >= o.maxSchedules || o.now() - t0 >= o.maxMs;
  const top = o.maxPreemptions ?? Infinity;
  for (let k = o.minPreemptions ?? 0; ; k++) {
    const bound = k > top ? top : k;
    const pass = runPass(h, o, bound, res, byShape, outOfBudget);
    res.bound = bound;
    res.complete = pass.complete;
    res.passes.push({ bound, schedules: pass.schedules, complete: pass.complete });
    if (!pass.complete) break;
    if (!pass.cut) {
      res.exhausted = true;
      break;
    }
    if (bound >= top || outOfBudget()) break;
  }
  res.states = res.stateHashes.size;
  res.elapsedMs = o.now() - t0;
  res.findings = [...byShape.values()].sort((a, b) => a.preemptions - b.preemptions || a.kind.localeCompare(b.kind));
  return res;
}

function runPass(
  h: ExploreHarness,
  o: ExhaustiveOptions,
  bound: number,
  res: ExhaustiveResult,
  byShape: Map<string, ExhaustiveFinding>,
  outOfBudget: () => boolean,
): { complete: boolean; cut: boolean; schedules: number } {
  const stack: Node[] = [];
  // The steps before the first decision (the same in every run).
  const prelude: StepGroup = { steps: [], spawns: [] };
  let cut = false;
  let schedules = 0;
  const shard = o.shard && o.shard.count > 1 ? o.shard : null;
  /*
   * Sharded, the decisions no preemption led to are explored in full (every ready thread, no race
   * analysis or sleep sets there), so every shard meets them, and the preemptions taken at them,
   * in the same order; each such preemption begins a subtree that no race analysis leaves (its
   * nodes all cost 1 or more), and the n-th one met belongs to shard n mod count.
   */
  let subtrees = 0;
  const owns = shard
    ? (n: Node, tid: number): boolean => {
        if (n.cost > 0 || costOf(n, tid) === 0) return true;
        let seq = n.subtree.get(tid);
        if (seq === undefined) n.subtree.set(tid, (seq = subtrees++));
        return seq % shard.count === shard.index;
      }
    : null;
  for (;;) {
    if (outOfBudget()) return { complete: false, cut, schedules };
    const prefix = stack.length;
    const r = runOne(h, o, bound, stack, prelude, res, shard !== null, owns);
    if (r.cut) cut = true;
    if (o.por) {
      recordBlocks(stack, Math.max(0, prefix - 1), r.outcome);
      analyse(stack, prelude, prefix, r.outcome);
    }
    // A schedule without preemptions runs in every shard and counts in the first.
    if (r.outcome && shard && r.cost === 0 && shard.index !== 0) {
      /* another shard's */
    } else if (r.outcome) {
      if (o.sharedBudget) Atomics.add(o.sharedBudget, 0, 1);
      schedules++;
      res.schedules++;
      res.steps += r.outcome.steps;
      res.events += r.outcome.events;
      for (const [name, n] of Object.entries(r.outcome.coverage)) {
        if (n <= 0) continue;
        res.coverage[name] = (res.coverage[name] ?? 0) + n;
        res.coverageRuns[name] = (res.coverageRuns[name] ?? 0) + 1;
      }
      for (const f of r.outcome.failures) {
        const id = `${f.kind}\0${messageShape(f.message)}`;
        const seen = byShape.get(id);
        if (seen) seen.schedules++;
        else byShape.set(id, { ...f, preemptions: r.cost, schedule: stack.map((n) => n.chosen), schedules: 1 });
      }
      o.onProgress?.({ bound, schedules: res.schedules, states: res.stateHashes.size });
    } else {
      if (o.sharedBudget) Atomics.add(o.sharedBudget, 0, 1);
      res.pruned++;
    }
    // Backtrack: the deepest node with a choice left.
    for (;;) {
      const n = stack[stack.length - 1];
      if (!n) return { complete: true, cut, schedules };
      n.done.set(n.chosen, { fp: n.block ?? EVERYTHING });
      const next = nextChoice(n, bound, owns);
      if (next.cut) cut = true;
      if (next.tid >= 0) {
        n.chosen = next.tid;
        n.steps = [];
        n.spawns = [];
        n.block = null;
        break;
      }
      stack.pop();
    }
  }
}

/** Preemptions that choosing `tid` at `n` costs. */
function costOf(n: Node, tid: number): number {
  return n.lastReady && tid !== n.last ? 1 : 0;
}

/** The first choice at `n` not yet explored, not asleep, within the bound and this shard's; -1 if none. */
function nextChoice(n: Node, bound: number, owns: ((n: Node, tid: number) => boolean) | null): { tid: number; cut: boolean } {
  let cut = false;
  for (const tid of choiceOrder(n)) {
    if (n.done.has(tid) || n.sleep.has(tid) || !(n.full || n.todo.has(tid))) continue;
    if (n.cost + costOf(n, tid) > bound) {
      cut = true;
      continue;
    }
    if (owns && !owns(n, tid)) continue;
    return { tid, cut };
  }
  return { tid: -1, cut };
}

/** The previous thread first (no preemption), then by thread id. */
function choiceOrder(n: Node): number[] {
  return n.lastReady ? [n.last, ...n.ready.filter((t) => t !== n.last)] : [...n.ready];
}

function runOne(
  h: ExploreHarness,
  o: ExhaustiveOptions,
  bound: number,
  stack: Node[],
  prelude: StepGroup,
  res: ExhaustiveResult,
  sharded: boolean,
  owns: ((n: Node, tid: number) => boolean) | null,
): { outcome: ScheduleOutcome | null; cut: boolean; cost: number } {
  let depth = 0;
  let group: StepGroup = { steps: [], spawns: [] };
  let last = -1;
  let cut = false;
  let cost = 0;
  let started = false;
  const prefix = stack.length;
  // Steps before the last replayed decision are known from earlier runs (runs are
  // deterministic): footprints are recorded only from there on.
  let recording = prefix === 0;
  /** Files the steps since the previous decision with the node that chose them. */
  const flush = (): void => {
    if (!recording) {
      group = { steps: [], spawns: [] };
      return;
    }
    const owner = depth === 0 ? prelude : stack[depth - 1];
    if (owner) {
      owner.steps = group.steps;
      owner.spawns = group.spawns;
    }
    group = { steps: [], spawns: [] };
  };
  const policy: ExplorePolicy = {
    name: 'replay',
    fingerprint: null,
    recordFootprints: null,
    begin() {
      started = true;
      policy.recordFootprints?.(recording);
    },
    spawned(t) {
      if (started && recording) group.spawns.push([t.tid, group.steps.length]);
    },
    stepped(rec) {
      group.steps.push(rec);
      last = rec.tid;
    },
    pick(ready: readonly SimThread[]): number {
      flush();
      const parent = stack[depth - 1];
      let node = stack[depth];
      if (depth >= prefix || !node) {
        const tids = ready.map((t) => t.tid).sort((a, b) => a - b);
        const cost = parent ? parent.cost + costOf(parent, parent.chosen) : 0;
        const full = !o.por || (sharded && cost === 0);
        node = {
          ready: tids,
          last,
          lastReady: tids.includes(last),
          cost,
          // No sleepers come from a node explored in full: under shards its other choices may be another shard's.
          sleep: parent && !parent.full ? childSleep(parent, parent.steps, !full) : new Map<number, Sleeper>(),
          full,
          todo: new Set(),
          chosen: -1,
          steps: [],
          spawns: [],
          block: null,
          done: new Map(),
          subtree: new Map(),
        };
        const fp = policy.fingerprint;
        if (fp) res.stateHashes.add(fp());
        const first = firstChoice(node, bound, owns);
        if (first.cut) cut = true;
        if (first.tid < 0) throw new Abort();
        node.chosen = first.tid;
        stack.push(node);
      }
      depth++;
      // The steps after this decision belong to node `depth - 1`: needed from the last
      // replayed decision (prefix - 1) on.
      if (depth === prefix) {
        recording = true;
        policy.recordFootprints?.(true);
      }
      cost = node.cost + costOf(node, node.chosen);
      let i = ready.length - 1;
      while (i >= 0 && ready[i]!.tid !== node.chosen) i--;
      if (i < 0) throw new Error(`internal error: exhaustive replay diverged at decision ${depth} (thread ${node.chosen} not ready)`);
      return i;
    },
  };
  try {
    const outcome = h.run(policy);
    flush();
    const fp = policy.fingerprint;
    if (fp) {
      const h = fp();
      res.stateHashes.add(h);
      res.finalStates.add(h);
    }
    // A run that made fewer decisions than the stack holds cannot happen (runs are deterministic).
    stack.length = depth;
    return { outcome, cut, cost };
  } catch (err) {
    if (!(err instanceof Abort)) throw err;
    // The node being decided is not explored further (every choice asleep or another shard's).
    stack.length = depth;
    return { outcome: null, cut, cost };
  }
}

/** A new node's first choice: every ready thread when `full`, else the cheapest one awake. */
function firstChoice(n: Node, bound: number, owns: ((n: Node, tid: number) => boolean) | null): { tid: number; cut: boolean } {
  if (n.full) return nextChoice(n, bound, owns);
  let cut = false;
  for (const tid of choiceOrder(n)) {
    if (n.sleep.has(tid)) continue;
    if (n.cost + costOf(n, tid) > bound) {
      cut = true;
      continue;
    }
    n.todo.add(tid);
    return { tid, cut };
  }
  return { tid: -1, cut };
}

