/*
 * Parses the arguments of `zsdtrace verify` (everything after the word `verify`) into options.
 * Input: argv. Output: options, or a usage error as data (`{ error }`) that the command prints as
 * `zsdtrace: verify: <reason>` with exit status 2, as dtrace(1) does for usage errors.
 * Accepts `--name value` and `--name=value`. It must not read files or start anything.
 */

export const ALGORITHMS = ['current', 'legacy'] as const;
export const POLICIES = ['random', 'round-robin', 'pct', 'replay'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
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

export interface VerifyOptions {
  readonly config: ExploreConfig;
  /** The `--param` arguments as given, for replay commands. */
  readonly paramArgs: readonly string[];
  readonly seeds: number;
  readonly seedBase: number;
  readonly seed?: number;
  readonly replay: boolean;
  /** Worker threads; undefined = the default (2, the machine's cores). */
  readonly workers?: number;
  readonly json: boolean;
}

export type ParseResult = { readonly options: VerifyOptions } | { readonly error: string };

const VALUE_OPTIONS = new Set([
  'workload', 'seeds', 'seed', 'seed-base', 'algorithm', 'policy', 'pct-depth', 'param', 'workers', 'max-steps',
]);
const FLAG_OPTIONS = new Set(['replay', 'publish-after-create', 'json']);

function integer(name: string, text: string, min: number): number | string {
  if (!/^\d+$/.test(text)) return `--${name} needs a non-negative integer, not '${text}'`;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) return `--${name} must be at least ${min}`;
  return n;
}

export function parseVerifyArgs(argv: readonly string[]): ParseResult {
  const values = new Map<string, string>();
  const params: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) return { error: `unexpected argument '${arg}'` };
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
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
  const limits: Record<string, number> = { seeds: 1, seed: 0, 'seed-base': 0, 'pct-depth': 1, workers: 0, 'max-steps': 1 };
  for (const [name, min] of Object.entries(limits)) {
    const text = values.get(name);
    if (text === undefined) continue;
    const n = integer(name, text, min);
    if (typeof n === 'string') return { error: n };
    nums[name] = n;
  }
  if (nums['pct-depth'] !== undefined && policy !== 'pct') return { error: '--pct-depth applies only to --policy pct' };

  // Workload parameters are numbers (counts, durations in ns, percentages).
  const paramValues: Record<string, number> = {};
  for (const p of params) {
    const m = /^([A-Za-z_][\w-]*)=(.*)$/.exec(p);
    if (!m) return { error: `--param needs name=value, not '${p}'` };
    const text = m[2]!;
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: `--param ${m[1]!} needs a number, not '${text}'` };
    paramValues[m[1]!] = Number(text);
  }

  const replay = flags.has('replay');
  const seed = nums.seed;
  if (replay && seed === undefined) return { error: '--replay needs --seed S' };
  if (seed !== undefined && (nums.seeds !== undefined || nums['seed-base'] !== undefined)) {
    return { error: '--seed cannot be combined with --seeds or --seed-base' };
  }

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
      seedBase: seed ?? nums['seed-base'] ?? 1,
      ...(seed !== undefined && { seed }),
      replay,
      ...(nums.workers !== undefined && { workers: nums.workers }),
      json: flags.has('json'),
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
