/*
 * Integer constant folding, as dtrace's parser folds while it builds nodes (dt_node_op1 and
 * dt_node_op2 fold an operator whose operands are integer constants into one constant). The
 * semantic pass uses it where dtrace's rules look at "an integer constant": the D_DIV_ZERO
 * check on a divisor (`5 / (2 - 2)`), and the constant arguments of lquantize()/llquantize().
 *
 * Input: an AST expression (types not required). Output: its 64-bit two's-complement value as a
 * bigint, or null when it is not a constant (or folding would divide by zero: the caller reports
 * that). Must not mutate the AST.
 */

import type * as A from './ast.js';

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

export function constValue(e: A.Expr): bigint | null {
  switch (e.k) {
    case 'int':
      return e.value;
    case 'ident':
      return e.res?.kind === 'inline' && !e.view && e.type?.kind === 'int' ? constValue(e.res.value) : null;
    case 'sizeof':
    case 'offsetof':
      return e.res?.kind === 'builtin' ? BigInt(e.res.name) : null;
    case 'unary': {
      const v = constValue(e.arg);
      if (v === null) return null;
      switch (e.op) {
        case '-':
          return wrap(-v);
        case '+':
          return v;
        case '~':
          return wrap(~v);
        case '!':
          return v === 0n ? 1n : 0n;
        default:
          return null;
      }
    }
    case 'binary': {
      const a = constValue(e.left);
      if (a === null) return null;
      const b = constValue(e.right);
      if (b === null) return null;
      return fold(e.op, a, b);
    }
    default:
      return null;
  }
}

function fold(op: A.BinaryOp, a: bigint, b: bigint): bigint | null {
  switch (op) {
    case '+':
      return wrap(a + b);
    case '-':
      return wrap(a - b);
    case '*':
      return wrap(a * b);
    case '/':
      return b === 0n ? null : wrap(a / b);
    case '%':
      return b === 0n ? null : wrap(a % b);
    case '<<':
      return wrap(a << (b & 63n));
    case '>>':
      return wrap(a >> (b & 63n));
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '<':
      return a < b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '&&':
      return a !== 0n && b !== 0n ? 1n : 0n;
    case '||':
      return a !== 0n || b !== 0n ? 1n : 0n;
    case '^^':
      return (a !== 0n) !== (b !== 0n) ? 1n : 0n;
    default:
      return null;
  }
}
