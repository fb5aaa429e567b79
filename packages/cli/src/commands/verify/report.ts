/*
 * Renders what `zsdtrace verify` prints: the exploration summary (text or JSON) with each distinct
 * failure's first seed, explanation and replay command, and the full report of one replayed seed
 * (engine findings with their reports, violations with their events, and the event tail).
 *
 * Input: data from @zsdtrace/core's verifier. Output: strings. It decides wording, not outcomes.
 */

import { PROPERTY_TITLES, formatEvent, sortedFailures } from './core.js';
import type { ExploreSummary, PropertyId, SeedDetail } from './core.js';
import { replayCommand, type VerifyOptions } from './args.js';

export interface RunContext {
  readonly options: VerifyOptions;
  readonly elapsedMs: number;
  readonly workers: number;
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
  const lines = [
    `zsdtrace verify: ${header(o)}`,
    `  seeds          ${s.seedsRun} (${o.seedBase}..${o.seedBase + s.seedsRun - 1}) in ${(ctx.elapsedMs / 1000).toFixed(1)} s, ${ctx.workers === 0 ? 'in process' : plural(ctx.workers, 'worker')}`,
    `  events         ${s.events}`,
    `  probe firings  ${s.probeFirings}`,
    `  callbacks      ${s.callbacks}`,
    `  waits          wait-for-creator: ${w.waitCreator} firings, ${w.distinctWaitCreator} distinct, in ${plural(w.seedsWithWaitCreator, 'seed')}`,
    `                 wait-for-inprogress: ${w.waitInprogress} firings, ${w.distinctWaitInprogress} distinct, in ${plural(w.seedsWithWaitInprogress, 'seed')}`,
  ];
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

export function summaryJson(s: ExploreSummary, ctx: RunContext): unknown {
  const o = ctx.options;
  return {
    workload: o.config.workload,
    params: o.config.params,
    algorithm: o.config.algorithm,
    policy: o.config.policy,
    ...(o.config.pctDepth !== undefined && { pctDepth: o.config.pctDepth }),
    publishKeyAfterCreate: o.config.publishKeyAfterCreate,
    seedBase: o.seedBase,
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
    failures: sortedFailures(s).map((f) => ({
      kind: f.kind,
      firstSeed: f.firstSeed,
      seeds: f.seeds,
      message: f.message,
      explanation: f.explanation,
      replay: replayCommand(o, f.firstSeed),
    })),
  };
}

export function formatReplay(d: SeedDetail, o: VerifyOptions): string {
  const r = d.result;
  const lines = [
    `zsdtrace verify: ${header(o)}, seed ${r.seed}`,
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
