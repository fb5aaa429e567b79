import { describe, expect, it } from 'vitest';
import { dynamicOptions, printAggregations, TextConsumer, type AggSnapshot } from '../../src/consumer/index.js';

const S = (n: number): string => ' '.repeat(n);
const a: AggSnapshot = {
  id: 1, name: 'c', fn: 'count', keyTypes: [{ kind: 'string' }], normal: 1,
  entries: [{ key: ['foo'], value: 2 }, { key: ['bar'], value: 1 }],
};

describe('consumer options', () => {
  it("reads dtrace's raw option table", () => {
    expect(dynamicOptions({ aggsortkey: true, aggsortrev: 'false', aggsortkeypos: '1', stackindent: '4', strsize: '64' })).toEqual({
      aggsortkey: true, aggsortrev: false, aggsortkeypos: 1, stackindent: 4,
    });
    expect(dynamicOptions({ aggsortpos: 'x' })).toEqual({});
    expect(dynamicOptions(undefined)).toEqual({});
  });

  it('printAggregations sorts by raw options', () => {
    expect(printAggregations([a], { aggsortrev: true })).toBe(`  foo${S(47)}${S(16)}2\n  bar${S(47)}${S(16)}1\n`);
    expect(printAggregations([a])).toBe(`  bar${S(47)}${S(16)}1\n  foo${S(47)}${S(16)}2\n`);
  });

  it('TextConsumer takes raw options, and stackindent changes stack output', () => {
    const out: string[] = [];
    const c = new TextConsumer({
      out: (s) => out.push(s), err: () => {}, quiet: true, flowindent: false, progname: 'zsdtrace',
      droptags: false, strsize: 256, options: { stackindent: '2' },
    });
    c.firing({
      cpu: 0, probeId: 1, provider: 'fbt', module: 'genunix', func: 'f', name: 'entry',
      records: [{ kind: 'stack', value: { kind: 'stack', frames: [{ module: 'genunix', func: 'f', offset: 0 }] } }],
    });
    expect(out).toEqual(['\n  genunix`f\n']);
  });
});
