/*
 * The simulated kernel's scheduler: threads as coroutines, the scheduling loop, the virtual
 * clock, timed work and sleeps, timers for the Host, and the findings that are not about locks
 * (deadlock of every thread, use after free, step limit). The synchronization operations built
 * on it (mutexes, condition variables) are in kernel.ts.
 *
 * Input: thread bodies (generators) and a scheduling policy. Output: sched probe firings and
 * findings. Invariants: exactly one thread runs at a time; every choice among two or more
 * runnable threads goes through the policy and is recorded; virtual time only moves forward.
 * It knows nothing of zones or ZSD.
 */

import type { Probe } from '@zsdtrace/probes/provider';
import { Tracker } from './footprint.js';
import { SleepHeap } from './heap.js';
import { objectArray } from './object-array.js';
import type { Freeable } from './mutex.js';
import type { SchedulingPolicy } from './policy.js';
import { SimThread, type Co } from './thread.js';
import type { TraceLog } from './trace-log.js';
import { describeWait } from './wait-graph.js';

export type FindingKind = 'deadlock' | 'recursive-enter' | 'lock-order' | 'use-after-free' | 'step-limit' | 'assertion';

/** The memory-safety hazard a use-after-free is (spec 4.6), decided from what happened. */
export type Hazard = 'T1' | 'T2' | 'other';

/** Describes an access to freed memory: the layer that knows the ZSD waits classifies it. */
export type FreedAccessDescriber = (t: SimThread, access: string, container: Freeable) => { hazard: Hazard; message: string };

/** The probes the kernel fires itself (declared by src/providers). */
export interface KernelProbes {
  readonly acquire: Probe;
  readonly block: Probe;
  readonly release: Probe;
  readonly sleep: Probe;
  readonly wakeup: Probe;
  readonly onCpu: Probe;
  readonly offCpu: Probe;
}

/** Called on every detection; `fatal` findings stop the run. */
export type FindingSink = (kind: FindingKind, message: string, cycle: readonly SimThread[], hazard?: Hazard) => void;

/** Virtual ns charged to the running thread for each scheduling step (the work between yields). */
export const STEP_COST_NS = 20;
const THREAD_BASE_ADDR = 0x3000_0000_0000;

export interface KernelOptions {
  readonly maxSteps: number;
  /** Record every choice for replay. An endless (continuous) run does not: the list would grow
   *  without bound, and its seed alone reproduces it. */
  readonly recordChoices?: boolean;
  /** Finding kinds reported without stopping the run (a traced kernel that read stale memory and
   *  carried on, where a verifier wants the first such read to end the run). */
  readonly nonFatal?: ReadonlySet<FindingKind>;
  /** No time: work, sleep and preempt are not scheduling points, so a step runs from one
   *  synchronization operation to the next (the exhaustive explorer's model). */
  readonly untimed?: boolean;
  /** Record each step's footprint and report it to the policy's `stepped`. */
  readonly footprints?: boolean;
}

interface Timer {
  period: number;
  next: number;
  fn: () => void;
  live: boolean;
}

export class Scheduler {
  now = 0;
  steps = 0;
  /** lockstat/sched probe firings (the engine counts its own). */
  firings = 0;
  halted = false;
  /** Nothing can ever run again (only idle daemons are left). */
  finished = false;
  /** Threads created so far; tids are 1..created and never reused. */
  created = 0;
  readonly ready: SimThread[] = objectArray();
  readonly choices: number[] = [];
  /** The thread executing now; `idle` between steps (timers, probes fired by the engine). */
  cur: SimThread;
  readonly idle: SimThread;
  private readonly sleepers = new SleepHeap<SimThread>();
  private sleepSeq = 0;
  /** Live threads by tid, in creation order. A finished thread is dropped at once, so an endless
   *  run holds only the threads that still exist (its tid is never handed out again). */
  private readonly alive = new Map<number, SimThread>();
  private readonly timers: Timer[] = [];
  /** What each CPU ran last; `idle` until a thread ran there (idle itself is never dispatched). */
  private readonly cpus: SimThread[];
  private nextCpu = 0;
  readonly tracker = new Tracker();
  /** Stands for thread creation (tids are handed out in order) in step footprints. */
  private readonly spawnToken = {};
  readonly maxSteps: number;
  readonly recordChoices: boolean;
  private readonly nonFatal: ReadonlySet<FindingKind>;
  protected readonly untimed: boolean;
  /** Set by the zone layer, which knows who freed what and who was waiting for what. */
  describeFreedAccess: FreedAccessDescriber = (t, access) => ({ hazard: 'other', message: `${t.label} ${access}, which lives in freed memory` });

  constructor(
    private readonly policy: SchedulingPolicy,
    readonly log: TraceLog,
    readonly probes: KernelProbes,
    private readonly onFinding: FindingSink,
    opts: KernelOptions,
  ) {
    this.maxSteps = opts.maxSteps;
    this.recordChoices = opts.recordChoices ?? true;
    this.nonFatal = opts.nonFatal ?? new Set();
    this.untimed = opts.untimed ?? false;
    this.tracker.on = opts.footprints ?? false;
    this.idle = new SimThread(0, 'sched', 'global', 0, THREAD_BASE_ADDR);
    this.idle.state = 'run';
    this.cur = this.idle;
    this.cpus = [this.idle, this.idle];
  }

  /** Creates a thread that becomes runnable at the current time. */
  spawn(name: string, zonename: string, pid: number, body: () => Co): SimThread {
    const tid = ++this.created;
    this.tracker.touch(this.spawnToken);
    const t = new SimThread(tid, name, zonename, pid < 0 ? tid : pid, THREAD_BASE_ADDR + tid * 0x1000);
    this.alive.set(tid, t);
    this.policy.spawned(t);
    t.gen = body();
    this.ready.push(t);
    return t;
  }

  /** The live thread whose structure is at `addr` (its curthread), or null. */
  threadAt(addr: number): SimThread | null {
    if (addr === this.idle.info.curthread) return this.idle;
    const tid = (addr - THREAD_BASE_ADDR) / 0x1000;
    return Number.isSafeInteger(tid) ? (this.alive.get(tid) ?? null) : null;
  }

  /** Threads that have not finished, oldest first. */
  get threads(): SimThread[] {
    return [...this.alive.values()];
  }

  get liveThreads(): number {
    return this.alive.size;
  }

  /** A live thread by tid (undefined once it has finished). */
  thread(tid: number): SimThread | undefined {
    return this.alive.get(tid);
  }

  // ---- the scheduler loop ------------------------------------------------------------------

  /**
   * One scheduling step. `limit` bounds how far idle time may jump (runUntil's target).
   * Returns false when nothing can run before `limit` (time was advanced to it) or the run ended.
   */
  step(limit = Infinity): boolean {
    if (this.halted) return false;
    this.fireTimers();
    // Sleepers whose time has come compete with the threads already ready.
    const top = this.sleepers.peek();
    if (top && top.wakeAt <= this.now) this.wakeDue();
    if (this.ready.length === 0 && !this.wake(limit)) return false;
    if (++this.steps > this.maxSteps) {
      this.fail('step-limit', `step limit of ${this.maxSteps} exceeded`, true);
      return false;
    }
    const n = this.ready.length;
    let i = 0;
    if (n > 1) {
      i = this.policy.pick(this.ready, this.steps);
      if (this.recordChoices) this.choices.push(i);
    }
    const ready = this.ready;
    const t = ready[i]!;
    // Removed in place: splice would allocate the array of removed elements on every step.
    for (let j = i + 1; j < n; j++) ready[j - 1] = ready[j]!;
    ready.pop();
    this.dispatch(t);
    this.now += STEP_COST_NS;
    t.vtime += STEP_COST_NS;
    const tr = this.tracker;
    if (tr.on) tr.begin(t.holds);
    const done = this.resume(t);
    this.cur = this.idle;
    if (this.halted) {
      if (tr.on) this.reportStep(t);
      return false;
    }
    if (done) {
      t.state = 'done';
      t.gen = null;
      this.alive.delete(t.tid);
      if (t.holds.length > 0) this.fail('assertion', `${t.label} exited holding ${t.holds.map((m) => m.label).join(', ')}`, true);
    } else if (t.state === 'run') {
      if (t.pendingChill > 0) this.delay(t, t.pendingChill, 'sleep');
      else {
        t.state = 'ready';
        this.ready.push(t);
      }
    } else if (t.pendingChill > 0 && (t.state === 'busy' || t.state === 'sleep')) {
      t.wakeAt += t.pendingChill;
      t.pendingChill = 0;
    }
    if (tr.on) this.reportStep(t);
    return true;
  }

  /**
   * Runs `t` to its next scheduling point (a bare yield) or its end; true if it ended. A yielded
   * coroutine is a call: it runs on top of its caller, and its return value resumes the caller,
   * all within this step, exactly as `yield*` would have run it (see Co in thread.ts).
   */
  private resume(t: SimThread): boolean {
    let g = t.gen!;
    let r = g.next();
    for (;;) {
      if (r.done) {
        const up = t.callers.pop();
        if (up === undefined) return true;
        g = up;
        t.gen = g;
        r = g.next(r.value);
      } else if (r.value === undefined) return false;
      else {
        t.callers.push(g);
        g = r.value;
        t.gen = g;
        r = g.next();
      }
    }
  }

  private reportStep(t: SimThread): void {
    const rec = this.tracker.end(t.tid, t.holds, t.state === 'ready');
    if (rec) this.policy.stepped?.(rec);
  }

  /** Moves due sleepers to the ready list, advancing time if nothing is ready. */
  private wake(limit: number): boolean {
    const top = this.sleepers.peek();
    const nextTimer = this.nextTimerAt();
    if (!top) {
      if (this.anyNonDaemon()) this.deadlock();
      else this.finished = true;
      return false;
    }
    const target = Math.min(top.wakeAt, nextTimer);
    if (target > limit) {
      if (limit > this.now && limit !== Infinity) this.now = limit;
      this.fireTimers();
      return false;
    }
    if (target > this.now) this.now = target;
    if (nextTimer <= this.now) this.fireTimers();
    this.wakeDue();
    return this.ready.length > 0 || this.wake(limit);
  }

  private anyNonDaemon(): boolean {
    for (const t of this.alive.values()) if (!t.daemon) return true;
    return false;
  }

  private wakeDue(): void {
    while (this.sleepers.size > 0 && this.sleepers.peek()!.wakeAt <= this.now) {
      const s = this.sleepers.pop()!;
      s.state = 'ready';
      this.ready.push(s);
    }
  }

  /**
   * At a scheduling point where the next step could only pick the current thread again (nobody
   * ready, no sleeper or timer due, no chill pending), account for that step here instead of
   * yielding. Same choices, same clock, same events; it only saves a coroutine round trip.
   */
  protected continueInPlace(): boolean {
    if (!this.canContinueInPlace()) return false;
    this.accountStep();
    return true;
  }

  protected canContinueInPlace(): boolean {
    if (this.ready.length !== 0 || this.halted || this.cur.pendingChill > 0 || this.steps >= this.maxSteps) return false;
    const top = this.sleepers.peek();
    if (top && top.wakeAt <= this.now) return false;
    return this.timers.length === 0 || this.nextTimerAt() > this.now;
  }

  protected accountStep(): void {
    this.steps++;
    this.now += STEP_COST_NS;
    this.cur.vtime += STEP_COST_NS;
  }

  private dispatch(t: SimThread): void {
    t.state = 'run';
    this.cur = t;
    const c0 = this.cpus[0];
    if (c0 === t || this.cpus[1] === t) {
      t.info.cpu = c0 === t ? 0 : 1;
      return;
    }
    const c = this.nextCpu;
    this.nextCpu ^= 1;
    const prev = this.cpus[c]!;
    this.cpus[c] = t;
    t.info.cpu = c;
    const P = this.probes;
    if (prev !== this.idle && P.offCpu.enabled) {
      this.cur = prev;
      this.fire(P.offCpu, t.lwpsinfo(), t.psinfo());
      this.cur = t;
    }
    if (P.onCpu.enabled) this.fire(P.onCpu);
  }

  // ---- virtual time and timers -------------------------------------------------------------

  every(periodNs: number, fn: () => void): () => void {
    const timer: Timer = { period: Math.max(1, periodNs), next: this.now + Math.max(1, periodNs), fn, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  private nextTimerAt(): number {
    let m = Infinity;
    for (const tm of this.timers) if (tm.next < m) m = tm.next;
    return m;
  }

  private fireTimers(): void {
    if (this.timers.length === 0) return;
    for (const tm of this.timers.slice()) {
      while (tm.live && tm.next <= this.now && !this.halted) {
        tm.next += tm.period;
        const saved = this.cur;
        this.cur = this.idle;
        tm.fn();
        this.cur = saved;
      }
    }
  }

  /** Advances idle time to `t` when nothing runs (used by runUntil on a finished run). */
  idleUntil(t: number): void {
    if (t > this.now) this.now = t;
    this.fireTimers();
  }

  // ---- time-taking operations used by thread bodies (called as `yield k.work(ns)`) ---------

  /** A plain preemption point. */
  *preempt(): Co {
    if (!this.untimed) yield;
  }

  /** Timed on-CPU work (counts toward vtimestamp). */
  *work(ns: number): Co {
    if (this.startWork(ns)) yield;
  }

  /** The body of work() up to its scheduling point: returns true if the caller must yield there. */
  startWork(ns: number): boolean {
    if (ns <= 0 || this.untimed) return false;
    this.delay(this.cur, ns, 'busy');
    return true;
  }

  /** Timed off-CPU delay (a blocking wait that is not a mutex or CV of the engine). */
  *sleep(ns: number): Co {
    if (ns <= 0 || this.untimed) return;
    this.delay(this.cur, ns, 'sleep');
    yield;
  }

  private delay(t: SimThread, ns: number, state: 'busy' | 'sleep'): void {
    t.state = state;
    t.wakeAt = this.now + ns + t.pendingChill;
    t.pendingChill = 0;
    if (state === 'busy') t.vtime += ns;
    t.sleepSeq = this.sleepSeq++;
    this.sleepers.push(t);
  }

  protected makeReady(t: SimThread): void {
    t.state = 'ready';
    this.ready.push(t);
  }

  protected fire(p: Probe, a0?: unknown, a1?: unknown): void {
    this.firings++;
    p.fire(a0, a1);
  }

  // ---- findings ----------------------------------------------------------------------------

  private deadlock(): void {
    const stuck = this.threads.filter((x) => !x.daemon);
    this.fail(
      'deadlock',
      `deadlock: every live thread is blocked (${stuck.map((x) => `${x.label} on ${describeWait(x)}`).join('; ')})`,
      true,
      stuck,
    );
  }

  /** A use-after-free by `t`, classified by the zone layer (fatal unless continued after). */
  useAfterFree(t: SimThread, access: string, container: Freeable): void {
    const d = this.describeFreedAccess(t, access, container);
    this.fail('use-after-free', d.message, true, [], d.hazard);
  }

  /** Reports a finding; fatal ones stop the run at once. */
  fail(kind: FindingKind, message: string, fatal: boolean, cycle: readonly SimThread[] = [], hazard?: Hazard): void {
    if (this.halted) return;
    if (fatal && !this.nonFatal.has(kind)) this.halted = true;
    this.onFinding(kind, message, cycle, hazard);
  }
}

