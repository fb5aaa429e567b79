/*
 * The consumer's dynamic options, from either form a caller holds: typed (`{ aggsortrev: true }`)
 * or dtrace's raw option table as `-x`, `#pragma D option` and setopt() leave it
 * (`{ aggsortrev: true, stackindent: '4' }`, every value a string or `true`).
 *
 * A boolean option is on when present and not `false`/`0` (dtrace sets it by naming it). A
 * numeric option that does not parse is ignored rather than reported: the compiler and setopt()
 * already reject bad values with dtrace's messages.
 */

import type { AggSortOptions } from './aggregate-sort.js';

/** Options that setopt() may change while tracing. */
export interface DynamicOptions extends AggSortOptions {
  readonly quiet?: boolean;
  readonly flowindent?: boolean;
  readonly stackindent?: number;
  readonly rawbytes?: boolean;
  /** Aggregation display (dt_consume.c): packed quantize rows, histogram of scalars, zoom. */
  readonly aggpack?: boolean;
  readonly agghist?: boolean;
  readonly aggzoom?: boolean;
  /** The `encoding` option: how bars are drawn; absent means dtrace's default. */
  readonly encoding?: 'ascii' | 'utf8';
}

/** dtrace's option table as the compiler and CLI keep it. */
export type RawOptions = Readonly<Record<string, string | number | boolean | undefined>>;

const BOOLEAN = ['aggsortkey', 'aggsortrev', 'quiet', 'flowindent', 'rawbytes', 'aggpack', 'agghist', 'aggzoom'] as const;
const NUMERIC = ['aggsortkeypos', 'aggsortpos', 'stackindent'] as const;

function flag(v: string | number | boolean | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return v !== 'false' && v !== '0';
}

function count(v: string | number | boolean | undefined): number | undefined {
  if (v === undefined || typeof v === 'boolean') return undefined;
  const n = typeof v === 'number' ? v : Number(v.trim());
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Normalises either form into DynamicOptions (absent options stay absent). */
export function dynamicOptions(raw: DynamicOptions | RawOptions | undefined): DynamicOptions {
  if (!raw) return {};
  const src = raw as RawOptions;
  const out: Record<string, boolean | number | string> = {};
  if (src.encoding === 'ascii' || src.encoding === 'utf8') out.encoding = src.encoding;
  for (const name of BOOLEAN) {
    const v = flag(src[name]);
    if (v !== undefined) out[name] = v;
  }
  for (const name of NUMERIC) {
    const v = count(src[name]);
    if (v !== undefined) out[name] = v;
  }
  return out as DynamicOptions;
}
