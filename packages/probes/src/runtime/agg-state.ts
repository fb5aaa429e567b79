/*
 * The program's aggregations at run time: one AggStore per aggregation (aggregations.ts) under
 * one `aggsize` budget (counted in AGG_UNIT units, space.ts), the interning of stack and symbol
 * keys, and the actions on whole aggregations: printa() snapshots, clear(), trunc(),
 * normalize() and denormalize(). Snapshots are sorted by the aggsort* options in force.
 */

import type { AggEntry, AggSnapshot, DataRecord, DValue } from '../program/value-model.js';
import type { ProgramOptions } from '../program/options.js';
import type { Program } from '../program/program.js';
import { sortEntries } from '../consumer/aggregate-sort.js';
import { AggStore, type AggBudget } from './aggregations.js';
import type { DIntValue } from './int64.js';
import { AGG_UNIT, aggEntryUnits } from './space.js';


export class AggregationState {
  /** The stores by aggregation id (generated code updates `$.ag[id]` cells in place). */
  readonly ag: AggStore[] = [];
  /** Space in use, created since the last snapshot, the most `aggsize` allows, drops (aggregations.ts). */
  readonly budget: AggBudget;
  private readonly kvals = new Map<string, DValue>();

  constructor(
    program: Program,
    private readonly options: () => ProgramOptions,
  ) {
    this.budget = { used: 0, fresh: 0, max: Math.floor(program.options.aggsize / AGG_UNIT), drops: 0 };
    const strsize = program.options.strsize;
    for (const d of program.aggDefs) {
      this.ag[d.id] = new AggStore(d, this.budget, (k) => this.kvals.get(k as string) ?? (k as DValue), aggEntryUnits(d, strsize));
    }
  }

  /** Interns a stack or symbol so it can key a Map; the aggregation keeps the real value. */
  kv(v: unknown): string {
    const k = `\u0000${JSON.stringify(v)}`;
    if (!this.kvals.has(k)) this.kvals.set(k, v as DValue);
    return k;
  }

  printa(format: string | undefined, ids: readonly number[]): DataRecord {
    const aggs: AggSnapshot[] = ids.map((id) => {
      const s = this.ag[id]!;
      s.printed = true;
      return this.sorted(s.snapshot());
    });
    return format === undefined ? { kind: 'printa', aggs } : { kind: 'printa', format, aggs };
  }

  sorted(s: AggSnapshot): AggSnapshot {
    const o = this.options();
    return { ...s, entries: sortEntries(s, { aggsortkey: o.aggsortkey, aggsortrev: o.aggsortrev, aggsortkeypos: o.aggsortkeypos, aggsortpos: o.aggsortpos }) };
  }

  /**
   * The consumer's aggregation snapshot (dtrace_aggregate_snap, every `aggrate`): what the
   * aggregations hold has reached the consumer, so `aggsize` bounds only what is created next.
   */
  snap(): void {
    this.budget.fresh = 0;
  }

  /** Every aggregation, sorted. */
  snapshot(): AggSnapshot[] {
    return this.ag.filter((s) => s !== undefined).map((s) => this.sorted(s.snapshot()));
  }

  /** The aggregations with entries that no printa() printed, sorted (printed at the end). */
  unprinted(): AggSnapshot[] {
    return this.ag.filter((s) => s !== undefined && !s.printed && s.cells().length > 0).map((s) => this.sorted(s.snapshot()));
  }

  clear(id: number): void {
    this.ag[id]?.clear();
  }

  clearAll(): void {
    for (const s of this.ag) s?.clear();
  }

  trunc(id: number, n: DIntValue | undefined): void {
    const s = this.ag[id];
    s?.trunc(n === undefined ? undefined : Number(n), (e: AggEntry[]) => sortEntries({ ...s.snapshot(), entries: e }));
  }

  normalize(id: number, n: DIntValue): void {
    const s = this.ag[id];
    if (s) s.normal = Number(n) || 1;
  }

  denormalize(id: number): void {
    const s = this.ag[id];
    if (s) s.normal = 1;
  }
}
