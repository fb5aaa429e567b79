/*
 * The Host of a D program running inside a traced Node.js process: the target's own pid, tid
 * (the main thread's LWP is the pid on Linux), executable name and clocks. `timestamp` is the
 * monotonic clock in nanoseconds (hrtime, dtrace's since-boot time); events observed after the
 * fact (GC entries, profiler samples) fire with the time they happened, and samples carry
 * their JavaScript stack for ustack()/jstack().
 */

import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Host, StackFrame, ThreadInfo } from '../provider/host.js';
import type { NodeClock } from './node-provider.js';

/** Samples of the host's profiler: `start` begins sampling at `periodNs`, returns the stop. */
export type SampleSource = (periodNs: number, onSample: (ns: number, stack: readonly StackFrame[]) => void) => () => void;

export interface LiveHost extends Host, NodeClock {
  /** The profiler behind profile-N, installed by the agent. */
  sampler: SampleSource | null;
}

/** dtrace's execname: the executable's name, cut to MAXCOMLEN (15 characters). */
export function execName(): string {
  return basename(process.execPath).slice(0, 15);
}

export function createLiveHost(): LiveHost {
  const thread: ThreadInfo = {
    tid: process.pid,
    pid: process.pid,
    ppid: process.ppid,
    execname: execName(),
    zonename: 'global',
    cpu: 0,
    curthread: 0,
    errno: 0,
  };
  const hr0 = process.hrtime.bigint();
  const perf0 = performance.now();
  const wall0 = BigInt(Math.round((performance.timeOrigin + perf0) * 1000)) * 1000n;
  let atNs: number | null = null;
  let stack: readonly StackFrame[] = [];
  const now = (): number => Number(process.hrtime.bigint());
  const host: LiveHost = {
    sampler: null,
    timestamp: () => atNs ?? now(),
    vtimestamp: () => Math.round(process.cpuUsage().user * 1000),
    walltimestamp: () => wall0 + BigInt((atNs ?? now()) - Number(hr0)),
    thread: () => thread,
    every(periodNs, fn) {
      // The target's clock; never keeps the target alive on its own.
      const t = setInterval(fn, Math.max(1, Math.round(periodNs / 1e6)));
      t.unref();
      return () => clearInterval(t);
    },
    profile(periodNs, fn) {
      if (!host.sampler) return host.every(periodNs, fn);
      return host.sampler(periodNs, (ns, frames) => {
        stack = frames;
        try {
          host.at(ns, fn);
        } finally {
          stack = [];
        }
      });
    },
    stack: () => [],
    ustack: () => stack,
    symbol: () => null,
    chill: () => {},
    ncpus: 1,
    at(ns, fn) {
      const was = atNs;
      atNs = ns;
      try {
        fn();
      } finally {
        atNs = was;
      }
    },
    fromPerformance: (ms) => Number(hr0) + Math.round((ms - perf0) * 1e6),
  };
  return host;
}
