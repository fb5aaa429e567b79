/*
 * `--format folded`: aggregations keyed by a stack printed one line per stack, frames from the
 * outermost to the innermost joined by `;`, then a space and the value — the input of
 * flamegraph.pl and its descendants. Other keys of the same entry lead the line as frames of
 * their own; aggregations without a stack key print as dtrace prints them.
 */

import { countsOf, frameText, scalarOf, TextConsumer, type AggSnapshot, type DStack, type DValue } from '@zsdtrace/probes';

function isStack(v: DValue): v is DStack {
  return typeof v === 'object' && v !== null && (v as DStack).kind === 'stack';
}

/** The folded lines of one aggregation, or null when no key is a stack. */
export function foldedLines(agg: AggSnapshot): string | null {
  if (!agg.keyTypes.some((t) => t.kind === 'stack')) return null;
  let out = '';
  for (const e of agg.entries) {
    const parts: string[] = [];
    for (const k of e.key) {
      if (isStack(k)) parts.push(...[...k.frames].reverse().map((f) => frameText(f).replace(/;/g, ':')));
      else parts.push(String(k).replace(/;/g, ':'));
    }
    const value = Array.isArray(e.value) ? countsOf(e.value).reduce((a, b) => a + b, 0) : scalarOf(agg.fn, e.value, agg.normal);
    out += `${parts.length > 0 ? parts.join(';') : '-'} ${value}\n`;
  }
  return out;
}

/** The text consumer, with stack aggregations folded at the end of the run. */
export class FoldedConsumer extends TextConsumer {
  constructor(
    opts: ConstructorParameters<typeof TextConsumer>[0],
    private readonly write: (s: string) => void,
  ) {
    super(opts);
  }

  override finish(unprinted: readonly AggSnapshot[]): void {
    const plain = unprinted.filter((a) => foldedLines(a) === null);
    super.finish(plain);
    for (const a of unprinted) {
      const lines = foldedLines(a);
      if (lines !== null) this.write(lines);
    }
  }
}
