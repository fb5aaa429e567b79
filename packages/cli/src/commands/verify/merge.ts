/*
 * `zsdtrace verify merge a.json b.json …`: combines the `--json` summaries of the shards of one
 * run (`--shard I/N`, e.g. the pods of an indexed batch job) into the report a single run would
 * have printed: totals and coverage summed, failures grouped again by kind and message shape
 * keeping the lowest seed (or the fewest preemptions), seed ranges joined. Summaries of different
 * runs (another workload, algorithm, policy or mode) are refused.
 */

import { messageShape } from './core.js';
import { orderedCoverage } from './coverage-report.js';

type Json = Record<string, unknown>;

const SAME_RUN = ['mode', 'workload', 'algorithm', 'policy', 'pctDepth', 'publishKeyAfterCreate', 'maxSteps', 'por'] as const;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const rec = (v: unknown): Record<string, number> => (v && typeof v === 'object' ? (v as Record<string, number>) : {});

function sumInto(total: Record<string, number>, add: Record<string, number>): void {
  for (const [k, v] of Object.entries(add)) if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
}

/** Merges parsed summaries, or says why they cannot be merged. */
export function mergeSummaries(docs: readonly Json[], names: readonly string[]): { merged: Json } | { error: string } {
  const first = docs[0];
  if (!first) return { error: 'merge needs at least one summary file' };
  for (const [i, d] of docs.entries()) {
    if (d.mode !== 'seeds' && d.mode !== 'exhaustive') return { error: `${names[i]} is not a summary written by zsdtrace verify --json` };
    for (const k of SAME_RUN) {
      if (JSON.stringify(d[k]) !== JSON.stringify(first[k])) return { error: `${names[i]} is from another run (${k} ${JSON.stringify(d[k])}, not ${JSON.stringify(first[k])})` };
    }
    if (JSON.stringify(d.params) !== JSON.stringify(first.params)) return { error: `${names[i]} is from another run (other --param values)` };
  }
  return { merged: first.mode === 'seeds' ? mergeSeeds(docs) : mergeExhaustive(docs) };
}

function mergeSeeds(docs: readonly Json[]): Json {
  const out: Json = { ...docs[0]! };
  delete out.shard;
  const totals = ['seeds', 'seedsRun', 'events', 'probeFirings', 'callbacks', 'steps', 'failingSeeds', 'workers'];
  for (const k of totals) out[k] = docs.reduce((a, d) => a + num(d[k]), 0);
  out.elapsedMs = Math.max(...docs.map((d) => num(d.elapsedMs)));
  const waits: Record<string, number> = {};
  const coverage: Record<string, number> = {};
  const coverageSeeds: Record<string, number> = {};
  const byKind: Record<string, { count: number; seeds: number }> = {};
  for (const d of docs) {
    sumInto(waits, rec(d.waits));
    sumInto(coverage, rec(d.coverage));
    sumInto(coverageSeeds, rec(d.coverageSeeds));
    for (const [k, v] of Object.entries((d.byKind ?? {}) as Record<string, { count: number; seeds: number }>)) {
      const t = (byKind[k] ??= { count: 0, seeds: 0 });
      t.count += v.count;
      t.seeds += v.seeds;
    }
  }
  out.waits = waits;
  out.coverage = orderedCoverage(coverage);
  out.coverageSeeds = orderedCoverage(coverageSeeds);
  out.byKind = Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b)));
  const ranges = docs.flatMap((d) => (d.seedRanges ?? []) as [number, number][]).sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const r of ranges) {
    const last = joined[joined.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else joined.push([r[0], r[1]]);
  }
  out.seedRanges = joined;
  out.seedBase = joined[0]?.[0] ?? out.seedBase;
  type F = { kind: string; firstSeed: number; seeds: number; message: string; explanation: string; replay: string };
  const groups = groupFindings<F>(docs, (g, f) => {
    g.seeds += f.seeds;
    if (f.firstSeed < g.firstSeed) Object.assign(g, { firstSeed: f.firstSeed, message: f.message, explanation: f.explanation, replay: f.replay });
  });
  out.findings = groups.sort((a, b) => a.firstSeed - b.firstSeed || a.kind.localeCompare(b.kind) || messageShape(a.message).localeCompare(messageShape(b.message)));
  return out;
}

function mergeExhaustive(docs: readonly Json[]): Json {
  const out: Json = { ...docs[0]! };
  delete out.shard;
  for (const k of ['schedules', 'pruned', 'steps', 'events']) out[k] = docs.reduce((a, d) => a + num(d[k]), 0);
  out.elapsedMs = Math.max(...docs.map((d) => num(d.elapsedMs)));
  out.bound = Math.min(...docs.map((d) => num(d.bound)));
  out.complete = docs.every((d) => d.complete === true && num(d.bound) === out.bound);
  out.exhausted = docs.every((d) => d.exhausted === true);
  const hashes = new Set<number>();
  for (const d of docs) for (const h of (d.stateHashes ?? []) as number[]) hashes.add(h);
  out.stateHashes = [...hashes];
  out.states = hashes.size;
  const coverage: Record<string, number> = {};
  const coverageRuns: Record<string, number> = {};
  for (const d of docs) {
    sumInto(coverage, rec(d.coverage));
    sumInto(coverageRuns, rec(d.coverageRuns));
  }
  out.coverage = orderedCoverage(coverage);
  out.coverageRuns = orderedCoverage(coverageRuns);
  delete out.passes;
  type F = { kind: string; message: string; preemptions: number; schedules: number };
  const groups = groupFindings<F>(docs, (g, f) => {
    const total = g.schedules + f.schedules;
    if (f.preemptions < g.preemptions) Object.assign(g, f);
    g.schedules = total;
  });
  out.findings = groups.sort((a, b) => a.preemptions - b.preemptions || a.kind.localeCompare(b.kind));
  return out;
}

/**
 * The shards' findings, one per kind and message shape (numbers blanked), in order of first
 * appearance; `combine` folds a later shard's copy into the first one.
 */
function groupFindings<F extends { kind: string; message: string }>(docs: readonly Json[], combine: (into: F, f: F) => void): F[] {
  const groups = new Map<string, F>();
  for (const d of docs) {
    for (const f of (d.findings ?? []) as F[]) {
      const id = `${f.kind}\0${messageShape(f.message)}`;
      const g = groups.get(id);
      if (g) combine(g, f);
      else groups.set(id, { ...f });
    }
  }
  return [...groups.values()];
}
