/*
 * The option table (d-language.md 1.12): which options exist, how their values are parsed and
 * which may change while tracing. Shared by the compiler (pragmas, -x) and the runtime
 * (setopt()); it imports neither. Values are kept as given (string, or true for a bare flag);
 * `parseOptionValue` turns one into a number where the option is numeric.
 *
 * Size values take k/m/g/t suffixes (powers of 1024); time values take ns/us/ms/s/m/h/d or hz
 * and a bare number means nanoseconds, as in both dtrace code bases.
 */

import { nameTable } from '../name-table.js';

export type OptionKind = 'flag' | 'size' | 'time' | 'int' | 'policy' | 'string';

interface OptionSpec {
  readonly kind: OptionKind;
  /** May change while tracing (consumer options and setopt()). */
  readonly dynamic: boolean;
  readonly values?: readonly string[];
}

const flag = (dynamic: boolean): OptionSpec => ({ kind: 'flag', dynamic });

export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = nameTable({
  quiet: flag(true),
  flowindent: flag(true),
  aggsortkey: flag(true),
  aggsortkeypos: { kind: 'int', dynamic: true },
  aggsortpos: { kind: 'int', dynamic: true },
  aggsortrev: flag(true),
  aggrate: { kind: 'time', dynamic: true },
  switchrate: { kind: 'time', dynamic: true },
  statusrate: { kind: 'time', dynamic: false },
  cleanrate: { kind: 'time', dynamic: false },
  rawbytes: flag(true),
  stackindent: { kind: 'int', dynamic: true },
  quietresize: flag(true),
  strsize: { kind: 'size', dynamic: false },
  bufsize: { kind: 'size', dynamic: false },
  bufpolicy: { kind: 'policy', dynamic: false, values: ['switch', 'fill', 'ring'] },
  bufresize: { kind: 'policy', dynamic: false, values: ['auto', 'manual'] },
  aggsize: { kind: 'size', dynamic: false },
  dynvarsize: { kind: 'size', dynamic: false },
  nspec: { kind: 'int', dynamic: false },
  specsize: { kind: 'size', dynamic: false },
  stackframes: { kind: 'int', dynamic: false },
  ustackframes: { kind: 'int', dynamic: false },
  destructive: flag(false),
  defaultargs: flag(false),
  argref: flag(false),
  zdefs: flag(false),
  errtags: flag(false),
  droptags: flag(false),
  cpp: flag(false),
  define: { kind: 'string', dynamic: false },
  undef: { kind: 'string', dynamic: false },
  incdir: { kind: 'string', dynamic: false },
  verbose: flag(false),
});

/** Defaults in force when nothing sets an option (dtrace(1)'s values; illumos where they differ). */
export const OPTION_DEFAULTS: Readonly<Record<string, string>> = nameTable({
  strsize: '256',
  bufsize: '4m',
  bufpolicy: 'switch',
  aggsize: '4m',
  dynvarsize: '1m',
  nspec: '1',
  specsize: '32k',
  stackframes: '20',
  aggrate: '1hz',
  switchrate: '1hz',
  statusrate: '1hz',
  cleanrate: '101hz',
  stackindent: '14',
});

export const OptionError = {
  name: 'Invalid option name',
  value: 'Invalid value for specified option',
  active: 'Operation illegal when tracing is active',
} as const;

const SIZE_SUFFIX: Readonly<Record<string, number>> = nameTable({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 });
const TIME_SUFFIX: Readonly<Record<string, number>> = nameTable({
  '': 1, ns: 1, nsec: 1, us: 1e3, usec: 1e3, ms: 1e6, msec: 1e6, s: 1e9, sec: 1e9,
  m: 60e9, min: 60e9, h: 3600e9, hour: 3600e9, d: 86400e9, day: 86400e9,
});

/** Parses a size (`4m`) into bytes; null if malformed. */
export function parseSize(v: string): number | null {
  const m = /^(\d+)([kmgt]?)$/i.exec(v);
  if (!m) return null;
  return Number(m[1]) * SIZE_SUFFIX[m[2]!.toLowerCase()]!;
}

/** Parses a time or rate (`10ms`, `97hz`, `5`) into nanoseconds; null if malformed. */
export function parseTime(v: string): number | null {
  const m = /^(\d+)([a-z]*)$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === 'hz') return n === 0 ? null : Math.round(1e9 / n);
  const mul = TIME_SUFFIX[unit];
  return mul === undefined ? null : n * mul;
}

/** Validates `name[=value]`; returns dtrace's error text or null. */
export function validateOption(name: string, value: string | true): string | null {
  const spec = OPTION_SPECS[name];
  if (!spec) return OptionError.name;
  if (spec.kind === 'flag') return value === true || value === '' ? null : OptionError.value;
  if (value === true) return OptionError.value;
  switch (spec.kind) {
    case 'size':
      return parseSize(value) === null ? OptionError.value : null;
    case 'time':
      return parseTime(value) === null ? OptionError.value : null;
    case 'int':
      return /^-?\d+$/.test(value) ? null : OptionError.value;
    case 'policy':
      return spec.values!.includes(value) ? null : OptionError.value;
    default:
      return null;
  }
}

export function isDynamicOption(name: string): boolean {
  return OPTION_SPECS[name]?.dynamic ?? false;
}

/** Reads a numeric option (size, time in ns, or int) with its default; 0 if unset and no default. */
export function optionNumber(opts: Readonly<Record<string, string | true>>, name: string): number {
  const raw = opts[name] ?? OPTION_DEFAULTS[name];
  if (raw === undefined || raw === true) return 0;
  const kind = OPTION_SPECS[name]?.kind;
  if (kind === 'size') return parseSize(raw) ?? 0;
  if (kind === 'time') return parseTime(raw) ?? 0;
  return Number(raw) || 0;
}

export function optionFlag(opts: Readonly<Record<string, string | true>>, name: string): boolean {
  return opts[name] !== undefined;
}
