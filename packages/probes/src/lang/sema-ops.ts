/*
 * Types of the operators (dt_cook_op1, dt_cook_op2, dt_assign_common in dt_parser.c): unary and
 * binary operators, assignments and their checks, in the order dtrace makes them. The names
 * and memory they reach are resolved by the checker (sema-expr.ts) through CheckerView.
 */

import type * as A from './ast.js';
import { constValue } from './sema-const.js';
import { addrOfType, derefType } from './sema-mem.js';
import { fail, type CheckerView as Checker } from './sema-error.js';
import { arithResult, isInt, isScalar, promote, sameType, T, typeName, type CType } from './types.js';

const q = (t: CType): string => `"${typeName(t)}"`;

/**
 * A string compared with or assigned NULL (an integer constant 0): zsdtrace's strings are values,
 * and the NULL string is the empty one (what a missing array element or a failed strchr() reads
 * as), so the constant becomes `""`. True when `node[side]` was such a constant and `other` a string.
 */
function asNullString<K extends string>(node: { [k in K]: A.Expr }, side: K, other: CType): boolean {
  const x = node[side];
  if (other.kind !== 'string' || x.type?.kind !== 'int' || constValue(x) !== 0n) return false;
  (node as Record<K, A.Expr>)[side] = { k: 'str', at: x.at, value: '', type: T.string };
  return true;
}

/** Unary operators (dt_cook_op1). */
export function unaryType(c: Checker, e: A.UnaryExpr): CType {
  if (e.op === '&') return addrOfType(c, e);
  if (e.op === '*') {
    const pt = c.expr(e.arg);
    const at = e.arg.view ?? pt;
    if ((at.kind === 'pointer' && at.ref && at.ref.kind !== 'struct') || at.kind === 'array') return derefType(e, at);
  }
  // dt_cook_op1 cooks its operand without a read reference and gives a still-unreferenced
  // variable the type int64_t, so `!self->x` may be the first reference (not D_VAR_UNDEF).
  const t = e.arg.type ?? (e.arg.k === 'scoped' ? c.lvalue(e.arg, T.int64) : c.expr(e.arg));
  switch (e.op) {
    case 'stringof':
      if (!isScalar(t) && t.kind !== 'string' && t.kind !== 'array') fail('D_STRINGOF_TYPE', `cannot apply stringof to a value of type ${typeName(t)}`, e.at);
      return T.string;
    case '!':
      if (!isScalar(t) && t.kind !== 'string') fail('D_OP_SCALAR', 'operator ! requires an operand of scalar type', e.at);
      return T.int;
    case '~':
      if (!isInt(t)) fail('D_OP_INT', 'operator ~ requires an operand of integral type', e.at);
      return promote(t);
    case '-':
    case '+':
      if (!isInt(t)) fail('D_OP_ARITH', `operator ${e.op} requires an operand of arithmetic type`, e.at);
      return promote(t);
    case '*':
      // Only the engine's structs have contents to read (print(*args[0]), (*p).member).
      if (t.kind !== 'pointer') return fail('D_DEREF_NONPTR', 'cannot dereference non-pointer type', e.at);
      if (t.to === 'void') return fail('D_DEREF_VOID', 'cannot dereference pointer to void', e.at);
      if (!c.scope.structs.has(t.to)) return fail('D_DEREF_NONPTR', `cannot dereference ${typeName(t)}: no ${t.to} contents are available`, e.at);
      return { kind: 'struct', name: t.to };
    default:
      return fail('D_OP_LVAL', `operator ${e.op} is not supported on this operand`, e.at);
  }
}

/** Binary operators other than assignment (dt_cook_op2). */
export function binaryType(c: Checker, e: A.BinaryExpr): CType {
  const op = e.op;
  // An aggregation as an operand has dtrace's dynamic type "aggregation": the operator's type
  // check rejects it (aggs/err.D_OP_INCOMPAT.agg_in_expr.d).
  if (e.left.k === 'agg' || e.right.k === 'agg') {
    // Each operand is cooked first: an undefined aggregation is D_IDENT_UNDEF.
    c.aggRef(e.left);
    c.aggRef(e.right);
    const name = (x: A.Expr): string => (x.k === 'agg' ? '"aggregation"' : q(c.expr(x)));
    fail('D_OP_INCOMPAT', `operands have incompatible types: ${name(e.left)} ${op} ${name(e.right)}`, e.at);
  }
  const a = c.expr(e.left);
  const b = c.expr(e.right);
  switch (op) {
    case '&&':
    case '||':
    case '^^':
      for (const t of [a, b]) if (!isScalar(t)) fail('D_OP_SCALAR', `operator ${op} requires an operand of scalar type`, e.at);
      return T.int;
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
    case '!=':
      if (a.kind === 'string' && b.kind === 'string') return T.int;
      if ((op === '==' || op === '!=') && (asNullString(e, 'left', b) || asNullString(e, 'right', a))) return T.int;
      if (isScalar(a) && isScalar(b)) return T.int;
      return fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(a)} ${op} ${q(b)}`, e.at);
    case '+':
    case '-':
      if ((a.kind === 'pointer' && a.to === 'void' && isInt(b)) || (b.kind === 'pointer' && b.to === 'void' && isInt(a))) {
        fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(a)} ${op} ${q(b)}`, e.at);
      }
      if (a.kind === 'pointer' && isInt(b)) return a;
      if (op === '+' && isInt(a) && b.kind === 'pointer') return b;
      if (op === '-' && a.kind === 'pointer' && b.kind === 'pointer') return T.long;
      // dt_cook_op2: the additive operators report D_OP_INCOMPAT, not D_OP_ARITH.
      if (!isInt(a) || !isInt(b)) fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(a)} ${op} ${q(b)}`, e.at);
      return arithResult(a, b);
    case '*':
    case '/':
    case '%':
      // dt_cook_op2: `%` wants integers (D_OP_INT), `*` and `/` arithmetic operands (D_OP_ARITH).
      if (op === '%' && (!isInt(a) || !isInt(b))) fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.at);
      if (!isInt(a) || !isInt(b)) fail('D_OP_ARITH', `operator ${op} requires operands of arithmetic type`, e.at);
      if ((op === '/' || op === '%') && constValue(e.right) === 0n) {
        fail('D_DIV_ZERO', 'expression contains division by zero', e.at);
      }
      return arithResult(a, b);
    default:
      if (!isInt(a) || !isInt(b)) fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.at);
      return op === '<<' || op === '>>' ? promote(a) : arithResult(a, b);
  }
}

/** Assignments, plain and compound (dt_assign_common, dt_cook_op2). */
export function assignType(c: Checker, e: A.AssignExpr): CType {
  if (e.target.k === 'agg') return fail('D_AGG_FUNC', `@${e.target.name} must be assigned the result of an aggregating function`, e.at);
  // A compound assignment reads its target, cooked before the value (dt_cook_op2 cooks it with
  // DT_IDFLG_REF): a variable not yet assigned is D_VAR_UNDEF.
  if (e.op !== '=' && e.target.k === 'ident' && !c.scope.globals.has(e.target.name) && !c.isName(e.target.name)) {
    fail('D_VAR_UNDEF', `${e.target.name} has not yet been declared or assigned`, e.target.at);
  }
  const early = e.op !== '=' && e.target.k === 'scoped' ? c.expr(e.target) : null;
  const v = c.expr(e.value);
  const t = early ?? c.lvalue(e.target, v, e.op);
  if (e.op === '=' && t.kind === 'string' && asNullString(e, 'value', t)) return t;
  if (e.op === '=') {
    const tm = e.target.view ?? t;
    if (tm.kind === 'array' && !e.target.view) fail('D_OP_ARRFUN', `operator = may not be applied to operand of type "${typeName(tm)}"`, e.at);
    const decays = t.kind === 'pointer' && (e.value.view ?? v).kind === 'array';
    const ok = decays || (t.kind === 'string' && v.kind === 'string') || (isScalar(t) && isScalar(v)) || sameType(t, v);
    if (!ok) fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(t)} ${e.op} ${q(v)}`, e.at);
    return t;
  }
  if (e.op === '+=' || e.op === '-=') {
    // dt_cook_op2's DT_TOK_ADD_EQ/SUB_EQ: strings are incompatible; otherwise, unless both
    // sides are integers, the target must be a pointer to something of known size (not void
    // or a function) and the value an integer or a compatible pointer.
    if (t.kind === 'string' || v.kind === 'string') fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(t)} ${e.op} ${q(v)}`, e.at);
    if (!isInt(t) || !isInt(v)) {
      const vfptr = t.kind === 'pointer' && (t.to === 'void' || t.ref?.kind === 'fn');
      if (t.kind !== 'pointer' || vfptr) fail('D_OP_VFPTR', `operator ${e.op} requires left-hand scalar operand of known size`, e.at);
      const compat = v.kind === 'pointer' && (sameType(t, v) || v.to === 'void');
      if (!isInt(v) && !compat) fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(t)} ${e.op} ${q(v)}`, e.at);
    }
    return t;
  }
  if (!isScalar(t) || !isScalar(v)) fail('D_OP_INCOMPAT', `operands have incompatible types: ${q(t)} ${e.op} ${q(v)}`, e.at);
  if ((e.op === '/=' || e.op === '%=') && constValue(e.value) === 0n) {
    fail('D_DIV_ZERO', 'expression contains division by zero', e.at);
  }
  return t;
}
