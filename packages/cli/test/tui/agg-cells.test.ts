import { describe, expect, it } from 'vitest';
import type { AggSnapshot } from '@zsdtrace/probes';
import { keyCell, valueCell } from '../../src/tui/agg-cells.js';

describe('keyCell', () => {
  it('prints integers at their size as dtrace does: 4 and 8 bytes signed, 1 and 2 unsigned', () => {
    expect(keyCell(-1, { kind: 'int', size: 4, signed: true })).toBe('-1');
    expect(keyCell(-1, { kind: 'int', size: 2, signed: true })).toBe('65535');
    expect(keyCell(2n ** 63n, { kind: 'int', size: 8, signed: false })).toBe('-9223372036854775808');
  });

  it('puts a whole stack on one line, innermost frame first', () => {
    const stack = { kind: 'stack' as const, frames: [{ module: 'genunix', func: 'zsd_apply_create', offset: 0x1c }, { module: 'genunix', func: 'zone_create', offset: 0 }] };
    expect(keyCell(stack, { kind: 'stack' })).toBe('genunix`zsd_apply_create+0x1c < genunix`zone_create');
  });

  it('prints symbols as sym() does and keeps control characters off the screen', () => {
    expect(keyCell({ kind: 'func', addr: 1, frame: { module: 'genunix', func: 'zone_key_create', offset: 8 } }, { kind: 'func' })).toBe('genunix`zone_key_create');
    expect(keyCell('a\nb', { kind: 'string' })).toBe('a.b');
  });
});

describe('valueCell', () => {
  it('prints stddev unsigned and normalized values divided', () => {
    const agg = (fn: AggSnapshot['fn'], normal: number): AggSnapshot => ({ id: 0, name: 'a', fn, keyTypes: [], normal, entries: [] });
    expect(valueCell(agg('sum', 10), 25)).toBe('2');
    expect(valueCell(agg('sum', 1), -5)).toBe('-5');
    expect(valueCell(agg('avg', 1), { count: 2, sum: -5 })).toBe('-2');
    expect(valueCell(agg('stddev', 1), { count: 2, sum: 6, sumsq: 20n })).toBe('1');
  });
});
