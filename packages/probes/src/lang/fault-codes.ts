/*
 * The D library every compilation sees (libdtrace's unistd.d): the DTRACEFLT_* fault codes as
 * integer inlines, so that an ERROR clause can compare arg4 with them. Seeded into the scope
 * before the first unit is checked; a program redefining one gets D_DECL_IDRED as it would for
 * any inline.
 */

import type { IntExpr } from './ast.js';
import type { Scope } from './sema-scope.js';
import { T } from './types.js';

/** DTRACEFLT_* names and values (dtrace.h; runtime/fault.ts raises the same codes). */
const FAULT_CODES: readonly (readonly [string, number])[] = [
  ['DTRACEFLT_UNKNOWN', 0], ['DTRACEFLT_BADADDR', 1], ['DTRACEFLT_BADALIGN', 2], ['DTRACEFLT_ILLOP', 3],
  ['DTRACEFLT_DIVZERO', 4], ['DTRACEFLT_NOSCRATCH', 5], ['DTRACEFLT_KPRIV', 6], ['DTRACEFLT_UPRIV', 7],
  ['DTRACEFLT_TUPOFLOW', 8], ['DTRACEFLT_BADSTACK', 9],
];

export function seedLibrary(scope: Scope): void {
  for (const [name, value] of FAULT_CODES) {
    const expr: IntExpr = { k: 'int', at: 0, value: BigInt(value), literalType: T.int, image: String(value), type: T.int };
    scope.inlines.set(name, { type: T.int, value: expr });
  }
}
