/*
 * Parses the arguments of `zsdtrace verify` (everything after the word `verify`) into options.
 * Input: argv. Output: options, or a usage error as data (`{ error }`) that the command prints as
 * `zsdtrace: verify: <reason>` with exit status 2, as dtrace(1) does for usage errors.
 * Accepts `--name value` and `--name=value`. It must not read files or start anything.
 */

import { ALGORITHMS, type Algorithm } from '@zsdtrace/core';

export { ALGORITHMS, type Algorithm };
export const POLICIES = ['random', 'round-robin', 'pct', 'replay'] as const;
export type Policy = (typeof POLICIES)[number];

/** What each worker needs to build engines: plain data, cloned into worker threads. */
export interface ExploreConfig {
  readonly workload: string;
  readonly params: Readonly<Record<string, number>>;
  readonly algorithm: Algorithm;
  readonly policy: Policy;
  readonly pctDepth?: number;
  readonly publishKeyAfterCreate: boolean;
  readonly maxSteps?: number;
}

/** `--exhaustive`: systematic exploration of every schedule up to a preemption bound. */
export interface ExhaustiveConfig {
  /** Highest preemption bound; undefined raises it until the budget runs out. */
  readonly preemptions?: number;
  readonly maxSchedules: number;
  readonly timeLimitMs: number;
  readonly por: boolean;
  /** Directory for counterexample schedules (`--save`). */
  readonly saveDir: string;
}

export interface VerifyOptions {
  readonly config: ExploreConfig;
  /** The `--param` arguments as given, for replay commands. */
  readonly paramArgs: readonly string[];
  readonly seeds: number;
  readonly seedBase: number;
  readonly seed?: number;
  readonly replay: boolean;
  /** `--replay FILE`: a schedule recorded by --exhaustive. */
  readonly replayFile?: string;
  /** Worker threads; undefined = the default (2, the machine's cores). */
  readonly workers?: number;
  readonly json: boolean;
  readonly exhaustive?: ExhaustiveConfig;
  /** `--shard I/N` (1-based I on the command line, 0-based here). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Coverage items that must be reached, else the run fails. */
  readonly requireCoverage: readonly string[];
  readonly help: boolean;
}

export type ParseResult = { readonly options: VerifyOptions } | { readonly error: string };

const VALUE_OPTIONS = new Set([
  'workload', 'seeds', 'seed', 'seed-base', 'algorithm', 'policy', 'pct-depth', 'param', 'workers', 'max-steps',
  'preemptions', 'max-schedules', 'time-limit', 'shard', 'require-coverage', 'save',
]);
const FLAG_OPTIONS = new Set(['publish-after-create', 'json', 'exhaustive', 'no-por', 'help']);

/** Seeds are 32-bit (the scheduler's PRNG); more seeds than this in one process is a mistake. */
export const MAX_SEED = 0xffff_ffff;
export const MAX_SEEDS = 10_000_000;

function integer(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | string {
  if (!/^\d+$/.test(text)) return `--${name} needs a non-negative integer, not '${text}'`;
  const n = Number(text);
  if (n < min) return `--${name} must be at least ${min}`;
  if (!Number.isSafeInteger(n) || n > max) return `--${name} must be at most ${max}`;
  return n;
}

/** A time limit: seconds, or a number with s, m or h. */
function timeLimit(text: string): number | string {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (!m) return `--time-limit needs a duration such as 90s, 10m or 1h, not '${text}'`;
  const ms = Number(m[1]) * (m[2] === 'h' ? 3_600_000 : m[2] === 'm' ? 60_000 : 1000);
  return ms > 0 ? ms : '--time-limit must be more than 0';
}

export function parseVerifyArgs(argv: readonly string[]): ParseResult {
  const values = new Map<string, string>();
  const params: string[] = [];
  const flags = new Set<string>();
  let replay = false;
  let replayFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) return { error: `unexpected argument '${arg}'` };
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (name === 'replay') {
      // `--replay` replays --seed S; `--replay FILE` a schedule saved by --exhaustive.
      replay = true;
      if (eq >= 0) replayFile = arg.slice(eq + 1);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) replayFile = argv[++i];
      if (replayFile === '') return { error: '--replay needs a file name after =' };
      continue;
    }
    if (FLAG_OPTIONS.has(name)) {
      if (eq >= 0) return { error: `--${name} takes no value` };
      flags.add(name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) return { error: `unknown option '--${name}'` };
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) return { error: `--${name} needs a value` };
    if (name === 'param') params.push(value);
    else values.set(name, value);
  }

  const algorithm = values.get('algorithm') ?? 'current';
  if (!(ALGORITHMS as readonly string[]).includes(algorithm)) return { error: `unknown algorithm '${algorithm}' (expected ${ALGORITHMS.join(' or ')})` };
  const policy = values.get('policy') ?? 'random';
  if (!(POLICIES as readonly string[]).includes(policy)) return { error: `unknown policy '${policy}' (expected ${POLICIES.join(', ')})` };
  if (policy === 'replay') return { error: 'policy replay needs a recorded schedule; to replay a seed use --seed S --replay' };

  const nums: Record<string, number> = {};
  const limits: Record<string, [number, number]> = {
    seeds: [1, MAX_SEEDS],
    seed: [0, MAX_SEED],
    'seed-base': [0, MAX_SEED],
    'pct-depth': [1, 1000],
    workers: [0, 64],
    'max-steps': [1, Number.MAX_SAFE_INTEGER],
    preemptions: [0, 1000],
    'max-schedules': [1, Number.MAX_SAFE_INTEGER],
  };
  for (const [name, [min, max]] of Object.entries(limits)) {
    const text = values.get(name);
    if (text === undefined) continue;
    const n = integer(name, text, min, max);
    if (typeof n === 'string') return { error: name === 'seeds' && /at most/.test(n) ? `${n}; spread larger runs over processes with --shard I/N` : n };
    nums[name] = n;
  }
  if (nums['pct-depth'] !== undefined && policy !== 'pct') return { error: '--pct-depth applies only to --policy pct' };
  const base = nums['seed-base'] ?? 1;
  if (nums.seeds !== undefined && base + nums.seeds - 1 > MAX_SEED) return { error: `--seed-base + --seeds goes past the last seed, ${MAX_SEED}` };

  // Workload parameters are numbers (counts, durations in ns, percentages).
  const paramValues: Record<string, number> = {};
  for (const p of params) {
    const m = /^([A-Za-z_][\w-]*)=(.*)$/.exec(p);
    if (!m) return { error: `--param needs name=value, not '${p}'` };
    const text = m[2]!;
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: `--param ${m[1]!} needs a number, not '${text}'` };
    paramValues[m[1]!] = Number(text);
  }

  const seed = nums.seed;
  if (replay && replayFile === undefined && seed === undefined) return { error: '--replay needs --seed S, or a schedule file: --replay FILE' };
  if (replayFile !== undefined && seed !== undefined) return { error: '--replay FILE replays a saved schedule; it takes no --seed' };
  if (seed !== undefined && (nums.seeds !== undefined || nums['seed-base'] !== undefined)) {
    return { error: '--seed cannot be combined with --seeds or --seed-base' };
  }

  let shard: { index: number; count: number } | undefined;
  const shardText = values.get('shard');
  if (shardText !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shardText);
    const i = m ? Number(m[1]) : NaN;
    const n = m ? Number(m[2]) : NaN;
    if (!m || n < 1 || n > 100_000 || i < 1 || i > n) return { error: `--shard needs I/N with 1 <= I <= N, not '${shardText}'` };
    shard = { index: i - 1, count: n };
  }

  const exhaustive = flags.has('exhaustive');
  for (const name of ['preemptions', 'max-schedules', 'time-limit', 'save']) {
    if (values.has(name) && !exhaustive) return { error: `--${name} applies only to --exhaustive` };
  }
  if (flags.has('no-por') && !exhaustive) return { error: '--no-por applies only to --exhaustive' };
  if (exhaustive && (seed !== undefined || nums.seeds !== undefined || policy !== 'random')) {
    return { error: '--exhaustive explores schedules, not seeds: it takes no --seed, --seeds or --policy' };
  }
  // A bound given with --preemptions is run to its end unless a budget is given too; raising the
  // bound until the budget runs out needs one.
  const bounded = nums.preemptions !== undefined && !values.has('max-schedules') && !values.has('time-limit');
  let limitMs = bounded ? Number.POSITIVE_INFINITY : 120_000;
  const limitText = values.get('time-limit');
  if (limitText !== undefined) {
    const t = timeLimit(limitText);
    if (typeof t === 'string') return { error: t };
    limitMs = t;
  }

  const requireCoverage = (values.get('require-coverage') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (values.has('require-coverage') && requireCoverage.length === 0) return { error: '--require-coverage needs a list of items, such as N1,N4 or cases' };

  const config: ExploreConfig = {
    workload: values.get('workload') ?? 'module-churn',
    params: paramValues,
    algorithm: algorithm as Algorithm,
    policy: policy as Policy,
    ...(nums['pct-depth'] !== undefined && { pctDepth: nums['pct-depth'] }),
    publishKeyAfterCreate: flags.has('publish-after-create'),
    ...(nums['max-steps'] !== undefined && { maxSteps: nums['max-steps'] }),
  };
  return {
    options: {
      config,
      paramArgs: params,
      seeds: seed !== undefined ? 1 : (nums.seeds ?? 100),
      seedBase: seed ?? base,
      ...(seed !== undefined && { seed }),
      replay,
      ...(replayFile !== undefined && { replayFile }),
      ...(nums.workers !== undefined && { workers: nums.workers }),
      json: flags.has('json'),
      ...(exhaustive && {
        exhaustive: {
          ...(nums.preemptions !== undefined && { preemptions: nums.preemptions }),
          maxSchedules: nums['max-schedules'] ?? (bounded ? Number.MAX_SAFE_INTEGER : 1_000_000),
          timeLimitMs: limitMs,
          por: !flags.has('no-por'),
          saveDir: values.get('save') ?? 'zsdtrace-counterexamples',
        },
      }),
      ...(shard !== undefined && { shard }),
      requireCoverage,
      help: flags.has('help'),
    },
  };
}

/** The command that replays one seed with the same settings. */
export function replayCommand(o: VerifyOptions, seed: number): string {
  const c = o.config;
  const parts = ['zsdtrace verify', `--workload ${shellWord(c.workload)}`, `--seed ${seed}`, '--replay'];
  if (c.algorithm !== 'current') parts.push(`--algorithm ${c.algorithm}`);
  if (c.policy !== 'random') parts.push(`--policy ${c.policy}`);
  if (c.pctDepth !== undefined) parts.push(`--pct-depth ${c.pctDepth}`);
  if (c.publishKeyAfterCreate) parts.push('--publish-after-create');
  if (c.maxSteps !== undefined) parts.push(`--max-steps ${c.maxSteps}`);
  for (const p of o.paramArgs) parts.push(`--param ${shellWord(p)}`);
  return parts.join(' ');
}

function shellWord(s: string): string {
  return /^[\w./:=,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
