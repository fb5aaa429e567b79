/*
 * The compiled program: the contract between the compiler (lang/, codegen) and the runtime.
 * The runtime never imports the compiler; everything it needs to run a script is here.
 *
 * Each clause is JavaScript source (a block of statements, see codegen.ts for the names it may
 * use: `$` the runtime context, `K` the constants table, `P` the firing probe, `a0`…`a9` the
 * probe arguments). The runtime fuses every clause enabled on one probe into one function with
 * `new Function` and installs it with ProbeRegistry.enable. Constants (user strings, formats,
 * types) live in `constants`, never inside the source text.
 */

import type { ProgramOptions } from './options.js';
import type { AggFunction, AggParams, DType } from './value-model.js';

export interface ProgramUnitInfo {
  /** Number of clause × probe matches (dtrace's "matched N probes"). */
  readonly matched: number;
  /** The -n/-P/… text cropped at the first `{`, `/` or `;`, or the script name. */
  readonly description: string;
}

export interface AggregationInfo {
  readonly id: number;
  readonly name: string;
  readonly fn: AggFunction;
}

export interface AggDef extends AggregationInfo {
  readonly params?: AggParams;
  readonly keyTypes: readonly DType[];
}

/** One clause of the program, in program order. */
export interface CompiledClause {
  readonly index: number;
  /** JavaScript statements; see codegen.ts for the calling convention. */
  readonly source: string;
  /** The clause reads `this->` variables (so the fused function allocates them). */
  readonly usesThis: boolean;
  /** Bytes its records take in a buffer (codegen.ts recordBytes), for dtrace_go's size checks. */
  readonly needed?: number;
}

/** Which clauses run, in program order, when one probe fires. */
export interface Enabling {
  readonly probeId: number;
  readonly clauses: readonly { readonly clause: number; readonly epid: number }[];
}

export interface VariableInfo {
  readonly name: string;
  /** Zero value of the variable's type (0 or ""). */
  readonly zero: number | string;
  /** Number of keys for an associative array (0 for a scalar). */
  readonly keys: number;
  /**
   * Bytes one element takes in dynamic variable space, for associative arrays and thread-locals
   * (dtrace_difo_chunksize's sum); absent for other variables.
   */
  readonly dynBytes?: number;
}

export interface Program {
  /** Effective options after -x and pragmas, resolved once (program/options.ts). */
  readonly options: ProgramOptions;
  /** The options -x or a pragma set (the rest are defaults). */
  readonly explicitOptions: readonly string[];
  readonly units: readonly ProgramUnitInfo[];
  readonly aggregations: readonly AggregationInfo[];
  readonly aggDefs: readonly AggDef[];
  readonly clauses: readonly CompiledClause[];
  readonly enablings: readonly Enabling[];
  readonly constants: readonly unknown[];
  readonly globals: readonly VariableInfo[];
  readonly selfVars: readonly VariableInfo[];
  readonly thisVars: readonly VariableInfo[];
  /** epid -> probe id and clause index, for fault reports. */
  readonly epids: readonly { readonly epid: number; readonly probeId: number; readonly clause: number }[];
}
