/*
 * Renders what `zsdtrace verify` prints: the exploration summary (text or JSON) with each distinct
 * failure's first seed, explanation and replay command, and the full report of one replayed seed
 * (engine findings with their reports, violations with their events, and the event tail).
 *
 * Input: data from @zsdtrace/core's verifier. Output: strings. It decides wording, not outcomes.
 */

import { PROPERTY_TITLES, formatEvent, messageShape, sortedFailures } from './core.js';
import type { ExploreSummary, PropertyId, SeedDetail } from './core.js';
import { replayCommand, type VerifyOptions } from './args.js';
import { formatCoverage, neverReached, orderedCoverage } from './coverage-report.js';
import type { ExploreConfig } from './args.js';

export interface RunContext {
  readonly options: VerifyOptions;
  readonly elapsedMs: number;
  readonly workers: number;
  /** Seed ranges run, [from, to] inclusive (one range, or several after a merge). */
  readonly seedRanges?: readonly (readonly [number, number])[];
}

/** Lines of a finding report shown in the summary; the replay prints all of it. */
const EXPLANATION_LINES = 6;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function kindTitle(kind: string): string {
  const title = (PROPERTY_TITLES as Readonly<Record<string, string>>)[kind];
  return title ? `${kind} (${title})` : kind;
}

function header(o: VerifyOptions): string {
  const c = o.config;
  const params = o.paramArgs.length > 0 ? ` [${o.paramArgs.join(' ')}]` : '';
  const extra = [
    c.pctDepth !== undefined ? `pct depth ${c.pctDepth}` : '',
    c.publishKeyAfterCreate ? 'key published after create' : '',
  ].filter(Boolean);
  return `workload ${c.workload}${params}, algorithm ${c.algorithm}, policy ${c.policy}${extra.length ? `, ${extra.join(', ')}` : ''}`;
}

export function formatSummary(s: ExploreSummary, ctx: RunContext): string {
  const o = ctx.options;
  const w = s.waits;
  const ranges = ctx.seedRanges ?? [[o.seedBase, o.seedBase + s.seedsRun - 1] as const];
  const lines = [
    `zsdtrace verify: ${header(o)}${o.shard ? `, shard ${o.shard.index + 1}/${o.shard.count}` : ''}`,
    `  seeds          ${s.seedsRun} (${ranges.map(([a, b]) => `${a}..${b}`).join(', ')}) in ${(ctx.elapsedMs / 1000).toFixed(1)} s, ${ctx.workers === 0 ? 'in process' : plural(ctx.workers, 'worker')}`,
    `  events         ${s.events}`,
    `  probe firings  ${s.probeFirings}`,
    `  callbacks      ${s.callbacks}`,
    `  waits          wait-for-creator: ${w.waitCreator} firings, ${w.distinctWaitCreator} distinct, in ${plural(w.seedsWithWaitCreator, 'seed')}`,
    `                 wait-for-inprogress: ${w.waitInprogress} firings, ${w.distinctWaitInprogress} distinct, in ${plural(w.seedsWithWaitInprogress, 'seed')}`,
  ];
  lines.push(...formatCoverage(s.coverage, s.coverageSeeds, 'seed'));
  const missing = neverReached(s.coverage, o.requireCoverage);
  if (missing.length > 0) lines.push(`  required       not reached: ${missing.join(', ')}`);
  const kinds = Object.entries(s.byKind).sort(([a], [b]) => a.localeCompare(b));
  if (kinds.length === 0) {
    lines.push('  found          nothing: no engine finding, no property violation');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`  found          problems in ${plural(s.failingSeeds, 'seed')}:`);
  for (const [kind, k] of kinds) lines.push(`    ${kindTitle(kind).padEnd(44)} ${String(k.count).padStart(7)} in ${plural(k.seeds, 'seed')}`);
  const failures = sortedFailures(s);
  lines.push('', `${plural(failures.length, 'distinct failure')}:`);
  for (const [i, f] of failures.entries()) {
    lines.push('', `[${i + 1}] ${kindTitle(f.kind)} — first seed ${f.firstSeed}, ${plural(f.seeds, 'seed')}`);
    const ex = f.explanation.split('\n');
    for (const l of ex.slice(0, EXPLANATION_LINES)) lines.push(`    ${l}`);
    if (ex.length > EXPLANATION_LINES) lines.push(`    … (${ex.length - EXPLANATION_LINES} more lines in the replay)`);
    lines.push(`    replay: ${replayCommand(o, f.firstSeed)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function summaryJson(s: ExploreSummary, ctx: RunContext): Record<string, unknown> {
  const o = ctx.options;
  return {
    mode: 'seeds',
    workload: o.config.workload,
    params: o.config.params,
    paramArgs: o.paramArgs,
    algorithm: o.config.algorithm,
    policy: o.config.policy,
    ...(o.config.pctDepth !== undefined && { pctDepth: o.config.pctDepth }),
    publishKeyAfterCreate: o.config.publishKeyAfterCreate,
    ...(o.config.maxSteps !== undefined && { maxSteps: o.config.maxSteps }),
    ...(o.shard && { shard: `${o.shard.index + 1}/${o.shard.count}` }),
    seedBase: o.seedBase,
    seedRanges: ctx.seedRanges ?? [[o.seedBase, o.seedBase + s.seedsRun - 1]],
    seeds: s.seedsRun,
    seedsRun: s.seedsRun,
    elapsedMs: Math.round(ctx.elapsedMs),
    workers: ctx.workers,
    events: s.events,
    probeFirings: s.probeFirings,
    callbacks: s.callbacks,
    steps: s.steps,
    waits: s.waits,
    failingSeeds: s.failingSeeds,
    byKind: s.byKind,
    coverage: orderedCoverage(s.coverage),
    coverageSeeds: orderedCoverage(s.coverageSeeds),
    findings: sortedFailures(s).map((f) => ({
      kind: f.kind,
      firstSeed: f.firstSeed,
      seeds: f.seeds,
      message: f.message,
      explanation: f.explanation,
      replay: replayCommand(o, f.firstSeed),
    })),
  };
}

export function formatReplay(d: SeedDetail, o: VerifyOptions, what = `seed ${d.result.seed}`): string {
  const r = d.result;
  const lines = [
    `zsdtrace verify: ${header(o)}, ${what}`,
    `  ${r.events} events, ${r.probeFirings} probe firings, ${r.callbacks} callbacks, ${r.steps} steps, ${r.virtualNs} ns virtual time`,
    `  waits: wait-for-creator ${r.waitCreator} (${r.distinctWaitCreator} distinct), wait-for-inprogress ${r.waitInprogress} (${r.distinctWaitInprogress} distinct)`,
  ];
  if (r.findings.length === 0 && d.violations.length === 0) lines.push('  found nothing: no engine finding, no property violation');
  for (const f of r.findings) {
    lines.push('', `engine finding: ${f.kind}: ${f.message}`);
    for (const l of f.report.split('\n')) lines.push(`  ${l}`);
  }
  for (const v of d.violations) {
    const where = `${v.zone !== undefined ? ` zone ${v.zone}` : ''}${v.key !== undefined ? ` key ${v.key}` : ''}`;
    lines.push('', `violation ${kindTitle(v.property)} at t=${v.t}${where}:`, `  ${v.message}`, '  events:');
    for (const e of v.events) lines.push(`    ${formatEvent(e)}`);
  }
  const hidden = Object.entries(r.violationCounts).filter(([p, n]) => n !== undefined && n > d.violations.filter((v) => v.property === (p as PropertyId)).length);
  for (const [p, n] of hidden) lines.push(`  (${p}: ${n} violations in all; the first ones are shown)`);
  lines.push('', `last ${d.tail.length} events:`);
  for (const e of d.tail) lines.push(`  ${formatEvent(e)}`);
  return `${lines.join('\n')}\n`;
}

/** A merged seeds summary (JSON) back into what formatSummary prints. */
export function summaryFromJson(m: Record<string, unknown>): { summary: ExploreSummary; ctx: RunContext } {
  const n = (k: string): number => (typeof m[k] === 'number' ? (m[k] as number) : 0);
  const config: ExploreConfig = {
    workload: String(m.workload),
    params: (m.params ?? {}) as Record<string, number>,
    algorithm: m.algorithm === 'legacy' ? 'legacy' : 'current',
    policy: (m.policy ?? 'random') as ExploreConfig['policy'],
    ...(typeof m.pctDepth === 'number' && { pctDepth: m.pctDepth }),
    publishKeyAfterCreate: m.publishKeyAfterCreate === true,
    ...(typeof m.maxSteps === 'number' && { maxSteps: m.maxSteps }),
  };
  const options: VerifyOptions = {
    config,
    paramArgs: (m.paramArgs ?? []) as string[],
    seeds: n('seedsRun'),
    seedBase: n('seedBase'),
    replay: false,
    json: false,
    requireCoverage: [],
    help: false,
  };
  type F = { kind: string; firstSeed: number; seeds: number; message: string; explanation: string };
  const summary: ExploreSummary = {
    seedsRun: n('seedsRun'),
    events: n('events'),
    probeFirings: n('probeFirings'),
    steps: n('steps'),
    callbacks: n('callbacks'),
    failingSeeds: n('failingSeeds'),
    byKind: (m.byKind ?? {}) as ExploreSummary['byKind'],
    waits: m.waits as ExploreSummary['waits'],
    failures: ((m.findings ?? []) as F[]).map((f) => ({ ...f, shape: messageShape(f.message) })),
    coverage: (m.coverage ?? {}) as Record<string, number>,
    coverageSeeds: (m.coverageSeeds ?? {}) as Record<string, number>,
  };
  return { summary, ctx: { options, elapsedMs: n('elapsedMs'), workers: n('workers'), seedRanges: (m.seedRanges ?? []) as [number, number][] } };
}

/** A merged exhaustive summary (JSON) as text, without its last line. */
export function formatMergedExhaustive(m: Record<string, unknown>): string {
  type F = { kind: string; message: string; preemptions: number; schedules: number; replay: string };
  const findings = (m.findings ?? []) as F[];
  const lines = [
    `zsdtrace verify --exhaustive (merged): workload ${String(m.workload)}, algorithm ${String(m.algorithm)}`,
    `  schedules      ${String(m.schedules)} run, ${String(m.pruned)} abandoned as equivalent to one already run`,
    `  states         ${String(m.states)} distinct (visible-state fingerprints)`,
    `  space          ${m.exhausted === true ? 'exhausted' : m.complete === true ? `complete for bound ${String(m.bound)}` : 'incomplete'}`,
    ...formatCoverage((m.coverage ?? {}) as Record<string, number>, (m.coverageRuns ?? {}) as Record<string, number>, 'schedule'),
  ];
  if (findings.length === 0) lines.push('  found          nothing: no engine finding, no property violation');
  for (const [i, f] of findings.entries()) {
    lines.push('', `[${i + 1}] ${f.kind} — ${f.preemptions} preemptions, in ${f.schedules} schedules`, `    ${f.message}`, `    replay: ${f.replay}`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
