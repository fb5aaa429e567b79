/*
 * D variables with their runtime semantics (d-language.md 1.6): thread-locals (`self->`), one
 * slot array per thread; associative arrays, one Map per key level; global scalar arrays with
 * bounds checks. Reading an unset variable yields its zero; storing 0 (or "") deletes a
 * dynamic variable; a new dynamic variable needs room under `dynvarsize`, counted in
 * elements of dynamic variable space (space.ts), and is dropped (a dynamic drop) when there is none.
 */

import type { Program } from '../program/program.js';
import type { DropCounters } from './drops.js';
import { DFault, FaultCode } from './fault.js';
import type { DIntValue } from './int64.js';
import { dynvarCapacity } from './space.js';


/** One thread's `self->` slots (a slot holds a value or, for an associative one, its Map). */
export type Slots = (unknown | undefined)[];

type Assoc = Map<unknown, unknown>;

const isZero = (v: unknown): boolean => v === 0 || v === '' || v === undefined || v === null;

export class VariableStore {
  /** Global scalars (and global arrays, one JS array each), by slot. */
  readonly g: unknown[];
  /** Global associative arrays, by slot. */
  readonly as: Assoc[];
  /** Dynamic variables in use and the most `dynvarsize` allows. */
  readonly dyn: { used: number; max: number };
  private readonly threads = new Map<number, Slots>();

  constructor(
    program: Program,
    dynvarsize: number,
    private readonly drops: DropCounters,
  ) {
    this.g = program.globals.map((v) => (v.keys < 0 ? new Array(-v.keys).fill(v.zero) : v.zero));
    this.as = program.globals.map(() => new Map());
    this.dyn = { used: 0, max: dynvarCapacity(program, dynvarsize) };
  }

  /** The slots of thread `tid`, made on first use. */
  self(tid: number): Slots {
    let s = this.threads.get(tid);
    if (!s) {
      s = [];
      this.threads.set(tid, s);
    }
    return s;
  }

  /** Stores a thread-local; 0 deletes it; a new one needs dynvarsize room. */
  sset(S: Slots, slot: number, v: unknown): unknown {
    if (isZero(v)) {
      if (S[slot] !== undefined) {
        S[slot] = undefined;
        this.dyn.used--;
      }
      return v;
    }
    if (S[slot] === undefined) {
      if (!this.room()) return v;
      this.dyn.used++;
    }
    S[slot] = v;
    return v;
  }

  /** A thread-local associative array's Map, made on first use. */
  smap(S: Slots, slot: number): Assoc {
    let m = S[slot] as Assoc | undefined;
    if (!m) {
      m = new Map();
      S[slot] = m;
    }
    return m;
  }

  aget1(m: Assoc, k: unknown, zero: unknown): unknown {
    const v = m.get(k);
    return v === undefined ? zero : v;
  }

  aset1(m: Assoc, k: unknown, v: unknown): unknown {
    if (isZero(v)) {
      if (m.delete(k)) this.dyn.used--;
      return v;
    }
    if (!m.has(k)) {
      if (!this.room()) return v;
      this.dyn.used++;
    }
    m.set(k, v);
    return v;
  }

  agetN(m: Assoc, keys: readonly unknown[], zero: unknown): unknown {
    let cur: unknown = m;
    for (const k of keys) {
      cur = (cur as Assoc).get(k);
      if (cur === undefined) return zero;
    }
    return cur;
  }

  asetN(m: Assoc, keys: readonly unknown[], v: unknown): unknown {
    const path: Assoc[] = [m];
    let cur = m;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = cur.get(keys[i]) as Assoc | undefined;
      if (!next) {
        if (isZero(v)) return v;
        next = new Map();
        cur.set(keys[i], next);
      }
      path.push(next);
      cur = next;
    }
    const last = keys[keys.length - 1];
    if (isZero(v)) {
      if (cur.delete(last)) this.dyn.used--;
      for (let i = path.length - 1; i > 0; i--) if (path[i]!.size === 0) path[i - 1]!.delete(keys[i - 1]);
      return v;
    }
    return this.aset1(cur, last, v);
  }

  arrGet(a: unknown[], i: DIntValue, size: number): unknown {
    if (typeof i !== 'number' || i < 0 || i >= size) throw new DFault(FaultCode.BADINDEX);
    return a[i];
  }

  arrSet(a: unknown[], i: DIntValue, size: number, v: unknown): unknown {
    if (typeof i !== 'number' || i < 0 || i >= size) throw new DFault(FaultCode.BADINDEX);
    a[i] = v;
    return v;
  }

  private room(): boolean {
    if (this.dyn.used < this.dyn.max) return true;
    this.drops.dynamic++;
    return false;
  }
}
