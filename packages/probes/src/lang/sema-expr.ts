/*
 * Semantic pass over expressions: name resolution in every scope (built-ins, inlines,
 * globals, `self->`, `this->`, associative and fixed arrays, typed `args[]`, struct members
 * from the types table) and types (C's usual conversions on LP64, strings compared by
 * content). Each node gets `type` and, for names, `res`. The first error aborts the pass with
 * dtrace's tag and wording (d-language.md 1.4–1.6, 2.6); calls are delegated to
 * sema-actions.ts and operators to sema-ops.ts.
 */

import type * as A from './ast.js';
import type { ProbeArg } from '../provider/probe.js';
import { LIMITS } from '../program/limits.js';
import { BUILTIN_VARS, type Scope, type VarSym } from './sema-scope.js';
import { arithResult, builtinTypedefs, isScalar, parseTypeName, sameType, T, typeName, type CType } from './types.js';
import { arrayOf, pointerTo, TypeError_, TypeLib } from './ctypes.js';
import { PARAM, xlateType } from './sema-xlate.js';
import { asValue, indexType, isMem, memberType, offsetofValue, sizeofType } from './sema-mem.js';

import { CodegenError, fail, SemaError } from './sema-error.js';
import { assignType, binaryType, unaryType } from './sema-ops.js';

export { fail, SemaError };

/** What a clause has done so far, for the speculation rules of d-language.md 1.10. */
export interface ClauseFlags {
  speculate: boolean;
  commit: boolean;
  datarec: boolean;
  aggregation: boolean;
  /** The clause produces a firing (data-recording action or exit()). */
  records: boolean;
  /** The clause uses a destructive action (refused at enable time without -w). */
  destructive: boolean;
}

export interface ClauseContext {
  /** Typed arguments of the first probe the clause matches (args[]). */
  readonly probeArgs: readonly ProbeArg[] | null;
  usesThis: boolean;
  usesSelf: boolean;
  readonly flags: ClauseFlags;
}

export function newClauseContext(probeArgs: readonly ProbeArg[] | null): ClauseContext {
  return { probeArgs, usesThis: false, usesSelf: false, flags: { speculate: false, commit: false, datarec: false, aggregation: false, records: false, destructive: false } };
}

export interface CallHooks {
  call(c: Checker, e: A.CallExpr, statement: boolean): CType;
  aggregate(c: Checker, target: A.AggExpr, e: A.AssignExpr): void;
}

const q = (t: CType): string => `"${typeName(t)}"`;

/**
 * The deepest nesting of expressions and of `if` statements a program may have (docs/limits.md);
 * deeper programs fail with D_NEST_DEPTH rather than overflowing the stack in a later phase.
 */
export const MAX_NESTING: number = LIMITS.nesting;

/** DIF_DTR_NREGS: the tuple registers that carry an associative array's keys. */
const TUPLE_REGISTERS = 8;

export class Checker {
  clause: ClauseContext = newClauseContext(null);

  /** The struct names, built once per compile (type lookups happen per expression). */
  readonly structNames: Set<string>;
  /** Tags, typedefs and enumerators known to this compilation (ctypes.ts). */
  readonly lib = new TypeLib();
  /** Translators by output type name, then input type name (sema-xlate.ts). */
  readonly translators = new Map<string, Map<string, unknown>>();

  constructor(
    readonly scope: Scope,
    readonly strsize: number,
    private readonly hooks: CallHooks,
  ) {
    this.structNames = new Set(scope.structs.keys());
    for (const [k, v] of Object.entries(builtinTypedefs())) this.lib.typedefs.set(k, v);
  }

  typeOf(ref: A.TypeRef): CType {
    const m = /^(.*?)\s*(\**)$/.exec(ref.text)!;
    const words = m[1]!.split(/\s+/).filter((w) => w !== '');
    const plain = words.filter((w) => w !== 'const' && w !== 'volatile' && w !== 'restrict').join(' ');
    let t: CType;
    if (this.structNames.has(plain)) t = { kind: 'struct', name: plain };
    else {
      try {
        t = this.lib.resolve(words);
      } catch (e) {
        if (e instanceof TypeError_) return fail(e.code, e.message, ref.at);
        throw e;
      }
    }
    for (let i = 0; i < m[2]!.length; i++) t = pointerTo(t);
    for (const n of [...(ref.dims ?? [])].reverse()) t = arrayOf(t, n);
    return t;
  }

  /** Checks an expression in statement position (an action call is legal there). */
  statement(e: A.Expr): void {
    // dt_compile_agg: an aggregation with no function applied has no effect.
    if (e.k === 'agg' && (e.keys !== null || this.aggRef(e))) fail('D_AGG_NULL', `expression has null effect: @${e.name}`, e.at);
    if (e.k === 'call') {
      e.type = this.hooks.call(this, e, true);
      this.settleActions();
      return;
    }
    if (e.k === 'assign' && e.target.k === 'agg') {
      if (e.op !== '=') fail('D_AGG_FUNC', `@${e.target.name} must be assigned the result of an aggregating function`, e.at);
      this.hooks.aggregate(this, e.target, e);
      e.type = T.void;
      this.settleActions();
      return;
    }
    this.expr(e);
    this.settleActions();
  }

  /** Checks a predicate or an `if` condition: a whole expression whose value is used. */
  condition(e: A.Expr, predicate: boolean): CType {
    const t = this.expr(e);
    this.settleActions();
    if (predicate && !isScalar(t)) fail('D_PRED_SCALAR', 'predicate result must be of scalar type', e.at);
    return t;
  }

  /**
   * An action called inside an expression (`x = trace(1)`). dtrace types it void and lets the
   * operator around it refuse it with that operator's tag (D_OP_ARITH, D_STRINGOF_TYPE,
   * D_OP_ACT, D_PRINTF_ARG_TYPE, …); one that no operator refused is refused here.
   */
  nestedAction: A.CallExpr | null = null;

  private settleActions(): void {
    const a = this.nestedAction;
    this.nestedAction = null;
    if (a?.res?.kind === 'call' && a.res.role === 'action') fail('D_ACT_EXPR', `${a.fn}( ) may not be used in an expression`, a.at);
    if (a) fail('D_AGG_FUNC', `${a.fn}( ) may only be used as the value of an aggregation`, a.at);
  }

  expr(e: A.Expr): CType {
    // Every later phase (code generation, V8's parser, evaluation) recurses as deep as this.
    try {
      if (++this.depth > this.maxDepth) throw new SemaError('D_NEST_DEPTH', `expression nested more than ${this.maxDepth} levels deep`, e.at);
      const t = this.compute(e);
      e.type = t;
      return t;
    } finally {
      this.depth--;
    }
  }
  private depth = 0;
  /** The deepest expression allowed (compile() sets it for the stack it runs on). */
  maxDepth: number = LIMITS.expressionDepth;

  private compute(e: A.Expr): CType {
    switch (e.k) {
      case 'int':
        return e.literalType;
      case 'str':
        return T.string;
      case 'ident':
        return this.ident(e, null);
      case 'scoped':
        return this.scoped(e, null);
      case 'agg':
        return fail('D_AGG_SCALAR', `aggregation @${e.name} may not be used in an expression`, e.at);
      case 'index':
        return this.index(e, null);
      case 'member': {
        const ot = this.expr(e.obj);
        if (ot.kind === 'sou' || (e.arrow && ot.kind === 'pointer' && ot.ref && ot.ref.kind !== 'struct')) return memberType(this, e, ot);
        return this.member(e);
      }
      case 'xlate':
        return this.xlate(e);
      case 'call':
        return this.hooks.call(this, e, false);
      case 'unary':
        return unaryType(this, e);
      case 'incdec': {
        const t = this.lvalue(e.arg, null, e.op);
        if (!isScalar(t)) fail('D_OP_SCALAR', `operator ${e.op} requires an operand of scalar type`, e.at);
        // dt_cook_op1: a void or function pointer has no size to step by.
        if (t.kind === 'pointer' && (t.to === 'void' || t.ref?.kind === 'fn')) fail('D_OP_VFPTR', `operator ${e.op} requires an operand of known size`, e.at);
        return t;
      }
      case 'binary':
        return binaryType(this, e);
      case 'ternary': {
        const c = this.expr(e.cond);
        if (!isScalar(c)) fail('D_OP_SCALAR', 'operator ?: requires an operand of scalar type', e.at);
        const a = this.expr(e.then);
        const b = this.expr(e.else);
        let t: CType;
        if (a.kind === 'string' && b.kind === 'string') t = T.string;
        else if (isScalar(a) && isScalar(b)) t = a.kind === 'pointer' ? a : b.kind === 'pointer' ? b : arithResult(a, b);
        else if (a.kind === b.kind && typeName(a) === typeName(b)) t = a;
        else return fail('D_OP_INCOMPAT', 'operator ?: operands must have compatible types', e.at);
        if (isAction(e.then) || isAction(e.else)) fail('D_OP_ACT', 'action cannot be used in a conditional context', e.at);
        return t;
      }
      case 'assign':
        return assignType(this, e);
      case 'cast': {
        const to = this.typeOf(e.to);
        const from = this.expr(e.arg);
        if ((to.kind === 'sou' || to.kind === 'array' || to.kind === 'fn') && !sameType(to, from)) fail('D_CAST_INVAL', `invalid cast expression: ${q(from)} to ${q(to)}`, e.at);
        if (to.kind === 'float' && isScalar(from)) return to;
        if (isScalar(to) && !isScalar(from)) fail('D_CAST_INVAL', `invalid cast expression: ${q(from)} to ${q(to)}`, e.at);
        if (to.kind === 'string' && from.kind !== 'string') fail('D_CAST_INVAL', `invalid cast expression: ${q(from)} to ${q(to)}`, e.at);
        return to;
      }
      case 'sizeof':
        e.res = { kind: 'builtin', name: String(sizeofType(this, e)) };
        return SIZE_T;
      case 'offsetof':
        e.res = { kind: 'builtin', name: String(offsetofValue(this, e)) };
        return SIZE_T;
      case 'comma': {
        this.expr(e.left);
        const t = this.expr(e.right);
        if (isAction(e.left) || isAction(e.right)) fail('D_OP_ACT', 'operator , operands cannot be actions', e.at);
        return t;
      }
    }
  }

  /**
   * Whether `e` is a bare aggregation reference (`@a`), which dtrace cooks to its dynamic type
   * "aggregation" (dt_xcook_ident): an undefined one is D_IDENT_UNDEF, a defined one is left for
   * the caller to accept (printa, clear, …) or refuse with its own tag.
   */
  aggRef(e: A.Expr): boolean {
    if (e.k !== 'agg' || e.keys !== null) return false;
    const sym = this.scope.aggs.get(e.name);
    if (!sym) return fail('D_IDENT_UNDEF', `failed to resolve @${e.name}: Unknown variable name`, e.at);
    e.res = { kind: 'agg', id: sym.id };
    e.type = T.void;
    return true;
  }

  /** The types of an array's or aggregation's keys; an aggregation is no key (dt_idcook_assc). */
  keyTypes(keys: readonly A.Expr[]): CType[] {
    return keys.map((k, i) => (this.aggRef(k) ? fail('D_KEY_TYPE', `key #${i + 1} may not be an aggregation`, k.at) : this.expr(k)));
  }

  /** Whether `name` is a built-in variable, an inline or an enumerator (a name not for storing). */
  isName(name: string): boolean {
    return name in BUILTIN_VARS || this.scope.inlines.has(name) || this.lib.enumConsts.has(name) || name === 'self' || name === 'this';
  }

  /** xlate<T>(e), with the translators defined so far (sema-xlate.ts). */
  xlate(e: A.XlateExpr): CType {
    return xlateType(this, e);
  }

  ident(e: A.IdentExpr, assigned: CType | null): CType {
    if (PARAM.name !== null && e.name === PARAM.name && assigned === null) {
      e.res = { kind: 'builtin', name: '$xp' };
      return asValue(e, PARAM.type!);
    }
    const g = this.scope.globals.get(e.name);
    if (g) {
      // dt_xcook_ident: a global is referenced as the kind it was declared.
      if (g.keys) fail('D_IDENT_BADREF', `associative array '${e.name}' may not be referenced as scalar`, e.at);
      e.res = { kind: g.size !== undefined ? 'array' : 'global', slot: g.slot, size: g.size ?? 0 } as A.Resolution;
      return asValue(e, g.type);
    }
    if (assigned === null) {
      if (e.name in BUILTIN_VARS) {
        e.res = { kind: 'builtin', name: e.name };
        return BUILTIN_VARS[e.name]!;
      }
      const inl = this.scope.inlines.get(e.name);
      if (inl) {
        e.res = { kind: 'inline', value: inl.value };
        return inl.type;
      }
      const ec = this.lib.enumConsts.get(e.name);
      if (ec) {
        e.res = { kind: 'inline', value: { k: 'int', at: e.at, value: BigInt(ec.value), literalType: ec.type, image: String(ec.value), type: ec.type } };
        return ec.type;
      }
      // NULL is the integer constant 0 of type int (dtrace's sizeof (NULL) is 4).
      if (e.name === 'NULL') {
        e.res = { kind: 'inline', value: { k: 'int', at: e.at, value: 0n, literalType: T.int, image: '0', type: T.int } };
        return T.int;
      }
      return fail('D_IDENT_UNDEF', `failed to resolve ${e.name}: Unknown variable name`, e.at);
    }
    // dt_assign_common: a built-in variable is an lvalue that is not writable; an inline or an
    // enumerator is no lvalue at all.
    if (e.name in BUILTIN_VARS || e.name === 'self' || e.name === 'this') this.notWritable(e.at);
    if (this.scope.inlines.has(e.name) || this.lib.enumConsts.has(e.name)) {
      fail('D_OP_LVAL', `operator ${this.writeOp} requires modifiable lvalue as an operand`, e.at);
    }
    const sym = this.scope.declare('global', e.name, newVarType(assigned));
    e.res = { kind: 'global', slot: sym.slot };
    return sym.type;
  }

  scoped(e: A.ScopedExpr, assigned: CType | null): CType {
    const table = e.scope === 'self' ? this.scope.selfs : this.scope.thiss;
    if (e.scope === 'self') this.clause.usesSelf = true;
    else this.clause.usesThis = true;
    let sym = table.get(e.name);
    if (sym?.keys) fail('D_ARR_LOCAL', `${e.scope}->${e.name} is an associative array and must be indexed`, e.at);
    // dt_cook_var: a self->/this-> variable whose first reference in program order reads it
    // (an rvalue, or the left side of a compound assignment) has no type yet: D_VAR_UNDEF.
    // A unary operator's operand (`!self->x`, `++self->x`) may come first and becomes int64_t
    // (dt_cook_op1); plain `=` creates it with the value's type.
    if (!sym && assigned === null) fail('D_VAR_UNDEF', `${e.scope}->${e.name} has not yet been declared or assigned`, e.at);
    sym ??= this.scope.declare(e.scope, e.name, newVarType(assigned!));
    e.res = { kind: e.scope, slot: sym.slot };
    return asValue(e, sym.type);
  }

  index(e: A.IndexExpr, assigned: CType | null): CType {
    const base = e.base;
    if (base.k === 'ident' && base.name === 'args' && !this.scope.globals.has('args')) {
      if (assigned) this.notWritable(e.at);
      const k = e.keys[0];
      if (e.keys.length !== 1 || !k || k.k !== 'int') return fail('D_ARGS_IDX', 'args[ ] index must be an integer constant', e.at);
      k.type = k.literalType;
      const i = Number(k.value);
      const args = this.clause.probeArgs;
      if (args && args.length > 0 && i >= args.length) {
        fail('D_ARGS_IDX', `index ${i} is out of range for probe args[ ]`, e.at);
      }
      if (i > 9) fail('D_ARGS_IDX', `index ${i} is out of range for probe args[ ]`, e.at);
      e.res = { kind: 'args', index: i };
      const ty = args?.[i]?.type;
      return (ty && parseTypeName(ty, this.structNames)) || T.int64;
    }
    if (base.k === 'agg') fail('D_AGG_MDIM', `improper attempt to reference @${base.name} as a multi-dimensional array`, e.at);
    const memBase = this.memBase(base);
    if (memBase) return indexType(this, e, memBase, base.k === 'ident' ? base.name : base.k === 'scoped' ? `${base.scope}->${base.name}` : null);
    const keyTypes = this.keyTypes(e.keys);
    for (let i = 0; i < keyTypes.length; i++) {
      const kt = keyTypes[i]!;
      if (kt.kind === 'void' || kt.kind === 'struct') fail('D_KEY_TYPE', `key #${i + 1} has void or struct type`, e.keys[i]!.at);
    }
    let sym: VarSym | undefined;
    let scope: 'global' | 'self' = 'global';
    let label: string;
    if (base.k === 'ident') {
      sym = this.scope.globals.get(base.name);
      label = base.name;
    } else if (base.k === 'scoped' && base.scope === 'this') {
      return fail('D_ARR_LOCAL', `local variables may not be used as associative arrays: ${base.name}`, e.at);
    } else if (base.k === 'scoped' && base.scope === 'self') {
      sym = this.scope.selfs.get(base.name);
      scope = 'self';
      this.clause.usesSelf = true;
      label = `self->${base.name}`;
    } else {
      return fail('D_IDX_BASE', 'operator [ ] may not be applied to this operand', e.at);
    }
    if (sym && sym.size !== undefined) {
      const k = e.keys[0]!;
      if (k.k === 'int' && (k.value < 0n || k.value >= BigInt(sym.size))) {
        fail('D_ARR_BOUNDS', `index ${k.value} is out of range for array ${label}`, e.at);
      }
      e.res = { kind: 'array', slot: sym.slot, size: sym.size };
      return sym.type;
    }
    if (!sym) {
      if (!assigned) return fail('D_IDENT_UNDEF', `failed to resolve ${label}: Unknown variable name`, e.at);
      sym = this.scope.declare(scope, base.k === 'ident' ? base.name : (base as A.ScopedExpr).name, newVarType(assigned), { keys: keyTypes });
    } else if (!sym.keys) {
      return fail('D_IDX_SCALAR', `${label} is not an array`, e.at);
    } else {
      checkKeys(label, sym.keys, keyTypes, e.at);
    }
    // dt_cg_arglist: the keys travel in DIF_DTR_NREGS tuple registers; more is EDT_NOTUPREG.
    if (e.keys.length > TUPLE_REGISTERS) throw new CodegenError('D_NOTUPREG', 'Insufficient tuple registers to generate code', e.at);
    e.res = { kind: 'assoc', slot: sym.slot, scope };
    return sym.type;
  }

  /** The array or pointer type of an index base that lies in memory, or null for other bases. */
  private memBase(base: A.Expr): CType | null {
    if (base.k === 'ident') {
      const g = this.scope.globals.get(base.name);
      if (g && !g.keys && (g.type.kind === 'array' || g.type.kind === 'pointer')) return (this.expr(base), base.view ?? g.type);
      if (g || base.name === 'args') return null;
      if (!this.scope.inlines.has(base.name)) return null;
    } else if (base.k === 'scoped') {
      const sym = (base.scope === 'self' ? this.scope.selfs : this.scope.thiss).get(base.name);
      if (sym && !sym.keys && (sym.type.kind === 'array' || sym.type.kind === 'pointer')) return (this.expr(base), base.view ?? sym.type);
      return null;
    }
    const t = this.expr(base);
    return base.view ?? (t.kind === 'array' || t.kind === 'pointer' ? t : null);
  }

  member(e: A.MemberExpr): CType {
    const t = e.obj.type ?? this.expr(e.obj);
    let struct: string | null = null;
    if (e.arrow) {
      if (t.kind !== 'pointer') fail('D_OP_PTR', 'operator -> must be applied to a pointer', e.at);
      else struct = t.to;
    } else {
      if (t.kind !== 'struct') fail('D_OP_SOU', 'operator . requires an operand of type struct or union', e.at);
      else struct = t.name;
    }
    const members = this.scope.structs.get(struct!);
    if (!members) return fail('D_OP_INCOMPLETE', `operator ${e.arrow ? '->' : '.'} cannot be applied to a forward declaration: no struct ${struct} definition is available`, e.at);
    const mt = members.get(e.name);
    if (mt === undefined) return fail('D_TYPE_MEMBER', `${e.name} is not a member of ${struct}`, e.at);
    return parseTypeName(mt, this.structNames) ?? T.int64;
  }

  /** The operator of the store being checked, for dt_assign_common's messages. */
  private writeOp = '=';

  private notWritable(at: number): never {
    return fail('D_OP_WRITE', `operator ${this.writeOp} can only be applied to a writable variable`, at);
  }

  /** Resolves an assignment target, creating implicitly typed variables on first store. */
  lvalue(t: A.Expr, assigned: CType | null, op = '='): CType {
    this.writeOp = op;
    let ty: CType;
    switch (t.k) {
      case 'ident':
        ty = this.ident(t, assigned ?? T.int64);
        break;
      case 'scoped':
        ty = this.scoped(t, assigned ?? T.int64);
        break;
      case 'index':
        if (t.base.k === 'ident' && t.base.name === 'args') this.notWritable(t.at);
        ty = this.index(t, assigned ?? T.int64);
        if (isMem(t) && !t.view && ty.kind === 'array') fail('D_OP_ARRFUN', 'cannot modify an array', t.at);
        break;
      default: {
        ty = this.expr(t);
        if (!isMem(t)) return fail('D_OP_LVAL', 'operator = requires a writable variable as its left-hand operand', t.at);
        const mt = t.view ?? ty;
        if (mt.kind === 'array' && !t.view) fail('D_OP_ARRFUN', 'cannot modify an array', t.at);
        return ty;
      }
    }
    t.type = ty;
    return ty;
  }


}

/** A call of an action (typed void where it is used as a value). */
const isAction = (e: A.Expr): boolean => e.k === 'call' && e.res?.kind === 'call' && e.res.role === 'action';

const SIZE_T: CType = { kind: 'int', size: 8, signed: false, name: 'size_t' };

/** A variable created by assignment takes the value's type; small integers widen to int. */
function newVarType(t: CType): CType {
  if (t.kind === 'int' && t.size < 4) return T.int;
  return t;
}

/** dt_node_is_argcompat for keys: strings with strings, stacks with stacks, structs by type. */
export function keyCompatible(w: CType, g: CType): boolean {
  return (w.kind === 'string') === (g.kind === 'string') && (w.kind !== 'stack' || g.kind === 'stack')
    && ((w.kind !== 'sou' && g.kind !== 'sou') || sameType(w, g));
}

export function checkKeys(label: string, want: readonly CType[], got: readonly CType[], at: number): void {
  if (want.length !== got.length) {
    fail('D_PROTO_LEN', `${label}[ ] prototype mismatch: ${got.length} key${got.length === 1 ? '' : 's'} passed, ${want.length} expected`, at);
  }
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!keyCompatible(w, g)) {
      fail('D_PROTO_ARG', `${label} key #${i + 1} is incompatible with prototype:\n\tprototype: ${typeName(w)}\n\t      key: ${typeName(g)}`, at);
    }
  }
}
