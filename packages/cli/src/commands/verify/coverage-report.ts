/*
 * The coverage block of every verify summary (seeds and exhaustive alike): each of the spec's
 * cases N1–N7, each SDT probe site and each wait path with how often it was reached and in how
 * many runs, then the items never reached; and the `--require-coverage` check.
 */

import { COVERAGE_CASES, COVERAGE_ITEMS, PROBE_SITES, WAIT_PATHS } from './core.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `runs` names what a run is (seed or schedule). */
export function formatCoverage(counts: Readonly<Record<string, number>>, reached: Readonly<Record<string, number>>, runs: 'seed' | 'schedule'): string[] {
  const row = (name: string, title = ''): string => {
    const n = counts[name] ?? 0;
    const where = n > 0 ? ` in ${plural(reached[name] ?? 0, runs)}` : '';
    return `    ${name.padEnd(46)} ${String(n).padStart(9)}${where}${title ? `  ${title}` : ''}`;
  };
  const lines = ['  coverage       (occurrences, and the runs that reached each)', '    cases (spec 4.5):'];
  for (const [name, title] of Object.entries(COVERAGE_CASES)) lines.push(row(name, title));
  const sites = PROBE_SITES.filter((p) => (counts[p] ?? 0) > 0).length;
  lines.push(`    probe sites (spec 1.6): ${sites} of ${PROBE_SITES.length} reached`);
  for (const p of PROBE_SITES) lines.push(row(p));
  lines.push('    wait paths:');
  for (const w of WAIT_PATHS) lines.push(row(w));
  const never = neverReached(counts);
  lines.push(`  never reached  ${never.length === 0 ? 'nothing: every case, probe site and wait path was reached' : never.join(', ')}`);
  return lines;
}

export function neverReached(counts: Readonly<Record<string, number>>, items: readonly string[] = COVERAGE_ITEMS): string[] {
  return items.filter((i) => (counts[i] ?? 0) === 0);
}

/** The required items not reached (empty: the requirement holds). */
export function coverageCheck(counts: Readonly<Record<string, number>>, required: readonly string[]): string[] {
  return neverReached(counts, required);
}

/** Coverage counts in report order (the spec's cases, probe sites, wait paths), so that JSON
 *  summaries compare equal however they were summed. */
export function orderedCoverage(counts: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of COVERAGE_ITEMS) if (counts[k] !== undefined) out[k] = counts[k];
  for (const k of Object.keys(counts).sort()) if (out[k] === undefined) out[k] = counts[k]!;
  return out;
}
