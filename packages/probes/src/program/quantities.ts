/*
 * The one size parser and the one time parser. Every place that reads a size or a time from text
 * (-x options and pragmas, tick-/profile- probe names, --duration, workloads, the dashboard's
 * refresh rate) goes through these, so that `1k`, `10ms` and `97hz` mean the same everywhere.
 *
 * Sizes follow libdtrace's dt_opt_size: an integer in C's notation (decimal, 0x hex, 0 octal)
 * with an optional single k/m/g/t suffix (either case), each a power of 1024.
 * Times follow dt_opt_rate: an integer and a suffix matched without regard to case from
 * ns nsec us usec ms msec s sec m min h hour d day, or hz (a frequency: 1e9 / n ns, 0hz = 0).
 * What a bare number means depends on the caller (dtrace itself differs: nanoseconds for an
 * option, hertz for a profile probe name), hence `bare`. Fractions (`2.5ms`) are not dtrace's,
 * and only callers outside D (--duration, workloads) allow them.
 */

/** Nanoseconds per time unit; `hz` is handled apart. */
export const TIME_UNITS = {
  ns: 1, nsec: 1, us: 1e3, usec: 1e3, ms: 1e6, msec: 1e6, s: 1e9, sec: 1e9,
  m: 60e9, min: 60e9, h: 3600e9, hour: 3600e9, d: 86400e9, day: 86400e9,
} as const;

const SIZE_SHIFT = { k: 1, m: 2, g: 3, t: 4 } as const;

export type BareTimeUnit = 'ns' | 's' | 'hz';

export interface TimeSyntax {
  /** What a number without a suffix means; null: a suffix is required. */
  readonly bare: BareTimeUnit | null;
  /** Accept a decimal fraction (`2.5ms`); dtrace's own syntax does not. */
  readonly fraction?: boolean;
}

/** dtrace's syntax for a time or rate option: bare nanoseconds, integers only. */
export const OPTION_TIME: TimeSyntax = { bare: 'ns' };

/** C's strtoull(…, 0) on the whole string: decimal, 0x hexadecimal or 0 octal; null otherwise. */
export function parseCInteger(text: string): number | null {
  if (/^[1-9]\d*$/.test(text) || text === '0') return Number(text);
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0[0-7]+$/.test(text)) return Number.parseInt(text.slice(1), 8);
  return null;
}

/** A size (`4m`, `1024`, `0x100`) in bytes, with dt_opt_size's rules; null if malformed. */
export function parseSize(text: string): number | null {
  const last = text.slice(-1).toLowerCase();
  const shift = SIZE_SHIFT[last as keyof typeof SIZE_SHIFT];
  const digits = shift === undefined ? text : text.slice(0, -1);
  const n = parseCInteger(digits);
  if (n === null) return null;
  const v = n * 1024 ** (shift ?? 0);
  return Number.isSafeInteger(v) ? v : null;
}

/** A time or rate in nanoseconds (`10ms`, `97hz`, `5`); null if malformed. */
export function parseTime(text: string, syntax: TimeSyntax = OPTION_TIME): number | null {
  const m = syntax.fraction ? /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(text) : /^(0[xX][0-9a-fA-F]+|\d+)([a-zA-Z]*)$/.exec(text);
  if (!m) return null;
  const n = syntax.fraction ? Number(m[1]) : parseCInteger(m[1]!);
  if (n === null || !Number.isFinite(n)) return null;
  const unit = m[2]!.toLowerCase();
  const resolved = unit === '' ? syntax.bare : unit;
  if (resolved === null) return null;
  if (resolved === 'hz') return n === 0 ? 0 : Math.floor(1e9 / n);
  // The unit is user text: only the table's own keys are units (not `constructor`).
  if (!Object.hasOwn(TIME_UNITS, resolved)) return null;
  const mul = TIME_UNITS[resolved as keyof typeof TIME_UNITS];
  const ns = Math.round(n * mul);
  return Number.isSafeInteger(ns) ? ns : null;
}
