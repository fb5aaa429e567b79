/*
 * The pure parts of the optional illumos runner: which tests count as kernel-free and how a run is
 * judged. The runner itself needs an illumos tree and is not run here.
 */

import { describe, expect, it } from 'vitest';
import { asDtrace, expectationOf, harnessArgs, judge } from './judge.js';
import { isKernelFreeProbe, kernelUse, probeDescriptions, rejection } from './select.js';

describe('selection', () => {
  it('finds the descriptions of clauses, not of type definitions or control lines', () => {
    const src = [
      '#define X(a) \\', '  foo:::bar { }', 'struct s { int a; };', '/* syscall:::entry { } */',
      'BEGIN, tick-1s /x/ { y = "fbt:::entry {"; }', 'profile:::profile-97', '{ }', 'int z;', 'END{}',
    ].join('\n');
    expect(probeDescriptions(src)).toEqual(['BEGIN', 'tick-1s', 'profile:::profile-97', 'END']);
  });

  it('accepts only dtrace and profile-timer probes', () => {
    for (const d of ['BEGIN', 'dtrace:::END', ':::ERROR', 'tick-1sec', 'profile:::tick-$1', 'profile-4999']) {
      expect(isKernelFreeProbe(d), d).toBe(true);
    }
    for (const d of ['syscall:::entry', 'fbt:::', 'BEGIN::read:entry', 'tick-n', 'profile:::test', 'dtrace:genunix::BEGIN']) {
      expect(isKernelFreeProbe(d), d).toBe(false);
    }
  });

  it('notices kernel symbols and kernel types outside comments and strings', () => {
    expect(kernelUse('BEGIN { x = `kmem_flags; }')).toBe('backquoted kernel symbol');
    expect(kernelUse('BEGIN { trace(curthread->t_pri); }')).toBe('curthread');
    expect(kernelUse('BEGIN { trace(self->curthread); printf("curpsinfo"); } /* vnode_t */')).toBeUndefined();
  });

  it('rejects tests with a helper program or shell companion', () => {
    const sib = new Set(['tst.a.d', 'tst.a.exe', 'tst.b.d', 'tst.b.d.out']);
    expect(rejection('tst.a.d', sib, 'BEGIN { exit(0); }')).toBe('has a .exe companion');
    expect(rejection('tst.b.d', sib, 'BEGIN { exit(0); }')).toBeUndefined();
    expect(rejection('bug.1.d', sib, 'BEGIN { exit(0); }')).toMatch(/not a tst/);
  });
});

describe('judging', () => {
  const ok = { stdout: 'a\n', stderr: '', status: 0, timedOut: false };

  it('reads the expectation from the file name as dtest.pl does', () => {
    expect(expectationOf('err.D_SYNTAX.x.d')).toEqual({ status: 1, tag: 'D_SYNTAX' });
    expect(expectationOf('err.bad.d')).toEqual({ status: 1 });
    expect(expectationOf('drp.DTRACEDROP_DBLERROR.d')).toEqual({ status: 0, droptag: 'DTRACEDROP_DBLERROR' });
    expect(harnessArgs(expectationOf('err.D_X.y.d'), 'err.D_X.y.d')).toEqual(['-xerrtags', '-C', '-s', 'err.D_X.y.d']);
  });

  it('compares stdout byte for byte and stderr with dtrace\'s name', () => {
    expect(judge({ status: 0 }, ok, 'a\n', undefined).pass).toBe(true);
    expect(judge({ status: 0 }, ok, 'a', undefined).reason).toBe('stdout mismatch');
    const warn = { ...ok, stderr: 'zsdtrace: 1 drop on CPU 0\n' };
    expect(asDtrace(warn.stderr)).toBe('dtrace: 1 drop on CPU 0\n');
    expect(judge({ status: 0 }, warn, undefined, 'dtrace: 1 drop on CPU 0\n').pass).toBe(true);
  });

  it('wants the tag on the first stderr line, in front of the line number', () => {
    const e = expectationOf('err.D_AGG_SCALAR.x.d');
    const good = { stdout: '', stderr: 'zsdtrace: failed to compile script x.d: [D_AGG_SCALAR] line 3: bad\n', status: 1, timedOut: false };
    expect(judge(e, good, undefined, undefined)).toMatchObject({ pass: true, tagMatched: true });
    const other = { ...good, stderr: good.stderr.replace('AGG_SCALAR', 'PROTO_ARG') };
    expect(judge(e, other, undefined, undefined)).toMatchObject({ pass: false, tagMatched: false, reportedTag: 'D_PROTO_ARG' });
    expect(judge(e, { ...good, status: 0 }, undefined, undefined).reason).toBe('returned 0 instead of 1');
    expect(judge(e, { ...good, timedOut: true, status: null }, undefined, undefined).reason).toBe('timed out');
  });
});
