/*
 * `yield g` (and `yield* call(g)`, its typed form) runs g on the thread's stack of coroutines
 * instead of delegating to it with `yield* g`. They must schedule identically: same steps, same
 * choices, same clock, the same interleaving of effects, the same return values, with calls
 * nested several deep, returning without a scheduling point, and blocking on a mutex.
 */

import { Probe } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { Kernel, type KernelProbes } from '../../src/sim/kernel.js';
import { KMutex } from '../../src/sim/mutex.js';
import { createPolicy } from '../../src/sim/policy.js';
import { Prng } from '../../src/sim/prng.js';
import { call, type Co } from '../../src/sim/thread.js';
import { TraceLog } from '../../src/sim/trace-log.js';

type Via = 'delegate' | 'call' | 'yield';

function probes(): KernelProbes {
  const p = (name: string): Probe => new Probe(0, 'test', '', '', name, []);
  return { acquire: p('acquire'), block: p('block'), release: p('release'), sleep: p('sleep'), wakeup: p('wakeup'), onCpu: p('on'), offCpu: p('off') };
}

/** Runs three threads whose nested functions are entered `via` one way; returns what happened. */
function run(via: Via, seed: number): { log: string[]; steps: number; now: number; choices: number[]; hash: string } {
  const trace = new TraceLog();
  const k = new Kernel(createPolicy('random', new Prng(seed), {}), trace, probes(), () => {}, { maxSteps: 10_000 });
  const m = new KMutex('zone_lock', 'zone_lock:1', 0x1000);
  const log: string[] = [];
  const enter = <T>(g: Co<T>): Co<T> => (via === 'call' ? call(g) : g);

  function* leaf(name: string, n: number): Co<number> {
    for (let i = 0; i < n; i++) {
      log.push(`${name} leaf ${i} @${k.now}`);
      yield;
    }
    return n * 10;
  }
  function* quick(name: string): Co<string> {
    log.push(`${name} quick @${k.now}`);
    return `${name}!`;
  }
  function* locked(name: string): Co<number> {
    if (via === 'yield') yield k.enter(m);
    else yield* k.enter(m);
    const v = via === 'yield' ? ((yield leaf(`${name}/locked`, 2)) as number) : yield* enter(leaf(`${name}/locked`, 2));
    if (via === 'yield') yield k.exit(m);
    else yield* k.exit(m);
    return v + 1;
  }
  function* middle(name: string): Co<number> {
    const a = via === 'yield' ? ((yield leaf(name, 3)) as number) : yield* enter(leaf(name, 3));
    const q = via === 'yield' ? ((yield quick(name)) as string) : yield* enter(quick(name));
    const b = via === 'yield' ? ((yield locked(name)) as number) : yield* enter(locked(name));
    if (k.startWork(100)) yield;
    log.push(`${name} middle got ${a} ${q} ${b} @${k.now}`);
    return a + b;
  }
  for (const name of ['a', 'b', 'c']) {
    k.spawn(name, 'global', -1, function* body(): Co {
      const r = via === 'yield' ? ((yield middle(name)) as number) : yield* enter(middle(name));
      log.push(`${name} done ${r} @${k.now}`);
    });
  }
  while (k.step());
  return { log, steps: k.steps, now: k.now, choices: [...k.choices], hash: trace.digest() };
}

describe('coroutine calls on the thread stack', () => {
  it('schedule exactly as yield* delegation does', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const delegated = run('delegate', seed);
      const called = run('call', seed);
      expect(called).toEqual(delegated);
      expect(run('yield', seed)).toEqual(delegated);
      expect(called.log.filter((l) => l.includes('done'))).toHaveLength(3);
      expect(called.log.some((l) => l.includes('middle got 30 a! 21'))).toBe(true);
    }
  });

  it('different seeds interleave the threads differently', () => {
    const logs = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) logs.add(run('call', seed).log.join('\n'));
    expect(logs.size).toBeGreaterThan(1);
  });
});
