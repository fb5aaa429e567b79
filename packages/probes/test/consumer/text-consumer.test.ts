import { describe, expect, it } from 'vitest';
import {
  TextConsumer, type AggSnapshot, type DataRecord, type Firing, type TextConsumerOptions,
} from '../../src/consumer/index.js';

const S = (n: number): string => ' '.repeat(n);

function make(over: Partial<TextConsumerOptions> = {}): { c: TextConsumer; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const c = new TextConsumer({
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    quiet: false,
    flowindent: false,
    progname: 'zsdtrace',
    droptags: false,
    strsize: 256,
    ...over,
  });
  return { c, out, err };
}

function firing(records: DataRecord[], over: Partial<Firing> = {}): Firing {
  return { cpu: 0, probeId: 1, provider: 'dtrace', module: '', func: '', name: 'BEGIN', records, ...over };
}

const printf = (format: string, args: (number | string)[] = []): DataRecord => ({
  kind: 'printf',
  format,
  args,
  types: args.map((a) => (typeof a === 'string' ? { kind: 'string' } : { kind: 'int', size: 8, signed: true })),
});

describe('probe lines', () => {
  it("prints the d-language.md example: dtrace -n 'BEGIN { trace(\"hi\"); exit(0); }'", () => {
    const { c, out } = make();
    c.firing(firing([{ kind: 'trace', value: 'hi', type: { kind: 'string' } }]));
    c.finish([]);
    expect(out.join('')).toBe(
      'CPU     ID                    FUNCTION:NAME\n  0      1                           :BEGIN   hi                               \n\n',
    );
  });

  it('appends printf text to the probe column and still ends the clause with a newline', () => {
    const { c, out } = make();
    c.firing(firing([printf('x\n')]));
    c.firing(firing([printf('n=%d', [3])], { cpu: 1, probeId: 42, func: 'zsd_apply_create', name: 'entry' }));
    expect(out.join('')).toBe(
      'CPU     ID                    FUNCTION:NAME\n' +
        `  0      1${S(27)}:BEGIN x\n\n` +
        `  1     42${S(11)}zsd_apply_create:entry n=3\n`,
    );
  });

  it('prints the default action as the probe line alone', () => {
    const { c, out } = make();
    c.firing(firing([], { cpu: 12, probeId: 123456, func: 'f', name: 'n' }));
    expect(out[0]).toBe(`CPU     ID                    FUNCTION:NAME\n 12 123456${S(30)}f:n \n`);
  });

  it('prints only the records when quiet: no header, no terminators', () => {
    const { c, out } = make({ quiet: true });
    c.firing(firing([printf('a')]));
    c.firing(firing([]));
    c.firing(firing([printf('b\n'), { kind: 'trace', value: 5, type: { kind: 'int', size: 4, signed: true } }]));
    c.finish([]);
    expect(out.join('')).toBe('ab\n5\n');
  });

  it('follows a stack record with the clause newline, leaving a blank line', () => {
    const { c, out } = make();
    c.firing(firing([{ kind: 'stack', value: { kind: 'stack', frames: [{ module: 'genunix', func: 'f', offset: 8 }] } }]));
    expect(out[0]!.split('\n').slice(1)).toEqual([`  0      1${S(27)}:BEGIN `, `${S(14)}genunix\`f+0x8`, '', '']);
  });

  it('prints the trace() columns one after another', () => {
    const { c, out } = make();
    c.firing(firing([
      { kind: 'trace', value: 1, type: { kind: 'int', size: 8, signed: true } },
      { kind: 'trace', value: 2, type: { kind: 'int', size: 4, signed: true } },
      { kind: 'trace', value: 'z', type: { kind: 'string' } },
    ]));
    expect(out[0]!.split('\n')[1]).toBe(`  0      1${S(27)}:BEGIN ${S(16)}1${S(8)}2  z${S(32)}`);
  });
});

describe('flowindent', () => {
  it('prints the FUNCTION header and indents entry/return two columns per level', () => {
    const { c, out } = make({ flowindent: true });
    const fb = (func: string, name: string, flow?: Firing['flow']): Firing =>
      firing([], { provider: 'fbt', module: 'genunix', func, name, flow, probeId: 9 });
    c.firing(fb('zone_key_create', 'entry', { kind: 'entry', depth: 0 }));
    c.firing(fb('zsd_apply_create', 'entry', { kind: 'entry', depth: 1 }));
    c.firing(fb('zsd_apply_create', 'zsd-create-start'));
    c.firing(fb('zsd_apply_create', 'return', { kind: 'return', depth: 1 }));
    c.firing(fb('zone_key_create', 'return', { kind: 'return', depth: 0 }));
    expect(out.join('')).toBe(
      `CPU FUNCTION${S(33)}\n` +
        `  0  -> zone_key_create${S(22)} \n` +
        `  0    -> zsd_apply_create${S(19)} \n` +
        `  0     | zsd_apply_create:zsd-create-start${S(2)} \n` +
        `  0    <- zsd_apply_create${S(19)} \n` +
        `  0  <- zone_key_create${S(22)} \n`,
    );
  });
});

describe('faults, drops and errors', () => {
  it('prints faults in the illumos form on err', () => {
    const { c, out, err } = make();
    c.fault({
      epid: 3, probeId: 17, probe: 'sdt:genunix:zsd_apply_create:zsd-create-start', fault: 'divide-by-zero', code: 4,
      where: { action: 1 }, offset: 12,
    });
    c.fault({
      epid: 4, probeId: 18, probe: 'dtrace:::BEGIN', fault: 'invalid address', code: 1, addr: 16,
      where: 'predicate', offset: 0,
    });
    expect(out).toEqual([]);
    expect(err).toEqual([
      'zsdtrace: error on enabled probe ID 3 (ID 17: sdt:genunix:zsd_apply_create:zsd-create-start): divide-by-zero in action #1 at DIF offset 12\n',
      'zsdtrace: error on enabled probe ID 4 (ID 18: dtrace:::BEGIN): invalid address (0x10) in predicate at DIF offset 0\n',
    ]);
  });

  it('prints every drop kind, singular and plural', () => {
    const { c, err } = make();
    c.drop({ kind: 'principal', count: 3, cpu: 0 });
    c.drop({ kind: 'principal', count: 1, cpu: 1 });
    c.drop({ kind: 'aggregation', count: 2, cpu: 0 });
    c.drop({ kind: 'dynamic', count: 5 });
    c.drop({ kind: 'dynamic-rinsing', count: 1 });
    c.drop({ kind: 'dynamic-dirty', count: 2 });
    c.drop({ kind: 'speculative', count: 2 });
    c.drop({ kind: 'speculation-busy', count: 1 });
    c.drop({ kind: 'speculation-unavailable', count: 4 });
    c.drop({ kind: 'error', count: 1 });
    expect(err).toEqual([
      'zsdtrace: 3 drops on CPU 0\n',
      'zsdtrace: 1 drop on CPU 1\n',
      'zsdtrace: 2 aggregation drops on CPU 0\n',
      'zsdtrace: 5 dynamic variable drops\n',
      'zsdtrace: 1 dynamic variable drop with non-empty rinsing list\n',
      'zsdtrace: 2 dynamic variable drops with non-empty dirty list\n',
      'zsdtrace: 2 speculative drops\n',
      'zsdtrace: 1 failed speculation (available buffer(s) still busy)\n',
      'zsdtrace: 4 failed speculations (no speculative buffer available)\n',
      'zsdtrace: 1 error in ERROR probe enabling\n',
    ]);
  });

  it('prefixes drops with their tags under droptags', () => {
    const { c, err } = make({ droptags: true });
    c.drop({ kind: 'principal', count: 3, cpu: 0 });
    c.drop({ kind: 'aggregation', count: 1, cpu: 2 });
    c.drop({ kind: 'dynamic', count: 2 });
    c.drop({ kind: 'speculation-unavailable', count: 1 });
    expect(err).toEqual([
      'zsdtrace: [DTRACEDROP_PRINCIPAL] 3 drops on CPU 0\n',
      'zsdtrace: [DTRACEDROP_AGGREGATION] 1 aggregation drop on CPU 2\n',
      'zsdtrace: [DTRACEDROP_DYNAMIC] 2 dynamic variable drops\n',
      'zsdtrace: [DTRACEDROP_SPECUNAVAIL] 1 failed speculation (no speculative buffer available)\n',
    ]);
  });

  it('prints runtime errors after the program name', () => {
    const { c, err } = make();
    c.error('couldn\'t set option "bogus" to "1": Invalid option name');
    expect(err).toEqual(['zsdtrace: couldn\'t set option "bogus" to "1": Invalid option name\n']);
  });
});

describe('the end of tracing', () => {
  const a: AggSnapshot = {
    id: 1, name: 'c', fn: 'count', keyTypes: [{ kind: 'string' }], normal: 1,
    entries: [{ key: ['foo'], value: 2 }, { key: ['bar'], value: 1 }],
  };

  it('prints the post-loop newline, then the unprinted aggregations sorted', () => {
    const { c, out } = make({ quiet: true });
    c.finish([a]);
    expect(out.join('')).toBe(
      '\n  bar                                                               1\n  foo                                                               2\n',
    );
  });

  it('prints aggregations periodically in the same format and honours aggsort options', () => {
    const { c } = make({ options: { aggsortrev: true } });
    expect(c.printAggregations([a])).toBe(`  foo${S(47)}${S(16)}2\n  bar${S(47)}${S(16)}1\n`);
    c.setOptions({ aggsortrev: false, aggsortkey: true });
    expect(c.printAggregations([a])).toBe(`  bar${S(47)}${S(16)}1\n  foo${S(47)}${S(16)}2\n`);
  });

  it('prints a printa record inside a firing and leaves the clause newline', () => {
    const { c, out } = make();
    c.firing(firing([{ kind: 'printa', aggs: [a] }], { name: 'END', probeId: 2 }));
    expect(out.join('')).toBe(
      'CPU     ID                    FUNCTION:NAME\n' +
        `  0      2${S(29)}:END \n  bar${S(47)}${S(16)}1\n  foo${S(47)}${S(16)}2\n\n`,
    );
  });
});
