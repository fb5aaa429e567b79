/*
 * Judges one corpus run against its expectations and returns every mismatch as text (empty when
 * the case passes). tst.*: stdout exact, stderr exact (empty unless a `.err` says otherwise), exit
 * status exact (or stderr matched line by line by `.errre` patterns). err.*: exit status 1 (or `.exit`), a stderr line carrying `[D_TAG]` (dtrace's
 * -xerrtags form), stderr exact when a `.err` exists, stdout exact when a `.out` exists.
 */

import type { CorpusCase } from './discover.js';
import type { RunResult } from './run-case.js';
import { unifiedDiff } from './diff.js';

/** Every stderr line must match its pattern, and the line counts must agree. */
function matchPatterns(patterns: readonly RegExp[], stderr: string): string {
  const lines = stderr === '' ? [] : stderr.replace(/\n$/, '').split('\n');
  const bad = lines.length !== patterns.length || lines.some((line, i) => !(patterns[i]?.test(line) ?? false));
  if (!bad) return '';
  const want = patterns.map((p) => `  /${p.source}/`).join('\n');
  return `stderr does not match .errre (${patterns.length} patterns, ${lines.length} lines)\nexpected lines matching:\n${want}\nactual stderr:\n${stderr}`;
}

export function checkCase(c: CorpusCase, r: RunResult, timeoutMs: number): string[] {
  const problems: string[] = [];
  if (r.timedOut) {
    problems.push(`timed out after ${timeoutMs} ms (a test must end by itself: exit(), END after -c, or a compile error)`);
  }
  if (r.exit !== c.exit) problems.push(`exit status: expected ${c.exit}, got ${r.exit === null ? 'none (killed)' : r.exit}`);
  if (c.stdout !== undefined && r.stdout !== c.stdout) problems.push(unifiedDiff(c.stdout, r.stdout, 'stdout'));
  if (c.kind === 'tst' && c.stderrPatterns !== undefined) {
    const problem = matchPatterns(c.stderrPatterns, r.stderr);
    if (problem !== '') problems.push(problem);
  } else if (c.kind === 'tst') {
    const want = c.stderr ?? '';
    if (r.stderr !== want) problems.push(unifiedDiff(want, r.stderr, 'stderr'));
  } else {
    const tag = `[${c.tag ?? ''}]`;
    if (!r.stderr.split('\n').some((line) => line.includes(tag))) {
      problems.push(`stderr has no line containing ${tag}; stderr was:\n${r.stderr}`);
    }
    if (c.stderr !== undefined && r.stderr !== c.stderr) problems.push(unifiedDiff(c.stderr, r.stderr, 'stderr'));
  }
  return problems;
}
