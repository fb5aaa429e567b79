/*
 * A simulated kernel thread: a generator coroutine plus the bookkeeping the scheduler, the
 * detectors and the Host need (state, held mutexes, what it waits for, its stack of engine
 * functions, its on-CPU time).
 *
 * The body is a `function*` that yields at every scheduling point; a nested kernel function is
 * called by yielding its coroutine (`yield k.enter(m)`, see Co). The kernel alone changes
 * `state`; engine code only reads it.
 */

import type { ThreadInfo } from '@zsdtrace/probes/provider';
import { objectArray } from './object-array.js';

/*
 * What a thread can hold (a KMutex) and what it can sleep on (a CondVar), as the scheduler and
 * the reports see them. Declared here, not imported, so that thread, mutex and condvar do not
 * import each other: mutex.ts and condvar.ts depend on this module, never the reverse.
 */
export interface HeldLock {
  readonly label: string;
  readonly lock_name: string;
  readonly rank: number;
  readonly labelHash: number;
  owner: SimThread | null;
  readonly waiters: SimThread[];
  /** The data the lock protects, as step footprints name it (KMutex.guarded). */
  readonly guarded: object;
}

export interface WaitChannel {
  readonly label: string;
  readonly waiters: SimThread[];
}

/**
 * A coroutine returning T. A bare `yield` is a scheduling point. `yield g` with a coroutine `g`
 * is a call, not a scheduling point: the scheduler runs `g` on the thread's stack of coroutines
 * and resumes the caller with g's return value, in the same step (`(yield g) as T` where the
 * value is used). It schedules exactly as `yield* g` would (same steps, choices, clock and
 * effects; nothing in a coroutine body catches exceptions), and the engine calls this way
 * throughout:
 * - each resumption of `g` is one generator resume, not one for every coroutine between the
 *   thread's body and `g`, so a caller is resumed only when its callee returns;
 * - a call site is a few bytecodes where `yield*` is a delegation loop of some 150, so the
 *   lifecycle functions, full of calls, stay small: cheap to run before they are optimised and
 *   cheap to optimise (the optimising compiler runs on threads whose CPU time the process pays,
 *   in its first run most of all).
 */
export type Co<T = void> = Generator<Co<unknown> | undefined, T, unknown>;

/**
 * Runs `g` as a call on the thread's coroutine stack, typed: `yield* call(g)` gives g's return
 * value as T, as `yield* g` does, but runs g as `yield g` does (see Co). For code outside the
 * hot paths; the engine writes `(yield g) as T`, which needs no coroutine of its own.
 */
export function* call<T>(g: Co<T>): Co<T> {
  return (yield g) as T;
}

/**
 * A kernel operation's coroutine that a thread keeps and reuses, one call at a time (mutex_enter:
 * MutexEnter in kernel.ts). `start` returns it ready to be yielded as a call.
 */
export interface ThreadOp {
  start(m: HeldLock): Co;
}

/**
 * `busy` is timed on-CPU work (a callback's duration); `sleep` is a condition-variable wait or a
 * timed off-CPU delay; `blocked` is waiting for a mutex.
 */
export type ThreadState = 'run' | 'ready' | 'blocked' | 'sleep' | 'busy' | 'done';

/** Mutable view of ThreadInfo: the kernel updates `cpu` on dispatch. */
export interface MutableThreadInfo {
  tid: number;
  pid: number;
  ppid: number;
  execname: string;
  zonename: string;
  cpu: number;
  curthread: number;
  errno: number;
}

export class SimThread {
  state: ThreadState = 'ready';
  /** The coroutine the thread resumes next (the innermost call), null once the thread is done. */
  gen: Co<unknown> | null = null;
  /** The coroutines that called `gen` (`yield g`), outermost first (the body at the bottom). */
  readonly callers: Co<unknown>[] = objectArray();
  /** The thread's mutex_enter coroutine, made at its first mutex_enter that is not done in place. */
  enterOp: ThreadOp | null = null;
  /** The mutex or condition variable the thread waits on, if any. */
  blockedOn: HeldLock | WaitChannel | null = null;
  /** tid of the thread whose work a ZSD wait is waiting for (-1 if unknown). */
  waitHolder = -1;
  readonly holds: HeldLock[] = objectArray();
  /** Engine function ids, outermost first (the Host reverses it for stack()). */
  readonly frames: number[] = [];
  wakeAt = 0;
  sleepSeq = 0;
  vtime = 0;
  /** Nanoseconds requested by chill() from a probe handler; applied at the next yield. */
  pendingChill = 0;
  /** A daemon idling for an event that may never come (zsched waiting to boot or die): it does
   *  not keep the run alive and does not count as a deadlocked thread. */
  daemon = false;
  /** PCT priority (higher runs first). */
  priority = 0;
  readonly info: MutableThreadInfo;

  constructor(
    readonly tid: number,
    readonly name: string,
    zonename: string,
    pid: number,
    addr: number,
  ) {
    this.info = { tid, pid, ppid: pid === 0 ? 0 : 1, execname: name, zonename, cpu: 0, curthread: addr, errno: 0 };
  }

  get threadInfo(): ThreadInfo {
    return this.info;
  }

  /** sched provider argument objects (built only inside a probe guard). */
  lwpsinfo(): { pr_lwpid: number; pr_addr: number; pr_name: string } {
    return { pr_lwpid: this.tid, pr_addr: this.info.curthread, pr_name: this.name };
  }

  psinfo(): { pr_pid: number; pr_ppid: number; pr_fname: string; pr_zonename: string } {
    return { pr_pid: this.info.pid, pr_ppid: this.info.ppid, pr_fname: this.name, pr_zonename: this.info.zonename };
  }

  /** A short label for reports: `zsched[12]`. */
  get label(): string {
    return `${this.name}[${this.tid}]`;
  }
}
