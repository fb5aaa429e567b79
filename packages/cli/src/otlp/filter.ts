/*
 * `--otlp-filter`: which engine operations become traces.
 *
 * Syntax: a comma-separated list of terms.
 *   all               every operation (the default when no filter is given)
 *   zone_key_create   include that operation (a list of inclusions exports only those)
 *   -zone_boot        exclude that operation (a list of only exclusions starts from `all`)
 * Terms apply left to right, so `all,-zone_boot,-zone_create` and `-zone_boot,-zone_create` mean
 * the same. Callbacks and waits follow their operation; callbacks that run outside any
 * operation are exported only when the filter starts from `all`.
 *
 * A bad filter is a user error, returned as data with the stable code OTLP_BAD_FILTER.
 */

import type { Operation } from '@zsdtrace/core';

export const OTLP_OPERATIONS: readonly Operation[] = [
  'zone_create',
  'zone_boot',
  'zone_shutdown',
  'zone_destroy',
  'zone_key_create',
  'zone_key_delete',
] as const;

export interface OtlpFilter {
  readonly ops: ReadonlySet<Operation>;
  /** Whether callbacks that belong to no operation are exported. */
  readonly orphans: boolean;
  /** The filter written back in canonical form, for messages. */
  readonly text: string;
}

export type OtlpFilterResult =
  | { readonly ok: true; readonly filter: OtlpFilter }
  | { readonly ok: false; readonly code: 'OTLP_BAD_FILTER'; readonly message: string };

function isOperation(s: string): s is Operation {
  return (OTLP_OPERATIONS as readonly string[]).includes(s);
}

export function parseOtlpFilter(text: string | undefined): OtlpFilterResult {
  const terms = (text ?? 'all').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (terms.length === 0) terms.push('all');
  const startsFromAll = terms[0] === 'all' || terms[0]?.startsWith('-') === true;
  const ops = new Set<Operation>(startsFromAll ? OTLP_OPERATIONS : []);
  for (const term of terms) {
    if (term === 'all') {
      for (const op of OTLP_OPERATIONS) ops.add(op);
      continue;
    }
    const exclude = term.startsWith('-');
    const name = exclude ? term.slice(1) : term;
    if (!isOperation(name)) {
      return {
        ok: false,
        code: 'OTLP_BAD_FILTER',
        message: `invalid --otlp-filter term '${term}': expected all, ${OTLP_OPERATIONS.join(', ')}, or one of them prefixed with '-'`,
      };
    }
    if (exclude) ops.delete(name);
    else ops.add(name);
  }
  const canonical = OTLP_OPERATIONS.filter((op) => ops.has(op));
  return {
    ok: true,
    filter: {
      ops,
      orphans: startsFromAll,
      text: canonical.length === OTLP_OPERATIONS.length ? 'all' : canonical.join(',') || 'none',
    },
  };
}
