/*
 * The trace sink of one run: fans events out to listeners, folds every event into a running
 * FNV-1a hash (same seed + workload + options => same hash), and keeps the last events for
 * finding reports.
 *
 * Invariant: the hash depends only on the events' fields, in emission order. It must not
 * retain events beyond the small ring, nor strings beyond a bounded table (a continuous run emits
 * without end). The lock events, the most frequent by far, have emitters of their own that fold
 * their fields in their fixed order without walking the object, with the label's hash kept by
 * the mutex: the same hash, less work.
 */

import type { MarkSource, Phase, TraceEvent, TraceListener } from '../trace/events.js';

const RING = 20;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Field positions with a cache (events have fewer fields than this). */
const SLOTS = 12;
/** Labels carry zone ids, so an endless run meets new strings without end: the table is bounded. */
const STRING_TABLE_MAX = 4096;

type MutableLockAcquire = { kind: 'lockAcquire'; t: number; tid: number; lock: string; blockedNs: number };
type MutableLockRelease = { kind: 'lockRelease'; t: number; tid: number; lock: string };
type PhaseKind = 'needed' | 'inprogress' | 'start' | 'end' | 'completed';
/** The phase events' records, in field order: bare, with `src` (needed), with `result` (end of create). */
type MutablePhase = { kind: PhaseKind; t: number; tid: number; phase: Phase; zone: number; key: number };
type MutablePhaseSrc = MutablePhase & { src: MarkSource };
type MutablePhaseResult = MutablePhase & { result: number };
/** The entry events' records: alloc (with the callback letters) and free. */
type MutableAlloc = { kind: 'alloc'; t: number; tid: number; zone: number; key: number; src: MarkSource; callbacks: string };
type MutableFree = { kind: 'free'; t: number; tid: number; zone: number; key: number; src: MarkSource | 'zoneFree' };

export class TraceLog {
  private readonly listeners: TraceListener[] = [];
  private readonly ring: (TraceEvent | undefined)[] = new Array<TraceEvent | undefined>(RING).fill(undefined);
  private readonly stringHashes = new Map<string, number>();
  private hash = FNV_OFFSET;
  count = 0;
  /*
   * Per-position caches in front of the string table. Field names repeat in the same positions
   * from event to event, and so do most string values (a lock's label in its acquire and release
   * events, the two kinds alternating), so most lookups are one string comparison. They change
   * only the speed of the fold, never its value. They start out holding the empty string with
   * its hash (a valid entry), so that they only ever hold strings.
   */
  private readonly keys: string[] = new Array<string>(SLOTS).fill('');
  private readonly keyHashes = new Float64Array(SLOTS).fill(EMPTY_HASH);
  private readonly valsA: string[] = new Array<string>(SLOTS).fill('');
  private readonly valsB: string[] = new Array<string>(SLOTS).fill('');
  private readonly valHashA = new Float64Array(SLOTS).fill(EMPTY_HASH);
  private readonly valHashB = new Float64Array(SLOTS).fill(EMPTY_HASH);
  /*
   * Arrays are created in the elements kind they keep for the whole run (objects or undefined;
   * hashes in a Float64Array): a fresh array of another kind would deoptimise the emitters that
   * were compiled during an earlier run in the same process.
   */
  /** Per ring slot, the reusable records of the lock events (used while there is no listener). */
  private readonly acquireSlots: (MutableLockAcquire | undefined)[] = new Array<MutableLockAcquire | undefined>(RING).fill(undefined);
  private readonly releaseSlots: (MutableLockRelease | undefined)[] = new Array<MutableLockRelease | undefined>(RING).fill(undefined);
  private readonly lk = LOCK_HASHES;
  /** Per ring slot, the reusable records of the phase events (used while there is no listener). */
  private readonly phaseSlots: (MutablePhase | undefined)[] = new Array<MutablePhase | undefined>(RING).fill(undefined);
  private readonly phaseSrcSlots: (MutablePhaseSrc | undefined)[] = new Array<MutablePhaseSrc | undefined>(RING).fill(undefined);
  private readonly phaseResultSlots: (MutablePhaseResult | undefined)[] = new Array<MutablePhaseResult | undefined>(RING).fill(undefined);
  private readonly pk = PHASE_HASHES;
  /** Per ring slot, the reusable records of the entry events (used while there is no listener). */
  private readonly allocSlots: (MutableAlloc | undefined)[] = new Array<MutableAlloc | undefined>(RING).fill(undefined);
  private readonly freeSlots: (MutableFree | undefined)[] = new Array<MutableFree | undefined>(RING).fill(undefined);
  private readonly ek = ENTRY_HASHES;
  private readonly phaseHash = PHASE_NAME_HASH;

  on(listener: TraceListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(e: TraceEvent): void {
    this.fold(e);
    this.deliver(e);
  }

  /** emit({ kind: 'lockAcquire', t, tid, lock, blockedNs }); `lockHash` is stringHash(lock). */
  lockAcquire(t: number, tid: number, lock: string, lockHash: number, blockedNs: number): void {
    const k = this.lk;
    let h = this.lockHead(k[5]!, t, tid, lockHash);
    h = mixNumber(mixNumber(h, k[4]!), blockedNs);
    this.hash = h;
    if (this.listeners.length > 0) {
      this.deliver({ kind: 'lockAcquire', t, tid, lock, blockedNs });
      return;
    }
    // Nobody else sees the event: fill the ring slot's own record instead of allocating one.
    const slot = this.count % RING;
    const e = (this.acquireSlots[slot] ??= { kind: 'lockAcquire', t: 0, tid: 0, lock: '', blockedNs: 0 });
    e.t = t;
    e.tid = tid;
    e.lock = lock;
    e.blockedNs = blockedNs;
    this.ring[slot] = e;
    this.count++;
  }

  /** emit({ kind: 'lockRelease', t, tid, lock }); `lockHash` is stringHash(lock). */
  lockRelease(t: number, tid: number, lock: string, lockHash: number): void {
    this.hash = this.lockHead(this.lk[6]!, t, tid, lockHash);
    if (this.listeners.length > 0) {
      this.deliver({ kind: 'lockRelease', t, tid, lock });
      return;
    }
    const slot = this.count % RING;
    const e = (this.releaseSlots[slot] ??= { kind: 'lockRelease', t: 0, tid: 0, lock: '' });
    e.t = t;
    e.tid = tid;
    e.lock = lock;
    this.ring[slot] = e;
    this.count++;
  }

  /**
   * emit({ kind, t, tid, phase, zone, key }) for the phase events of spec 4.1 (the most frequent
   * after the lock events): the same fold, without building or walking the object when nobody
   * listens.
   */
  phaseEvent(kind: PhaseKind, t: number, tid: number, phase: Phase, zone: number, key: number): void {
    this.hash = this.phaseHead(kind, t, tid, phase, zone, key);
    if (this.listeners.length > 0) {
      this.deliver({ kind, t, tid, phase, zone, key });
      return;
    }
    const slot = this.count % RING;
    const e = (this.phaseSlots[slot] ??= { kind, t: 0, tid: 0, phase: 'create', zone: 0, key: 0 });
    e.kind = kind;
    e.t = t;
    e.tid = tid;
    e.phase = phase;
    e.zone = zone;
    e.key = key;
    this.ring[slot] = e;
    this.count++;
  }

  /** emit({ kind: 'needed', t, tid, phase, zone, key, src }). */
  neededEvent(t: number, tid: number, phase: Phase, zone: number, key: number, src: MarkSource): void {
    const h = this.phaseHead('needed', t, tid, phase, zone, key);
    this.hash = mixNumber(mixNumber(h, this.pk[6]!), this.valueAt(6, src));
    if (this.listeners.length > 0) {
      this.deliver({ kind: 'needed', t, tid, phase, zone, key, src });
      return;
    }
    const slot = this.count % RING;
    const e = (this.phaseSrcSlots[slot] ??= { kind: 'needed', t: 0, tid: 0, phase: 'create', zone: 0, key: 0, src });
    e.t = t;
    e.tid = tid;
    e.phase = phase;
    e.zone = zone;
    e.key = key;
    e.src = src;
    this.ring[slot] = e;
    this.count++;
  }

  /** emit({ kind: 'end', t, tid, phase, zone, key, result }) (the end of a create). */
  endResultEvent(t: number, tid: number, phase: Phase, zone: number, key: number, result: number): void {
    const h = this.phaseHead('end', t, tid, phase, zone, key);
    this.hash = mixNumber(mixNumber(h, this.pk[7]!), result);
    if (this.listeners.length > 0) {
      this.deliver({ kind: 'end', t, tid, phase, zone, key, result });
      return;
    }
    const slot = this.count % RING;
    const e = (this.phaseResultSlots[slot] ??= { kind: 'end', t: 0, tid: 0, phase: 'create', zone: 0, key: 0, result: 0 });
    e.t = t;
    e.tid = tid;
    e.phase = phase;
    e.zone = zone;
    e.key = key;
    e.result = result;
    this.ring[slot] = e;
    this.count++;
  }

  /** emit({ kind: 'alloc', t, tid, zone, key, src, callbacks }): an entry allocated (spec 2.3, 2.7). */
  allocEvent(t: number, tid: number, zone: number, key: number, src: MarkSource, callbacks: string): void {
    const k = this.ek;
    const h = mixNumber(mixNumber(this.entryHead(k[4]!, t, tid, zone, key), k[2]!), this.valueAt(5, src));
    this.hash = mixNumber(mixNumber(h, k[3]!), this.valueAt(6, callbacks));
    if (this.listeners.length > 0) {
      this.deliver({ kind: 'alloc', t, tid, zone, key, src, callbacks });
      return;
    }
    const slot = this.count % RING;
    const e = (this.allocSlots[slot] ??= { kind: 'alloc', t: 0, tid: 0, zone: 0, key: 0, src, callbacks });
    e.t = t;
    e.tid = tid;
    e.zone = zone;
    e.key = key;
    e.src = src;
    e.callbacks = callbacks;
    this.ring[slot] = e;
    this.count++;
  }

  /** emit({ kind: 'free', t, tid, zone, key, src }): an entry freed (spec 2.4, 2.9). */
  freeEvent(t: number, tid: number, zone: number, key: number, src: MarkSource | 'zoneFree'): void {
    const k = this.ek;
    this.hash = mixNumber(mixNumber(this.entryHead(k[5]!, t, tid, zone, key), k[2]!), this.valueAt(5, src));
    if (this.listeners.length > 0) {
      this.deliver({ kind: 'free', t, tid, zone, key, src });
      return;
    }
    const slot = this.count % RING;
    const e = (this.freeSlots[slot] ??= { kind: 'free', t: 0, tid: 0, zone: 0, key: 0, src });
    e.t = t;
    e.tid = tid;
    e.zone = zone;
    e.key = key;
    e.src = src;
    this.ring[slot] = e;
    this.count++;
  }

  /** The fold of an entry event's `kind`, `t`, `tid`, `zone`, `key` (positions 0-4), as fold() computes it. */
  private entryHead(kindHash: number, t: number, tid: number, zone: number, key: number): number {
    const k = this.ek;
    let h = mixNumber(mixNumber(this.hash, this.pk[0]!), kindHash);
    h = mixNumber(mixNumber(h, this.pk[1]!), t);
    h = mixNumber(mixNumber(h, this.pk[2]!), tid);
    h = mixNumber(mixNumber(h, k[0]!), zone);
    return mixNumber(mixNumber(h, k[1]!), key);
  }

  /** The fold of a phase event's first six fields (positions 0-5), as fold() computes it. */
  private phaseHead(kind: PhaseKind, t: number, tid: number, phase: Phase, zone: number, key: number): number {
    const k = this.pk;
    let h = mixNumber(mixNumber(this.hash, k[0]!), phaseKindHash(kind));
    h = mixNumber(mixNumber(h, k[1]!), t);
    h = mixNumber(mixNumber(h, k[2]!), tid);
    h = mixNumber(mixNumber(h, k[3]!), this.phaseHash[phase]);
    h = mixNumber(mixNumber(h, k[4]!), zone);
    return mixNumber(mixNumber(h, k[5]!), key);
  }

  /** The last events, oldest first (copies: ring records are reused). */
  recent(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const n = Math.min(this.count, RING);
    for (let i = this.count - n; i < this.count; i++) out.push({ ...this.ring[i % RING]! });
    return out;
  }

  digest(): string {
    return (this.hash >>> 0).toString(16).padStart(8, '0') + ':' + this.count.toString(16);
  }

  private deliver(e: TraceEvent): void {
    this.ring[this.count % RING] = e;
    this.count++;
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(e);
  }

  /** The fold of `kind`, `t`, `tid`, `lock` (positions 0-3), as fold() computes it. */
  private lockHead(kindHash: number, t: number, tid: number, lockHash: number): number {
    const k = this.lk;
    let h = mixNumber(mixNumber(this.hash, k[0]!), kindHash);
    h = mixNumber(mixNumber(h, k[1]!), t);
    h = mixNumber(mixNumber(h, k[2]!), tid);
    return mixNumber(mixNumber(h, k[3]!), lockHash);
  }

  private fold(e: TraceEvent): void {
    let h = this.hash;
    const rec = e as unknown as Record<string, unknown>;
    let i = 0;
    for (const k in rec) {
      h = mixNumber(h, i < SLOTS && this.keys[i] === k ? this.keyHashes[i]! : this.keyAt(i, k));
      const v = rec[k];
      if (typeof v === 'number') h = mixNumber(h, v);
      else if (typeof v === 'string') h = mixNumber(h, i < SLOTS ? this.valueAt(i, v) : this.str(v));
      i++;
    }
    this.hash = h;
  }

  private keyAt(i: number, k: string): number {
    const h = this.str(k);
    if (i < SLOTS) {
      this.keys[i] = k;
      this.keyHashes[i] = h;
    }
    return h;
  }

  private valueAt(i: number, v: string): number {
    if (this.valsA[i] === v) return this.valHashA[i]!;
    if (this.valsB[i] === v) return this.valHashB[i]!;
    const h = this.str(v);
    this.valsB[i] = this.valsA[i]!;
    this.valHashB[i] = this.valHashA[i]!;
    this.valsA[i] = v;
    this.valHashA[i] = h;
    return h;
  }

  private str(s: string): number {
    let v = this.stringHashes.get(s);
    if (v === undefined) {
      v = stringHash(s);
      if (this.stringHashes.size >= STRING_TABLE_MAX) this.stringHashes.clear();
      this.stringHashes.set(s, v);
    }
    return v;
  }
}

/** Hashes of the lock events' field names and kinds, in their field order. */
const LOCK_HASHES = ['kind', 't', 'tid', 'lock', 'blockedNs', 'lockAcquire', 'lockRelease'].map((s) => stringHash(s));
/** Hashes of the phase events' field names, in their field order, and of their string values. */
const PHASE_HASHES = ['kind', 't', 'tid', 'phase', 'zone', 'key', 'src', 'result'].map((s) => stringHash(s));
/** Hashes of the entry events' field names after `kind`, `t`, `tid` (those are PHASE_HASHES'),
 *  in their field order, then of their two kinds. */
const ENTRY_HASHES = ['zone', 'key', 'src', 'callbacks', 'alloc', 'free'].map((s) => stringHash(s));
const PHASE_KIND_HASH: Readonly<Record<PhaseKind, number>> = {
  needed: stringHash('needed'),
  inprogress: stringHash('inprogress'),
  start: stringHash('start'),
  end: stringHash('end'),
  completed: stringHash('completed'),
};
/**
 * PHASE_KIND_HASH[kind] as a switch: a keyed load over five names exceeds what V8's inline caches
 * keep per site and goes to its global lookup cache, once per phase event.
 */
function phaseKindHash(kind: PhaseKind): number {
  switch (kind) {
    case 'needed':
      return PHASE_KIND_HASH.needed;
    case 'inprogress':
      return PHASE_KIND_HASH.inprogress;
    case 'start':
      return PHASE_KIND_HASH.start;
    case 'end':
      return PHASE_KIND_HASH.end;
    case 'completed':
      return PHASE_KIND_HASH.completed;
  }
}
const PHASE_NAME_HASH: Readonly<Record<Phase, number>> = { create: stringHash('create'), shutdown: stringHash('shutdown'), destroy: stringHash('destroy') };

/** stringHash(''): the fold's initial value. */
const EMPTY_HASH = FNV_OFFSET;

/** FNV-1a over a string's UTF-16 code units: what the fold mixes in for a string. */
export function stringHash(s: string): number {
  let v = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) v = Math.imul(v ^ s.charCodeAt(i), FNV_PRIME);
  return v;
}

/**
 * FNV-1a over the low and high 32-bit halves of a safe integer. Most values (times, tids, ids,
 * field-name hashes) lie in [0, 2^32), where the high half is 0: that case skips the division.
 */
function mixNumber(h: number, v: number): number {
  const lo = v | 0;
  const hi = v >= 0 && v < 0x1_0000_0000 ? 0 : Math.floor(v / 0x1_0000_0000) | 0;
  h = Math.imul(h ^ (lo & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (lo >>> 16), FNV_PRIME);
  h = Math.imul(h ^ hi, FNV_PRIME);
  return h;
}
