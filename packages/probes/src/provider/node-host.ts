/*
 * A Host for an ordinary Node.js program: real clocks, real timers, one CPU, the process as
 * the only thread.
 */

import type { Host, StackFrame, ThreadInfo } from './host.js';

const origin = process.hrtime.bigint();
const wallOrigin = BigInt(Date.now()) * 1_000_000n;

export function createNodeHost(execname = process.title || 'node'): Host {
  const thread: ThreadInfo = {
    tid: process.pid,
    pid: process.pid,
    ppid: process.ppid,
    execname,
    zonename: 'global',
    cpu: 0,
    curthread: 0,
    errno: 0,
  };
  return {
    timestamp: () => Number(process.hrtime.bigint() - origin),
    vtimestamp: () => Number(process.hrtime.bigint() - origin),
    walltimestamp: () => wallOrigin + (process.hrtime.bigint() - origin),
    thread: () => thread,
    every(periodNs, fn) {
      const t = setInterval(fn, Math.max(1, Math.round(periodNs / 1e6)));
      t.unref();
      return () => clearInterval(t);
    },
    stack: (): readonly StackFrame[] => [],
    symbol: () => null,
    chill: () => {},
    ncpus: 1,
  };
}
