import { describe, expect, it } from 'vitest';
import { bucketLayout, printedRange } from '../../src/tui/buckets.js';

describe('bucketLayout', () => {
  it('lays quantize out around the zero bucket', () => {
    const { labels } = bucketLayout('quantize', undefined, 127);
    expect([labels[0], labels[62], labels[63], labels[64], labels[65], labels[126]]).toEqual([
      '-4611686018427387904', '-1', '0', '1', '2', '4611686018427387904',
    ]);
  });
  it('labels lquantize with its underflow and overflow rows', () => {
    const { labels } = bucketLayout('lquantize', { fn: 'lquantize', base: 0, limit: 10, step: 5 }, 4);
    expect(labels).toEqual(['< 0', '0', '5', '>= 10']);
  });
  it('labels llquantize order by order', () => {
    const p = { fn: 'llquantize', factor: 10, low: 0, high: 2, nsteps: 10 } as const;
    const { labels } = bucketLayout('llquantize', p, 29);
    expect(labels.slice(0, 4)).toEqual(['< 1', '1', '2', '3']);
    expect(labels.slice(9, 12)).toEqual(['9', '10', '20']);
    expect(labels[28]).toBe('>= 1000');
  });
  it('falls back to indexes when the bucket count disagrees', () => {
    expect(bucketLayout('lquantize', { fn: 'lquantize', base: 0, limit: 10, step: 5 }, 3).labels).toEqual(['0', '1', '2']);
  });
});

describe('printedRange', () => {
  it('prints one bucket either side of the non-zero ones', () => {
    const b = new Array<number>(127).fill(0);
    b[65] = 1;
    b[66] = 1;
    expect(printedRange('quantize', b)).toEqual([64, 67]);
  });
  it('prints -1, 0, 1 for an empty quantize and the first three rows otherwise', () => {
    expect(printedRange('quantize', new Array<number>(127).fill(0))).toEqual([62, 64]);
    expect(printedRange('lquantize', [0, 0, 0, 0])).toEqual([0, 2]);
  });
  it('clips at the ends', () => {
    expect(printedRange('lquantize', [1, 0, 0, 0])).toEqual([0, 1]);
  });
});
