/*
 * The verifier's picture of the simulated kernel, rebuilt from trace events alone: per-(zone, key)
 * entry state (the flag groups of spec 1.2 as stages), zone status (spec 1.3), the framework locks
 * each thread holds, the operations each thread is inside, and per-key bookkeeping for P1/P2.
 *
 * Input: events in trace order through `apply()`. The property checks read this state *before*
 * the event is applied, then the checker applies it. The model never judges; it only records.
 *
 * Zone ids may be reused after a zone is freed: a zone that goes back to UNINITIALIZED work
 * (a configure allocation or a 0→1 status change after it had progressed) starts a new
 * incarnation and its entry state is dropped, so properties stay per zone lifetime (spec I6).
 */

import type { MarkSource, Operation, Phase, TraceEvent } from '../trace/events.js';
import { EventRing } from './event-ring.js';
import { ZoneStatus, zoneStatusId } from '../zone/zone.js';

/** Stage numbers of a phase, in the order spec I1 requires. */
export const STAGE = { none: 0, needed: 1, inprogress: 2, start: 3, end: 4, completed: 5 } as const;
export type StageName = Exclude<keyof typeof STAGE, 'none'>;

/** Zone status values of spec 1.3 (the engine's own table). */
export const ZS = ZoneStatus;

/** The C name of a status value (the table is zone/zone.ts's). */
export const statusName = zoneStatusId;

export const PHASE_INDEX: Readonly<Record<Phase, 0 | 1 | 2>> = { create: 0, shutdown: 1, destroy: 2 };
export const PHASES: readonly Phase[] = ['create', 'shutdown', 'destroy'];

export interface PhaseState {
  stage: number;
  /** Event sequence number of `needed`, or -1. */
  neededSeq: number;
  neededSrc: MarkSource | undefined;
  /** tid running the callback between start and end, or -1. */
  runner: number;
}

export interface EntryState {
  readonly zone: number;
  readonly key: number;
  allocated: boolean;
  freed: boolean;
  allocSrc: MarkSource | undefined;
  readonly phases: [PhaseState, PhaseState, PhaseState];
  /** zsd_data as the trace implies it (0 = NULL). */
  data: number;
  createResult: number;
  readonly recent: EventRing;
}

export interface ZoneState {
  /** Last status seen; -1 before any status event (zone 0 starts RUNNING, spec 1.4). */
  status: number;
  /** A configure allocation was seen and the 0→1 status change has not followed yet. */
  pendingConfigure: boolean;
  /** Keys with create that configure marked CN in this incarnation (for P3). */
  readonly configureCreates: Set<number>;
  readonly entries: Set<number>;
}

export interface OpState {
  readonly op: Operation;
  readonly opId: number;
  readonly tid: number;
  zone: number | undefined;
  key: number | undefined;
  readonly beginSeq: number;
  /** Entry ids this operation marked NEEDED, by phase. */
  readonly marked: [number[], number[], number[]];
  /** Sequence number of the operation's last destroy mark (zone_destroy), or -1. */
  lastDestroyMarkSeq: number;
}

export interface ThreadState {
  /** Lock names held, in acquisition order. */
  readonly locks: string[];
  readonly ops: OpState[];
  /** The wait loop this thread is in, as `${kind}:${zone}:${key}`, or ''. */
  wait: string;
  /** Last markVisit of this thread. */
  lastVisit: { zone: number; key: number; decision: string } | undefined;
  readonly recent: EventRing;
}

export const entryId = (zone: number, key: number): number => zone * 1_048_576 + key;

export type LockClass = 'zonehash' | 'zsdKey' | 'zone' | 'other';

/** Classifies a lock name: the three framework locks of spec 1.4 and everything else. */
export function lockClass(name: string): LockClass {
  if (name === 'zonehash_lock') return 'zonehash';
  if (name === 'zsd_key_lock') return 'zsdKey';
  if (name.includes('zone_lock')) return 'zone';
  return 'other';
}

export class TraceModel {
  seq = 0;
  readonly entries = new Map<number, EntryState>();
  readonly zones = new Map<number, ZoneState>();
  readonly threads = new Map<number, ThreadState>();
  readonly ops = new Map<number, OpState>();
  /** Keys for which some create NEEDED was seen (the key has a create function). */
  readonly keysWithCreate = new Set<number>();
  /** Per key: zones key_create's marking saw in INITIALIZED…EMPTY (the set S of P1). */
  readonly markedZones = new Map<number, Set<number>>();
  /** Keys whose zone_key_delete returned 0. */
  readonly deletedKeys = new Set<number>();
  /** Callbacks running, by key. */
  readonly runningByKey = new Map<number, number>();
  readonly recent = new EventRing(24);

  zone(z: number): ZoneState {
    let s = this.zones.get(z);
    if (!s) {
      s = { status: z === 0 ? ZS.RUNNING : -1, pendingConfigure: false, configureCreates: new Set(), entries: new Set() };
      this.zones.set(z, s);
    }
    return s;
  }

  entry(zone: number, key: number): EntryState {
    const id = entryId(zone, key);
    let e = this.entries.get(id);
    if (!e) {
      const phase = (): PhaseState => ({ stage: 0, neededSeq: -1, neededSrc: undefined, runner: -1 });
      e = {
        zone, key, allocated: false, freed: false, allocSrc: undefined,
        phases: [phase(), phase(), phase()], data: 0, createResult: 0, recent: new EventRing(10),
      };
      this.entries.set(id, e);
      this.zone(zone).entries.add(id);
    }
    return e;
  }

  peekEntry(zone: number, key: number): EntryState | undefined {
    return this.entries.get(entryId(zone, key));
  }

  thread(tid: number): ThreadState {
    let t = this.threads.get(tid);
    if (!t) {
      t = { locks: [], ops: [], wait: '', lastVisit: undefined, recent: new EventRing(12) };
      this.threads.set(tid, t);
    }
    return t;
  }

  /** The innermost operation the thread is inside. */
  currentOp(tid: number): OpState | undefined {
    const ops = this.thread(tid).ops;
    return ops[ops.length - 1];
  }

  /** True when the event starts a new lifetime of an id already seen (spec 3.2: zone ids reused). */
  startsNewIncarnation(e: TraceEvent): boolean {
    if (e.kind === 'alloc' && e.src === 'configure') {
      const z = this.zones.get(e.zone);
      return z !== undefined && z.status > ZS.UNINITIALIZED;
    }
    if (e.kind === 'status' && e.from === ZS.UNINITIALIZED) {
      const z = this.zones.get(e.zone);
      return z !== undefined && z.status > ZS.UNINITIALIZED && !z.pendingConfigure;
    }
    return false;
  }

  /** Drops a zone's state at the start of a new incarnation. */
  resetZone(z: number): void {
    const zs = this.zones.get(z);
    if (!zs) return;
    for (const id of zs.entries) this.entries.delete(id);
    this.zones.delete(z);
  }

  apply(e: TraceEvent): void {
    this.seq++;
    this.recent.push(e);
    const th = this.thread(e.tid);
    switch (e.kind) {
      case 'needed':
      case 'inprogress':
      case 'start':
      case 'end':
      case 'completed': {
        const en = this.entry(e.zone, e.key);
        en.recent.push(e);
        const ph = en.phases[PHASE_INDEX[e.phase]];
        ph.stage = STAGE[e.kind];
        if (e.kind === 'needed') this.applyNeeded(e.phase, e.zone, e.key, e.src, e.tid, ph);
        else if (e.kind === 'start') {
          ph.runner = e.tid;
          this.runningByKey.set(e.key, (this.runningByKey.get(e.key) ?? 0) + 1);
        } else if (e.kind === 'end') {
          ph.runner = -1;
          this.runningByKey.set(e.key, (this.runningByKey.get(e.key) ?? 1) - 1);
          if (e.phase === 'create') en.createResult = e.result ?? 0;
        } else if (e.kind === 'completed') {
          // spec 2.12/2.14: create completion stores the result, destroy completion clears it.
          if (e.phase === 'create') en.data = en.createResult;
          else if (e.phase === 'destroy') en.data = 0;
        }
        return;
      }
      case 'waitCreator':
      case 'waitInprogress':
        this.entry(e.zone, e.key).recent.push(e);
        th.wait = `${e.kind}:${e.zone}:${e.key}`;
        return;
      case 'waitEnd':
        th.wait = '';
        return;
      case 'alloc': {
        if (this.startsNewIncarnation(e)) this.resetZone(e.zone);
        const en = this.entry(e.zone, e.key);
        en.recent.push(e);
        en.allocated = true;
        en.allocSrc = e.src;
        if (e.src === 'configure') this.zone(e.zone).pendingConfigure = true;
        return;
      }
      case 'free': {
        const en = this.entry(e.zone, e.key);
        en.recent.push(e);
        en.freed = true;
        return;
      }
      case 'status': {
        if (this.startsNewIncarnation(e)) this.resetZone(e.zone);
        const z = this.zone(e.zone);
        z.status = e.to;
        z.pendingConfigure = false;
        return;
      }
      case 'opBegin': {
        const op: OpState = {
          op: e.op, opId: e.opId, tid: e.tid, zone: e.zone, key: e.key, beginSeq: this.seq,
          marked: [[], [], []], lastDestroyMarkSeq: -1,
        };
        this.ops.set(e.opId, op);
        th.ops.push(op);
        return;
      }
      case 'opEnd': {
        const i = th.ops.findIndex((o) => o.opId === e.opId);
        if (i >= 0) th.ops.splice(i, 1);
        this.ops.delete(e.opId);
        if (e.op === 'zone_key_delete' && e.rc === 0 && e.key !== undefined) this.deletedKeys.add(e.key);
        return;
      }
      case 'markVisit': {
        this.entry(e.zone, e.key).recent.push(e);
        th.lastVisit = { zone: e.zone, key: e.key, decision: e.decision };
        if (e.decision !== 'skip' && e.status >= ZS.INITIALIZED && e.status <= ZS.EMPTY) {
          let s = this.markedZones.get(e.key);
          if (!s) this.markedZones.set(e.key, (s = new Set()));
          s.add(e.zone);
        }
        const op = this.currentOp(e.tid);
        if (op && op.op === 'zone_key_create' && op.key === undefined) op.key = e.key;
        return;
      }
      case 'lockAcquire':
        th.locks.push(e.lock);
        th.recent.push(e);
        return;
      case 'lockRelease': {
        const i = th.locks.lastIndexOf(e.lock);
        if (i >= 0) th.locks.splice(i, 1);
        th.recent.push(e);
        return;
      }
      case 'getspecific':
        return;
      case 'setspecific': {
        const en = this.peekEntry(e.zone, e.key);
        if (en && e.rc === 0) en.data = e.value;
        return;
      }
      case 'keyPublish':
      case 'finding':
        return;
    }
  }

  private applyNeeded(phase: Phase, zone: number, key: number, src: MarkSource | undefined, tid: number, ph: PhaseState): void {
    ph.neededSeq = this.seq;
    ph.neededSrc = src;
    if (phase === 'create') {
      this.keysWithCreate.add(key);
      if (src === 'configure') this.zone(zone).configureCreates.add(key);
    }
    const op = this.currentOp(tid);
    if (op) {
      op.marked[PHASE_INDEX[phase]].push(entryId(zone, key));
      if (phase === 'destroy' && src === 'zoneDestroy') op.lastDestroyMarkSeq = this.seq;
    }
  }

  /** True when (zone, key) has a live entry in the zone's current incarnation. */
  hasLiveEntry(zone: number, key: number): boolean {
    const en = this.peekEntry(zone, key);
    return en !== undefined && en.allocated && !en.freed;
  }
}
