/*
 * The simulated kernel's global state for zones and ZSD (spec 1.4): the global locks, the
 * zone_active list and id hash, zsd_registered_keys and zsd_keyval, zone0; plus the shared
 * plumbing every layer above uses: trace emission, guarded probe firing, fbt entry/return with
 * the thread's stack of engine functions, simulated addresses, and assertion findings.
 *
 * It holds no algorithm: the ZSD functions (src/zsd) and the lifecycle (src/zone) act on it.
 */

import type { Probe } from '@zsdtrace/probes/provider';
import type { FbtPair, EngineProbes } from '../providers/declare.js';
import type { FunctionTable } from '../providers/functions.js';
import type { Kernel } from '../sim/kernel.js';
import type { Algorithm } from '../algorithm.js';
import type { Tracker } from '../sim/footprint.js';
import { KList } from '../sim/list.js';
import { KMutex, type FreeRecord } from '../sim/mutex.js';
import type { Co, SimThread } from '../sim/thread.js';
import type { TraceLog } from '../sim/trace-log.js';
import type { Operation, Phase, TraceEvent } from '../trace/events.js';
import { describeFreedAccess, type ActiveWait } from './hazard.js';
import type { ZsdEntry } from '../zsd/entry.js';
import type { KeyCallbacks } from '../zsd/entry.js';
import { GLOBAL_ZONEID, Zone, ZoneStatus } from './zone.js';


/**
 * A consumer's `zone_key_t` variable: 0 (ZONE_KEY_UNINITIALIZED) until published. Consumers read
 * it with no lock, so every access counts in the step's footprint.
 */
export class KeyVar {
  private v = 0;

  constructor(
    readonly addr: number,
    readonly name: string,
    private readonly tracker: Tracker,
  ) {}

  get value(): number {
    this.tracker.touch(this);
    return this.v;
  }

  set value(v: number) {
    this.tracker.touch(this);
    this.v = v;
  }
}

export type { ActiveWait };

/** Who freed an object; the thread's label is built only if a report asks for it. */
class FreedBy implements FreeRecord {
  readonly tid: number;
  private readonly name: string;

  constructor(
    thread: SimThread,
    readonly t: number,
    readonly by: FreeRecord['by'],
  ) {
    this.tid = thread.tid;
    this.name = thread.name;
  }

  /** As SimThread's label: `zoneadmd[12]`. */
  get label(): string {
    return `${this.name}[${this.tid}]`;
  }
}

/**
 * The ZSD entry points the zone lifecycle and the workloads call, implemented twice: `current`
 * (src/zsd/current.ts) and `legacy` (src/zsd/legacy.ts). Declared here, with the state they act
 * on, so that the algorithms depend on the system and not the reverse.
 */
export interface ZsdOps {
  /** zone_key_create(&keyVar, create, shutdown, destroy). */
  keyCreate(s: ZoneSystem, keyVar: KeyVar, fns: KeyCallbacks): Co;
  /** zone_key_delete(key): 0, or -1 if the key is not registered. */
  keyDelete(s: ZoneSystem, key: number): Co<number>;
  /** zsched's ZSD part: configure under pool/cpu/zonehash locks through READY (spec 3.2 steps 4-6). */
  zschedInit(s: ZoneSystem, z: Zone): Co;
  /** zone_zsd_callbacks(zone, ZSD_SHUTDOWN | ZSD_DESTROY). */
  zsdCallbacks(s: ZoneSystem, z: Zone, ct: Exclude<Phase, 'create'>): Co;
  getspecific(s: ZoneSystem, key: number, z: Zone): Co<number>;
  setspecific(s: ZoneSystem, key: number, z: Zone, data: number): Co<number>;
  findByIdNolock(s: ZoneSystem, id: number): Co<Zone | null>;
}

const ZONE_BASE = 0x1_0000_0000_0000;
const ENTRY_BASE = 0x1_8000_0000_0000;
const DATA_BASE = 0x1_c000_0000_0000;
const KEYVAR_BASE = 0x2_0000_0000_0000;

/** What a ZoneSystem is built from: the kernel it runs on, its probes and the algorithm. */
export interface ZoneSystemOptions {
  readonly kernel: Kernel;
  readonly log: TraceLog;
  readonly probes: EngineProbes;
  readonly functions: FunctionTable;
  readonly algorithm: Algorithm;
  /** The 2009 order: publish *keyp after the creates (spec 3.7). */
  readonly publishKeyAfterCreate: boolean;
  readonly ops: ZsdOps;
}

export class ZoneSystem {
  readonly pool_lock = new KMutex('pool_lock', 'pool_lock', 0x2_8000_0000_0000);
  readonly cpu_lock = new KMutex('cpu_lock', 'cpu_lock', 0x2_8000_0000_0040);
  readonly zonehash_lock = new KMutex('zonehash_lock', 'zonehash_lock', 0x2_8000_0000_0080);
  readonly zone_status_lock = new KMutex('zone_status_lock', 'zone_status_lock', 0x2_8000_0000_00c0);
  readonly zsd_key_lock = new KMutex('zsd_key_lock', 'zsd_key_lock', 0x2_8000_0000_0100);
  zsd_keyval = 0;
  readonly registered = new KList<ZsdEntry>();
  readonly active = new KList<Zone>();
  readonly byId = new Map<number, Zone>();
  readonly deathrow = new Set<Zone>();
  readonly zone0: Zone;
  private tablesReady = false;
  nextZoneId = 1;
  firings = 0;
  callbacks = 0;
  readonly waits = new Map<SimThread, ActiveWait>();
  /** Registered keys by number, for state snapshots. */
  readonly keyInfo = new Map<number, { name: string; create: boolean; shutdown: boolean; destroy: boolean }>();
  private opSeq = 0;
  private entrySeq = 0;
  private dataSeq = 0;
  private keyVarSeq = 0;
  private zoneSeq = 0;

  readonly k: Kernel;
  readonly log: TraceLog;
  readonly P: EngineProbes;
  readonly fns: FunctionTable;
  readonly algorithm: Algorithm;
  readonly publishKeyAfterCreate: boolean;
  /** The ZSD algorithm in force (current or legacy). */
  readonly ops: ZsdOps;

  constructor(o: ZoneSystemOptions) {
    this.k = o.kernel;
    this.log = o.log;
    this.P = o.probes;
    this.fns = o.functions;
    this.algorithm = o.algorithm;
    this.publishKeyAfterCreate = o.publishKeyAfterCreate;
    this.ops = o.ops;
    const k = o.kernel;
    k.describeFreedAccess = (t, access, x) => describeFreedAccess(this.waits, t, access, x);
    // zone_zsd_init: zone0 is RUNNING at the head of zone_active from very early boot (spec 3.1).
    this.zone0 = this.newZone(GLOBAL_ZONEID, 'global', false);
    this.zone0.zone_status = ZoneStatus.RUNNING;
    this.zone0.hashed = true;
    this.zone0.zone_ref = 1;
    this.active.append(this.zone0);
    this.byId.set(GLOBAL_ZONEID, this.zone0);
  }

  newZone(id: number, name: string, exclusiveIp: boolean): Zone {
    return new Zone(id, name, ZONE_BASE + this.zoneSeq++ * 0x1000, exclusiveIp, this.k.tracker);
  }

  /** False until zone_init would have built the hash tables (spec 2.17, 3.6); set with no lock. */
  get hashTablesReady(): boolean {
    this.k.tracker.touch(this.byId);
    return this.tablesReady;
  }

  set hashTablesReady(v: boolean) {
    this.k.tracker.touch(this.byId);
    this.tablesReady = v;
  }

  entryAddr(): number {
    return ENTRY_BASE + this.entrySeq++ * 0x40;
  }

  /** A fresh non-NULL data pointer for a create callback's result. */
  dataAddr(): number {
    return DATA_BASE + ++this.dataSeq * 0x100;
  }

  keyVar(name: string): KeyVar {
    return new KeyVar(KEYVAR_BASE + this.keyVarSeq++ * 8, name, this.k.tracker);
  }

  /** Brackets an engine operation for the verifier and the exporter; returns its id. */
  opBegin(op: Operation, on: { zone?: number; key?: number } = {}): number {
    const opId = ++this.opSeq;
    this.emit({ kind: 'opBegin', t: this.now, tid: this.tid, op, opId, ...on });
    return opId;
  }

  opEnd(op: Operation, opId: number, on: { zone?: number; key?: number }, rc?: number): void {
    this.emit({ kind: 'opEnd', t: this.now, tid: this.tid, op, opId, ...on, ...(rc === undefined ? {} : { rc }) });
  }

  get now(): number {
    return this.k.now;
  }

  get tid(): number {
    return this.k.cur.tid;
  }

  emit(e: TraceEvent): void {
    this.log.emit(e);
  }

  /** Fires an enabled probe (call only inside `if (p.enabled)`). */
  fire(p: Probe, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): void {
    this.firings++;
    p.fire(a0, a1, a2, a3);
  }

  /** Function entry: push the frame (for stack()); the caller fires fbt entry under its guard. */
  fnIn(f: FbtPair): void {
    this.k.cur.frames.push(f.id);
  }

  /** Function return: fbt return with arg1 = return value, then pop the frame. */
  fnOut(f: FbtPair, rv: number | object | null): void {
    if (f.ret.enabled) this.fire(f.ret, 0, rv ?? 0);
    this.k.cur.frames.pop();
  }

  /** An ASSERT of the kernel: a failure is an 'assertion' finding that stops the run. */
  assert(cond: boolean, message: string): void {
    if (!cond) this.assertFailed(message);
  }

  /** A failed ASSERT, for call sites that build their message only when it fails. */
  assertFailed(message: string): void {
    this.k.fail('assertion', `ASSERT failed: ${message}`, true);
  }

  /** Returns a zone_t or an entry to the allocator, remembering who did it (spec 4.6). */
  markFreed(x: Zone | ZsdEntry, by: FreeRecord['by']): void {
    x.freed = true;
    x.freedBy = new FreedBy(this.k.cur, this.now, by);
  }

  /** A read of an entry that may have been freed while this thread slept (spec 4.6 T1, T2). */
  checkLive(e: ZsdEntry, where: string): boolean {
    if (!e.freed) return true;
    this.k.useAfterFree(this.k.cur, `read zsd_entry (zone ${e.zoneId}, key ${e.zsd_key}) in ${where}`, e);
    // Unless the run stopped, the thread carries on with the stale contents.
    return !this.k.halted;
  }

  /** zone_status_set (spec 1.3): caller holds zone_status_lock; forward only; wakes zone_cv. */
  *statusSet(z: Zone, status: number): Co {
    const f = this.P.fbt.zone_status_set;
    this.fnIn(f);
    if (f.entry.enabled) this.fire(f.entry, z, status);
    this.assert(this.zone_status_lock.owner === this.k.cur, 'zone_status_set without zone_status_lock');
    const from = z.zone_status;
    if (status < from) this.assertFailed(`zone ${z.zone_id} status ${from} -> ${status} moves backwards`);
    z.zone_status = status;
    this.emit({ kind: 'status', t: this.now, tid: this.tid, zone: z.zone_id, from, to: status });
    if (this.P.zoneStatus.enabled) this.fire(this.P.zoneStatus, z, from, status);
    this.k.wakeAll(z.zone_cv);
    yield;
    this.fnOut(f, 0);
  }

  /** zone_status_wait: sleep until the zone's status is at least `status`. */
  *statusWait(z: Zone, status: number): Co {
    yield this.k.enter(this.zone_status_lock);
    while (z.zone_status < status) yield this.k.cvWait(z.zone_cv, this.zone_status_lock);
    if (!this.k.exitInPlace(this.zone_status_lock)) yield;
  }
}
