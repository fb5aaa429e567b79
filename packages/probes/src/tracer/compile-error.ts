/*
 * The error startTracing() throws when a script does not compile. A compile error is user
 * input, so the compiler returns it as data (lang/diagnostics.ts); the tracer API turns the first
 * diagnostic into an exception only because its caller asked for a running tracer and cannot
 * get one. The message is the line dtrace(1) would print (`zsdtrace: invalid probe specifier …`
 * or `zsdtrace: failed to compile script x.d: line N: …`), without the trailing newline.
 */

import type { Diagnostic } from '../lang/diagnostics.js';

export class DCompileError extends Error {
  readonly code = 'E_DCOMPILE';
  /** The compiler's diagnostics; the first is the one in the message (dtrace stops there too). */
  readonly diagnostics: readonly Diagnostic[];

  constructor(message: string, diagnostics: readonly Diagnostic[]) {
    super(message);
    this.name = 'DCompileError';
    this.diagnostics = diagnostics;
  }

  /** The stable D_* tag of the first diagnostic (`D_SYNTAX`, `D_PDESC_ZERO`, …). */
  get tag(): string {
    return this.diagnostics[0]?.code ?? '';
  }
}
