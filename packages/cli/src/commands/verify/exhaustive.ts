/*
 * `zsdtrace verify --exhaustive`: runs the core's explorer over an untimed engine, saves one
 * replayable schedule per distinct finding, and renders the summary (text or JSON) whose last
 * line is `exhaustive: <workload> <algorithm>: <N> schedules, bound <K>, complete|incomplete,
 * <F> findings`. Also `--replay FILE`: reruns a saved schedule.
 *
 * Input: parsed options and an engine factory. Output: text on the injected streams, files in
 * the --save directory, an exit status (0 nothing found, 1 found something or missed coverage).
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Algorithm, ExploreConfig, VerifyOptions } from './args.js';
import { exploreExhaustive, followSchedule, joinBoundPasses, mergeExhaustiveResults, runSeedDetailed, scheduleHarness } from './core.js';
import type { ExhaustiveResult, PolicyEngineFactory, SeedDetail } from './core.js';
import { formatCoverage, neverReached, orderedCoverage } from './coverage-report.js';
import { exploreExhaustiveParts, type WorkerSpec } from './pool.js';
import { createProgress } from './progress.js';

export interface ExhaustiveIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** A schedule file written by --save and read by --replay FILE. */
export interface SavedSchedule {
  readonly format: 'zsdtrace-schedule';
  readonly version: 1;
  readonly workload: string;
  readonly params: Readonly<Record<string, number>>;
  readonly paramArgs: readonly string[];
  readonly algorithm: Algorithm;
  readonly publishKeyAfterCreate: boolean;
  readonly maxSteps?: number;
  readonly preemptions: number;
  readonly finding: { readonly kind: string; readonly message: string };
  /** Thread id chosen at each scheduling decision of the untimed engine. */
  readonly schedule: readonly number[];
}

export interface SavedFinding {
  readonly kind: string;
  readonly message: string;
  readonly preemptions: number;
  readonly schedules: number;
  readonly schedule: readonly number[];
  readonly file: string;
  readonly replay: string;
}

/** Worker threads for a search: how many, and the entry they run. */
export interface ExhaustivePool {
  readonly workers: number;
  readonly worker: WorkerSpec;
}

/** Parts per worker thread: shards of the tree vary in size, so each worker takes several in turn. */
const PARTS_PER_WORKER = 8;

/**
 * Runs the search in this thread, or over worker threads when `pool` has two or more: then the
 * tree is cut into shards (within --shard I/N if given), handed out in turn, and their results
 * merged into one.
 */
export async function runExhaustive(
  o: VerifyOptions,
  make: PolicyEngineFactory,
  io: ExhaustiveIo,
  now: () => number,
  pool: ExhaustivePool | null = null,
): Promise<{ code: number; result: ExhaustiveResult }> {
  const x = o.exhaustive!;
  const progress = createProgress(io.stderr, now);
  const started = now();
  const elapsed = (): string => `${((now() - started) / 1000).toFixed(1)} s`;
  let result: ExhaustiveResult;
  let workers = 0;
  if (pool && pool.workers >= 2) {
    const base = o.shard ?? { index: 0, count: 1 };
    const k = pool.workers * PARTS_PER_WORKER;
    const budget = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + x.timeLimitMs;
    const top = x.preemptions ?? Number.POSITIVE_INFINITY;
    let bound = 0;
    const ticker = setInterval(() => progress.update(() => `verify --exhaustive: bound ${bound}, ${Atomics.load(budget, 0)} schedules, ${pool.workers} workers, ${elapsed()}`), 250);
    // Each bound is a round of its own over all the shards (as one thread raises the bound only
    // when the pass below is done), so the budget never runs out on one shard's deep bound while
    // another shard has not finished a lower one.
    const rounds: ExhaustiveResult[] = [];
    try {
      for (; bound <= top; bound++) {
        const parts = await exploreExhaustiveParts({
          config: o.config,
          workers: pool.workers,
          worker: pool.worker,
          parts: Array.from({ length: k }, (_, j) => ({
            shard: { index: base.index + base.count * j, count: base.count * k },
            minPreemptions: bound,
            maxPreemptions: bound,
            maxSchedules: x.maxSchedules,
            por: x.por,
          })),
          deadline,
          budget,
        });
        const round = mergeExhaustiveResults(parts);
        rounds.push(round);
        if (!round.complete || round.exhausted) break;
        if (Atomics.load(budget, 0) >= x.maxSchedules || Date.now() >= deadline) break;
      }
    } finally {
      clearInterval(ticker);
    }
    result = { ...joinBoundPasses(rounds), elapsedMs: now() - started };
    workers = pool.workers;
  } else {
    result = exploreExhaustive(scheduleHarness(make, o.config.algorithm), {
      ...(x.preemptions !== undefined && { maxPreemptions: x.preemptions }),
      maxSchedules: x.maxSchedules,
      maxMs: x.timeLimitMs,
      por: x.por,
      now,
      ...(o.shard && { shard: o.shard }),
      onProgress: (p) => progress.update(() => `verify --exhaustive: bound ${p.bound}, ${p.schedules} schedules, ${p.states} states, ${elapsed()}`),
    });
  }
  progress.finish();
  const saved = saveFindings(o, result, x.saveDir);
  const missing = neverReached(result.coverage, o.requireCoverage);
  if (o.json) io.stdout.write(`${JSON.stringify(exhaustiveJson(o, result, saved, workers))}\n`);
  else io.stdout.write(formatExhaustive(o, result, saved, missing, workers));
  if (o.json && missing.length > 0) io.stderr.write(`zsdtrace: verify: coverage not reached: ${missing.join(', ')}\n`);
  return { code: result.findings.length > 0 || missing.length > 0 ? 1 : 0, result };
}

function saveFindings(o: VerifyOptions, r: ExhaustiveResult, dir: string): SavedFinding[] {
  if (r.findings.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  const stem = basename(o.config.workload).replace(/\.json$/i, '').replace(/[^\w.-]+/g, '_');
  const shard = o.shard ? `-shard${o.shard.index + 1}of${o.shard.count}` : '';
  return r.findings.map((f, i) => {
    const file = join(dir, `${stem}-${o.config.algorithm}${shard}-${i + 1}.json`);
    const doc: SavedSchedule = {
      format: 'zsdtrace-schedule',
      version: 1,
      workload: o.config.workload,
      params: o.config.params,
      paramArgs: o.paramArgs,
      algorithm: o.config.algorithm,
      publishKeyAfterCreate: o.config.publishKeyAfterCreate,
      ...(o.config.maxSteps !== undefined && { maxSteps: o.config.maxSteps }),
      preemptions: f.preemptions,
      finding: { kind: f.kind, message: f.message },
      schedule: f.schedule,
    };
    writeFileSync(file, `${JSON.stringify(doc)}\n`);
    return { kind: f.kind, message: f.message, preemptions: f.preemptions, schedules: f.schedules, schedule: f.schedule, file, replay: `zsdtrace verify --replay ${file}` };
  });
}

/** The summary's last line, exactly as the issue and the docs give it. */
export function lastLine(workload: string, algorithm: string, r: { schedules: number; bound: number; complete: boolean; findings: number }): string {
  return `exhaustive: ${workload} ${algorithm}: ${r.schedules} schedules, bound ${r.bound}, ${r.complete ? 'complete' : 'incomplete'}, ${r.findings} findings`;
}

function formatExhaustive(o: VerifyOptions, r: ExhaustiveResult, saved: readonly SavedFinding[], missing: readonly string[], workers: number): string {
  const c = o.config;
  const params = o.paramArgs.length > 0 ? ` [${o.paramArgs.join(' ')}]` : '';
  const space = r.exhausted
    ? `exhausted: no schedule needs more than ${r.bound} preemption${r.bound === 1 ? '' : 's'}; every interleaving is covered`
    : r.complete
      ? `complete for bound ${r.bound}: every schedule with at most ${r.bound} preemption${r.bound === 1 ? '' : 's'} is covered`
      : `incomplete: the budget ran out during bound ${r.bound}`;
  const lines = [
    `zsdtrace verify --exhaustive: workload ${c.workload}${params}, algorithm ${c.algorithm}${c.publishKeyAfterCreate ? ', key published after create' : ''}${o.shard ? `, shard ${o.shard.index + 1}/${o.shard.count}` : ''}`,
    `  model          untimed; a step runs from one synchronization operation to the next; partial-order reduction ${o.exhaustive!.por ? 'on (dynamic, preemption-bounded, with sleep sets)' : 'off'}`,
    ...(workers > 0 ? [`  workers        ${workers} threads, ${workers * PARTS_PER_WORKER} shards of the tree (split at the first preemption)`] : []),
    `  bounds         ${r.passes.map((p) => `${p.bound}: ${p.schedules} schedules${p.complete ? '' : ' (cut short)'}`).join('; ')}`,
    `  schedules      ${r.schedules} run, ${r.pruned} abandoned as equivalent to one already run`,
    `  states         ${r.states} distinct (visible-state fingerprints)`,
    `  steps          ${r.steps}`,
    `  events         ${r.events}`,
    `  time           ${(r.elapsedMs / 1000).toFixed(1)} s`,
    `  space          ${space}`,
    ...formatCoverage(r.coverage, r.coverageRuns, 'schedule'),
  ];
  if (missing.length > 0) lines.push(`  required       not reached: ${missing.join(', ')}`);
  if (saved.length === 0) lines.push('  found          nothing: no engine finding, no property violation');
  else {
    lines.push('', `${saved.length} distinct finding${saved.length === 1 ? '' : 's'}, each with the fewest preemptions that reach it:`);
    for (const [i, f] of saved.entries()) {
      lines.push('', `[${i + 1}] ${f.kind} — ${f.preemptions} preemption${f.preemptions === 1 ? '' : 's'}, in ${f.schedules} schedule${f.schedules === 1 ? '' : 's'}`);
      lines.push(`    ${f.message}`, `    replay: ${f.replay}`);
    }
  }
  lines.push('', lastLine(c.workload, c.algorithm, { schedules: r.schedules, bound: r.bound, complete: r.complete, findings: saved.length }));
  return `${lines.join('\n')}\n`;
}

export function exhaustiveJson(o: VerifyOptions, r: ExhaustiveResult, saved: readonly SavedFinding[], workers = 0): Record<string, unknown> {
  const c = o.config;
  return {
    mode: 'exhaustive',
    workload: c.workload,
    params: c.params,
    paramArgs: o.paramArgs,
    algorithm: c.algorithm,
    publishKeyAfterCreate: c.publishKeyAfterCreate,
    por: o.exhaustive!.por,
    ...(o.shard && { shard: `${o.shard.index + 1}/${o.shard.count}` }),
    workers,
    seeds: 0,
    schedules: r.schedules,
    pruned: r.pruned,
    bound: r.bound,
    complete: r.complete,
    exhausted: r.exhausted,
    passes: r.passes,
    states: r.states,
    stateHashes: [...r.stateHashes],
    steps: r.steps,
    events: r.events,
    elapsedMs: Math.round(r.elapsedMs),
    coverage: orderedCoverage(r.coverage),
    coverageRuns: orderedCoverage(r.coverageRuns),
    findings: saved,
  };
}

/** Reads a schedule saved by --exhaustive; a bad file is a usage error (thrown as text). */
export function readSavedSchedule(file: string): SavedSchedule {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(`cannot read schedule ${file}: ${e.code ?? e.message}`);
  }
  const d = json as Partial<SavedSchedule> | null;
  if (
    !d ||
    typeof d !== 'object' ||
    d.format !== 'zsdtrace-schedule' ||
    d.version !== 1 ||
    typeof d.workload !== 'string' ||
    (d.algorithm !== 'current' && d.algorithm !== 'legacy') ||
    !Array.isArray(d.schedule) ||
    !d.schedule.every((t) => Number.isSafeInteger(t) && t > 0)
  ) {
    throw new Error(`${file} is not a schedule saved by zsdtrace verify --exhaustive`);
  }
  return d as SavedSchedule;
}

/** The engine config a saved schedule was explored with. */
export function savedConfig(d: SavedSchedule): ExploreConfig {
  return {
    workload: d.workload,
    params: d.params ?? {},
    algorithm: d.algorithm,
    policy: 'random',
    publishKeyAfterCreate: d.publishKeyAfterCreate === true,
    ...(d.maxSteps !== undefined && { maxSteps: d.maxSteps }),
  };
}

/** Reruns a saved schedule with the checker; the caller renders the detail. */
export function replaySchedule(d: SavedSchedule, make: PolicyEngineFactory): SeedDetail {
  return runSeedDetailed(() => make(followSchedule(d.schedule)), 0, { algorithm: d.algorithm });
}
