import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/runtime/runtime.js';
import { compileOk, rig, run } from './fake-host.js';

const traced = (body: string): unknown[] => run(`BEGIN { ${body} }`).r.sink.traced();

describe('64-bit integer semantics', () => {
  it('wraps, shifts, divides and compares as C on LP64', () => {
    expect(traced('trace(9223372036854775807 + 1);')).toEqual([-9223372036854775808n]);
    expect(traced('trace((uint64_t)0 - 1);')).toEqual([18446744073709551615n]);
    expect(traced('trace(2147483647 + 1);')).toEqual([-2147483648]);
    expect(traced('trace(1 << 63);')).toEqual([0]);
    expect(traced('trace(1LL << 63);')).toEqual([-9223372036854775808n]);
    expect(traced('trace((uint64_t)1 << 63 >> 63);')).toEqual([1]);
    expect(traced('trace(-1LL >> 1);')).toEqual([-1]);
    expect(traced('trace(-7 / 2); trace(-7 % 2);')).toEqual([-3, -1]);
    expect(traced('trace((uint64_t)-1 / 2);')).toEqual([9223372036854775807n]);
    expect(traced('trace(-1 < 1u);')).toEqual([0]);
    expect(traced('trace(-1 < 1);')).toEqual([1]);
    expect(traced('trace((unsigned char)257); trace((short)65535);')).toEqual([1, -1]);
    expect(traced('trace(0x123456789 * 0x100000);')).toEqual([Number(0x123456789n * 0x100000n)]);
    expect(traced('trace(~0ULL);')).toEqual([18446744073709551615n]);
  });
  it('compares strings by content and evaluates ^^ and ?:', () => {
    expect(traced('trace("abc" < "abd"); trace("b" == "b"); trace("a" != "a");')).toEqual([1, 1, 0]);
    expect(traced('trace(1 ^^ 0); trace(2 ^^ 3); trace(0 ? "x" : "y");')).toEqual([1, 0, 'y']);
  });
  it('implements the string subroutines', () => {
    expect(traced('trace(strlen("hello")); trace(strjoin("a", "b")); trace(substr("hello", 1, 3)); trace(substr("hello", -3));')).toEqual([5, 'ab', 'ell', 'llo']);
    expect(traced('trace(index("hello", "l")); trace(rindex("hello", "l")); trace(strstr("hello", "ll")); trace(strchr("hello", 108));')).toEqual([2, 3, 'llo', 'llo']);
    expect(traced('trace(lltostr(-42)); trace(toupper("ab")); trace(basename("/a/b/c")); trace(dirname("/a/b/c")); trace(cleanpath("/a/./b/../c"));')).toEqual(['-42', 'AB', 'c', '/a/b', '/a/c']);
    expect(traced('trace(strtoll("0x1f", 16)); trace(strtok("a,b", ",")); trace(strtok(NULL, ","));')).toEqual([31, 'a', 'b']);
    const { r } = run('BEGIN { trace(strjoin("abcdef", "ghij")); }', () => {}, { options: { strsize: '8' } });
    expect(r.sink.traced()).toEqual(['abcdefg']);
  });
});

describe('variables', () => {
  it('reads unset as 0, deletes on storing 0, keeps self-> per thread and this-> per firing', () => {
    const { r } = run(
      `test:::work { self->n++; a[args[1]] += arg0; this->t = arg0 * 2; }
       test:::work { trace(self->n); trace(a[args[1]]); trace(this->t); }
       test:::tick { a["x"] = 0; trace(a["x"]); trace(self->n); }`,
      (r) => {
        r.probes.work.fire(5, 'x');
        r.host.tid = 2;
        r.probes.work.fire(7, 'x');
        r.probes.other.fire();
      },
    );
    expect(r.sink.traced()).toEqual([1, 5, 10, 1, 12, 14, 0, 1]);
  });
  it('bounds dynamic variables by dynvarsize and counts drops', () => {
    const { r, rt } = run('test:::work { a[arg0] = 1; }', (r) => {
      for (let i = 1; i <= 5; i++) r.probes.work.fire(i, '');
    }, { options: { dynvarsize: '256' } });
    // One element of a[int] = int is 72 bytes (48 header + 16 key + 4 value, rounded up to 8),
    // plus a 16-byte hash bucket: 256 bytes hold two of them.
    expect(rt.counters().drops.dynamic).toBe(3);
    rt.flushDrops();
    expect(r.sink.drops).toEqual([{ kind: 'dynamic', count: 3 }]);
  });
  it('reads typed args and struct members through the types table', () => {
    const { r } = run('test:::zsd-create { trace(args[0]->zone_id); trace(args[0]->zone_name); trace(arg0); trace(args[1]); }', (r) => {
      r.probes.zone.fire({ addr: 0x1000, zone_id: 7, zone_name: 'web' }, 3);
    });
    expect(r.sink.traced()).toEqual([7, 'web', 0x1000, 3]);
  });
});

describe('aggregations', () => {
  it('keeps each function per key and snapshots the cells', () => {
    const { rt } = run(
      `test:::work { @c[args[1]] = count(); @s[args[1]] = sum(arg0); @a = avg(arg0); @mn = min(arg0); @mx = max(arg0);
         @sd = stddev(arg0); @q = quantize(arg0); @l = lquantize(arg0, 0, 10, 5); @ll = llquantize(arg0, 10, 0, 2, 10); @w = quantize(arg0, 3); }`,
      (r) => {
        for (const [v, k] of [[1, 'a'], [4, 'b'], [7, 'a']] as const) r.probes.work.fire(v, k);
      },
    );
    const snap = Object.fromEntries(rt.snapshot().map((s) => [s.name, s]));
    expect(snap.c!.entries.map((e) => [e.key[0], e.value])).toEqual([['b', 1], ['a', 2]]);
    expect(snap.s!.entries.map((e) => e.value)).toEqual([4, 8]);
    expect(snap.a!.entries[0]!.value).toEqual({ count: 3, sum: 12 });
    expect(snap.mn!.entries[0]!.value).toBe(1);
    expect(snap.mx!.entries[0]!.value).toBe(7);
    expect(snap.sd!.entries[0]!.value).toEqual({ count: 3, sum: 12, sumsq: 66n });
    const q = snap.q!.entries[0]!.value as number[];
    expect(q.reduce((x, y) => x + y, 0)).toBe(3);
    expect((snap.w!.entries[0]!.value as number[]).reduce((x, y) => x + y, 0)).toBe(9);
    expect(snap.l!.entries[0]!.value).toEqual([0, 2, 1, 0]);
    expect(snap.l!.params).toEqual({ fn: 'lquantize', base: 0, limit: 10, step: 5 });
    expect((snap.ll!.entries[0]!.value as number[]).reduce((x, y) => x + y, 0)).toBe(3);
  });
  it('clears, truncates, normalizes, bounds by aggsize and tracks printa', () => {
    const { rt } = run(
      `test:::work { @c[arg0] = count(); }
       test:::tick /arg0 == 0/ { trunc(@c, 1); normalize(@c, 2); }`,
      (r) => {
        for (const v of [1, 1, 1, 2, 2, 3]) r.probes.work.fire(v, '');
        r.probes.other.fire();
      },
    );
    const c = rt.snapshot()[0]!;
    expect(c.entries).toEqual([{ key: [1], value: 3 }]);
    expect(c.normal).toBe(2);
    expect(rt.unprinted().length).toBe(1);
    rt.clear();
    expect(rt.snapshot()[0]!.entries[0]!.value).toBe(0);
    const small = run('test:::work { @c[arg0] = count(); } END { printa(@c); }', (r) => {
      for (const v of [1, 2, 3]) r.probes.work.fire(v, '');
    }, { options: { aggsize: '128' } });
    expect(small.rt.counters().drops.aggregation).toBe(1);
    expect(small.rt.unprinted()).toEqual([]);
  });
  it('counts into the live entry of a key after trunc() removed the one last updated', () => {
    const byKey = (rt: { snapshot(): { entries: readonly { key: readonly unknown[]; value: unknown }[] }[] }) =>
      Object.fromEntries(rt.snapshot()[0]!.entries.map((e) => [String(e.key[0]), e.value]));
    // 2 is the key last updated when trunc(@c, 1) removes it; it comes back with a count of 1.
    const part = run('test:::work { @c[arg0] = count(); } test:::tick { trunc(@c, 1); }', (r) => {
      for (const v of [1, 1, 1, 2]) r.probes.work.fire(v, '');
      r.probes.other.fire();
      r.probes.work.fire(2, '');
    });
    expect(byKey(part.rt)).toEqual({ 1: 3, 2: 1 });
    const all = run('test:::work { @c[probefunc] = count(); } test:::tick { trunc(@c); }', (r) => {
      r.probes.work.fire(0, '');
      r.probes.work.fire(0, '');
      r.probes.other.fire();
      r.probes.work.fire(0, '');
    });
    expect(byKey(all.rt)).toEqual({ worker: 1 });
    // A key dropped for want of aggsize leaves the last entry updated where it was.
    const small = run('test:::work { @c[arg0] = count(); }', (r) => {
      for (const v of [1, 2, 3, 2, 3, 2]) r.probes.work.fire(v, '');
    }, { options: { aggsize: '128' } });
    expect(byKey(small.rt)).toEqual({ 1: 1, 2: 3 });
    expect(small.rt.counters().drops.aggregation).toBe(2);
  });
});

describe('faults, exit, END and speculation', () => {
  it('aborts only the faulting clause, fires ERROR, reports and continues', () => {
    let after = 0;
    const { r, rt } = run(
      `test:::work { trace(1); x = 1 / arg0; trace(2); }
       test:::work { trace(3); }
       ERROR { trace(arg4); }`,
      (r) => {
        r.probes.work.fire(0, '');
        after++;
        r.probes.work.fire(1, '');
      },
    );
    expect(after).toBe(1);
    expect(r.sink.faults).toMatchObject([{ fault: 'divide-by-zero', code: 4, where: { action: 2 }, probe: 'test:mod:worker:work' }]);
    // ERROR fires at the fault, before the probe's next clause (as dtrace_error does).
    expect(r.sink.traced()).toEqual([4, 3, 1, 2, 3]);
    expect(rt.counters().errors).toBe(1);
  });
  it('reports faults in predicates and NULL dereferences with their address', () => {
    const { r } = run('test:::zsd-create /args[0]->zone_id == 1/ { trace(1); }', (r) => r.probes.zone.fire(0, 0));
    expect(r.sink.faults).toMatchObject([{ fault: 'invalid address', where: 'predicate', addr: 0 }]);
  });
  it('runs BEGIN first, END last and stops firing clauses after exit()', () => {
    const r = rig();
    const rt = createRuntime(compileOk(r, 'BEGIN { trace("b"); } test:::work { trace(arg0); exit(3); } END { trace("e"); }'), { host: r.host, registry: r.registry, sink: r.sink });
    const seen: number[] = [];
    rt.onExit((s) => seen.push(s));
    rt.start();
    r.probes.work.fire(1, '');
    r.probes.work.fire(2, '');
    rt.stop();
    rt.stop();
    expect(r.sink.traced()).toEqual(['b', 1, 'e']);
    expect(seen).toEqual([3]);
    expect(rt.exited && rt.exitStatus).toBe(3);
  });
  it('commits and discards speculations', () => {
    const { r, rt } = run(
      `test:::work { self->spec = speculation(); speculate(self->spec); trace(arg0); }
       test:::tick /self->spec/ { commit(self->spec); self->spec = 0; }`,
      (r) => {
        r.probes.work.fire(10, '');
        expect(r.sink.traced()).toEqual([]);
        r.host.tid = 2;
        r.probes.work.fire(11, '');
        r.host.tid = 1;
        r.probes.other.fire();
      },
    );
    expect(r.sink.traced()).toEqual([10]);
    expect(rt.counters().drops['speculation-unavailable']).toBe(1);
  });
  it('fires tick probes on the host clock and applies setopt()', () => {
    const { r } = run('tick-10ms { @n = count(); setopt("quiet"); setopt("bufsize", "1m"); }', (r) => r.host.advance(35e6));
    expect(r.sink.errors).toEqual(Array(3).fill('couldn\'t set option "bufsize" to "1m": Operation illegal when tracing is active'));
  });
  it('never lets a failing sink reach the probe site', () => {
    const { r } = run('test:::work { trace(1); }', (r) => {
      r.sink.firing = () => {
        throw new Error('sink down');
      };
      expect(() => r.probes.work.fire(1, '')).not.toThrow();
    });
    expect(r.sink.faults).toHaveLength(1);
  });
});
