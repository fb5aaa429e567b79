/*
 * Hostile programs meet a limit with its own message instead of a stack overflow, an
 * exponential compile, a huge allocation or a probe that never fires (docs/limits.md).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/lang/compile.js';
import { LIMITS } from '../../src/program/limits.js';
import { compileErr, compileOk, rig, run } from '../runtime/fake-host.js';

// compile() on this (default-sized) stack; deeper programs run on a large stack (test/hostile-nesting.test.ts).
const N = LIMITS.defaultStackNesting;
const nested = (open: string, close: string, n: number): string => `BEGIN { x = 1; trace(${open.repeat(n)}1${close.repeat(n)}); }`;

describe('nesting limit', () => {
  it('compiles nesting up to the limit and refuses one level more with D_NEST_DEPTH', () => {
    // BEGIN's brace and trace's parenthesis are two levels.
    compileOk(rig(), nested('(', ')', N - 2));
    expect(compileErr(nested('(', ')', N - 1))).toMatchObject({ code: 'D_NEST_DEPTH', message: `program nested more than ${N} levels deep` });
    compileOk(rig(), nested('x ? 2 : ', '', N - 2));
    expect(compileErr(nested('x ? 2 : ', '', N - 1)).code).toBe('D_NEST_DEPTH');
    compileOk(rig(), `BEGIN { x = 1; ${'if (x) '.repeat(N - 2)}trace(1); }`);
    expect(compileErr(`BEGIN { x = 1; ${'if (x) '.repeat(N)}trace(1); }`).code).toBe('D_NEST_DEPTH');
    expect(compileErr(`BEGIN { trace(${Array(N + 2).fill('1').join(' + ')}); }`)).toMatchObject({ code: 'D_NEST_DEPTH', message: `expression nested more than ${N} levels deep` });
    expect(compileErr(`BEGIN { x = 1; trace(${'!'.repeat(N + 1)}x); }`).code).toBe('D_NEST_DEPTH');
    expect(compileErr(`BEGIN { x = 1; if (x) trace(1); ${'else if (x) trace(1); '.repeat(N + 1)}}`).code).toBe('D_NEST_DEPTH');
  });

  it('marks nesting refused on a default stack as one a large stack may hold, and never on a large stack', () => {
    expect(compileErr(nested('(', ')', N))).toMatchObject({ code: 'D_NEST_DEPTH', largeStack: true });
    expect(compileErr(`BEGIN { trace(${Array(N + 2).fill('1').join(' + ')}); }`)).toMatchObject({ code: 'D_NEST_DEPTH', largeStack: true });
    const large = compileErr(nested('(', ')', LIMITS.nesting), { largeStack: true });
    expect(large).toMatchObject({ code: 'D_NEST_DEPTH', message: `program nested more than ${LIMITS.nesting} levels deep` });
    expect(large).not.toHaveProperty('largeStack');
  });

  it('turns any stack overflow of the compiler into D_NEST_DEPTH, never an exception', () => {
    for (const text of [nested('!', '', 60_000), nested('(', ')', 20_000), `BEGIN { x = 1; if (x) trace(1); ${'else if (x) trace(1); '.repeat(20_000)}}`]) {
      expect(compileErr(text).code).toBe('D_NEST_DEPTH');
    }
  });

  it('compiles nested calls in linear time (each argument generated once)', () => {
    // Before, every nesting level generated its argument twice: 2^60 at this depth.
    const p = compileOk(rig(), `BEGIN { trace(${'strlen(lltostr('.repeat(30)}1${'))'.repeat(30)}); }`);
    expect(p.clauses[0]!.source.length).toBeLessThan(20_000);
  });

  it('keeps an 8 MB string literal', () => {
    const s = 'a'.repeat(8 * 1024 * 1024);
    const p = compileOk(rig(), `BEGIN { x = "${s}"; }`);
    expect(p.constants).toContain(s);
  });
});

describe('size limits', () => {
  it('refuses arrays beyond the element limit, as dtrace refuses a dimension too big', () => {
    expect(compileErr('int a[0x7fffffffffffffff]; BEGIN { }')).toMatchObject({ code: 'D_DECL_ARRBIG' });
    expect(compileErr(`int a[${LIMITS.arrayElements + 1}]; BEGIN { }`).message).toContain(`the limit is ${LIMITS.arrayElements} elements`);
    compileOk(rig(), `int a[${LIMITS.arrayElements}]; BEGIN { }`);
    const many = Array.from({ length: 5 }, (_, i) => `int a${i}[${LIMITS.arrayElements}];`).join(' ');
    expect(compileErr(`${many} BEGIN { }`).message).toContain(`${LIMITS.arrayElementsTotal}`);
  });

  it('refuses tracemem sizes beyond the limit', () => {
    expect(compileErr('BEGIN { tracemem(0, 100000000); }')).toMatchObject({ code: 'D_TRACEMEM_SIZE' });
    compileOk(rig(), `BEGIN { tracemem(0, ${LIMITS.tracememBytes}); }`);
  });

  it('refuses nspec and strsize beyond their limits, naming them', () => {
    const r = rig();
    const big = compile([{ text: 'BEGIN { }', kind: 'script', name: 't.d' }], { registry: r.registry, options: { nspec: '99999999999999999999999999' } });
    expect(big.diagnostics[0]).toMatchObject({ code: 'D_XOPT', message: `failed to set -x nspec: 99999999999999999999999999 exceeds the limit of ${LIMITS.nspec} speculation buffers` });
    expect(compileErr('#pragma D option strsize=1g\nBEGIN { }').message).toContain('exceeds the limit of');
  });

  it('refuses programs with too many tokens', () => {
    const text = `BEGIN { x = 1; ${'x = 1; '.repeat(LIMITS.tokens / 4 + 1)}}`;
    expect(compileErr(text)).toMatchObject({ code: 'D_SCRIPT_SIZE' });
  });
});

describe('profile periods', () => {
  it('matches no probe below illumos profile_interval_min (200us), as dtrace does', () => {
    for (const d of ['tick-100ns', 'profile-1ns', 'tick-199us', 'profile-5001', 'tick-1constructor', 'tick-99999999999999999999999s']) {
      expect(compileErr(`${d} { }`)).toMatchObject({ code: 'D_PDESC_ZERO' });
    }
    compileOk(rig(), 'tick-200us { } profile-5000 { } tick-1s { }');
  });
});

describe('#line', () => {
  it('refuses a line number beyond an int instead of printing line 1e+26', () => {
    expect(compileErr('#line 99999999999999999999999999\nBEGIN { x = ; }')).toMatchObject({ code: 'D_PRAGMA_MALFORM', line: 1 });
  });
});

describe('many clauses on one probe', () => {
  it('runs every clause when they are more than one generated function holds', () => {
    const n = 700;
    const text = Array.from({ length: n }, (_, i) => `BEGIN { @a${i} = count(); this->v = ${i}; @s = sum(this->v); }`).join('\n');
    const { rt } = run(text);
    const snap = rt.snapshot();
    expect(snap.length).toBe(n + 1);
    const sum = snap.find((a) => a.name === 's')!;
    expect(JSON.stringify(sum)).toContain(String((n * (n - 1)) / 2));
  });
});
