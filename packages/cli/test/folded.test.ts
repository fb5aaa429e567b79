/*
 * --format folded: stack aggregations as flamegraph.pl's input, outermost frame first.
 */

import { describe, expect, it } from 'vitest';
import type { AggSnapshot } from '@zsdtrace/probes';
import { foldedLines } from '../src/commands/trace/live/folded.js';

const stackAgg = (entries: AggSnapshot['entries']): AggSnapshot => ({
  id: 1, name: '_', fn: 'count', keyTypes: [{ kind: 'string' }, { kind: 'stack' }], normal: 1, entries,
});

describe('folded stacks', () => {
  it('prints frames outermost first, other keys leading, then the value', () => {
    const agg = stackAgg([
      {
        key: ['node', { kind: 'stack', frames: [{ module: '', func: 'inner (/a.js:3)', offset: 0 }, { module: 'genunix', func: 'outer', offset: 16 }] }],
        value: 7,
      },
    ]);
    expect(foldedLines(agg)).toBe('node;genunix`outer+0x10;inner (/a.js:3) 7\n');
  });

  it('leaves aggregations without a stack key to the ordinary output', () => {
    expect(foldedLines({ id: 2, name: 'n', fn: 'count', keyTypes: [{ kind: 'string' }], normal: 1, entries: [] })).toBe(null);
  });

  it('keeps the separator out of frame names', () => {
    const agg = stackAgg([{ key: ['a;b', { kind: 'stack', frames: [{ module: '', func: 'f;g', offset: 0 }] }], value: 2 }]);
    expect(foldedLines(agg)).toBe('a:b;f:g 2\n');
  });
});
