/*
 * Aggregation storage (d-language.md 1.8). Each aggregation keeps one mutable cell per key
 * tuple: no keys -> one cell; one key -> a Map from the key to its cell; more keys -> nested
 * Maps. Generated code updates cells in place (`c.v++`), so the hot path is one Map.get, or for
 * one key none when the key is the one of the store's last update (a clause keyed by `probefunc`,
 * `execname` or a constant hits it on every firing of its probe).
 * `aggsize` bounds the cells, each costing its units of space (runtime/space.ts; aggregation drops). Snapshots copy the cells into the
 * value model of program/value-model.ts.
 */

import type { AggEntry, AggParams, AggSnapshot, AggValue, DType, DValue } from '../program/value-model.js';
import type { AggDef } from '../program/program.js';
import { quantizeBucketCount } from '../consumer/buckets.js';
import { norm, type DIntValue } from './int64.js';

export interface Cell {
  /** The key tuple as recorded. */
  readonly k: readonly DValue[];
  v: number | bigint;
  n: number;
  q: number | bigint;
  /** Bucket counts: numbers, or bigints once past 2^53 (int64, wrapping as dtrace's do). */
  b: DIntValue[];
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * The aggregation space: `used` units in all, `fresh` of them created since the consumer's last
 * snapshot (agg-state.ts snap()). dtrace drains the in-kernel aggregation buffer at every
 * `aggrate` snapshot, so `aggsize` bounds only the entries created between two snapshots;
 * past it, new entries are dropped (aggregation drops).
 */
export interface AggBudget {
  used: number;
  fresh: number;
  max: number;
  drops: number;
}

/** The last key of a store that has none yet: no D key is this object. */
const NO_KEY: unknown = Object.freeze({});
/** The last cell while there is none (never returned: `lk` is then NO_KEY). */
const PLACEHOLDER: Cell = { k: [], v: 0, n: 0, q: 0, b: [] };

export class AggStore {
  c0: Cell | null = null;
  readonly m = new Map<unknown, Cell>();
  /**
   * The one-key cell last looked up and its key (generated code: `k0 === g.lk ? g.lc : g.get1(k0)`).
   * `===` agrees with the Map's SameValueZero except on NaN, where it only misses the cache.
   * Whatever removes cells (trunc) forgets it.
   */
  lk: unknown = NO_KEY;
  lc: Cell = PLACEHOLDER;
  normal = 1;
  printed = false;
  private readonly buckets: number;

  constructor(
    readonly def: AggDef,
    private readonly budget: AggBudget,
    private readonly keyValues: (k: unknown) => DValue,
    /** Units of the budget one entry takes (runtime/space.ts). */
    private readonly cost = 1,
  ) {
    this.buckets = isDist(def.fn) ? quantizeBucketCount(def.params) : 0;
  }

  private make(k: readonly DValue[]): Cell | null {
    if (this.budget.fresh + this.cost > this.budget.max) {
      this.budget.drops++;
      return null;
    }
    this.budget.used += this.cost;
    this.budget.fresh += this.cost;
    const fn = this.def.fn;
    const v = fn === 'min' ? INT64_MAX : fn === 'max' ? INT64_MIN : 0;
    return { k, v, n: 0, q: 0, b: this.buckets > 0 ? new Array<DIntValue>(this.buckets).fill(0) : [] };
  }

  add0(): Cell | null {
    this.c0 = this.make([]);
    return this.c0;
  }

  /** The cell of one key, created if need be (null: dropped for want of space); remembered as the last. */
  get1(k: unknown): Cell | null {
    const c = this.m.get(k) ?? this.add1(k);
    if (c !== null) {
      this.lk = k;
      this.lc = c;
    }
    return c;
  }

  add1(k: unknown): Cell | null {
    const c = this.make([this.keyValues(k)]);
    if (c) this.m.set(k, c);
    return c;
  }

  getN(keys: readonly unknown[]): Cell | null {
    let m = this.m as Map<unknown, unknown>;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = m.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (!next) {
        next = new Map();
        m.set(keys[i], next);
      }
      m = next;
    }
    const last = keys[keys.length - 1];
    const hit = m.get(last) as Cell | undefined;
    if (hit) return hit;
    const c = this.make(keys.map((k) => this.keyValues(k)));
    if (c) m.set(last, c);
    return c;
  }

  cells(): Cell[] {
    const out: Cell[] = [];
    if (this.c0) out.push(this.c0);
    const walk = (m: Map<unknown, unknown>, depth: number): void => {
      for (const v of m.values()) {
        if (depth > 1) walk(v as Map<unknown, unknown>, depth - 1);
        else out.push(v as Cell);
      }
    };
    walk(this.m as Map<unknown, unknown>, Math.max(1, this.def.keyTypes.length));
    return out;
  }

  /** clear(): zero every value, keep the keys. */
  clear(): void {
    for (const c of this.cells()) {
      c.v = this.def.fn === 'min' ? INT64_MAX : this.def.fn === 'max' ? INT64_MIN : 0;
      c.n = 0;
      c.q = 0;
      c.b.fill(0);
    }
  }

  /** trunc(): drop all keys, or keep the n largest (n > 0) / |n| smallest (n < 0). */
  trunc(n: number | undefined, sorted: (entries: AggEntry[]) => AggEntry[]): void {
    if (n === undefined || n === 0) {
      this.release(this.cells().length);
      this.c0 = null;
      this.m.clear();
      return;
    }
    const snap = this.snapshot();
    const order = sorted([...snap.entries]);
    const keep = n > 0 ? order.slice(-n) : order.slice(0, -n);
    const keepSet = new Set(keep.map((e) => e.key));
    const all = this.cells();
    const entries = snap.entries;
    const dropKeys = new Set(entries.filter((e) => !keepSet.has(e.key)).map((e) => e.key));
    for (const c of all) if (dropKeys.has(c.k)) this.remove(c);
  }

  private remove(c: Cell): void {
    if (this.c0 === c) {
      this.c0 = null;
      this.release(1);
      return;
    }
    const del = (m: Map<unknown, unknown>): boolean => {
      for (const [k, v] of m) {
        if (v === c) {
          m.delete(k);
          return true;
        }
        if (v instanceof Map && del(v as Map<unknown, unknown>)) {
          if ((v as Map<unknown, unknown>).size === 0) m.delete(k);
          return true;
        }
      }
      return false;
    };
    if (del(this.m as Map<unknown, unknown>)) this.release(1);
  }

  /** Gives back the space of `n` removed entries (those created since the snapshot first). */
  private release(n: number): void {
    this.lk = NO_KEY;
    this.lc = PLACEHOLDER;
    this.budget.used -= n * this.cost;
    this.budget.fresh = Math.min(this.budget.fresh, this.budget.used);
  }

  snapshot(): AggSnapshot {
    const entries: AggEntry[] = this.cells().map((c) => ({ key: c.k, value: valueOf(this.def.fn, c) }));
    const s: { -readonly [K in keyof AggSnapshot]: AggSnapshot[K] } = {
      id: this.def.id,
      name: this.def.name,
      fn: this.def.fn,
      keyTypes: this.def.keyTypes as readonly DType[],
      normal: this.normal,
      entries,
    };
    if (this.def.params) s.params = this.def.params as AggParams;
    return s;
  }
}

function isDist(fn: string): boolean {
  return fn === 'quantize' || fn === 'lquantize' || fn === 'llquantize';
}

function valueOf(fn: string, c: Cell): AggValue {
  switch (fn) {
    case 'avg':
      return { count: c.n, sum: c.v };
    case 'stddev':
      return { count: c.n, sum: c.v, sumsq: BigInt(c.q) };
    case 'quantize':
    case 'lquantize':
    case 'llquantize':
      return c.b.slice();
    default:
      return typeof c.v === 'bigint' ? norm(c.v) : c.v;
  }
}
