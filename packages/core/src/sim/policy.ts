/*
 * Scheduling policies. At each scheduling point with more than one runnable thread the kernel
 * asks the policy for an index into the ready list (kept in the order threads became ready) and
 * records the answer; replaying the recorded answers reproduces the run exactly.
 *
 * - random: uniform choice from the seeded PRNG (the default).
 * - round-robin: always the thread that has waited longest (the head of the ready list).
 * - pct: probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random distinct
 *   priorities, the highest-priority runnable thread runs, and at d-1 random steps the running
 *   thread's priority drops below every initial one. Finds any bug of depth d with probability
 *   at least 1/(n·k^(d-1)).
 * - replay: the recorded choices; past their end it falls back to the head of the ready list.
 */

import type { StepRecord } from './footprint.js';
import type { Prng } from './prng.js';
import type { SimThread } from './thread.js';

export type PolicyName = 'random' | 'round-robin' | 'pct' | 'replay';

export interface SchedulingPolicy {
  readonly name: PolicyName;
  /** A new thread was created (PCT gives it a priority). */
  spawned(t: SimThread): void;
  /** Index into `ready` (length >= 2) of the thread to run; `step` is the scheduling step. */
  pick(ready: readonly SimThread[], step: number): number;
  /** Every step's footprint, when the kernel records them (exhaustive exploration). */
  stepped?(rec: StepRecord): void;
}

export function createPolicy(
  name: PolicyName,
  prng: Prng,
  opts: { pctDepth?: number; pctSteps?: number; schedule?: readonly number[] },
): SchedulingPolicy {
  switch (name) {
    case 'random':
      return { name, spawned() {}, pick: (ready) => prng.below(ready.length) };
    case 'round-robin':
      return { name, spawned() {}, pick: () => 0 };
    case 'replay':
      return replayPolicy(opts.schedule ?? []);
    case 'pct':
      return pctPolicy(prng, Math.max(1, opts.pctDepth ?? 3), Math.max(1, opts.pctSteps ?? 20_000));
  }
}

function replayPolicy(schedule: readonly number[]): SchedulingPolicy {
  let cursor = 0;
  return {
    name: 'replay',
    spawned() {},
    pick(ready) {
      const c = schedule[cursor++];
      return c !== undefined && c >= 0 && c < ready.length ? c : 0;
    },
  };
}

function pctPolicy(prng: Prng, depth: number, steps: number): SchedulingPolicy {
  // Change points: d-1 distinct random steps in [1, steps].
  const changes = new Map<number, number>();
  for (let i = 1; i < depth; i++) {
    let s = prng.between(1, steps);
    while (changes.has(s)) s = (s % steps) + 1;
    changes.set(s, depth - i);
  }
  let chosenDecisions = 0;
  let last: SimThread | null = null;
  return {
    name: 'pct',
    spawned(t) {
      // Initial priorities sit above every change-point priority (which are 1..d-1).
      t.priority = depth + 1 + prng.nextU32();
    },
    pick(ready) {
      chosenDecisions++;
      const lowered = changes.get(chosenDecisions);
      if (lowered !== undefined && last) last.priority = lowered;
      let best = 0;
      for (let i = 1; i < ready.length; i++) if (ready[i]!.priority > ready[best]!.priority) best = i;
      last = ready[best]!;
      return best;
    },
  };
}
