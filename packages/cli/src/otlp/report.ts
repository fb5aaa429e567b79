/*
 * What the CLI prints to stderr about the export when the run ends.
 *
 * Input: the report `shutdown()` returns. Output: lines in dtrace's diagnostic style
 * (`zsdtrace: ...`). The first line always says how many spans reached the collector; every span
 * that did not is accounted for on a following line with its reason, so the export is never
 * silent about a loss.
 */

import type { OtlpReport } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatOtlpReport(r: OtlpReport, url: string): string[] {
  const lines = [`zsdtrace: otlp: ${plural(r.exported, 'span')} exported to ${url}`];
  const lost = r.dropped + r.failed;
  if (lost > 0) {
    const parts: string[] = [];
    if (r.dropped > 0) parts.push(`${r.dropped} dropped`);
    if (r.failed > 0) parts.push(`${r.failed} failed`);
    lines.push(`zsdtrace: otlp: ${plural(lost, 'span')} not delivered (${parts.join(', ')}) of ${r.spans}`);
    for (const { reason, spans } of r.reasons) lines.push(`zsdtrace: otlp:   ${spans}: ${reason}`);
  }
  if (r.retries > 0) {
    lines.push(`zsdtrace: otlp: ${r.retries} ${r.retries === 1 ? 'retry' : 'retries'} after errors from the collector`);
  }
  if (r.timedOut) lines.push('zsdtrace: otlp: gave up waiting for the collector at the export timeout');
  if (r.unfinished > 0) {
    lines.push(`zsdtrace: otlp: ${plural(r.unfinished, 'span')} still open at exit, ended there and marked zsd.unfinished`);
  }
  if (r.pending > 0) lines.push(`zsdtrace: otlp: internal error: ${r.pending} spans unaccounted for; please report`);
  return lines;
}
