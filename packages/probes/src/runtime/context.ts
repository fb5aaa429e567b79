/*
 * The runtime context `$` that generated clause code calls (program/codegen*.ts): integer
 * helpers, variable stores with D's semantics (reading unset is 0, storing 0 deletes,
 * `dynvarsize` bounds dynamic variables), aggregation stores, speculation buffers, the
 * principal buffer budget (`bufsize`), faults and the actions. It formats nothing: firings,
 * faults and drops go to the RuntimeSink.
 */

import type { AggEntry, AggSnapshot, DataRecord, DropKind, DStack, DSymbol, DValue, Firing, RuntimeSink } from '../program/value-model.js';
import { llquantizeBucket, lquantizeBucket, quantizeBucket } from '../consumer/buckets.js';
import { sortEntries } from '../consumer/aggregate-sort.js';
import type { Host, ThreadInfo } from '../provider/host.js';
import type { Probe } from '../provider/probe.js';
import type { Program } from '../program/program.js';
import { isDynamicOption, OptionError, resolveOptions, validateOption, type ProgramOptions } from '../program/options.js';
import { AggStore } from './aggregations.js';
import { DFault, faultText, FaultCode } from './fault.js';
import * as I from './int64.js';
import { deref, printStruct, tracemem, type PrintStructDesc } from './records.js';
import { createStringFns } from './strings.js';
import { Memory } from './memory.js';

/** Bytes charged per dynamic variable (assoc element or thread-local) against dynvarsize. */
export const DYNVAR_CHUNK = 64;
/** Bytes charged per aggregation entry against aggsize. */
export const AGG_ENTRY_BYTES = 64;

type Slots = (unknown | undefined)[];


interface SpecBuffer {
  active: boolean;
  bytes: number;
  firings: Firing[];
}

export class RuntimeContext {
  // 64-bit integer helpers (runtime/int64.ts), as methods so generated code reaches them as $.x.
  readonly s8 = I.s8; readonly s16 = I.s16; readonly s32 = I.s32; readonly s64 = I.s64;
  readonly u8 = I.u8; readonly u16 = I.u16; readonly u32 = I.u32; readonly u64 = I.u64;
  readonly add = I.add; readonly sub = I.sub; readonly mul = I.mul; readonly div = I.div; readonly mod = I.mod;
  readonly neg = I.neg; readonly shl = I.shl; readonly shr = I.shr; readonly band = I.band;
  readonly bor = I.bor; readonly bxor = I.bxor; readonly bnot = I.bnot; readonly int = I.toInt;
  readonly qb = quantizeBucket;
  readonly lqb = lquantizeBucket;
  readonly llqb = llquantizeBucket;

  readonly g: unknown[];
  /** D objects in memory: structs, arrays, alloca() (runtime/memory.ts). */
  readonly m = new Memory();
  readonly as: Map<unknown, unknown>[];
  readonly ag: AggStore[] = [];
  readonly fn;
  /** The options in force: the program's, as setopt() changed the dynamic ones. */
  options: ProgramOptions;
  readonly drops: Record<DropKind, number> = {
    principal: 0, aggregation: 0, dynamic: 0, 'dynamic-rinsing': 0, 'dynamic-dirty': 0,
    speculative: 0, 'speculation-busy': 0, 'speculation-unavailable': 0, error: 0,
  };
  private readonly reported: Record<string, number> = {};
  firings = 0;
  errors = 0;
  exited = false;
  exitStatus = 0;
  halted = false;
  exitPending = false;
  /** Set by the runtime: fires the ERROR probe's clauses. */
  fireError: ((epid: number, action: number, code: number, addr: number) => void) | null = null;
  /**
   * Called by generated code at the end of a firing that called exit() (`exitPending`); the
   * runtime sets it to halt the probes and notify its exit callbacks.
   */
  afterExit: () => void = () => {
    this.exitPending = false;
  };

  private readonly threads = new Map<number, Slots>();
  private readonly dyn: { used: number; max: number };
  private readonly aggBudget: { used: number; max: number; drops: number };
  private readonly specs: SpecBuffer[];
  private bufUsed = 0;
  private inError = false;
  private strsize: number;
  private readonly kvals = new Map<string, DValue>();
  private seed = 0x2545f491;
  private thread: ThreadInfo | null = null;

  constructor(
    readonly program: Program,
    readonly host: Host,
    readonly sink: RuntimeSink,
  ) {
    this.options = program.options;
    this.strsize = this.options.strsize;
    this.fn = createStringFns(() => this.strsize);
    this.g = program.globals.map((v) => (v.keys < 0 ? new Array(-v.keys).fill(v.zero) : v.zero));
    this.as = program.globals.map(() => new Map());
    this.dyn = { used: 0, max: Math.floor(this.options.dynvarsize / DYNVAR_CHUNK) };
    this.aggBudget = { used: 0, max: Math.floor(this.options.aggsize / AGG_ENTRY_BYTES), drops: 0 };
    for (const d of program.aggDefs) this.ag[d.id] = new AggStore(d, this.aggBudget, (k) => this.kvals.get(k as string) ?? (k as DValue));
    this.specs = Array.from({ length: Math.max(0, this.options.nspec) }, () => ({ active: false, bytes: 0, firings: [] }));
  }

  // ---- built-in variables ----
  ts(): number {
    return this.host.timestamp();
  }
  vts(): number {
    return this.host.vtimestamp();
  }
  wts(): I.DIntValue {
    return I.norm(this.host.walltimestamp());
  }
  th(): ThreadInfo {
    return (this.thread ??= this.inConsumer ? this.consumerThread() : this.host.thread());
  }
  /**
   * BEGIN and END fire in the consumer's own process (dtrace_go()/dtrace_stop() run them on
   * the dtrace process's thread), so there `pid` is `$pid`, `ppid` is `$ppid` and `execname`
   * is the consumer's name.
   */
  inConsumer = false;
  private consumerThread(): ThreadInfo {
    return { ...this.host.thread(), pid: process.pid, ppid: process.ppid, execname: 'zsdtrace' };
  }
  /** Called at the start of each firing: thread info is read at most once per firing. */
  begin(): void {
    this.thread = null;
    this.m.reset();
  }
  stackdepth(): number {
    return this.host.stack().length;
  }

  // ---- values ----
  str(v: unknown): string {
    const s = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
    return s.length >= this.strsize ? s.slice(0, this.strsize - 1) : s;
  }
  ptr(v: unknown): unknown {
    return v ?? 0;
  }
  mem(o: unknown, name: string): unknown {
    if (o === null || typeof o !== 'object') return this.memAt(o, name);
    return (o as Record<string, unknown>)[name];
  }
  /** An engine struct reached through an address (a cast integer, curthread): the host's object there. */
  private memAt(p: unknown, name: string): unknown {
    return (this.deref(p) as Record<string, unknown>)[name];
  }
  // print(), tracemem() and `*p` (runtime/records.ts); an address is the host's object there.
  deref(p: unknown): unknown {
    return p !== null && typeof p === 'object' ? p : deref(this.host.object?.(Number(I.toInt(p ?? 0))) ?? p);
  }
  printStruct(o: unknown, desc: PrintStructDesc): DataRecord {
    return printStruct(this.deref(o), desc, (v) => this.str(v));
  }
  readonly tracemem = tracemem;
  tostr(v: unknown): string {
    return this.str(typeof v === 'object' && v !== null ? String(I.toInt(v)) : v);
  }
  ptradd(p: unknown, n: I.DIntValue): I.DIntValue {
    return I.u64(I.add(I.toInt(p), n));
  }
  sumsq(q: number | bigint, v: I.DIntValue): number | bigint {
    const sq = I.mul(v, v);
    return typeof q === 'number' && typeof sq === 'number' && q + sq <= Number.MAX_SAFE_INTEGER ? q + sq : BigInt(q) + BigInt(sq);
  }
  /** Interns a stack or symbol so it can key a Map; the aggregation keeps the real value. */
  kv(v: unknown): string {
    const k = `\u0000${JSON.stringify(v)}`;
    if (!this.kvals.has(k)) this.kvals.set(k, v as DValue);
    return k;
  }
  stack(n?: I.DIntValue): DStack {
    const depth = n === undefined ? this.options.stackframes : Number(n);
    return { kind: 'stack', frames: this.host.stack().slice(0, depth) };
  }
  /** ustack()/jstack(): the host's user-level stack, `ustackframes` deep by default. */
  ustack(n?: I.DIntValue): DStack {
    const depth = n === undefined ? this.options.ustackframes : Number(n);
    return { kind: 'stack', frames: (this.host.ustack?.() ?? []).slice(0, depth) };
  }
  symv(kind: 'func' | 'sym' | 'mod', addr: I.DIntValue): DSymbol {
    const a = Number(addr);
    return { kind, addr: a, frame: this.host.symbol(a) };
  }
  rand(): number {
    // xorshift32: deterministic per run, like the simulated kernel.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return x | 0;
  }

  // ---- variables ----
  self(): Slots {
    const tid = this.th().tid;
    let s = this.threads.get(tid);
    if (!s) {
      s = [];
      this.threads.set(tid, s);
    }
    return s;
  }
  private isZero(v: unknown): boolean {
    return v === 0 || v === '' || v === undefined || v === null;
  }
  /** Stores a thread-local; 0 deletes it; a new one needs dynvarsize room. */
  sset(S: Slots, slot: number, v: unknown): unknown {
    if (this.isZero(v)) {
      if (S[slot] !== undefined) {
        S[slot] = undefined;
        this.dyn.used--;
      }
      return v;
    }
    if (S[slot] === undefined) {
      if (!this.dynRoom()) return v;
      this.dyn.used++;
    }
    S[slot] = v;
    return v;
  }
  smap(S: Slots, slot: number): Map<unknown, unknown> {
    let m = S[slot] as Map<unknown, unknown> | undefined;
    if (!m) {
      m = new Map();
      S[slot] = m;
    }
    return m;
  }
  private dynRoom(): boolean {
    if (this.dyn.used < this.dyn.max) return true;
    this.drops.dynamic++;
    return false;
  }
  aget1(m: Map<unknown, unknown>, k: unknown, zero: unknown): unknown {
    const v = m.get(k);
    return v === undefined ? zero : v;
  }
  aset1(m: Map<unknown, unknown>, k: unknown, v: unknown): unknown {
    if (this.isZero(v)) {
      if (m.delete(k)) this.dyn.used--;
      return v;
    }
    if (!m.has(k)) {
      if (!this.dynRoom()) return v;
      this.dyn.used++;
    }
    m.set(k, v);
    return v;
  }
  agetN(m: Map<unknown, unknown>, keys: readonly unknown[], zero: unknown): unknown {
    let cur: unknown = m;
    for (const k of keys) {
      cur = (cur as Map<unknown, unknown>).get(k);
      if (cur === undefined) return zero;
    }
    return cur;
  }
  asetN(m: Map<unknown, unknown>, keys: readonly unknown[], v: unknown): unknown {
    const path: Map<unknown, unknown>[] = [m];
    let cur = m;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = cur.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (!next) {
        if (this.isZero(v)) return v;
        next = new Map();
        cur.set(keys[i], next);
      }
      path.push(next);
      cur = next;
    }
    const last = keys[keys.length - 1];
    if (this.isZero(v)) {
      if (cur.delete(last)) this.dyn.used--;
      for (let i = path.length - 1; i > 0; i--) if (path[i]!.size === 0) path[i - 1]!.delete(keys[i - 1]);
      return v;
    }
    if (!cur.has(last)) {
      if (!this.dynRoom()) return v;
      this.dyn.used++;
    }
    cur.set(last, v);
    return v;
  }
  arrGet(a: unknown[], i: I.DIntValue, size: number): unknown {
    if (typeof i !== 'number' || i < 0 || i >= size) throw new DFault(FaultCode.BADINDEX);
    return a[i];
  }
  arrSet(a: unknown[], i: I.DIntValue, size: number, v: unknown): unknown {
    if (typeof i !== 'number' || i < 0 || i >= size) throw new DFault(FaultCode.BADINDEX);
    a[i] = v;
    return v;
  }

  // ---- records, buffers, speculation ----
  private sizeOf(records: readonly DataRecord[]): number {
    let n = 16;
    for (const r of records) n += r.kind === 'printf' ? 8 + 8 * r.args.length : r.kind === 'trace' && typeof r.value === 'string' ? this.strsize : 8;
    return n;
  }
  /**
   * -F: call depth per thread, counted over the entry/return firings that produce output (as
   * dtrace counts over the records it consumes, but per thread rather than per CPU so that
   * interleaved simulated threads do not disturb each other's indentation).
   */
  private readonly flowDepth = new Map<number, number>();
  private flowOf(tid: number, name: string): Firing['flow'] {
    const d = this.flowDepth.get(tid) ?? 0;
    if (name === 'entry') {
      this.flowDepth.set(tid, d + 1);
      return { kind: 'entry', depth: d };
    }
    const nd = d > 0 ? d - 1 : 0;
    if (nd === 0) this.flowDepth.delete(tid);
    else this.flowDepth.set(tid, nd);
    return { kind: 'return', depth: nd };
  }
  record(P: Probe, R: DataRecord[], SP: number): void {
    const th = this.th();
    const flowing = (P.name === 'entry' || P.name === 'return') && this.options.flowindent;
    const f: Firing = flowing
      ? { cpu: th.cpu, probeId: P.id, provider: P.provider, module: P.module, func: P.func, name: P.name, flow: this.flowOf(th.tid, P.name), records: R }
      : { cpu: th.cpu, probeId: P.id, provider: P.provider, module: P.module, func: P.func, name: P.name, records: R };
    if (SP === -1) return this.emit(f);
    if (SP === 0) return;
    const buf = this.specs[SP - 1];
    if (!buf || !buf.active) return;
    const size = this.sizeOf(R);
    if (buf.bytes + size > this.options.specsize) {
      this.drops.speculative++;
      return;
    }
    buf.bytes += size;
    buf.firings.push(f);
  }
  private emit(f: Firing): void {
    const size = this.sizeOf(f.records);
    if (this.bufUsed + size > this.options.bufsize) {
      this.drops.principal++;
      return;
    }
    this.bufUsed += size;
    this.sink.firing(f);
  }
  speculation(): number {
    const i = this.specs.findIndex((b) => !b.active);
    if (i < 0) {
      this.drops['speculation-unavailable']++;
      return 0;
    }
    this.specs[i]!.active = true;
    return i + 1;
  }
  speculate(id: I.DIntValue): number {
    const n = Number(id);
    return n > 0 && n <= this.specs.length && this.specs[n - 1]!.active ? n : 0;
  }
  commit(id: I.DIntValue): void {
    const buf = this.specs[Number(id) - 1];
    if (!buf || !buf.active) return;
    const fs = buf.firings;
    this.free(buf);
    for (const f of fs) this.emit(f);
  }
  discard(id: I.DIntValue): void {
    const buf = this.specs[Number(id) - 1];
    if (buf) this.free(buf);
  }
  private free(buf: SpecBuffer): void {
    buf.active = false;
    buf.bytes = 0;
    buf.firings = [];
  }

  // ---- actions ----
  exit(status: I.DIntValue): void {
    if (this.exited) return;
    this.exited = true;
    this.exitStatus = Number(BigInt.asIntN(32, BigInt(status)));
    this.exitPending = true;
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
    return { ...s, entries: sortEntries(s, this.sortOptions()) };
  }
  sortOptions(): { aggsortkey: boolean; aggsortrev: boolean; aggsortkeypos: number; aggsortpos: number } {
    const o = this.options;
    return {
      aggsortkey: o.aggsortkey,
      aggsortrev: o.aggsortrev,
      aggsortkeypos: o.aggsortkeypos,
      aggsortpos: o.aggsortpos,
    };
  }
  clear(id: number): void {
    this.ag[id]?.clear();
  }
  trunc(id: number, n: I.DIntValue | undefined): void {
    const s = this.ag[id];
    s?.trunc(n === undefined ? undefined : Number(n), (e: AggEntry[]) => sortEntries({ ...s.snapshot(), entries: e }));
  }
  normalize(id: number, n: I.DIntValue): void {
    const s = this.ag[id];
    if (s) s.normal = Number(n) || 1;
  }
  denormalize(id: number): void {
    const s = this.ag[id];
    if (s) s.normal = 1;
  }
  setopt(name: string, value: string | undefined): void {
    const err = this.setOption(name, value);
    // dtrace's wording names the value even when setopt() was given none (`to ""`).
    if (err) this.sink.error(`couldn't set option "${name}" to "${value ?? ''}": ${err}`);
  }
  setOption(name: string, value?: string): string | null {
    const v = value === undefined ? true : value;
    const err = validateOption(name, v);
    if (err) return err;
    if (!isDynamicOption(name)) return OptionError.active;
    this.options = resolveOptions({ [name]: v }, this.options);
    // The consumer sorts and formats with these options (dtrace's consumer reads them back).
    this.sink.options?.(this.options);
    return null;
  }
  chill(ns: I.DIntValue): void {
    this.host.chill(Number(ns));
  }
  /**
   * raise(), stop(), panic(), breakpoint() and system(): accepted only with -w. zsdtrace does not
   * signal, stop or panic anything and runs no command; the request is reported on the sink.
   */
  destructive(name: string, args: readonly unknown[]): void {
    this.sink.error(`${name}( ) requested${args.length > 0 ? ` (${args.map(String).join(', ')})` : ''}: destructive actions are not carried out by zsdtrace`);
  }

  // ---- faults and drops ----
  fault(x: unknown, epid: number, P: Probe, where: number): void {
    this.errors++;
    const f = x instanceof DFault ? x : new DFault(FaultCode.ILLOP);
    if (this.inError) {
      this.drops.error++;
      return;
    }
    this.sink.fault({
      epid,
      probeId: P.id,
      probe: P.fullName,
      fault: faultText(f.fault),
      code: f.fault,
      ...(f.addr !== undefined ? { addr: f.addr } : {}),
      where: where === 0 ? 'predicate' : { action: where },
      offset: 0,
    });
    if (this.fireError) {
      this.inError = true;
      try {
        this.fireError(epid, where, f.fault, f.addr ?? 0);
      } finally {
        this.inError = false;
      }
    }
  }
  flushDrops(): void {
    const total = { ...this.drops, aggregation: this.aggBudget.drops };
    for (const [kind, n] of Object.entries(total)) {
      const prev = this.reported[kind] ?? 0;
      if (n > prev) this.sink.drop({ kind: kind as DropKind, count: n - prev });
      this.reported[kind] = n;
    }
    if (this.options.bufpolicy !== 'fill') this.bufUsed = 0;
  }
  usage(): { dynvars: { used: number; max: number }; aggEntries: { used: number; max: number }; buffer: { used: number; max: number } } {
    return {
      dynvars: { used: this.dyn.used, max: this.dyn.max },
      aggEntries: { used: this.aggBudget.used, max: this.aggBudget.max },
      buffer: { used: this.bufUsed, max: this.options.bufsize },
    };
  }
  counters(): { firings: number; errors: number; drops: Record<DropKind, number> } {
    return { firings: this.firings, errors: this.errors, drops: { ...this.drops, aggregation: this.aggBudget.drops } };
  }
}
