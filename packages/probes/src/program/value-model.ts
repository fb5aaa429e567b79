/*
 * The value model between the D runtime and the renderers (text as dtrace prints it, JSON, the
 * dashboard), and the contract a consumer implements. The runtime produces these; the consumer
 * only formats them. Neither side imports the compiler. Everything a consumer receives is plain
 * data (no functions, no class instances; integers beyond 2^53 are bigints), so a consumer may
 * live in another process and receive it over a channel that keeps bigints (v8 serialization).
 *
 * Integers: a D integer is a JS `number` while it is a safe integer and a `bigint` beyond that
 * (always normalised: a bigint that fits in a safe integer is converted back to number).
 */

import type { StackFrame } from '../provider/host.js';
import type { ProgramOptions } from './options.js';

export type DInt = number | bigint;

/** A recorded stack (stack() as a value, an aggregation key or a trace record). */
export interface DStack {
  readonly kind: 'stack';
  readonly frames: readonly StackFrame[];
}

/** A recorded address to be printed symbolically (sym(), func(), mod(), %a). */
export interface DSymbol {
  readonly kind: 'sym' | 'func' | 'mod';
  readonly addr: number;
  readonly frame: StackFrame | null;
}

export type DValue = DInt | string | DStack | DSymbol;

/** The D type of a recorded value: what decides its print width. */
export type DType =
  /**
   * `float` marks a float (4) or double (8) carried as its IEEE bit pattern, the way the value
   * sits in memory; %e %f %g print the number those bits encode.
   */
  | { readonly kind: 'int'; readonly size: 1 | 2 | 4 | 8; readonly signed: boolean; readonly float?: 4 | 8 }
  | { readonly kind: 'string' }
  | { readonly kind: 'stack' }
  | { readonly kind: 'sym' | 'func' | 'mod' }
  | { readonly kind: 'pointer' };

/** One data-recording action's output in a clause. */
export type DataRecord =
  | { readonly kind: 'trace'; readonly value: DValue; readonly type: DType }
  | {
      readonly kind: 'printf';
      readonly format: string;
      readonly args: readonly DValue[];
      readonly types: readonly DType[];
    }
  | {
      readonly kind: 'printa';
      /** Absent for printa(@a) without a format. */
      readonly format?: string;
      readonly aggs: readonly AggSnapshot[];
    }
  | { readonly kind: 'stack'; readonly value: DStack }
  | { readonly kind: 'sym'; readonly value: DSymbol }
  | { readonly kind: 'tracemem'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'print';
      readonly value: DValue;
      readonly type: DType;
      readonly typeName: string;
      /** print() of a struct (`print(*args[0])`): its members in declaration order; `value` is 0. */
      readonly members?: readonly PrintMember[];
      /** print() of a D-typed object (runtime/print-object.ts): the text as dtrace writes it. */
      readonly text?: string;
    }
  /**
   * freopen(): from this record on, output goes to the file named by the formatted text
   * (appending), or back to the original output when it is empty.
   */
  | { readonly kind: 'freopen'; readonly format: string; readonly args: readonly DValue[]; readonly types: readonly DType[] }
  /**
   * setopt() changed a dynamic option: the consumer applies `options` here, between the records
   * before and after it (dtrace's consumer processes the request in buffer order).
   */
  | { readonly kind: 'setopt'; readonly options: ProgramOptions };

/** One member of a struct printed by print(). */
export interface PrintMember {
  readonly name: string;
  readonly typeName: string;
  readonly type: DType;
  readonly value: DValue;
}

/**
 * The output of one clause for one probe firing. The consumer prints the probe line (unless
 * quiet), then each record, then the newline dtrace puts after a clause's last record. A clause
 * with an empty body produces a firing with no records (the default action).
 */
export interface Firing {
  readonly cpu: number;
  readonly probeId: number;
  readonly provider: string;
  readonly module: string;
  readonly func: string;
  readonly name: string;
  /** For -F: fbt entry/return and the thread's call depth at the firing. */
  readonly flow?: { readonly kind: 'entry' | 'return'; readonly depth: number };
  readonly records: readonly DataRecord[];
}

export type AggFunction =
  | 'count'
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'stddev'
  | 'quantize'
  | 'lquantize'
  | 'llquantize';

export type AggParams =
  | { readonly fn: 'lquantize'; readonly base: number; readonly limit: number; readonly step: number }
  | {
      readonly fn: 'llquantize';
      readonly factor: number;
      readonly low: number;
      readonly high: number;
      readonly nsteps: number;
    };

/**
 * The value of one aggregation cell.
 * count/sum/min/max: the integer. avg: count and sum. stddev: count, sum, sum of squares.
 * quantize family: bucket counts, dense, in the bucket order of consumer/buckets.ts.
 */
export type AggValue =
  | DInt
  | { readonly count: DInt; readonly sum: DInt }
  | { readonly count: DInt; readonly sum: DInt; readonly sumsq: bigint }
  | readonly DInt[];

export interface AggEntry {
  readonly key: readonly DValue[];
  readonly value: AggValue;
}

export interface AggSnapshot {
  /** Aggregation variable id, in order of first appearance in the program. */
  readonly id: number;
  /** Name without `@`; the anonymous aggregation is `_`. */
  readonly name: string;
  readonly fn: AggFunction;
  readonly params?: AggParams;
  readonly keyTypes: readonly DType[];
  /** normalize() factor (1 when not normalized). */
  readonly normal: number;
  readonly entries: readonly AggEntry[];
}

/** A runtime fault in a clause (dtrace's "error on enabled probe ID …" line, and ERROR's args). */
export interface FaultReport {
  /** Enabled probe id (probe × clause). */
  readonly epid: number;
  readonly probeId: number;
  /** `provider:module:function:name` of the probe that fired. */
  readonly probe: string;
  /** dtrace's fault text: `divide-by-zero`, `invalid address`, `index out of bounds`, … */
  readonly fault: string;
  /** DTRACEFLT_* code (4 for divide-by-zero, …). */
  readonly code: number;
  readonly addr?: number;
  /** Where in the clause: the predicate, or the 1-based action number. */
  readonly where: 'predicate' | { readonly action: number };
  readonly offset: number;
}

export type DropKind =
  | 'principal'
  | 'aggregation'
  | 'dynamic'
  | 'dynamic-rinsing'
  | 'dynamic-dirty'
  | 'speculative'
  | 'speculation-busy'
  | 'speculation-unavailable'
  | 'error';

export interface DropReport {
  readonly kind: DropKind;
  readonly count: number;
  readonly cpu?: number;
}

/**
 * Where the runtime sends what it produces. The text consumer (dtrace's output), the JSON
 * consumer and the dashboard implement it; the runtime never formats anything itself.
 */
export interface RuntimeSink {
  firing(f: Firing): void;
  fault(f: FaultReport): void;
  drop(d: DropReport): void;
  /** A runtime error that is not a fault (setopt failures, …): the text after `zsdtrace: `. */
  error(message: string): void;
  /**
   * The dynamic options changed while tracing (setopt()): every option as it now stands,
   * resolved (program/options.ts).
   */
  options?(opts: ProgramOptions): void;
}

/**
 * What the tracing handle drives (handle/handle.ts): the runtime's sink plus the end of the run.
 * finish() receives the aggregations never printed (sorted) and the exit status; it prints
 * dtrace's post-loop newline and those aggregations, or their equivalent for other outputs.
 */
export interface Consumer extends RuntimeSink {
  finish(unprinted: readonly AggSnapshot[], status: number): void;
}
