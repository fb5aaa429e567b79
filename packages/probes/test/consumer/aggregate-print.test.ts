import { describe, expect, it } from 'vitest';
import {
  printa, printAggregation, printUnprinted, quantizeBucket, type AggEntry, type AggSnapshot, type DType,
} from '../../src/consumer/index.js';

const STR: DType = { kind: 'string' };
const I32: DType = { kind: 'int', size: 4, signed: true };
const I64: DType = { kind: 'int', size: 8, signed: true };
const opts = { strsize: 256 };
const S = (n: number): string => ' '.repeat(n);

function snap(
  fn: AggSnapshot['fn'], entries: AggEntry[], keyTypes: DType[] = [STR], extra: Partial<AggSnapshot> = {},
): AggSnapshot {
  return { id: 1, name: 'a', fn, keyTypes, normal: 1, entries, ...extra };
}

describe('default aggregation printing', () => {
  it('prints the d-language.md count example (string keys, %-50s then %16lld)', () => {
    const a = snap('count', [{ key: ['foo'], value: 2 }, { key: ['bar'], value: 1 }]);
    // The leading newline is the post-loop newline the consumer prints before this.
    expect('\n' + printUnprinted([a], opts)).toBe(
      '\n  bar                                                               1\n  foo                                                               2\n',
    );
  });

  it('prints integer keys by size', () => {
    const a = snap('sum', [{ key: [3], value: 30 }], [I32]);
    expect(printAggregation(a, opts)).toBe(`        3${S(15)}30\n`);
    const b = snap('sum', [{ key: [-3n], value: 30 }], [I64]);
    expect(printAggregation(b, opts)).toBe(`${S(15)}-3${S(15)}30\n`);
    const c = snap('count', [{ key: [-1], value: 1 }], [{ kind: 'int', size: 2, signed: true }]);
    expect(printAggregation(c, opts)).toBe(` 65535${S(16)}1\n`);
    const d = snap('count', [{ key: [200], value: 1 }], [{ kind: 'int', size: 1, signed: false }]);
    expect(printAggregation(d, opts)).toBe(` 200${S(16)}1\n`);
  });

  it('prints a keyless aggregation as the value column alone', () => {
    expect(printAggregation(snap('count', [{ key: [], value: 42 }], []), opts)).toBe(`${S(15)}42\n`);
  });

  it('prints sum, min, max with 64-bit values', () => {
    const big = (1n << 63n) - 1n;
    expect(printAggregation(snap('max', [{ key: ['m'], value: big }]), opts)).toBe(
      `  m${S(49)} 9223372036854775807\n`,
    );
    expect(printAggregation(snap('min', [{ key: ['m'], value: -7 }]), opts)).toBe(`  m${S(49)}${S(15)}-7\n`);
  });

  it('prints avg as the truncated quotient, 0 when empty', () => {
    const a = snap('avg', [
      { key: ['x'], value: { count: 3, sum: 10 } },
      { key: ['y'], value: { count: 2, sum: -5 } },
    ]);
    expect(printAggregation(a, opts)).toBe(`  y${S(49)}${S(15)}-2\n  x${S(49)}${S(16)}3\n`);
  });

  it('prints stddev as the integer population standard deviation', () => {
    // 2,4,4,4,5,5,7,9: mean 5, E[x²] 29 → 2.  1,2,3,4: 30/4=7, mean 2 → sqrt(3) → 1.
    const a = snap('stddev', [
      { key: ['p'], value: { count: 8, sum: 40, sumsq: 232n } },
      { key: ['q'], value: { count: 4, sum: 10, sumsq: 30n } },
    ]);
    expect(printAggregation(a, opts)).toBe(`  q${S(49)}${S(16)}1\n  p${S(49)}${S(16)}2\n`);
  });

  it('divides values by the normalize factor', () => {
    const a = snap('count', [{ key: ['n'], value: 10 }], [STR], { normal: 3 });
    expect(printAggregation(a, opts)).toBe(`  n${S(49)}${S(16)}3\n`);
    const avg = snap('avg', [{ key: ['n'], value: { count: 2, sum: 100 } }], [STR], { normal: 10 });
    expect(printAggregation(avg, opts)).toBe(`  n${S(49)}${S(16)}5\n`);
  });

  it('prints a stack key on its own lines, the value under it', () => {
    const stack = { kind: 'stack' as const, frames: [{ module: 'genunix', func: 'zsd_apply_create', offset: 0x4c }] };
    const a = snap('count', [{ key: [stack], value: 3 }], [{ kind: 'stack' }]);
    expect(printAggregation(a, opts)).toBe(`\n${S(14)}genunix\`zsd_apply_create+0x4c\n${S(16)}3\n`);
  });

  it('prints a quantize value after its key as a table and a blank line', () => {
    const c = new Array<number>(127).fill(0);
    c[quantizeBucket(1)] = 1;
    const a = snap('quantize', [{ key: ['k'], value: c }]);
    expect(printAggregation(a, opts)).toBe(
      `  k${S(49)}\n           value  ------------- Distribution ------------- count    \n` +
        `               0 |${S(40)} 0        \n` +
        `               1 |${'@'.repeat(40)} 1        \n` +
        `               2 |${S(40)} 0        \n\n`,
    );
  });
});

describe('printa', () => {
  const a = snap('count', [{ key: ['x'], value: 1 }, { key: ['y'], value: 2 }]);
  const b = snap('sum', [{ key: ['x'], value: 5 }], [STR], { id: 2, name: 'b' });

  it('printa(@a) starts with a newline', () => {
    expect(printa(undefined, [a], opts)).toBe(`\n  x${S(49)}${S(16)}1\n  y${S(49)}${S(16)}2\n`);
    expect(printa(undefined, [snap('count', [])], opts)).toBe('\n');
  });

  it('printa(fmt, @a): keys to the plain conversions, the value to %@', () => {
    expect(printa('%-4s|%@5d|\n', [a], opts)).toBe('x   |    1|\ny   |    2|\n');
  });

  it('joins several aggregations; missing entries print 0', () => {
    expect(printa('%s %@d %@d\n', [a, b], opts)).toBe('x 1 5\ny 2 0\n');
  });

  it('sorts a joined printa by the aggregation aggsortpos names', () => {
    expect(printa('%s %@d %@d\n', [a, b], { ...opts, aggsortpos: 1 })).toBe('y 2 0\nx 1 5\n');
  });

  it('repeats the last aggregation for extra %@ and ignores keys past the format', () => {
    expect(printa('%s %@d %@d %@d\n', [a, b], opts)).toBe('x 1 5 5\ny 2 0 0\n');
    const two = snap('count', [{ key: ['k', 7], value: 4 }], [STR, I32]);
    expect(printa('%s\n', [two], opts)).toBe('k\n');
    expect(printa('%s %d = %@d\n', [two], opts)).toBe('k 7 = 4\n');
  });

  it('prints the table for %@ of a quantize value', () => {
    const c = new Array<number>(127).fill(0);
    c[quantizeBucket(2)] = 2;
    const q = snap('quantize', [{ key: ['k'], value: c }]);
    expect(printa('%s:%@d\n', [q], opts)).toBe(
      'k:\n           value  ------------- Distribution ------------- count    \n' +
        `               1 |${S(40)} 0        \n` +
        `               2 |${'@'.repeat(40)} 2        \n` +
        `               4 |${S(40)} 0        \n\n`,
    );
  });

  it('prints avg and normalized values through %@', () => {
    const avg = snap('avg', [{ key: ['k'], value: { count: 4, sum: 10 } }]);
    expect(printa('%s %@d\n', [avg], opts)).toBe('k 2\n');
    const n = snap('sum', [{ key: ['k'], value: 1000 }], [STR], { normal: 100 });
    expect(printa("%s %'@d\n", [n], opts)).toBe('k 10\n');
  });

  it('prints default columns for a joined printa without a format', () => {
    expect(printa(undefined, [a, b], opts)).toBe(`\n  x${S(49)}${S(16)}1${S(16)}5\n  y${S(49)}${S(16)}2${S(16)}0\n`);
  });
});

describe('printing at exit', () => {
  it('walks all aggregations in one sorted pass, grouped by id, without separators', () => {
    const a = snap('count', [{ key: ['z'], value: 1 }], [STR], { id: 2, name: 'b' });
    const b = snap('sum', [{ key: ['q'], value: 9 }, { key: ['r'], value: 3 }], [STR], { id: 1, name: 'a' });
    expect(printUnprinted([a, b], opts)).toBe(
      `  r${S(49)}${S(16)}3\n  q${S(49)}${S(16)}9\n  z${S(49)}${S(16)}1\n`,
    );
    expect(printUnprinted([a, b], { ...opts, aggsortrev: true })).toBe(
      `  z${S(49)}${S(16)}1\n  q${S(49)}${S(16)}9\n  r${S(49)}${S(16)}3\n`,
    );
  });

  it('prints nothing for an aggregation without entries', () => {
    expect(printUnprinted([snap('count', [])], opts)).toBe('');
  });
});
