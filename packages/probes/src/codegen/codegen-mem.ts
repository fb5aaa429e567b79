/*
 * Code generation for objects in memory (runtime/memory.ts, `$.m`): the address of a struct
 * or array value, of a member, of an element, of `*p`; loads and stores by type (integers of
 * each width, bit-fields, pointers, strings in char arrays, whole structs copied); variables
 * that hold objects (allocated on first use: the heap for globals, thread-locals and
 * associative arrays, scratch for `this->`); and xlate<>() building its struct.
 *
 * A struct, union or array value is its address (a number), so `.` and `[ ]` are address
 * arithmetic and assignment is a copy.
 */

import type * as A from '../lang/ast.js';
import { sizeOf } from '../lang/ctypes.js';
import { findMember, isMem, memType } from '../lang/sema-mem.js';
import type { XlateRes } from '../lang/sema-xlate.js';
import { T, type CType } from '../lang/types.js';

export interface Gen {
  gen(e: A.Expr): string;
  convert(js: string, from: CType, to: CType): string;
  readonly strsize: number;
}

export const isObj = (t: CType | undefined): boolean => t !== undefined && (t.kind === 'sou' || t.kind === 'array');

/** Whether `e` names a variable whose value is an object (struct, union or array). */
export function isObjVar(e: A.Expr): boolean {
  if (e.k !== 'ident' && e.k !== 'scoped' && e.k !== 'index') return false;
  if (isMem(e)) return false;
  const r = e.res;
  if (!r || (r.kind !== 'global' && r.kind !== 'self' && r.kind !== 'this' && r.kind !== 'assoc')) return false;
  return isObj(memType(e));
}

/** The address of an object-valued expression. */
export function objAddr(g: Gen & { assocGet(e: A.IndexExpr): string; assocSet(e: A.IndexExpr, v: string): string }, e: A.Expr): string {
  if (isMem(e)) return memAddr(g, e);
  const t = memType(e);
  const n = sizeOf(t, g.strsize);
  const r = e.res;
  if (r?.kind === 'global') return `$.m.obj(G, ${r.slot}, ${n}, false)`;
  if (r?.kind === 'self') return `$.m.obj(S, ${r.slot}, ${n}, false)`;
  if (r?.kind === 'this') return `$.m.obj(T, ${r.slot}, ${n}, true)`;
  if (r?.kind === 'assoc') {
    const ix = e as A.IndexExpr;
    return `(${g.assocGet(ix)} || ${g.assocSet(ix, `$.m.alloc(${n})`)})`;
  }
  if (e.k === 'xlate') return xlate(g, e);
  return g.gen(e);
}

/** The address of a member, element or `*p` node (sema-mem.ts marks them). */
export function memAddr(g: Parameters<typeof objAddr>[0], e: A.Expr): string {
  switch (e.k) {
    case 'member': {
      const ot = e.obj.type!;
      const sou = e.arrow && ot.kind === 'pointer' ? ot.ref! : memType(e.obj);
      const off = findMember(sou, e.name)!.off;
      const base = e.arrow ? g.gen(e.obj) : objAddr(g, e.obj);
      if (off === 0) return base;
      return e.arrow ? `$.ptradd(${base}, ${off})` : `(${base} + ${off})`;
    }
    case 'index': {
      const bt = memType(e.base);
      const k = g.convert(g.gen(e.keys[0]!), e.keys[0]!.type!, T.int64);
      if (bt.kind === 'array') {
        const es = sizeOf(bt.of, g.strsize);
        // Only a D array variable is bounds-checked; arrays reached through memory are not.
        const named = e.base.k === 'ident' || e.base.k === 'scoped';
        const i = named && bt.n > 0 ? `$.m.idx(${k}, ${bt.n})` : `Number(${k})`;
        return `(${objAddr(g, e.base)} + ${i} * ${es})`;
      }
      const es = bt.kind === 'pointer' && bt.ref ? sizeOf(bt.ref, g.strsize) : 1;
      return `$.ptradd(${g.gen(e.base)}, $.mul(${k}, ${es}))`;
    }
    case 'unary': {
      const at = memType(e.arg);
      return at.kind === 'array' ? objAddr(g, e.arg) : g.gen(e.arg);
    }
    default:
      return g.gen(e);
  }
}

/** Loads a value of type `t` (the in-memory type) from `addr`. */
export function load(addr: string, t: CType, strsize: number): string {
  switch (t.kind) {
    case 'int':
      if (t.bits !== undefined) return `$.m.ldbf(${addr}, ${t.size}, ${t.bits}, ${t.signed})`;
      return `$.m.ld(${addr}, ${t.size}, ${t.signed})`;
    case 'pointer':
      return `$.m.ld(${addr}, 8, false)`;
    case 'float':
      return `$.m.ld(${addr}, ${Math.min(t.size, 8)}, true)`;
    case 'string':
      return `$.m.ldstr(${addr}, ${strsize})`;
    case 'array':
      if (t.of.kind === 'int' && t.of.size === 1) return `$.m.ldstr(${addr}, ${t.n})`;
      return addr;
    default:
      return addr;
  }
}

/** Stores `v` (already converted to the value type) at `addr`; yields `v`. */
export function store(addr: string, t: CType, v: string, strsize: number): string {
  switch (t.kind) {
    case 'int':
      if (t.bits !== undefined) return `((A) => ($.m.stbf(A[0], ${t.size}, ${t.bits}, A[1]), $.m.ldbf(A[0], ${t.size}, ${t.bits}, ${t.signed})))([${addr}, ${v}])`;
      return `((A) => ($.m.st(A[0], ${t.size}, A[1]), A[1]))([${addr}, ${v}])`;
    case 'pointer':
    case 'float':
      return `((A) => ($.m.st(A[0], 8, A[1]), A[1]))([${addr}, ${v}])`;
    case 'string':
      return `((A) => ($.m.ststr(A[0], ${strsize}, A[1]), A[1]))([${addr}, ${v}])`;
    case 'array':
      if (t.of.kind === 'int' && t.of.size === 1) return `((A) => ($.m.ststr(A[0], ${t.n}, A[1]), A[1]))([${addr}, ${v}])`;
      return `$.m.copy(${addr}, ${v}, ${sizeOf(t, strsize)})`;
    default:
      return `$.m.copy(${addr}, ${v}, ${sizeOf(t, strsize)})`;
  }
}

/** xlate<T>(e): a scratch struct filled from the translator's members. */
export function xlate(g: Gen, e: A.XlateExpr): string {
  const r = e.res as unknown as XlateRes;
  const out = r.xl.out;
  if (out.kind === 'struct') return xlateObject(g, e, r);
  if (out.kind !== 'sou') return '0';
  const parts = r.xl.members.map((m) => {
    const mm = findMember(out, m.name)!;
    const v = m.value;
    const vt = v.type!;
    const val = m.type.kind === 'int' || m.type.kind === 'pointer' ? g.convert(g.gen(v), vt.kind === 'pointer' ? T.uint64 : vt, m.type.kind === 'pointer' ? T.uint64 : m.type) : g.gen(v);
    return store(`(X0 + ${mm.off})`, m.type, val, g.strsize);
  });
  return `((X) => { const X0 = $.m.salloc(${out.def.size}); ${parts.map((p) => `${p};`).join(' ')} return X0; })(${g.gen(e.arg)})`;
}

/** xlate<T>(e) to an engine struct (lang/library.ts): an object with the translated members. */
function xlateObject(g: Gen, e: A.XlateExpr, r: XlateRes): string {
  const parts = r.xl.members.map((m) => {
    const vt = m.value.type!;
    const val = m.type.kind === 'int' ? g.convert(g.gen(m.value), vt.kind === 'pointer' ? T.uint64 : vt, m.type) : g.gen(m.value);
    return `${JSON.stringify(m.name)}: ${val}`;
  });
  return `((X) => ({ ${parts.join(', ')} }))(${g.gen(e.arg)})`;
}
