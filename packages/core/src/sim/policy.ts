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
      return new RandomPolicy(prng);
    case 'round-robin':
      return new RoundRobinPolicy();
    case 'replay':
      return new ReplayPolicy(opts.schedule ?? []);
    case 'pct':
      return new PctPolicy(prng, Math.max(1, opts.pctDepth ?? 3), Math.max(1, opts.pctSteps ?? 20_000));
  }
}

/*
 * Classes rather than object literals with closures: the scheduler calls `pick` on every choice,
 * and the next engine in the same process then calls code of the same shape (a closure made
 * afresh per engine would look like a new call target and cost the optimised scheduler loop).
 */

class RandomPolicy implements SchedulingPolicy {
  readonly name = 'random';
  constructor(private readonly prng: Prng) {}
  spawned(): void {}
  pick(ready: readonly SimThread[]): number {
    // `| 0` changes no value (the index is below ready.length) but makes it a small integer:
    // the remainder of a uint32 can come out as a boxed number, and one of those pushed onto
    // the kernel's choices turns the array into one of doubles, a map that code compiled
    // during an earlier run of the process does not expect of the next run's fresh array.
    return this.prng.below(ready.length) | 0;
  }
}

class RoundRobinPolicy implements SchedulingPolicy {
  readonly name = 'round-robin';
  spawned(): void {}
  pick(): number {
    return 0;
  }
}

class ReplayPolicy implements SchedulingPolicy {
  readonly name = 'replay';
  private cursor = 0;
  constructor(private readonly schedule: readonly number[]) {}
  spawned(): void {}
  pick(ready: readonly SimThread[]): number {
    const c = this.schedule[this.cursor++];
    return c !== undefined && c >= 0 && c < ready.length ? c : 0;
  }
}

class PctPolicy implements SchedulingPolicy {
  readonly name = 'pct';
  /** Change points: d-1 distinct random steps in [1, steps], each with its lowered priority. */
  private readonly changes = new Map<number, number>();
  private chosenDecisions = 0;
  private last: SimThread | null = null;

  constructor(
    private readonly prng: Prng,
    private readonly depth: number,
    steps: number,
  ) {
    for (let i = 1; i < depth; i++) {
      let s = prng.between(1, steps);
      while (this.changes.has(s)) s = (s % steps) + 1;
      this.changes.set(s, depth - i);
    }
  }

  spawned(t: SimThread): void {
    // Initial priorities sit above every change-point priority (which are 1..d-1).
    t.priority = this.depth + 1 + this.prng.nextU32();
  }

  pick(ready: readonly SimThread[]): number {
    this.chosenDecisions++;
    const lowered = this.changes.get(this.chosenDecisions);
    if (lowered !== undefined && this.last) this.last.priority = lowered;
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (ready[i]!.priority > ready[best]!.priority) best = i;
    this.last = ready[best]!;
    return best;
  }
}
