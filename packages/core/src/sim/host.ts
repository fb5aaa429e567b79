/*
 * The D runtime's Host on the simulation's virtual time (packages/probes provider/host.ts):
 * timestamp = virtual ns; vtimestamp = the current thread's on-CPU ns; walltimestamp = the run's
 * epoch + virtual ns; thread() = the simulated thread running now (the idle `sched` context
 * between steps); every() fires between scheduling steps; stack() = the thread's engine
 * functions, innermost first; chill() delays the current simulated thread; object() = the engine
 * object at a simulated address (zone/objects.ts).
 */

import type { Host, StackFrame, ThreadInfo } from '@zsdtrace/probes/provider';
import type { FunctionTable } from '../providers/functions.js';
import type { Kernel } from './kernel.js';

export function createEngineHost(k: Kernel, fns: FunctionTable, wallEpochNs: bigint, objects?: (addr: number) => object | null): Host {
  return {
    ...(objects ? { object: objects } : {}),
    timestamp: () => k.now,
    vtimestamp: () => k.cur.vtime,
    walltimestamp: () => wallEpochNs + BigInt(k.now),
    thread: (): ThreadInfo => k.cur.info,
    every: (periodNs, fn) => k.every(periodNs, fn),
    stack(): readonly StackFrame[] {
      const f = k.cur.frames;
      const out: StackFrame[] = [];
      for (let i = f.length - 1; i >= 0; i--) out.push(fns.frame(f[i]!));
      return out;
    },
    symbol: (addr) => fns.symbol(addr),
    chill(ns) {
      if (k.cur !== k.idle && ns > 0) k.cur.pendingChill += ns;
    },
    ncpus: 2,
  };
}
