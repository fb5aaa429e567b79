/*
 * The semantic passes' error (the first one stops the compilation with dtrace's tag) and the
 * view of the checker that the helper passes (sema-mem.ts, sema-xlate.ts) need, kept apart
 * from sema-expr.ts so that those passes do not import it back.
 */

import type * as A from './ast.js';
import type { ErrorTag } from '../program/error-tags.js';
import type { TypeLib } from './ctypes.js';
import type { Scope } from './sema-scope.js';
import type { CType } from './types.js';

export class SemaError {
  constructor(
    readonly code: ErrorTag,
    readonly message: string,
    readonly at: number,
  ) {}
}

/**
 * A failure of dtrace's code generator rather than of its parser (an EDT_* error such as
 * EDT_NOTUPREG): dtrace(1) prints it without a tag or a line.
 */
export class CodegenError extends SemaError {}

export const fail = (code: ErrorTag, message: string, at: number): never => {
  throw new SemaError(code, message, at);
};

export interface CheckerView {
  readonly scope: Scope;
  readonly strsize: number;
  readonly lib: TypeLib;
  readonly translators: Map<string, Map<string, unknown>>;
  expr(e: A.Expr): CType;
  typeOf(ref: A.TypeRef): CType;
  /** Resolves an assignment target; `assigned` is the stored value's type (null: a read). */
  lvalue(t: A.Expr, assigned: CType | null, op?: string): CType;
  isName(name: string): boolean;
  aggRef(e: A.Expr): boolean;
}
