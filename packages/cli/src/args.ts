/*
 * Command-line parsing with dtrace(1)'s rules: single-letter options from dtrace's option string
 * (flags may be grouped, `-qs x.d`; an option's argument may be attached, `-xquiet`, or the next
 * word), operands anywhere become macro arguments ($1 …) in order, plus zsdtrace's long options.
 * Probe specifiers (-n -P -m -f -i) and scripts (-s) keep their command-line order, as dtrace
 * compiles them in that order.
 *
 * Returns a usage error as data; never exits or prints.
 */

import { ALGORITHMS, builtinWorkloads, type Algorithm } from '@zsdtrace/core';
import { parseTime } from '@zsdtrace/probes';
import { parseOtlpFilter } from './otlp/filter.js';

export type ProbeSpecFlag = 'n' | 'P' | 'm' | 'f' | 'i';

export interface ProgramArg {
  readonly kind: 's' | ProbeSpecFlag;
  readonly value: string;
}

export interface CliArgs {
  programs: ProgramArg[];
  macroArgs: string[];
  options: Record<string, string | true>;
  list: boolean;
  verbose: boolean;
  version: boolean;
  compileOnly: boolean;
  output?: string;
  command?: string;            // -c WORKLOAD, or a command to run and trace
  pids: number[];              // -p PID (live Node.js processes)
  workload?: string;           // --workload
  params: Record<string, number>;
  seed: number;
  algorithm: Algorithm;
  policy: 'random' | 'round-robin' | 'pct';
  publishAfterCreate: boolean;
  durationNs?: number;
  format: 'text' | 'json' | 'folded';
  tui: boolean;
  fast: boolean;
  otlp?: string | true;
  otlpProtocol?: 'json' | 'protobuf';
  otlpFilter?: string;
  otlpTimeoutMs?: number;
  cpp: { defines: string[]; undefs: string[]; incdirs: string[]; listIncludes: boolean };
  help: boolean;
}

export class UsageError extends Error {
  readonly code = 'E_USAGE';
}

/** dtrace's option string: a letter followed by ':' takes an argument. */
const OPTSTRING = '3:6:aAb:Bc:CD:ef:FGhHi:I:lL:m:n:o:p:P:qs:SU:vVwx:X:Z';
const takesArg = new Set<string>();
const flags = new Set<string>();
for (let i = 0; i < OPTSTRING.length; i++) {
  const c = OPTSTRING[i]!;
  if (c === ':') continue;
  if (OPTSTRING[i + 1] === ':') takesArg.add(c);
  else flags.add(c);
}

const LONG_WITH_VALUE = new Set([
  'seed', 'algorithm', 'workload', 'duration', 'format', 'otlp-protocol', 'otlp-filter',
  'otlp-timeout', 'policy', 'param',
]);

/** --duration and --otlp-timeout: the one time parser, a bare number meaning seconds. */
const DURATION = { bare: 's', fraction: true } as const;

export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = {
    programs: [], pids: [], macroArgs: [], options: Object.create(null) as Record<string, string | true>, list: false, verbose: false, version: false,
    compileOnly: false, params: Object.create(null) as Record<string, number>, seed: 1, algorithm: 'current', policy: 'random',
    publishAfterCreate: false, format: 'text', tui: false, fast: false,
    cpp: { defines: [], undefs: [], incdirs: [], listIncludes: false }, help: false,
  };
  let i = 0;
  const next = (what: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`option requires an argument -- ${what}`);
    return v;
  };
  for (; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--') {
      a.macroArgs.push(...argv.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      let name = w.slice(2);
      let value: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      if (LONG_WITH_VALUE.has(name) && value === undefined) value = next(`-${name}`);
      longOption(a, name, value, () => {
        // --otlp takes an optional URL: only a following word that looks like one.
        const peek = argv[i + 1];
        if (peek !== undefined && /^https?:\/\//.test(peek)) {
          i++;
          return peek;
        }
        return undefined;
      });
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const c = w[j]!;
        if (takesArg.has(c)) {
          const rest = w.slice(j + 1);
          shortOption(a, c, rest !== '' ? rest : next(c));
          break;
        }
        if (!flags.has(c)) throw new UsageError(`illegal option -- ${c}`);
        shortOption(a, c, undefined);
      }
      continue;
    }
    a.macroArgs.push(w);
  }
  const named = workloadsSeen.get(a) ?? [];
  if (named.length > 1) throw new UsageError(`only one workload can be traced at a time, not ${named.join(' and ')}`);
  return a;
}

/** The workloads named so far (-c with a built-in name or a .json file, --workload). */
const workloadsSeen = new WeakMap<CliArgs, string[]>();
function workloads(a: CliArgs): string[] {
  let list = workloadsSeen.get(a);
  if (!list) workloadsSeen.set(a, (list = []));
  return list;
}
function isWorkloadName(v: string): boolean {
  return builtinWorkloads.includes(v) || v.endsWith('.json');
}

/** --otlp takes an http or https URL with a host (and a valid port); anything else is a usage error. */
function checkOtlpUrl(text: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--otlp needs an http or https URL, not '${text}'`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new UsageError(`--otlp needs an http or https URL, not '${text}'`);
  }
}

function shortOption(a: CliArgs, c: string, v: string | undefined): void {
  switch (c) {
    case 's': case 'n': case 'P': case 'm': case 'f': case 'i':
      a.programs.push({ kind: c, value: v! });
      return;
    case 'q': a.options.quiet = true; return;
    case 'F': a.options.flowindent = true; return;
    case 'w': a.options.destructive = true; return;
    case 'Z': a.options.zdefs = true; return;
    case 'C': a.options.cpp = true; return;
    case 'S': a.options.verbose = true; return;
    case 'l': a.list = true; return;
    case 'v': a.verbose = true; return;
    case 'V': a.version = true; return;
    case 'e': a.compileOnly = true; return;
    case 'h': case 'G': throw new UsageError(`-${c} is not supported: zsdtrace has no USDT object generation`);
    case 'H': a.cpp.listIncludes = true; return;
    case 'o': a.output = v!; return;
    case 'c': a.command = v!; if (isWorkloadName(v!)) workloads(a).push(v!); return;
    case 'b': a.options.bufsize = v!; return;
    case 'D': a.cpp.defines.push(v!); return;
    case 'U': a.cpp.undefs.push(v!); return;
    case 'I': a.cpp.incdirs.push(v!); return;
    case 'x': {
      const eq = v!.indexOf('=');
      if (eq < 0) a.options[v!] = true;
      else a.options[v!.slice(0, eq)] = v!.slice(eq + 1);
      return;
    }
    case 'X': {
      // ISO C mode of the preprocessor: as dtrace on Linux, it only decides __STDC__.
      const stdc: Record<string, string | null> = { a: '__STDC__=0', c: '__STDC__=1', s: null, t: '__STDC__=0' };
      if (!Object.hasOwn(stdc, v!)) throw new UsageError(`-X requires one of a, c, s or t, not '${v}'`);
      const def = stdc[v!];
      if (def) a.cpp.defines.push(def);
      return;
    }
    case 'p': {
      const pid = Number(v);
      if (!/^\d+$/.test(v!) || !Number.isSafeInteger(pid) || pid <= 0) throw new UsageError(`invalid process ID: ${v}`);
      a.pids.push(pid);
      return;
    }
    case '3': case '6': case 'L': case 'a': case 'A': case 'B':
      return; // data model, library path and anonymous tracing have no meaning here
    default:
      throw new UsageError(`illegal option -- ${c}`);
  }
}

function longOption(a: CliArgs, name: string, value: string | undefined, optional: () => string | undefined): void {
  switch (name) {
    case 'seed': {
      // Decimal digits only: not '', ' 5 ', 1e3 or 0x10, which Number() would take.
      const n = /^\d+$/.test(value!) ? Number(value) : NaN;
      if (!Number.isSafeInteger(n)) throw new UsageError(`--seed needs a non-negative decimal integer, not '${value}'`);
      a.seed = n;
      return;
    }
    case 'algorithm':
      if (!ALGORITHMS.includes(value as Algorithm)) throw new UsageError(`--algorithm must be current or legacy, not '${value}'`);
      a.algorithm = value as Algorithm;
      return;
    case 'policy':
      if (value !== 'random' && value !== 'round-robin' && value !== 'pct') throw new UsageError(`--policy must be random, round-robin or pct, not '${value}'`);
      a.policy = value;
      return;
    case 'workload': a.workload = value!; workloads(a).push(value!); return;
    case 'param': {
      const m = /^([A-Za-z][\w-]*)=(\d+)$/.exec(value!);
      if (!m) throw new UsageError(`--param needs name=integer, not '${value}'`);
      a.params[m[1]!] = Number(m[2]);
      return;
    }
    case 'duration': {
      const ns = parseTime(value!, DURATION);
      if (ns === null || ns <= 0) throw new UsageError(`--duration needs a duration such as 5s or 250ms, not '${value}'`);
      a.durationNs = ns;
      return;
    }
    case 'format':
      if (value !== 'text' && value !== 'json' && value !== 'folded') throw new UsageError(`--format must be text, json or folded, not '${value}'`);
      a.format = value;
      return;
    case 'tui': a.tui = true; return;
    case 'fast': a.fast = true; return;
    case 'publish-after-create': a.publishAfterCreate = true; return;
    case 'otlp': {
      const url = value ?? optional();
      if (url !== undefined) checkOtlpUrl(url);
      a.otlp = url ?? true;
      return;
    }
    case 'otlp-protocol':
      if (value !== 'json' && value !== 'protobuf') throw new UsageError(`--otlp-protocol must be json or protobuf, not '${value}'`);
      a.otlpProtocol = value;
      return;
    case 'otlp-filter': {
      const f = parseOtlpFilter(value!);
      if (!f.ok) throw new UsageError(`--otlp-filter: ${f.message}`);
      a.otlpFilter = value!;
      return;
    }
    case 'otlp-timeout': {
      const ns = parseTime(value!, DURATION);
      if (ns === null) throw new UsageError(`--otlp-timeout needs a duration, not '${value}'`);
      a.otlpTimeoutMs = Math.max(1, Math.round(ns / 1e6));
      return;
    }
    case 'help': a.help = true; return;
    case 'version': a.version = true; return;
    default:
      throw new UsageError(`unrecognized option '--${name}'`);
  }
}
