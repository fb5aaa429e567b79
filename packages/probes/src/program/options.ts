/*
 * The option table (d-language.md 1.12): every `-x` / `#pragma D option` / setopt() option once,
 * with its kind, default, whether it may change while tracing, and dtrace's validation. From
 * the raw table a program collects (values as given: text, or true for a bare flag) it resolves
 * once into the typed ProgramOptions that the runtime and the consumer read; nothing downstream
 * parses an option string. Shared by the compiler, the handle and the runtime; imports neither.
 *
 * Kinds mirror libdtrace's option handlers (dt_options.c): size = dt_opt_size, rate =
 * dt_opt_rate (a time in ns, or a frequency with `hz`), count = dt_opt_runtime's integer,
 * enum = bufpolicy/bufresize's word lists; flags are set by naming them.
 */

import { parseCInteger, parseSize, parseTime } from './quantities.js';

export type OptionKind = 'flag' | 'size' | 'rate' | 'count' | 'enum' | 'string';

interface Spec {
  readonly kind: OptionKind;
  /** May change while tracing (consumer options and setopt()). */
  readonly dynamic: boolean;
  /** Text of the default (dtrace(1)'s values; illumos where they differ). */
  readonly default?: string;
  readonly values?: readonly string[];
}

export const OPTIONS = {
  quiet: { kind: 'flag', dynamic: true },
  flowindent: { kind: 'flag', dynamic: true },
  aggsortkey: { kind: 'flag', dynamic: true },
  aggsortkeypos: { kind: 'count', dynamic: true, default: '0' },
  aggsortpos: { kind: 'count', dynamic: true, default: '0' },
  aggsortrev: { kind: 'flag', dynamic: true },
  aggpack: { kind: 'flag', dynamic: true },
  agghist: { kind: 'flag', dynamic: true },
  aggzoom: { kind: 'flag', dynamic: true },
  encoding: { kind: 'enum', dynamic: false, values: ['ascii', 'utf8'] },
  aggrate: { kind: 'rate', dynamic: true, default: '1hz' },
  switchrate: { kind: 'rate', dynamic: true, default: '1hz' },
  statusrate: { kind: 'rate', dynamic: false, default: '1hz' },
  cleanrate: { kind: 'rate', dynamic: false, default: '101hz' },
  rawbytes: { kind: 'flag', dynamic: true },
  stackindent: { kind: 'count', dynamic: true, default: '14' },
  quietresize: { kind: 'flag', dynamic: true },
  strsize: { kind: 'size', dynamic: false, default: '256' },
  bufsize: { kind: 'size', dynamic: false, default: '4m' },
  bufpolicy: { kind: 'enum', dynamic: false, default: 'switch', values: ['switch', 'fill', 'ring'] },
  bufresize: { kind: 'enum', dynamic: false, default: 'auto', values: ['auto', 'manual'] },
  aggsize: { kind: 'size', dynamic: false, default: '4m' },
  dynvarsize: { kind: 'size', dynamic: false, default: '1m' },
  nspec: { kind: 'count', dynamic: false, default: '1' },
  specsize: { kind: 'size', dynamic: false, default: '32k' },
  stackframes: { kind: 'count', dynamic: false, default: '20' },
  ustackframes: { kind: 'count', dynamic: false, default: '100' },
  destructive: { kind: 'flag', dynamic: false },
  defaultargs: { kind: 'flag', dynamic: false },
  argref: { kind: 'flag', dynamic: false },
  zdefs: { kind: 'flag', dynamic: false },
  errtags: { kind: 'flag', dynamic: false },
  droptags: { kind: 'flag', dynamic: false },
  cpp: { kind: 'flag', dynamic: false },
  // dt_opt_cflags's DTRACE_C_EMPTY: a program with nothing in it compiles (lang/compile.ts).
  empty: { kind: 'flag', dynamic: false },
  define: { kind: 'string', dynamic: false },
  undef: { kind: 'string', dynamic: false },
  incdir: { kind: 'string', dynamic: false },
  verbose: { kind: 'flag', dynamic: false },
  // Accepted and recorded; zsdtrace has one consumer buffer per run and one D version.
  temporal: { kind: 'flag', dynamic: false },
  version: { kind: 'string', dynamic: false },
} as const satisfies Record<string, Spec>;

export type OptionName = keyof typeof OPTIONS;

/** The options as given: `-x name=value` text, or true for a bare `-x name`. */
export type RawOptionTable = Readonly<Record<string, string | true>>;

type ValueOf<S> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'size' | 'rate' | 'count' }
    ? number
    : S extends { kind: 'enum'; values: readonly (infer V)[]; default: string }
      ? V
      : S extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V | undefined
        : string | undefined;

/** Every option resolved to its typed value (sizes in bytes, rates in ns, flags as booleans). */
export type ProgramOptions = { readonly [K in OptionName]: ValueOf<(typeof OPTIONS)[K]> };

/** dtrace's messages for a refused option (EDT_BADOPTNAME, EDT_BADOPTVAL, EDT_ACTIVE). */
export const OptionError = {
  name: 'Invalid option name',
  value: 'Invalid value for specified option',
  active: 'Operation illegal when tracing is active',
} as const;

export function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

const spec = (name: OptionName): Spec => OPTIONS[name];

/**
 * Flags that dtrace parses with dt_opt_runtime: a bare name or any non-negative integer sets
 * them (even `0`), `yes/enable/enabled/true/on/set` (any case) set them, their opposites and
 * an empty value unset them. The compiler's flags (cpp, zdefs, …) take no value at all.
 */
/** Parses one value by its option's kind: the typed value, or dtrace's message. */
function parseValue(name: OptionName, value: string | true): { value: unknown } | { error: string } {
  const s = spec(name);
  if (s.kind === 'flag') return flagValue(name, value);
  if (value === true) return { error: OptionError.value };
  if (name === 'version' && !/^\d+\.\d+(\.\d+)?$/.test(value)) return { error: OptionError.value };
  let v: unknown = null;
  switch (s.kind) {
    case 'size':
      v = parseSize(value);
      break;
    case 'rate':
      v = parseTime(value);
      break;
    case 'count':
      v = parseCInteger(value);
      break;
    case 'enum':
      v = s.values!.includes(value) ? value : null;
      break;
    default:
      v = value;
  }
  return v === null ? { error: OptionError.value } : { value: v };
}

/** The options dt_opt_cflags sets: a bare name only. */
const COMPILER_FLAGS: ReadonlySet<string> = new Set(['argref', 'cpp', 'defaultargs', 'empty', 'errtags', 'verbose', 'zdefs']);

/** dt_opt_runtime's words for a flag given a value (any case); a number sets it too. */
const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  yes: true, no: false, enable: true, disable: false, enabled: true, disabled: false,
  true: true, false: false, on: true, off: false, set: true, unset: false,
};

/**
 * A flag: set by its bare name. With a value, dt_opt_runtime takes a word (`quiet=yes`,
 * `flowindent=off`), an empty value as unset, or a non-negative number (which sets it, even 0);
 * the compiler's own flags take no value (dt_opt_cflags).
 */
function flagValue(name: string, value: string | true): { value: boolean } | { error: string } {
  if (value === true) return { value: true };
  if (COMPILER_FLAGS.has(name)) return { error: OptionError.value };
  if (value === '') return { value: false };
  const word = FLAG_WORDS[value.toLowerCase()];
  if (word !== undefined && Object.hasOwn(FLAG_WORDS, value.toLowerCase())) return { value: word };
  return parseCInteger(value) === null ? { error: OptionError.value } : { value: true };
}

/** Validates `name[=value]`; returns dtrace's error text or null. */
export function validateOption(name: string, value: string | true): string | null {
  if (!isOptionName(name)) return OptionError.name;
  const r = parseValue(name, value);
  return 'error' in r ? r.error : null;
}

export function isDynamicOption(name: string): boolean {
  return isOptionName(name) && spec(name).dynamic;
}

function defaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    const s = spec(name);
    if (s.kind === 'flag') out[name] = false;
    else if (s.default === undefined) out[name] = undefined;
    else {
      const r = parseValue(name, s.default);
      if ('error' in r) throw new Error(`internal error: bad default for option ${name}`);
      out[name] = r.value;
    }
  }
  return out;
}

const DEFAULTS = Object.freeze(defaults()) as unknown as ProgramOptions;

/** The options in force when nothing sets one. */
export const DEFAULT_OPTIONS: ProgramOptions = DEFAULTS;

/**
 * Resolves a raw option table (already validated) into typed options over the defaults.
 * An invalid entry is an internal error: every path into the table validates first.
 */
export function resolveOptions(raw: RawOptionTable, base: ProgramOptions = DEFAULTS): ProgramOptions {
  const out: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(raw)) {
    if (!isOptionName(name)) throw new Error(`internal error: unknown option ${name} reached resolveOptions`);
    const r = parseValue(name, value);
    if ('error' in r) throw new Error(`internal error: invalid option ${name} reached resolveOptions`);
    out[name] = r.value;
  }
  return Object.freeze(out) as unknown as ProgramOptions;
}
