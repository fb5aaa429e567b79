/*
 * Binary operator precedence and the fold of a flat operator chain into a tree (d-language.md
 * 1.4), shared by the grammar (parse-expr.ts) and the direct descent of parse-common.ts so that
 * both build the same tree: `a op1 b op2 c …` is recognised as a flat list and folded here by
 * precedence climbing, every level left-associative.
 */

import type { IToken } from 'chevrotain';
import type * as A from './ast.js';

/** Binary operator precedence, higher binds tighter (d-language.md 1.4). */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1, '^^': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7,
  '<': 8, '<=': 8, '>': 8, '>=': 8, '<<': 9, '>>': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

/** Folds `first op1 a1 op2 a2 …` by precedence climbing (d-language.md 1.4). */
export function foldBinary(first: A.Expr, ops: readonly IToken[], args: readonly A.Expr[]): A.Expr {
  let pos = 0;
  const climb = (left: A.Expr, minPrec: number): A.Expr => {
    while (pos < ops.length) {
      const op = ops[pos]!.image;
      const prec = PRECEDENCE[op] ?? 0;
      if (prec < minPrec) break;
      const right = args[pos++]!;
      left = { k: 'binary', at: left.at, op: op as A.BinaryOp, left, right: climb(right, prec + 1) };
    }
    return left;
  };
  return climb(first, 0);
}
