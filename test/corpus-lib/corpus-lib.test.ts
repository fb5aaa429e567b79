/*
 * The corpus runner's own pieces: word splitting of `.args`, the diff shown on a mismatch, and the
 * verdicts of checkCase (exact streams, `.errre` patterns, err.* tags).
 */

import { describe, expect, it } from 'vitest';
import { splitWords } from './words.js';
import { unifiedDiff } from './diff.js';
import { checkCase } from './check-case.js';
import type { CorpusCase } from './discover.js';

const base: CorpusCase = { name: 'a/tst.x.d', kind: 'tst', dir: '/tmp', file: 'tst.x.d', options: [], operands: [], stdout: 'ok\n\n', exit: 0 };

describe('splitWords', () => {
  it('splits on blanks and honours quotes and escapes', () => {
    expect(splitWords(`-x 'a b' "c \\"d\\"" e\\ f  -- 1`)).toEqual(['-x', 'a b', 'c "d"', 'e f', '--', '1']);
  });
  it('rejects an unterminated quote', () => {
    expect(() => splitWords(`'open`)).toThrow(/unterminated/);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and marks trailing blanks', () => {
    expect(unifiedDiff('a\n', 'a\n', 'stdout')).toBe('');
    const d = unifiedDiff('x \ny\n', 'x\ny\n', 'stdout');
    expect(d).toContain('-x $');
    expect(d).toContain('+x$');
    expect(d).toContain(' y$');
  });
});

describe('checkCase', () => {
  it('passes an exact match and reports each mismatched stream', () => {
    expect(checkCase(base, { stdout: 'ok\n\n', stderr: '', exit: 0, timedOut: false }, 1000)).toEqual([]);
    const problems = checkCase(base, { stdout: 'ok\n', stderr: 'noise\n', exit: 1, timedOut: false }, 1000);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/exit status: expected 0, got 1/);
  });
  it('matches stderr line by line against .errre patterns', () => {
    const c: CorpusCase = { ...base, stderrPatterns: [/^(?:fault in action #\d+)$/] };
    expect(checkCase(c, { stdout: 'ok\n\n', stderr: 'fault in action #2\n', exit: 0, timedOut: false }, 1000)).toEqual([]);
    expect(checkCase(c, { stdout: 'ok\n\n', stderr: 'fault in action #x\n', exit: 0, timedOut: false }, 1000)).toHaveLength(1);
    expect(checkCase(c, { stdout: 'ok\n\n', stderr: '', exit: 0, timedOut: false }, 1000)).toHaveLength(1);
  });
  it('requires the tag of an err.* case on stderr', () => {
    const c: CorpusCase = { ...base, kind: 'err', tag: 'D_SYNTAX', exit: 1, name: 'a/err.D_SYNTAX.x.d' };
    const { stdout: _unused, ...noOut } = c;
    const ok = checkCase(noOut, { stdout: '', stderr: 'zsdtrace: failed to compile script x.d: [D_SYNTAX] line 1: syntax error near "}"\n', exit: 1, timedOut: false }, 1000);
    expect(ok).toEqual([]);
    const bad = checkCase(noOut, { stdout: '', stderr: 'zsdtrace: [D_OTHER] line 1\n', exit: 1, timedOut: false }, 1000);
    expect(bad.join('\n')).toMatch(/no line containing \[D_SYNTAX\]/);
  });
  it('reports a timeout', () => {
    expect(checkCase(base, { stdout: '', stderr: '', exit: null, timedOut: true }, 20)[0]).toMatch(/timed out after 20 ms/);
  });
});
