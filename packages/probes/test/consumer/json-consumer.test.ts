import { describe, expect, it } from 'vitest';
import { JsonConsumer, quantizeBucket, type AggSnapshot, type Firing } from '../../src/consumer/index.js';

function make(): { c: JsonConsumer; lines: string[]; objects: () => unknown[] } {
  const lines: string[] = [];
  const c = new JsonConsumer({ out: (l) => lines.push(l), strsize: 256 });
  return { c, lines, objects: () => lines.map((l) => JSON.parse(l) as unknown) };
}

const probe = { id: 1, provider: 'dtrace', module: '', function: '', name: 'BEGIN' };
const base: Omit<Firing, 'records'> = { cpu: 0, probeId: 1, provider: 'dtrace', module: '', func: '', name: 'BEGIN' };

describe('JSON records', () => {
  it('writes one line per printf record, in the documented shape', () => {
    const { c, lines } = make();
    c.firing({ ...base, records: [{ kind: 'printf', format: 'n=%d\n', args: [3], types: [{ kind: 'int', size: 4, signed: true }] }] });
    expect(lines).toEqual([
      '{"type":"printf","probe":{"id":1,"provider":"dtrace","module":"","function":"","name":"BEGIN"},"cpu":0,"text":"n=3\\n"}\n',
    ]);
  });

  it('writes trace values with their type and quiet text; big integers as strings', () => {
    const { c, objects } = make();
    c.firing({
      ...base,
      records: [
        { kind: 'trace', value: 'hi', type: { kind: 'string' } },
        { kind: 'trace', value: (1n << 63n) - 1n, type: { kind: 'int', size: 8, signed: true } },
        { kind: 'trace', value: -1, type: { kind: 'int', size: 1, signed: true } },
      ],
    });
    expect(objects()).toEqual([
      { type: 'trace', probe, cpu: 0, value: 'hi', valueType: { kind: 'string' }, text: 'hi' },
      {
        type: 'trace', probe, cpu: 0, value: '9223372036854775807',
        valueType: { kind: 'int', size: 8, signed: true }, text: '9223372036854775807',
      },
      { type: 'trace', probe, cpu: 0, value: -1, valueType: { kind: 'int', size: 1, signed: true }, text: '255' },
    ]);
  });

  it('writes a probe object for a clause without records, with flow information', () => {
    const { c, objects } = make();
    c.firing({ ...base, provider: 'fbt', module: 'genunix', func: 'f', name: 'entry', probeId: 7, flow: { kind: 'entry', depth: 2 }, records: [] });
    expect(objects()).toEqual([
      {
        type: 'probe',
        probe: { id: 7, provider: 'fbt', module: 'genunix', function: 'f', name: 'entry', flow: { kind: 'entry', depth: 2 } },
        cpu: 0,
      },
    ]);
  });

  it('writes stacks as frames', () => {
    const { c, objects } = make();
    c.firing({ ...base, records: [{ kind: 'stack', value: { kind: 'stack', frames: [{ module: 'genunix', func: 'f', offset: 4 }] } }] });
    expect(objects()).toEqual([
      { type: 'stack', probe, cpu: 0, frames: [{ module: 'genunix', function: 'f', offset: 4, text: 'genunix`f+0x4' }] },
    ]);
  });

  it('writes faults, drops and errors with their dtrace messages', () => {
    const { c, objects } = make();
    c.fault({ epid: 3, probeId: 1, probe: 'dtrace:::BEGIN', fault: 'divide-by-zero', code: 4, where: { action: 2 }, offset: 8 });
    c.drop({ kind: 'principal', count: 2, cpu: 1 });
    c.error('bad');
    expect(objects()).toEqual([
      {
        type: 'fault', epid: 3, probeId: 1, probe: 'dtrace:::BEGIN', fault: 'divide-by-zero', code: 4,
        where: { action: 2 }, offset: 8,
        message: 'error on enabled probe ID 3 (ID 1: dtrace:::BEGIN): divide-by-zero in action #2 at DIF offset 8',
      },
      { type: 'drop', kind: 'principal', count: 2, cpu: 1, message: '2 drops on CPU 1' },
      { type: 'error', message: 'bad' },
    ]);
  });
});

describe('JSON aggregations', () => {
  const counts: AggSnapshot = {
    id: 1, name: 'c', fn: 'count', keyTypes: [{ kind: 'string' }], normal: 1,
    entries: [{ key: ['foo'], value: 2 }, { key: ['bar'], value: 1 }],
  };
  const lq: AggSnapshot = {
    id: 2, name: 'l', fn: 'lquantize', params: { fn: 'lquantize', base: 0, limit: 10, step: 5 }, keyTypes: [], normal: 1,
    entries: [{ key: [], value: [1, 0, 3, 0] }],
  };

  it('writes sorted entries and full histograms, then exit', () => {
    const { c, objects } = make();
    c.finish([counts, lq], 3);
    expect(objects()).toEqual([
      {
        type: 'aggregation', id: 1, name: 'c', function: 'count', params: null, normalize: 1,
        keyTypes: [{ kind: 'string' }],
        entries: [{ keys: ['bar'], value: 1 }, { keys: ['foo'], value: 2 }],
      },
      {
        type: 'aggregation', id: 2, name: 'l', function: 'lquantize',
        params: { fn: 'lquantize', base: 0, limit: 10, step: 5 }, normalize: 1, keyTypes: [],
        entries: [{
          keys: [],
          value: {
            buckets: [
              { label: '< 0', min: null, max: -1, count: 1 },
              { label: '0', min: 0, max: 4, count: 0 },
              { label: '5', min: 5, max: 9, count: 3 },
              { label: '>= 10', min: 10, max: null, count: 0 },
            ],
          },
        }],
      },
      { type: 'exit', status: 3 },
    ]);
  });

  it('writes avg and stddev with their parts, and quantize with 127 ranged buckets', () => {
    const { c, objects } = make();
    const q = new Array<number>(127).fill(0);
    q[quantizeBucket(5)] = 2;
    c.aggregations([
      { id: 1, name: 'a', fn: 'avg', keyTypes: [], normal: 1, entries: [{ key: [], value: { count: 4, sum: 10 } }] },
      { id: 2, name: 's', fn: 'stddev', keyTypes: [], normal: 1, entries: [{ key: [], value: { count: 4, sum: 10, sumsq: 30n } }] },
      { id: 3, name: 'q', fn: 'quantize', keyTypes: [], normal: 1, entries: [{ key: [], value: q }] },
    ]);
    const [avg, sd, quant] = objects() as { entries: { value: unknown }[] }[];
    expect(avg!.entries[0]!.value).toEqual({ value: 2, count: 4, sum: 10 });
    expect(sd!.entries[0]!.value).toEqual({ value: 1, count: 4, sum: 10, sumsq: 30 });
    const buckets = (quant!.entries[0]!.value as { buckets: { label: string; min: unknown; max: unknown; count: number }[] }).buckets;
    expect(buckets).toHaveLength(127);
    expect(buckets[66]).toEqual({ label: '4', min: 4, max: 7, count: 2 });
    // The outermost buckets are open-ended (they hold everything beyond them).
    expect(buckets[0]).toEqual({ label: '-4611686018427387904', min: null, max: '-4611686018427387904', count: 0 });
    expect(buckets[126]).toEqual({ label: '4611686018427387904', min: '4611686018427387904', max: null, count: 0 });
  });

  it('writes printa records with their text and structured aggregations', () => {
    const { c, objects } = make();
    c.firing({ ...base, records: [{ kind: 'printa', format: '%s=%@d\n', aggs: [counts] }] });
    const [rec] = objects() as Record<string, unknown>[];
    expect(rec!.type).toBe('printa');
    expect(rec!.text).toBe('bar=1\nfoo=2\n');
    expect((rec!.aggregations as { name: string }[])[0]!.name).toBe('c');
  });
});
