/*
 * The limits that keep one run's memory bounded whatever the program says (docs/limits.md
 * lists them with the same values). Each is checked where the size is first known — the
 * compiler for declarations, options and program size, the runtime never allocates past them —
 * and each refusal names the limit. With every option at its default a run stays well under
 * 1 GB of memory.
 */

import { parseSize } from './quantities.js';

export const LIMITS = {
  /** Bytes of D program text compiled at once (all units). */
  scriptBytes: 16 * 1024 * 1024,
  /** Tokens of D program text compiled at once. */
  tokens: 2_000_000,
  /** Probe clauses in one program. */
  clauses: 50_000,
  /** Distinct aggregations in one program. */
  aggregations: 50_000,
  /**
   * Levels of nesting: brackets, `?:`, `if`, runs of unary operators, `else if` chains; on a
   * thread with a large stack (`largeStackMb`, the CLI's deep-program thread).
   */
  nesting: 25_000,
  /** Depth of one expression (operands of an operator chain included), on a large stack. */
  expressionDepth: 100_000,
  /**
   * Both depths on a thread with a default-sized stack (the main thread, an embedding app):
   * what its ~1 MB stack holds through every phase. A deeper program within the limits above
   * fails there with D_NEST_DEPTH marked `largeStack` and compiles on a large stack.
   */
  defaultStackNesting: 200,
  /** Stack of the CLI's deep-program thread (MB; pages are committed only as they are used). */
  largeStackMb: 2048,
  /** Elements of one fixed-size array (`int a[N]`). */
  arrayElements: 1_048_576,
  /** Elements of all fixed-size arrays together. */
  arrayElementsTotal: 4_194_304,
  /** Bytes one tracemem() records. */
  tracememBytes: 1_048_576,
  /** Speculation buffers (`-x nspec`). */
  nspec: 4096,
  /** `-x strsize`. */
  strsize: 1024 * 1024,
  /** `-x bufsize`, `aggsize`, `dynvarsize`, `specsize` (bytes). */
  bufferBytes: 256 * 1024 * 1024,
} as const;


/** The message for an option value beyond its limit, or null (the value is already valid). */
export function optionLimitError(name: string, value: string | true): string | null {
  if (value === true) return null;
  if (name === 'nspec') {
    const n = Number(value);
    return n > LIMITS.nspec ? `${value} exceeds the limit of ${LIMITS.nspec} speculation buffers` : null;
  }
  if (name === 'strsize') {
    const n = parseSize(value);
    return n !== null && n > LIMITS.strsize ? `${value} exceeds the limit of ${LIMITS.strsize} bytes` : null;
  }
  // bufsize, aggsize, dynvarsize and specsize beyond LIMITS.bufferBytes are not refused here:
  // as dtrace_go does, they are lowered (bufresize=auto) or refused when tracing is enabled
  // (bufresize=manual; runtime/buffer-check.ts).
  return null;
}
