/*
 * Aggregates seed results into the explorer's summary: totals, violations by kind (engine
 * findings and property violations alike), how many seeds saw each kind of wait, and the distinct
 * failures, grouped by kind plus the shape of the message (numbers — zone ids, keys, tids, times —
 * blanked out), each with the lowest seed that shows it.
 *
 * Results may arrive in any order (workers finish chunks out of order); the summary is the same
 * whatever the order. It holds no events and does not print.
 */

import type { SeedResult } from './run-seed.js';

export interface KindCount {
  /** Occurrences over all seeds. */
  count: number;
  /** Seeds in which it occurred at least once. */
  seeds: number;
}

export interface FailureGroup {
  /** Engine finding kind (`deadlock`, `use-after-free`, …) or property id (`I3`, …). */
  readonly kind: string;
  /** The message with numbers blanked: what groups occurrences. */
  readonly shape: string;
  /** Lowest seed showing this failure. */
  firstSeed: number;
  /** The message of the first seed. */
  message: string;
  /** Explanation: the finding's report, or the violation message. */
  explanation: string;
  /** Seeds showing it. */
  seeds: number;
}

export interface ExploreSummary {
  seedsRun: number;
  events: number;
  probeFirings: number;
  steps: number;
  callbacks: number;
  /** Seeds with at least one finding or violation. */
  failingSeeds: number;
  byKind: Record<string, KindCount>;
  waits: {
    seedsWithWaitCreator: number;
    seedsWithWaitInprogress: number;
    waitCreator: number;
    waitInprogress: number;
    distinctWaitCreator: number;
    distinctWaitInprogress: number;
  };
  failures: FailureGroup[];
  /** Coverage items: occurrences over all seeds, and seeds that reached each. */
  coverage: Record<string, number>;
  coverageSeeds: Record<string, number>;
}

export function emptySummary(): ExploreSummary {
  return {
    seedsRun: 0,
    events: 0,
    probeFirings: 0,
    steps: 0,
    callbacks: 0,
    failingSeeds: 0,
    byKind: {},
    waits: {
      seedsWithWaitCreator: 0,
      seedsWithWaitInprogress: 0,
      waitCreator: 0,
      waitInprogress: 0,
      distinctWaitCreator: 0,
      distinctWaitInprogress: 0,
    },
    failures: [],
    coverage: {},
    coverageSeeds: {},
  };
}

/** The message with every number replaced, so that one failure at different ids groups together. */
export function messageShape(message: string): string {
  // Hazard names (T1, T2) are words, not numbers.
  return message.replace(/0x[0-9a-f]+|(?<!\bT)\d+/gi, '#');
}

/** The kind a finding counts under: a use-after-free by its hazard (`use-after-free T2`). */
export function findingKind(f: { readonly kind: string; readonly hazard?: string }): string {
  return f.hazard ? `${f.kind} ${f.hazard}` : f.kind;
}

export function addSeedResult(s: ExploreSummary, r: SeedResult): void {
  s.seedsRun++;
  s.events += r.events;
  s.probeFirings += r.probeFirings;
  s.steps += r.steps;
  s.callbacks += r.callbacks;
  const w = s.waits;
  w.waitCreator += r.waitCreator;
  w.waitInprogress += r.waitInprogress;
  w.distinctWaitCreator += r.distinctWaitCreator;
  w.distinctWaitInprogress += r.distinctWaitInprogress;
  if (r.waitCreator > 0) w.seedsWithWaitCreator++;
  if (r.waitInprogress > 0) w.seedsWithWaitInprogress++;
  for (const [name, n] of Object.entries(r.coverage)) {
    if (n <= 0) continue;
    s.coverage[name] = (s.coverage[name] ?? 0) + n;
    s.coverageSeeds[name] = (s.coverageSeeds[name] ?? 0) + 1;
  }

  const counts = new Map<string, number>();
  for (const f of r.findings) counts.set(findingKind(f), (counts.get(findingKind(f)) ?? 0) + 1);
  for (const [p, n] of Object.entries(r.violationCounts)) if (n) counts.set(p, (counts.get(p) ?? 0) + n);
  if (counts.size > 0) s.failingSeeds++;
  for (const [kind, n] of counts) {
    const k = (s.byKind[kind] ??= { count: 0, seeds: 0 });
    k.count += n;
    k.seeds++;
  }

  const seenHere = new Set<string>();
  const note = (kind: string, message: string, explanation: string): void => {
    const shape = messageShape(message);
    const id = `${kind}\0${shape}`;
    if (seenHere.has(id)) return;
    seenHere.add(id);
    const g = s.failures.find((x) => x.kind === kind && x.shape === shape);
    if (!g) {
      s.failures.push({ kind, shape, firstSeed: r.seed, message, explanation, seeds: 1 });
      return;
    }
    g.seeds++;
    if (r.seed < g.firstSeed) {
      g.firstSeed = r.seed;
      g.message = message;
      g.explanation = explanation;
    }
  };
  for (const f of r.findings) note(findingKind(f), f.message, f.report || f.message);
  for (const v of r.violations) note(v.property, v.message, v.message);
}

/** Failures in a stable order: by first seed, then kind. */
export function sortedFailures(s: ExploreSummary): FailureGroup[] {
  return [...s.failures].sort((a, b) => a.firstSeed - b.firstSeed || a.kind.localeCompare(b.kind) || a.shape.localeCompare(b.shape));
}
