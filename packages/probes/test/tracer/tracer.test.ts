/*
 * startTracing() end to end: a provider of the test's own fires probes; the text the tracer
 * returns is compared with dtrace's formats (d-language.md 2.1, 2.4, 2.5, 2.6), written out
 * here from the format strings rather than captured from a run.
 */

import { describe, expect, it } from 'vitest';
import { createNodeHost, ProbeRegistry, Provider, type Host, type Probe } from '../../src/provider/index.js';
import { DCompileError, startTracing } from '../../src/tracer/index.js';

interface Shop {
  readonly registry: ProbeRegistry;
  /** shop:store:checkout:order (string item, int quantity, int price) */
  readonly order: Probe;
  /** shop:store:checkout:refund (string item) */
  readonly refund: Probe;
}

function shop(): Shop {
  const registry = new ProbeRegistry();
  const p = new Provider('shop', registry);
  return {
    registry,
    order: p.probe('store', 'checkout', 'order', ['string', 'int', 'int']),
    refund: p.probe('store', 'checkout', 'refund', ['string']),
  };
}

/** The instrumented side, written as a program writes its probe sites. */
function sell(s: Shop, item: string, quantity: number, price: number): void {
  if (s.order.enabled) s.order.fire(item, quantity, price);
}

/** `"  %-50s"` string key, then `" %16lld"` value (d-language.md 2.4). */
const stringRow = (key: string, value: number): string => `  ${key.padEnd(50)} ${String(value).padStart(16)}\n`;
/** `" %8d"` 4-byte integer key, then `" %16lld"` value. */
const intRow = (key: number, value: number): string => ` ${String(key).padStart(8)} ${String(value).padStart(16)}\n`;
/** The probe column of a non-quiet firing: `"%3d %6d %32s "`. */
const probeLine = (id: number, fn: string, name: string): string =>
  `${'0'.padStart(3)} ${String(id).padStart(6)} ${`${fn}:${name}`.padStart(32)} `;
const HEADER = `${'CPU'.padStart(3)} ${'ID'.padStart(6)} ${'FUNCTION:NAME'.padStart(32)}\n`;

const silent = (): void => {};

describe('startTracing', () => {
  it('counts firings by key and prints them at stop() as dtrace does at exit', () => {
    const s = shop();
    const tracer = startTracing('shop:::order { @[args[0]] = count(); }', { registry: s.registry, err: silent });
    for (let i = 0; i < 3; i++) sell(s, 'book', 1, 10);
    sell(s, 'pen', 2, 1);
    // Sorted by value ascending; the first line is dtrace's post-loop newline.
    expect(tracer.stop()).toBe('\n' + stringRow('pen', 1) + stringRow('book', 3));
  });

  it('enables the probes while tracing and disables them at stop()', () => {
    const s = shop();
    expect(s.order.enabled).toBe(false);
    const tracer = startTracing('shop:::order { @ = count(); }', { registry: s.registry, err: silent });
    expect(s.order.enabled).toBe(true);
    expect(s.refund.enabled).toBe(false);
    sell(s, 'book', 1, 10);
    const first = tracer.stop();
    expect(s.order.enabled).toBe(false);
    expect(tracer.stopped).toBe(true);
    // A second stop() runs nothing again and returns the same text.
    sell(s, 'book', 1, 10);
    expect(tracer.stop()).toBe(first);
    expect(first).toBe(`\n ${'1'.padStart(16)}\n`);
  });

  it('sums with integer keys and a predicate', () => {
    const s = shop();
    const tracer = startTracing('shop:::order /args[2] > 5/ { @[args[1]] = sum(args[2]); }', {
      registry: s.registry,
      err: silent,
    });
    sell(s, 'book', 1, 10);
    sell(s, 'lamp', 1, 30);
    sell(s, 'pen', 2, 1); // filtered out by the predicate
    sell(s, 'desk', 3, 7);
    expect(tracer.stop()).toBe('\n' + intRow(3, 7) + intRow(1, 40));
  });

  it('prints a quantize table in dtrace layout', () => {
    const s = shop();
    const tracer = startTracing('shop:::order { @ = quantize(args[2]); }', { registry: s.registry, err: silent });
    sell(s, 'a', 1, 3);
    sell(s, 'b', 1, 5);
    const bar = (n: number): string => `|${'@'.repeat(n).padEnd(40)} `;
    const row = (v: number, n: number, count: number): string =>
      `${String(v).padStart(16)} ${bar(n)}${String(count).padEnd(9)}\n`;
    const table =
      `\n${'value'.padStart(16)} ${'------------- Distribution -------------'.padStart(41)} ${'count'.padEnd(9)}\n` +
      row(1, 0, 0) +
      row(2, 20, 1) +
      row(4, 20, 1) +
      row(8, 0, 0) +
      '\n';
    expect(tracer.stop()).toBe('\n' + table);
  });

  it('prints probe lines and printf records unless quiet', () => {
    const s = shop();
    const tracer = startTracing('shop:::order { printf("%s x%d", args[0], args[1]); }', {
      registry: s.registry,
      err: silent,
    });
    sell(s, 'book', 2, 10);
    expect(tracer.output).toBe(HEADER + probeLine(s.order.id, 'checkout', 'order') + 'book x2\n');
    expect(tracer.stop()).toBe(HEADER + probeLine(s.order.id, 'checkout', 'order') + 'book x2\n' + '\n');
  });

  it('prints only the records when quiet, and runs BEGIN and END', () => {
    const s = shop();
    const script = 'BEGIN { printf("start\\n"); } shop:::order { printf("%s\\n", args[0]); } END { printf("end\\n"); }';
    const tracer = startTracing(script, { registry: s.registry, quiet: true, err: silent });
    expect(tracer.output).toBe('start\n');
    sell(s, 'book', 1, 1);
    sell(s, 'pen', 1, 1);
    expect(tracer.stop()).toBe('start\nbook\npen\nend\n\n');
  });

  it('honours #pragma D option quiet in the script', () => {
    const s = shop();
    const tracer = startTracing('#pragma D option quiet\nshop:::order { trace(args[1]); }', {
      registry: s.registry,
      name: 'quiet.d',
      err: silent,
    });
    sell(s, 'book', 7, 1);
    // trace() of an int in quiet mode: `"%d"` with no padding.
    expect(tracer.stop()).toBe('7\n');
  });

  it('streams to out when given and retains nothing', () => {
    const s = shop();
    const chunks: string[] = [];
    const tracer = startTracing('shop:::order { printf("%d;", args[1]); @ = count(); }', {
      registry: s.registry,
      quiet: true,
      out: (t) => chunks.push(t),
      err: silent,
    });
    sell(s, 'a', 1, 0);
    sell(s, 'b', 2, 0);
    expect(chunks.join('')).toBe('1;2;');
    expect(tracer.stop()).toBe('');
    expect(tracer.output).toBe('');
    expect(chunks.join('')).toBe(`1;2;\n ${'2'.padStart(16)}\n`);
  });

  it('shows the aggregations now with print() and snapshot() without stopping', () => {
    const s = shop();
    const tracer = startTracing('shop:::order { @sold[args[0]] = sum(args[1]); }', { registry: s.registry, err: silent });
    sell(s, 'book', 2, 0);
    expect(tracer.print()).toBe(stringRow('book', 2));
    sell(s, 'book', 3, 0);
    sell(s, 'pen', 1, 0);
    expect(tracer.print()).toBe(stringRow('pen', 1) + stringRow('book', 5));
    const [agg] = tracer.snapshot();
    expect(agg?.name).toBe('sold');
    expect(agg?.fn).toBe('sum');
    expect(agg?.entries.map((e) => [e.key[0], e.value])).toEqual([
      ['pen', 1],
      ['book', 5],
    ]);
    expect(s.order.enabled).toBe(true);
    expect(tracer.output).toBe('');
    tracer.stop();
  });

  it('stops by itself when the script calls exit(), as dtrace does', () => {
    const s = shop();
    const statuses: number[] = [];
    const tracer = startTracing('shop:::order { @ = count(); } shop:::refund { exit(3); } END { printf("bye"); }', {
      registry: s.registry,
      quiet: true,
      err: silent,
      onExit: (status) => statuses.push(status),
    });
    sell(s, 'a', 1, 1);
    sell(s, 'b', 1, 1);
    if (s.refund.enabled) s.refund.fire('a');
    expect(statuses).toEqual([3]);
    expect(tracer.stopped).toBe(true);
    expect(tracer.exited).toBe(true);
    expect(tracer.exitStatus).toBe(3);
    expect(s.order.enabled).toBe(false);
    sell(s, 'c', 1, 1);
    expect(tracer.stop()).toBe(`bye\n ${'2'.padStart(16)}\n`);
  });

  it('ends before enabling anything when BEGIN calls exit()', () => {
    const s = shop();
    const statuses: number[] = [];
    const tracer = startTracing('BEGIN { printf("once"); exit(0); } shop:::order { @ = count(); }', {
      registry: s.registry,
      quiet: true,
      err: silent,
      onExit: (status) => statuses.push(status),
    });
    expect(statuses).toEqual([0]);
    expect(tracer.stopped).toBe(true);
    expect(s.order.enabled).toBe(false);
    expect(tracer.stop()).toBe('once\n');
  });

  it('reports a runtime fault on err and keeps the program running', () => {
    const s = shop();
    const errors: string[] = [];
    const tracer = startTracing('shop:::order { this->each = 10 / args[1]; @[args[0]] = sum(this->each); }', {
      registry: s.registry,
      err: (t) => errors.push(t),
    });
    expect(() => sell(s, 'zero', 0, 1)).not.toThrow();
    sell(s, 'two', 2, 1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^zsdtrace: error on enabled probe ID \d+ \(ID \d+: shop:store:checkout:order\): divide-by-zero/);
    expect(tracer.stop()).toBe('\n' + stringRow('two', 5));
  });

  it('throws DCompileError with dtrace\'s message for a probe description that matches nothing', () => {
    const s = shop();
    const text = 'shop:::nope { @ = count(); }';
    let caught: unknown;
    try {
      startTracing(text, { registry: s.registry });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DCompileError);
    const e = caught as DCompileError;
    expect(e.code).toBe('E_DCOMPILE');
    expect(e.message).toBe(
      `zsdtrace: invalid probe specifier ${text}: probe description shop:::nope does not match any probes`,
    );
    expect(e.diagnostics.length).toBeGreaterThan(0);
  });

  it('names the script file and the line of a syntax error', () => {
    const s = shop();
    expect(() => startTracing('shop:::order\n{\n  @ = count(;\n}\n', { registry: s.registry, name: 'bad.d' })).toThrow(
      'zsdtrace: failed to compile script bad.d: line 3: syntax error near ";"',
    );
    // A failed compile enables nothing.
    expect(s.order.enabled).toBe(false);
  });

  it('tags the message with the D error code under -x errtags', () => {
    const s = shop();
    expect(() => startTracing('shop:::order { x = ; }', { registry: s.registry, options: { errtags: true } })).toThrow(
      /^zsdtrace: invalid probe specifier shop:::order \{ x = ; \}: \[D_SYNTAX\] syntax error near ";"$/,
    );
  });

  it('runs on the host it is given: its clock and its timers', () => {
    const s = shop();
    const ticks: (() => void)[] = [];
    let now = 5_000;
    const host: Host = {
      ...createNodeHost('shop'),
      timestamp: () => now,
      every: (_ns, fn) => {
        ticks.push(fn);
        return () => void ticks.splice(ticks.indexOf(fn), 1);
      },
    };
    const tracer = startTracing('shop:::order { @last = max(timestamp); } tick-1s { @ticks = count(); }', {
      registry: s.registry,
      host,
      err: silent,
    });
    expect(ticks).toHaveLength(1);
    sell(s, 'a', 1, 1);
    now = 9_000;
    sell(s, 'b', 1, 1);
    ticks[0]!();
    ticks[0]!();
    const aggs = new Map(tracer.snapshot().map((a) => [a.name, a.entries[0]?.value]));
    expect(aggs.get('last')).toBe(9_000);
    expect(aggs.get('ticks')).toBe(2);
    tracer.stop();
    // stop() cancels the host's timer.
    expect(ticks).toHaveLength(0);
  });
});
