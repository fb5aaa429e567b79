/*
 * Folds the results of explorers that each searched other shards of one schedule tree (worker
 * threads of one `verify --exhaustive`) into the result one search would report: totals and
 * coverage summed, state sets joined, findings grouped again by kind and message shape keeping
 * the fewest preemptions, and per bound the schedules summed and the pass complete only if it was
 * in every part. The bound reported is the highest any part reached; it is complete only if
 * every part completed it (or covered its whole space below it).
 *
 * `verify merge` does the same for the --json summaries of separate processes (cli merge.ts).
 * joinBoundPasses strings together searches of successive bounds (one round per bound).
 */

import { emptyExhaustiveResult, type ExhaustiveFinding, type ExhaustiveResult } from './exhaustive.js';
import { messageShape } from './explore-summary.js';

export function mergeExhaustiveResults(parts: readonly ExhaustiveResult[]): ExhaustiveResult {
  const out = emptyExhaustiveResult();
  out.complete = parts.length > 0;
  out.exhausted = parts.length > 0;
  const byShape = new Map<string, ExhaustiveFinding>();
  const passes = new Map<number, { schedules: number; complete: boolean }>();
  for (const p of parts) {
    out.schedules += p.schedules;
    out.pruned += p.pruned;
    out.steps += p.steps;
    out.events += p.events;
    out.elapsedMs = Math.max(out.elapsedMs, p.elapsedMs);
    out.bound = Math.max(out.bound, p.bound);
    out.exhausted &&= p.exhausted;
    for (const h of p.stateHashes) out.stateHashes.add(h);
    for (const h of p.finalStates) out.finalStates.add(h);
    for (const [k, n] of Object.entries(p.coverage)) out.coverage[k] = (out.coverage[k] ?? 0) + n;
    for (const [k, n] of Object.entries(p.coverageRuns)) out.coverageRuns[k] = (out.coverageRuns[k] ?? 0) + n;
    for (const f of p.findings) {
      // Kind and message with numbers blanked: one finding however many shards show it.
      const id = `${f.kind}\0${messageShape(f.message)}`;
      const seen = byShape.get(id);
      if (!seen) byShape.set(id, { ...f });
      else {
        const total = seen.schedules + f.schedules;
        if (f.preemptions < seen.preemptions) Object.assign(seen, f);
        seen.schedules = total;
      }
    }
    for (const q of p.passes) {
      const m = passes.get(q.bound) ?? { schedules: 0, complete: true };
      m.schedules += q.schedules;
      m.complete &&= q.complete;
      passes.set(q.bound, m);
    }
  }
  // A part that exhausted its space below a bound has nothing left to run at that bound.
  const coversAll = (p: ExhaustiveResult, bound: number): boolean => p.exhausted && p.complete && p.bound <= bound;
  for (const [bound, m] of [...passes].sort((a, b) => a[0] - b[0])) {
    const complete = m.complete && parts.every((p) => p.passes.some((q) => q.bound === bound) || coversAll(p, bound));
    out.passes.push({ bound, schedules: m.schedules, complete });
  }
  out.complete = parts.length > 0 && parts.every((p) => (p.bound === out.bound && p.complete) || coversAll(p, out.bound));
  out.states = out.stateHashes.size;
  out.findings = [...byShape.values()].sort((a, b) => a.preemptions - b.preemptions || a.kind.localeCompare(b.kind));
  return out;
}

/**
 * Successive rounds of one search, each the pass at one bound (0, 1, 2, ... in order), as one
 * result: totals, states, coverage and findings (fewest preemptions) over all rounds; the bound,
 * completeness and exhaustion of the last round.
 */
export function joinBoundPasses(rounds: readonly ExhaustiveResult[]): ExhaustiveResult {
  const last = rounds[rounds.length - 1];
  const all = mergeExhaustiveResults(rounds);
  if (!last) return all;
  return {
    ...all,
    bound: last.bound,
    complete: last.complete,
    exhausted: last.exhausted,
    elapsedMs: rounds.reduce((a, r) => a + r.elapsedMs, 0),
    passes: rounds.flatMap((r) => r.passes.filter((p) => p.bound === r.bound)),
  };
}
