/*
 * The runtime context `$` that generated clause code calls (codegen/codegen*.ts): a thin facade
 * over the parts that hold the run's state, each in its own file:
 *
 *   variables.ts         globals, thread-locals, associative arrays, the dynvarsize budget
 *   agg-state.ts         the aggregations, the aggsize budget, printa/clear/trunc/normalize
 *   speculation.ts       the speculation buffers (nspec, specsize)
 *   principal-buffer.ts  the principal buffer's budget (bufsize, bufpolicy)
 *   flow-indent.ts       -F call depths
 *   exit-state.ts        exit(), the halt after it
 *   drops.ts             the drop counters shared by all of them, reported to the sink
 *
 * Generated code reaches everything as `$.name`: the integer helpers (int64.ts) and bucket
 * functions as fields, the rest as methods here that forward to a part (V8 inlines them; the
 * lang bench's D / closure ratio watches that). Built-in variables, values and the actions
 * that touch no state of their own live here. It formats nothing: firings, faults, drops and
 * errors go to the RuntimeSink. The runtime (runtime.ts) gives the hooks it must run itself.
 */

import type { DataRecord, DropKind, DStack, DSymbol, Firing, RuntimeSink } from '../program/value-model.js';
import { llquantizeBucket, lquantizeBucket, quantizeBucket } from '../consumer/buckets.js';
import type { Host, ThreadInfo } from '../provider/host.js';
import type { Probe } from '../provider/probe.js';
import type { Program } from '../program/program.js';
import { isDynamicOption, OptionError, resolveOptions, validateOption, type ProgramOptions } from '../program/options.js';
import { AggregationState } from './agg-state.js';
import type { AggStore } from './aggregations.js';
import { DropReporter, newDropCounters, type DropCounters } from './drops.js';
import { ExitState } from './exit-state.js';
import { DFault, faultText, FaultCode } from './fault.js';
import { FlowIndent } from './flow-indent.js';
import * as I from './int64.js';
import { Memory } from './memory.js';
import { PrincipalBuffer } from './principal-buffer.js';
import { deref, printStruct, tracemem, type PrintStructDesc } from './records.js';
import { SpeculationBuffers } from './speculation.js';
import { createStringFns } from './strings.js';
import { byteSwap, inetNtoa, inetNtoa6, inetNtop } from './net.js';
import { VariableStore, type Slots } from './variables.js';

/** What the runtime does for the context: end a firing that called exit(), fire ERROR. */
export interface RuntimeHooks {
  /** At the end of a firing that called exit(): halt the probes, notify the exit callbacks. */
  afterExit(): void;
  /** Fires the ERROR probe's clauses for a fault (nothing when no clause is enabled on it). */
  fireError(epid: number, action: number, code: number, addr: number): void;
}

export interface RuntimeUsage {
  readonly dynvars: { readonly used: number; readonly max: number };
  readonly aggEntries: { readonly used: number; readonly max: number };
  readonly buffer: { readonly used: number; readonly max: number };
}

export class RuntimeContext {
  // 64-bit integer helpers (runtime/int64.ts) and bucket functions, reached as $.x.
  readonly s8 = I.s8; readonly s16 = I.s16; readonly s32 = I.s32; readonly s64 = I.s64;
  readonly u8 = I.u8; readonly u16 = I.u16; readonly u32 = I.u32; readonly u64 = I.u64;
  readonly add = I.add; readonly sub = I.sub; readonly mul = I.mul; readonly div = I.div; readonly mod = I.mod;
  readonly neg = I.neg; readonly shl = I.shl; readonly shr = I.shr; readonly band = I.band;
  readonly bor = I.bor; readonly bxor = I.bxor; readonly bnot = I.bnot; readonly int = I.toInt;
  readonly qb = quantizeBucket;
  readonly lqb = lquantizeBucket;
  readonly llqb = llquantizeBucket;
  /** A quantize bucket plus an increment, in dtrace's wrapping 64 bits. */
  readonly qadd = (b: I.DIntValue[], k: number, inc: I.DIntValue): void => {
    b[k] = I.s64(I.add(b[k]!, inc));
  };
  // tracemem() (runtime/records.ts); print() and `*p` go through deref() below.
  readonly tracemem = tracemem;
  // The network subroutines (runtime/net.ts).
  readonly bswap = byteSwap;
  readonly ntoa = inetNtoa;
  readonly ntoa6 = inetNtoa6;
  readonly ntop = inetNtop;

  /** The options in force: the program's, as setopt() changed the dynamic ones. */
  options: ProgramOptions;
  /** D objects in memory: structs, arrays, alloca() (runtime/memory.ts). */
  readonly m = new Memory();
  /** String subroutines (runtime/strings.ts), reached as $.fn.name. */
  readonly fn: ReturnType<typeof createStringFns>;
  /** Global scalars and arrays (`G` in generated code), by slot. */
  readonly g: unknown[];
  /** Global associative arrays, by slot. */
  readonly as: Map<unknown, unknown>[];
  /** Aggregation stores, by id. */
  readonly ag: AggStore[];
  private readonly drops: DropCounters = newDropCounters();
  firings = 0;
  errors = 0;
  /**
   * BEGIN and END fire in the consumer's own process (dtrace_go()/dtrace_stop() run them on
   * the dtrace process's thread), so there `pid` is `$pid`, `ppid` is `$ppid` and `execname`
   * is the consumer's name.
   */
  inConsumer = false;

  private readonly vars: VariableStore;
  /** The aggregations as a whole (the runtime snapshots and clears them). */
  readonly aggs: AggregationState;
  /** exit() and the halt (the runtime halts, resumes for END and reads the status). */
  readonly exitState = new ExitState();
  private readonly buffer: PrincipalBuffer;
  private readonly specs: SpeculationBuffers;
  private readonly flow = new FlowIndent();
  private readonly dropReporter: DropReporter;
  private inError = false;
  private seed = 0x2545f491;
  private thread: ThreadInfo | null = null;

  constructor(
    program: Program,
    private readonly host: Host,
    readonly sink: RuntimeSink,
    private readonly hooks: RuntimeHooks,
  ) {
    this.options = program.options;
    const options = (): ProgramOptions => this.options;
    this.fn = createStringFns(() => this.options.strsize);
    this.vars = new VariableStore(program, this.options.dynvarsize, this.drops);
    this.g = this.vars.g;
    this.as = this.vars.as;
    this.aggs = new AggregationState(program, options);
    this.ag = this.aggs.ag;
    this.buffer = new PrincipalBuffer(sink, this.drops, options, () => {
      const x = this.exitState;
      if (!x.exited) x.exited = x.exitPending = true;
    });
    this.specs = new SpeculationBuffers(this.options.nspec, this.drops, () => this.options.specsize, (f) => this.buffer.emit(f));
    this.dropReporter = new DropReporter(sink);
  }

  // ---- the firing ----
  /** Called at the start of each firing: thread info is read at most once per firing. */
  begin(): void {
    this.thread = null;
    this.m.reset();
  }
  /** Called by the fused probe function at the end of a firing that called exit(). */
  afterExit(): void {
    this.hooks.afterExit();
  }

  // ---- built-in variables ----
  /**
   * Nanoseconds added to `timestamp` and `walltimestamp` (runtime.ts stop(): END after exit()
   * reads the clock of dtrace's next status check).
   */
  clockSkew = 0;
  ts(): number {
    return this.host.timestamp() + this.clockSkew;
  }
  vts(): number {
    return this.host.vtimestamp();
  }
  wts(): I.DIntValue {
    const w = this.host.walltimestamp();
    return I.norm(this.clockSkew === 0 ? w : w + BigInt(Math.round(this.clockSkew)));
  }
  th(): ThreadInfo {
    return (this.thread ??= this.inConsumer ? this.consumerThread() : this.host.thread());
  }
  private consumerThread(): ThreadInfo {
    return { ...this.host.thread(), pid: process.pid, ppid: process.ppid, execname: 'zsdtrace' };
  }
  stackdepth(): number {
    return this.host.stack().length;
  }

  // ---- values ----
  str(v: unknown): string {
    const s = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
    const strsize = this.options.strsize;
    return s.length >= strsize ? s.slice(0, strsize - 1) : s;
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
  kv(v: unknown): string {
    return this.aggs.kv(v);
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

  // ---- variables (variables.ts) ----
  self(): Slots {
    return this.vars.self(this.th().tid);
  }
  sset(S: Slots, slot: number, v: unknown): unknown {
    return this.vars.sset(S, slot, v);
  }
  smap(S: Slots, slot: number): Map<unknown, unknown> {
    return this.vars.smap(S, slot);
  }
  aget1(m: Map<unknown, unknown>, k: unknown, zero: unknown): unknown {
    return this.vars.aget1(m, k, zero);
  }
  aset1(m: Map<unknown, unknown>, k: unknown, v: unknown): unknown {
    return this.vars.aset1(m, k, v);
  }
  agetN(m: Map<unknown, unknown>, keys: readonly unknown[], zero: unknown): unknown {
    return this.vars.agetN(m, keys, zero);
  }
  asetN(m: Map<unknown, unknown>, keys: readonly unknown[], v: unknown): unknown {
    return this.vars.asetN(m, keys, v);
  }
  arrGet(a: unknown[], i: I.DIntValue, size: number): unknown {
    return this.vars.arrGet(a, i, size);
  }
  arrSet(a: unknown[], i: I.DIntValue, size: number, v: unknown): unknown {
    return this.vars.arrSet(a, i, size, v);
  }

  // ---- records: the principal buffer or a speculation ----
  record(P: Probe, R: DataRecord[], SP: number): void {
    const th = this.th();
    const flowing = (P.name === 'entry' || P.name === 'return') && this.options.flowindent;
    const f: Firing = flowing
      ? { cpu: th.cpu, probeId: P.id, provider: P.provider, module: P.module, func: P.func, name: P.name, flow: this.flow.flowOf(th.tid, P.name), records: R }
      : { cpu: th.cpu, probeId: P.id, provider: P.provider, module: P.module, func: P.func, name: P.name, records: R };
    if (SP === -1) this.buffer.emit(f);
    else if (SP !== 0) this.specs.hold(SP, f, this.buffer.sizeOf(R));
  }
  speculation(): number {
    return this.specs.speculation();
  }
  speculate(id: I.DIntValue, needed = 0): number {
    return this.specs.speculate(id, needed);
  }
  commit(id: I.DIntValue): void {
    this.specs.commit(id);
  }
  discard(id: I.DIntValue): void {
    this.specs.discard(id);
  }

  // ---- actions ----
  exit(status: I.DIntValue): void {
    this.exitState.exit(status);
  }
  printa(format: string | undefined, ids: readonly number[]): DataRecord {
    return this.aggs.printa(format, ids);
  }
  clear(id: number): void {
    this.aggs.clear(id);
  }
  trunc(id: number, n: I.DIntValue | undefined): void {
    this.aggs.trunc(id, n);
  }
  normalize(id: number, n: I.DIntValue): void {
    this.aggs.normalize(id, n);
  }
  denormalize(id: number): void {
    this.aggs.denormalize(id);
  }
  setopt(name: string, value: string | undefined, R?: DataRecord[]): void {
    const err = this.setOption(name, value, R);
    // dtrace's wording names the value even when setopt() was given none (`to ""`).
    if (err) this.sink.error(`couldn't set option "${name}" to "${value ?? ''}": ${err}`);
  }
  /** With `R` (a firing's records) the consumer learns of the change in record order. */
  setOption(name: string, value?: string, R?: DataRecord[]): string | null {
    const v = value === undefined ? true : value;
    const err = validateOption(name, v);
    if (err) return err;
    if (!isDynamicOption(name)) return OptionError.active;
    this.options = resolveOptions({ [name]: v }, this.options);
    // The consumer sorts and formats with these options (dtrace's consumer reads them back).
    if (R) R.push({ kind: 'setopt', options: this.options });
    else this.sink.options?.(this.options);
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

  // ---- faults, drops and counters ----
  /**
   * What the fused probe function does when something other than a D fault escapes a firing (a
   * sink that throws, an internal error): counts and reports it, and lets nothing reach the
   * code that fired the probe.
   */
  internalError(e: unknown): void {
    this.errors++;
    try {
      this.sink.error(`internal error: ${(e as Error)?.message ?? String(e)}; please report`);
    } catch {
      /* the sink itself is broken: drop the message */
    }
  }
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
    this.inError = true;
    try {
      this.hooks.fireError(epid, where, f.fault, f.addr ?? 0);
    } finally {
      this.inError = false;
    }
  }
  /** The switch interval: reports new drops and empties the principal buffer (bufpolicy). */
  flushDrops(): void {
    this.dropReporter.report(this.totalDrops());
    this.buffer.switched();
  }
  usage(): RuntimeUsage {
    const { dyn } = this.vars;
    const { budget } = this.aggs;
    return {
      dynvars: { used: dyn.used, max: dyn.max },
      aggEntries: { used: budget.used, max: budget.max },
      buffer: { used: this.buffer.used, max: this.options.bufsize },
    };
  }
  counters(): { firings: number; errors: number; drops: Record<DropKind, number> } {
    return { firings: this.firings, errors: this.errors, drops: this.totalDrops() };
  }
  private totalDrops(): DropCounters {
    return { ...this.drops, aggregation: this.aggs.budget.drops };
  }
}
