/*
 * Types of the expressions that reach memory: members of D-defined structs and unions
 * (`.` on a struct value, `->` on a pointer to one), subscripts of arrays and pointers,
 * `*p`, `&lvalue`, `sizeof` and `offsetof`, with dt_parser.c's checks (D_ADDROF_*,
 * D_SIZEOF_*, D_OFFSETOF_*, D_DEREF_*). A char array read as a value is a string: its node
 * keeps the array type in `view` (ast.ts), so that sizeof, `[ ]` and stores still see the array.
 *
 * Every node typed here gets `res = { kind: 'mem' }`: code generation computes its address.
 */

import type * as A from './ast.js';
import { pointerTo, sizeOf } from './ctypes.js';
import { constValue } from './sema-const.js';
import { kernelSou } from './library.js';
import { fail, type CheckerView as Checker } from './sema-error.js';
import { T, typeName, type CType, type Member } from './types.js';

export const MEM: A.Resolution = { kind: 'builtin', name: '<mem>' };

export function isMem(e: A.Expr): boolean {
  return e.res === MEM;
}

/** A char array value reads as a string (d-language.md 4). */
export function asValue(e: A.Expr, t: CType): CType {
  if (t.kind === 'array' && t.of.kind === 'int' && t.of.size === 1) {
    e.view = t;
    return T.string;
  }
  return t;
}

/** The type of an expression as it lies in memory (a string view's array). */
export function memType(e: A.Expr): CType {
  return e.view ?? e.type!;
}

export function findMember(t: CType, name: string): Member | undefined {
  if (t.kind !== 'sou') return undefined;
  return t.def.members?.find((m) => m.name === name);
}

/** `.` on a D struct/union value or `->` on a pointer to one. */
export function memberType(c: Checker, e: A.MemberExpr, objType: CType): CType {
  let sou: CType;
  if (e.arrow) {
    if (objType.kind !== 'pointer' || !objType.ref) return fail('D_OP_PTR', 'operator -> must be applied to a pointer', e.at);
    sou = objType.ref;
  } else sou = objType;
  if (sou.kind !== 'sou') {
    return e.arrow
      ? fail('D_OP_SOU', `operator -> cannot be applied to pointer to type "${typeName(sou)}"; must be applied to a struct or union pointer`, e.at)
      : fail('D_OP_SOU', `operator . cannot be applied to type "${typeName(sou)}"; must be applied to a struct or union`, e.at);
  }
  if (sou.def.members === null) {
    return fail('D_OP_INCOMPLETE', `operator ${e.arrow ? '->' : '.'} cannot be applied to a forward declaration: no ${sou.name} definition is available`, e.at);
  }
  const m = findMember(sou, e.name);
  if (!m) return fail('D_TYPE_MEMBER', `${e.name} is not a member of ${sou.name}`, e.at);
  e.res = MEM;
  void c;
  return asValue(e, m.type);
}

/** `a[i]` on an array or a pointer. */
export function indexType(c: Checker, e: A.IndexExpr, base: CType, label: string | null): CType {
  if (e.keys.length !== 1) return fail('D_ARR_BADREF', `cannot access ${label ?? 'operand'} as an associative array`, e.at);
  const k = e.keys[0]!;
  const kt = c.expr(k);
  if (kt.kind !== 'int') fail('D_IDX_INT', 'index must be an integer', k.at);
  let elem: CType;
  if (base.kind === 'array') {
    elem = base.of;
    const v = constValue(k);
    if (v !== null && base.n > 0 && (v < 0n || v >= BigInt(base.n)) && label !== null) {
      fail('D_ARR_BOUNDS', `index ${v} is out of range for array ${label}`, e.at);
    }
  } else if (base.kind === 'pointer' && base.ref) {
    elem = base.ref;
    if (elem.kind === 'void') fail('D_DEREF_VOID', 'cannot dereference pointer to void', e.at);
  } else return fail('D_IDX_BASE', 'operator [ ] may not be applied to this operand', e.at);
  e.res = MEM;
  return asValue(e, elem);
}

/** `*p` on a pointer into memory. */
export function derefType(e: A.UnaryExpr, t: CType): CType {
  if (t.kind === 'array') t = pointerTo(t.of);
  if (t.kind !== 'pointer') return fail('D_DEREF_NONPTR', 'cannot dereference non-pointer type', e.at);
  const to = t.ref;
  if (!to || to.kind === 'void') return fail('D_DEREF_VOID', 'cannot dereference pointer to void', e.at);
  if (to.kind === 'fn') return fail('D_DEREF_FUNC', 'cannot dereference pointer to function', e.at);
  e.res = MEM;
  return asValue(e, to);
}

/** `&x`: only an object in memory has an address. */
export function addrOfType(c: Checker, e: A.UnaryExpr): CType {
  const a = e.arg;
  if (a.k === 'ident' || a.k === 'scoped' || a.k === 'agg') {
    if (a.k !== 'agg') c.expr(a);
    return fail('D_ADDROF_VAR', 'cannot take address of dynamic variable', e.at);
  }
  if (a.k === 'index' && a.base.k !== 'ident' && a.base.k !== 'scoped' && !isMemBase(c, a)) {
    c.expr(a);
    return fail('D_ADDROF_VAR', 'cannot take address of dynamic object', e.at);
  }
  const t = c.expr(a);
  if (!isMem(a)) {
    if (a.k === 'index' || (a.k === 'member' && !a.arrow)) return fail('D_ADDROF_VAR', 'cannot take address of dynamic object', e.at);
    return fail('D_ADDROF_LVAL', 'unacceptable operand for unary & operator', e.at);
  }
  const mt = memType(a);
  if (mt.kind === 'int' && mt.bits !== undefined) fail('D_ADDROF_BITFIELD', 'cannot take address of bit-field', e.at);
  return pointerTo(mt);
}

function isMemBase(c: Checker, a: A.IndexExpr): boolean {
  void c;
  return a.base.k === 'member' || a.base.k === 'index' || a.base.k === 'unary';
}

export function sizeofType(c: Checker, e: A.SizeofExpr): number {
  let t: CType;
  if ('k' in e.of) {
    const x = e.of;
    if (x.k === 'ident' && c.scope.globals.get(x.name)?.keys) {
      return fail('D_IDENT_BADREF', `associative array '${x.name}' may not be referenced as scalar`, e.at);
    }
    c.expr(x);
    t = memType(x);
    if (x.k === 'str') return x.value.length + 1;
  } else t = c.typeOf(e.of);
  if (t.kind === 'int' && t.bits !== undefined) fail('D_SIZEOF_BITFIELD', 'cannot apply sizeof to a bit-field', e.at);
  // An engine struct has the size its kernel library lays out (library.ts); 8 without one.
  const n = t.kind === 'struct' ? (kernelSou(c, t.name)?.size ?? 8) : sizeOf(t, c.strsize);
  if (n === 0 || t.kind === 'fn' || (t.kind === 'sou' && t.def.members === null)) fail('D_SIZEOF_TYPE', 'cannot apply sizeof to an operand of unknown size', e.at);
  return n;
}

export function offsetofValue(c: Checker, e: A.OffsetofExpr): number {
  const t = kernelView(c, c.typeOf(e.of));
  if (t.kind !== 'sou' || t.def.members === null) return fail('D_OFFSETOF_TYPE', 'offsetof operand must be a struct or union type', e.at);
  const m = findMember(t, e.member);
  if (!m) return fail('D_UNKNOWN', `failed to determine offset of ${e.member}: Member name not found`, e.at);
  if (m.type.kind === 'int' && m.type.bits !== undefined) fail('D_OFFSETOF_BITFIELD', `cannot take offset of a bit-field: ${e.member}`, e.at);
  return m.off;
}

/** An engine struct as the struct its kernel library laid out, for offsetof. */
function kernelView(c: Checker, t: CType): CType {
  const def = t.kind === 'struct' ? kernelSou(c, t.name) : null;
  return def ? { kind: 'sou', name: def.name, def } : t;
}
