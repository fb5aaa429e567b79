import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecord } from '../../src/consumer/record-format.js';
import { TextConsumer } from '../../src/consumer/text-consumer.js';
import type { DataRecord, Firing } from '../../src/program/value-model.js';
import type { ProgramOptions } from '../../src/program/options.js';
import { compile } from '../../src/lang/compile.js';
import { formatDiagnostic } from '../../src/lang/diagnostics.js';
import type { StackFrame } from '../../src/provider/host.js';
import { createRuntime } from '../../src/runtime/runtime.js';
import { compileErr, compileOk, rig, run, ZONE_TYPES } from './fake-host.js';

const DISPLAY = { quiet: true, strsize: 256 };
const traced = (body: string): unknown[] => run(`BEGIN { ${body} }`).r.sink.traced();
const records = (f: Firing[]): DataRecord[] => f.flatMap((x) => x.records);

/** A text consumer writing into strings. */
function textSink(quiet = true): { sink: TextConsumer; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const sink = new TextConsumer({ out: (s) => out.push(s), err: (s) => err.push(s), quiet, flowindent: false, progname: 'zsdtrace', droptags: false, strsize: 256 });
  return { sink, out, err };
}

describe('substr() clipping (dtrace DIF_SUBR_SUBSTR)', () => {
  it('cuts a window that starts before the string and empties one that stays before it', () => {
    expect(traced('trace(substr("hello", -7, 4)); trace(substr("hello", -10, 3)); trace(substr("hello", -10));')).toEqual(['he', '', 'hello']);
    expect(traced('trace(substr("hello", 10)); trace(substr("hello", 5)); trace(substr("hello", 1, -1)); trace(substr("hello", 1, -9));')).toEqual(['', '', 'ell', '']);
  });
});

describe('casts', () => {
  it('truncates and zero-extends to the target type, and %d prints unsigned values as unsigned', () => {
    expect(traced('trace((unsigned char)-1); trace((unsigned short)-1); trace((char)255);')).toEqual([255, 65535, -1]);
    const r = rig();
    const { sink, out } = textSink();
    const rt = createRuntime(compileOk(r, 'BEGIN { printf("%d %d %d", (unsigned char)-1, (unsigned short)-1, (char)-1); }'), { host: r.host, registry: r.registry, sink });
    rt.start();
    expect(out.join('')).toBe('255 65535 -1');
  });
});

describe('setopt() reaches the consumer', () => {
  it('passes the changed option table to sink.options and re-sorts the final print', () => {
    const r = rig();
    const seen: ProgramOptions[] = [];
    const { sink, out } = textSink();
    const spy = Object.assign(Object.create(sink) as TextConsumer, {
      options(o: ProgramOptions) {
        seen.push(o);
        sink.options(o);
      },
    });
    const rt = createRuntime(compileOk(r, 'BEGIN { @a["a"] = sum(1); @a["b"] = sum(2); setopt("aggsortrev"); }'), { host: r.host, registry: r.registry, sink: spy });
    rt.start();
    rt.stop();
    sink.finish(rt.unprinted());
    expect(seen.at(-1)?.aggsortrev).toBe(true);
    expect(out.join('').trim().split('\n').map((l) => l.trim().split(/\s+/)[0])).toEqual(['b', 'a']);
  });
});

describe('a fault inside an aggregating expression', () => {
  it('aborts the clause without creating the entry', () => {
    const { r, rt } = run('test:::work { @s[arg0] = sum(10 / arg1); @c[arg0] = count(); }', (r) => {
      r.probes.work.fire(1, 0);
      r.probes.work.fire(2, 5);
    });
    const [s, c] = rt.snapshot();
    expect(s!.entries.map((e) => e.key)).toEqual([[2]]);
    expect(c!.entries.map((e) => e.key)).toEqual([[2]]);
    expect(r.sink.faults.map((f) => f.fault)).toEqual(['divide-by-zero']);
  });
});

describe('print()', () => {
  it('prints scalars with their type name in hex and structs member by member', () => {
    const { r } = run('test:::zsd-create { print(*args[0]); print(args[1]); print((short)-1); print(0); print("abc"); }', (r) => {
      r.probes.zone.fire({ zone_id: 3, zone_name: 'z1', zone_status: 0 }, 7);
    });
    const text = records(r.sink.firings).map((rec) => formatRecord(rec, DISPLAY)).join('');
    expect(text).toBe(
      'zone_t {\n    zoneid_t zone_id = 0x3\n    string zone_name = [ "z1" ]\n    zone_status_t zone_status = 0\n}\n' +
        'zone_key_t 0x7\nshort 0xffff\nint 0\nstring "abc"\n',
    );
  });
  it('faults on a NULL struct pointer', () => {
    const { r } = run('test:::zsd-create { print(*args[0]); }', (r) => r.probes.zone.fire(0, 1));
    expect(r.sink.faults.map((f) => f.fault)).toEqual(['invalid address']);
  });
});

describe('tracemem()', () => {
  it('dumps the bytes of a string or an integer, cut to nbytes or dynsize', () => {
    const { r } = run('BEGIN { tracemem("AB", 4); tracemem(0x0102, 3); tracemem("ABCDEF", 8, 2); }');
    const bytes = records(r.sink.firings).map((x) => (x.kind === 'tracemem' ? [...x.bytes] : null));
    expect(bytes).toEqual([[65, 66, 0, 0], [2, 1, 0], [65, 66]]);
    expect(compileErr('BEGIN { tracemem("a", 0); }').code).toBe('D_TRACEMEM_SIZE');
  });
});

class SymbolHost {
  static frames: StackFrame[] = [
    { module: 'genunix', func: 'zsd_apply_create', offset: 0x20 },
    { module: 'genunix', func: 'zone_key_create', offset: 0x80 },
  ];
  static symbol(addr: number): StackFrame | null {
    return addr >= 0x1000 && addr < 0x2000 ? { module: 'genunix', func: 'zone_key_create', offset: addr - 0x1000 } : null;
  }
}

describe('stacks and symbols', () => {
  it('records stack() as a trace record and an aggregation key, and counts stackdepth', () => {
    const r = rig();
    r.host.stack = () => SymbolHost.frames;
    const rt = createRuntime(compileOk(r, 'test:::work { @[stack()] = count(); trace(stackdepth); stack(); }'), { host: r.host, registry: r.registry, sink: r.sink });
    rt.start();
    r.probes.work.fire(1, '');
    r.probes.work.fire(1, '');
    const [agg] = rt.snapshot();
    expect(agg!.entries).toEqual([{ key: [{ kind: 'stack', frames: SymbolHost.frames }], value: 2 }]);
    const recs = records(r.sink.firings);
    expect(recs[0]).toMatchObject({ kind: 'trace', value: 2 });
    expect(formatRecord(recs[1]!, DISPLAY)).toBe('\n              genunix`zsd_apply_create+0x20\n              genunix`zone_key_create+0x80\n');
  });
  it('resolves func()/sym()/mod() and %a on the host', () => {
    const r = rig();
    (r.host as { symbol: (addr: number) => StackFrame | null }).symbol = SymbolHost.symbol;
    const { sink, out } = textSink();
    const rt = createRuntime(compileOk(r, 'BEGIN { func(0x1010); mod(0x1010); printf("[%a] [%a]", 0x1010, 0x5); }'), { host: r.host, registry: r.registry, sink });
    rt.start();
    expect(out.join('')).toBe(`  ${'genunix`zone_key_create'.padEnd(50)}  ${'genunix'.padEnd(50)}[genunix\`zone_key_create+0x10] [0x5]`);
  });
});

describe('freopen()', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  it('is refused at enable time without -w, in dtrace words', () => {
    const r = rig();
    const res = compile([{ text: 'BEGIN { freopen("x"); }', kind: 'script', name: 'f.d' }], { registry: r.registry, types: ZONE_TYPES });
    expect(res.program).toBeUndefined();
    const d = res.diagnostics[0]!;
    expect(formatDiagnostic(d, { text: '', kind: 'script', name: 'f.d' }, { errtags: true, progname: 'zsdtrace' })).toBe(
      "zsdtrace: failed to enable 'f.d': Destructive actions not allowed",
    );
  });
  it('sends output to a file from the record on, and back with freopen("")', () => {
    dir = mkdtempSync(join(tmpdir(), 'zsd-freopen-'));
    const file = join(dir, 'out.txt');
    const r = rig();
    const { sink, out } = textSink();
    const src = `BEGIN { printf("a"); freopen("%s", $$1); printf("b"); freopen(""); printf("c"); }`;
    const rt = createRuntime(compileOk(r, src, { options: { destructive: true }, macroArgs: [file] }), { host: r.host, registry: r.registry, sink });
    rt.start();
    expect(out.join('')).toBe('ac');
    expect(readFileSync(file, 'utf8')).toBe('b');
  });
});

describe('self-> and this-> read before any assignment', () => {
  it('is D_VAR_UNDEF, as dt_cook_var reports it; ++ and plain assignment may come first', () => {
    expect(compileErr('BEGIN { trace(self->x); }')).toMatchObject({ code: 'D_VAR_UNDEF', message: 'self->x has not yet been declared or assigned' });
    expect(compileErr('BEGIN { trace(this->y); }')).toMatchObject({ code: 'D_VAR_UNDEF', message: 'this->y has not yet been declared or assigned' });
    expect(compileErr('BEGIN { self->x += 1; }').code).toBe('D_VAR_UNDEF');
    expect(compileErr('test:::work /self->t/ { } test:::tick { self->t = 1; }').code).toBe('D_VAR_UNDEF');
    expect(traced('++self->x; trace(self->x); this->y = 2; trace(this->y);')).toEqual([1, 2]);
    // A unary operator may come first: the variable becomes int64_t (dt_cook_op1).
    expect(traced('trace(!self->w); trace(-this->v);')).toEqual([1, 0]);
  });
});
