import { describe, expect, it } from 'vitest';
import { printFallback } from '../../src/tui/print-fallback.js';
import { countAgg, fakeSource, quantizeBuckets } from './helpers/fake-source.js';

function printed(aggs: Parameters<typeof fakeSource>[0], log: string[] = []): string {
  const src = fakeSource(aggs);
  src.pending = log;
  let out = '';
  printFallback({ write: (s: string) => (out += s) }, src.poll());
  return out;
}

describe('printFallback', () => {
  it('prints count aggregations as dtrace does at exit', () => {
    const out = printed([countAgg(0, 'c', [['foo', 2], ['bar', 1]])]);
    expect(out).toBe(`\n  ${'bar'.padEnd(50)} ${'1'.padStart(16)}\n  ${'foo'.padEnd(50)} ${'2'.padStart(16)}\n`);
  });

  it('prints quantize as a distribution table', () => {
    const out = printed([{ id: 0, name: '_', fn: 'quantize', keyTypes: [], normal: 1, entries: [{ key: [], value: quantizeBuckets({ 2: 1, 4: 1 }) }] }]);
    const expected = [
      '',
      '',
      '           value  ------------- Distribution ------------- count    ',
      '               1 |                                         0        ',
      '               2 |@@@@@@@@@@@@@@@@@@@@                     1        ',
      '               4 |@@@@@@@@@@@@@@@@@@@@                     1        ',
      '               8 |                                         0        ',
      '',
      '',
    ].join('\n');
    expect(out).toBe(expected);
  });

  it('prints the log lines first and nothing for empty aggregations', () => {
    expect(printed([countAgg(0, 'c', [])], ['hello'])).toBe('hello\n');
  });
});
