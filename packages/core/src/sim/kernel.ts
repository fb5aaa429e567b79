/*
 * The simulated kernel: the scheduler (scheduler.ts) plus the synchronization operations thread
 * bodies call, mutex_enter/mutex_exit, cv_wait/cv_broadcast/cv_signal, with the detectors that
 * belong to them (recursive mutex_enter, lock order, deadlock cycles, use after free of a lock
 * in freed memory) and their lockstat/sched probes and trace events.
 *
 * Each operation that ends at a scheduling point also has an in-place form (enterInPlace,
 * exitInPlace, wakeAll) for hot callers: the same checks, step, clock, probes and events without
 * a coroutine of its own. Invariant: a body that uses one behaves exactly as with the coroutine.
 * mutex_enter tries its in-place form itself, first: callers just `yield k.enter(m)`.
 */

import type { CondVar } from './condvar.js';
import type { KMutex } from './mutex.js';
import { Scheduler } from './scheduler.js';
import type { Co, HeldLock, SimThread, ThreadOp } from './thread.js';
import { lockCycle } from './wait-graph.js';

export type { FindingKind, FindingSink, FreedAccessDescriber, Hazard, KernelOptions, KernelProbes } from './scheduler.js';

/** What enterChecks found: carry on, carry on with a lock already freed, or stop (the run halted). */
const EnterCheck = { go: 0, freed: 1, stop: 2 } as const;
type EnterCheck = (typeof EnterCheck)[keyof typeof EnterCheck];

/** Where a MutexEnter resumes: at its start, after its scheduling point, after a wait, at its end. */
const EnterAt = { start: 0, scheduled: 1, blocked: 2, end: 3 } as const;
type EnterAt = (typeof EnterAt)[keyof typeof EnterAt];

export class Kernel extends Scheduler {
  private readonly orderReported = new Set<string>();

  /**
   * mutex_enter: the checks, a scheduling point, blocking while another thread owns `m`, then
   * the acquisition. Called as `yield k.enter(m)`. The coroutine is the thread's MutexEnter
   * (below), reused by each of its mutex_enter calls, rather than a generator: a generator
   * apiece (and one more for a contended wait) was the second largest allocation of a run.
   *
   * It first tries enterInPlace, which callers used to try before calling: when other threads
   * are ready, as they nearly always are in a busy run, that attempt fails, and each call site
   * carried an inlined copy of it (with the acquisition's trace event) into the optimised code
   * of every lifecycle function, which the optimising compiler paid for at each of them.
   */
  enter(m: KMutex): Co {
    const t = this.cur;
    return (t.enterOp ??= new MutexEnter(this, t)).start(m);
  }

  /**
   * One resumption of `op`, a mutex_enter on its thread; true if it ended. Runs exactly what
   * this generator would (blockOn's loop written out):
   *
   *   if (this.enterInPlace(m)) return;
   *   const begin = this.enterChecks(m);
   *   if (begin === EnterCheck.stop) { yield; return; }
   *   if (!this.continueInPlace()) yield;
   *   const since = m.owner === null ? -1 : this.now;
   *   while (m.owner !== null) { this.blockOnce(t, m); yield; t.blockedOn = null; }
   *   // A use after free found on acquiring stops here, at its scheduling point.
   *   if (this.acquire(m, begin === EnterCheck.freed, since)) yield;
   *
   * `op.at` is where the generator would resume: at the start, after the scheduling point,
   * after a wait, or at the end.
   */
  resumeEnter(op: MutexEnter): boolean {
    const m = op.m!;
    const t = op.t;
    switch (op.at) {
      case EnterAt.start: {
        if (this.enterInPlace(m)) {
          op.at = EnterAt.end;
          return true;
        }
        const begin = this.enterChecks(m);
        op.begin = begin;
        if (begin === EnterCheck.stop) {
          op.at = EnterAt.end;
          return false;
        }
        if (!this.continueInPlace()) {
          op.at = EnterAt.scheduled;
          return false;
        }
        op.since = m.owner === null ? -1 : this.now;
        break;
      }
      case EnterAt.scheduled:
        op.since = m.owner === null ? -1 : this.now;
        break;
      case EnterAt.blocked:
        t.blockedOn = null;
        break;
      default:
        return true;
    }
    if (m.owner !== null) {
      this.blockOnce(t, m);
      op.at = EnterAt.blocked;
      return false;
    }
    op.at = EnterAt.end;
    return !this.acquire(m, op.begin === EnterCheck.freed, op.since);
  }

  /** The checks before mutex_enter's scheduling point: recursive enter, freed lock, lock order. */
  private enterChecks(m: KMutex): EnterCheck {
    const t = this.cur;
    if (m.owner === t) {
      this.fail('recursive-enter', `recursive mutex_enter: ${t.label} already owns ${m.label}`, true);
      return EnterCheck.stop;
    }
    this.tracker.touch(m);
    const freed = m.container?.freed === true;
    if (freed) {
      this.useAfterFree(t, `mutex_enter on ${m.label}`, m.container!);
      if (this.halted) return EnterCheck.stop;
    }
    if (m.rank > 0) this.checkOrder(t, m);
    return freed ? EnterCheck.freed : EnterCheck.go;
  }

  /** `t` finds `m` owned: it blocks on it (the caller yields next), after the deadlock check. */
  private blockOnce(t: SimThread, m: KMutex): void {
    // Each check of the owner reads the lock, the retry after a wake-up that finds it taken again too.
    this.tracker.touch(m);
    t.state = 'blocked';
    t.blockedOn = m;
    m.waiters.push(t);
    const cycle = lockCycle(t);
    if (cycle) {
      this.fail('deadlock', `deadlock: ${cycle.map((x) => `${x.label} waits for ${(x.blockedOn as KMutex).label}`).join('; ')}`, true, cycle);
    }
  }

  /**
   * Takes the free mutex `m` (blocked since `since`, or -1): owner, probes, event. Returns true if
   * the run stopped on a use after free (the lock was freed while the thread waited for it).
   */
  private acquire(m: KMutex, freedBefore: boolean, since: number): boolean {
    const t = this.cur;
    m.owner = t;
    t.holds.push(m);
    this.tracker.touch(m);
    // Freed while this thread was switched out or blocked on it: the lock word is read again here.
    if (!freedBefore && m.container?.freed) {
      this.useAfterFree(t, `acquired ${m.label}`, m.container);
      if (this.halted) return true;
    }
    const blocked = since < 0 ? 0 : this.now - since;
    const P = this.probes;
    if (blocked > 0 && P.block.enabled) this.fire(P.block, m, blocked);
    if (P.acquire.enabled) this.fire(P.acquire, m, 0);
    this.log.lockAcquire(this.now, t.tid, m.label, m.labelHash, blocked);
    return false;
  }

  *exit(m: KMutex): Co {
    this.release(this.cur, m);
    if (!this.continueInPlace()) yield;
  }

  /**
   * enter() without a coroutine, for the one case where enter() would neither yield nor block:
   * the mutex is free and the next step could only pick this thread again. Same checks, step,
   * clock, probes and events as enter(); returns false, having done nothing, in any other case
   * (enter() then goes on), including a lock-order violation, so that every finding is reported
   * from enter()'s own checks. It saves a step's round trip to the scheduler; applyAllZones'
   * revisits use it directly, to take a zone_lock without a coroutine call at all.
   */
  enterInPlace(m: KMutex): boolean {
    if (m.owner !== null || m.container?.freed || !this.canContinueInPlace()) return false;
    const t = this.cur;
    if (m.rank > 0) {
      const h = t.holds;
      for (let i = 0; i < h.length; i++) if (h[i]!.rank > m.rank) return false;
    }
    this.accountStep();
    this.tracker.touch(m);
    m.owner = t;
    t.holds.push(m);
    if (this.probes.acquire.enabled) this.fire(this.probes.acquire, m, 0);
    this.log.lockAcquire(this.now, t.tid, m.label, m.labelHash, 0);
    return true;
  }

  /** The body of exit() up to its scheduling point: returns false if the caller must yield there. */
  exitInPlace(m: KMutex): boolean {
    this.release(this.cur, m);
    return this.continueInPlace();
  }

  private release(t: SimThread, m: KMutex): void {
    if (m.owner !== t) {
      this.fail('assertion', `${t.label} mutex_exit on ${m.label} owned by ${m.owner?.label ?? 'nobody'}`, true);
      return;
    }
    this.tracker.touch(m);
    m.owner = null;
    const h = t.holds;
    if (h[h.length - 1] === m) h.pop();
    else {
      const i = h.lastIndexOf(m);
      if (i >= 0) h.splice(i, 1);
    }
    if (m.waiters.length > 0) this.makeReady(m.waiters.shift()!);
    if (this.probes.release.enabled) this.fire(this.probes.release, m);
    this.log.lockRelease(this.now, t.tid, m.label, m.labelHash);
  }

  /** cv_wait: releases `m`, sleeps until woken, re-acquires `m`. */
  *cvWait(cv: CondVar, m: KMutex): Co {
    const t = this.cur;
    this.release(t, m);
    this.tracker.touch(cv);
    t.state = 'sleep';
    t.blockedOn = cv;
    cv.waiters.push(t);
    if (this.probes.sleep.enabled) this.fire(this.probes.sleep);
    yield;
    t.blockedOn = null;
    yield this.enter(m);
  }

  *broadcast(cv: CondVar): Co {
    this.wakeAll(cv);
    yield;
  }

  /** The body of broadcast() before its scheduling point (the caller yields right after). */
  wakeAll(cv: CondVar): void {
    this.tracker.touch(cv);
    if (cv.idle) return;
    // Woken in queue order; the queue is emptied first, as splice did.
    const ws = cv.waiters;
    const n = ws.length;
    if (n === 1) {
      const w = ws.pop()!;
      this.wakeFromCv(w);
      return;
    }
    const all = ws.splice(0, n);
    for (let i = 0; i < n; i++) this.wakeFromCv(all[i]!);
  }

  *signal(cv: CondVar): Co {
    this.tracker.touch(cv);
    const w = cv.waiters.shift();
    if (w) this.wakeFromCv(w);
    yield;
  }

  private wakeFromCv(w: SimThread): void {
    this.makeReady(w);
    if (this.probes.wakeup.enabled) this.fire(this.probes.wakeup, w.lwpsinfo(), w.psinfo());
  }

  // ---- lock detectors ----------------------------------------------------------------------

  private checkOrder(t: SimThread, m: KMutex): void {
    for (const h of t.holds) {
      if (h.rank > m.rank) {
        const pair = `${h.lock_name}>${m.lock_name}`;
        if (this.orderReported.has(pair)) continue;
        this.orderReported.add(pair);
        this.fail(
          'lock-order',
          `lock order violation: ${t.label} takes ${m.label} while holding ${h.label} (documented order: ` +
            `pool_lock → cpu_lock → zonehash_lock → zone_status_lock → zone_lock → zsd_key_lock)`,
          false,
        );
      }
    }
  }
}

/*
 * What the scheduler (and `yield*`) read of a coroutine's step: a scheduling point, or the end
 * (mutex_enter returns nothing). Shared, as nothing writes them.
 */
const PAUSE: IteratorResult<undefined, void> = { value: undefined, done: false };
const DONE: IteratorResult<undefined, void> = { value: undefined, done: true };

/**
 * A thread's mutex_enter in progress, as an iterator the scheduler resumes like a generator
 * (Kernel.resumeEnter does the work). A thread is in at most one mutex_enter at a time, and one
 * has ended before the thread can start the next, so each thread keeps one and reuses it.
 */
class MutexEnter implements ThreadOp {
  m: KMutex | null = null;
  at: EnterAt = EnterAt.end;
  begin: EnterCheck = EnterCheck.go;
  since = -1;

  constructor(
    private readonly k: Kernel,
    readonly t: SimThread,
  ) {}

  start(m: HeldLock): Co {
    this.m = m as KMutex;
    this.at = EnterAt.start;
    this.begin = EnterCheck.go;
    this.since = -1;
    return this as unknown as Co;
  }

  next(): IteratorResult<undefined, void> {
    if (!this.k.resumeEnter(this)) return PAUSE;
    this.m = null;
    return DONE;
  }

  /** So that `yield* k.enter(m)` works too. */
  [Symbol.iterator](): this {
    return this;
  }
}
