/*
 * Declarations: what dt_decl.c and dt_node_decl() do with a declaration as the parser
 * reduces it — storage classes, type specifiers (ctypes.ts resolves and checks them), struct,
 * union and enum definitions with their members and enumerators, declarators (pointers,
 * arrays, functions, associative arrays), typedefs and variables. The checks come in
 * dtrace's order and with its tags and wording; the first failure is a SemaError.
 */

import type * as A from './ast.js';
import { arrayOf, bitfieldType, pointerTo, sizeOf, TypeError_ } from './ctypes.js';
import { constValue } from './sema-const.js';
import { LIMITS } from '../program/limits.js';
import { fail, type Checker } from './sema-expr.js';
import { BUILTIN_VARS } from './sema-scope.js';
import { isScalar, sameType, T, typeName, type CType } from './types.js';
import { ACTIONS, SUBROUTINES } from './sema-actions.js';

interface Specs {
  readonly type: CType;
  readonly storage: string | null;
  /** A struct/union/enum tag was named or defined (a declaration without declarators is useful). */
  readonly tagged: boolean;
}

/** The type named by declaration specifiers, defining any struct/union/enum body on the way. */
export function specsType(c: Checker, specs: A.DeclSpecs): Specs {
  let storage: string | null = null;
  let tagged = false;
  const words: (string | CType)[] = [];
  for (const item of specs.items) {
    if (item.k === 'storage') {
      if (storage !== null) fail('D_DECL_CLASS', 'only one storage class allowed in a declaration', item.at);
      storage = item.word;
      continue;
    }
    if (item.k === 'word') {
      words.push(item.word);
      continue;
    }
    tagged = true;
    if (item.k === 'sou') words.push(defineSou(c, item));
    else words.push(defineEnum(c, item));
  }
  try {
    return { type: c.lib.resolve(words), storage, tagged };
  } catch (e) {
    if (e instanceof TypeError_) return fail(e.code, e.message, specs.at);
    throw e;
  }
}

function defineSou(c: Checker, item: Extract<A.SpecItem, { k: 'sou' }>): CType {
  const def = c.lib.sou(item.tag, item.name);
  const t = c.lib.souType(def);
  if (item.members === null) return t;
  if (def.members !== null) fail('D_DECL_TYPERED', `type redeclared: ${def.name}`, item.at);
  const members: { name: string; type: CType }[] = [];
  for (const m of item.members) {
    const base = specsType(c, m.specs).type;
    for (const d of m.declarators) {
      let mt = applyDeclarator(c, base, d);
      const name = declName(d);
      if (name === null && !d.bits) fail('D_DECL_MNAME', 'member declaration requires a name', d.at);
      const idname = name ?? '(anon)';
      if (mt.kind === 'sou' && mt.def.members === null) fail('D_DECL_INCOMPLETE', `incomplete struct/union/enum ${typeName(mt)}: ${idname}`, d.at);
      if (mt.kind === 'int' && mt.en && mt.en.items === null) fail('D_DECL_INCOMPLETE', `incomplete struct/union/enum ${typeName(mt)}: ${idname}`, d.at);
      if (sizeOf(mt, c.strsize) === 0 && mt.kind !== 'array') fail('D_DECL_VOIDOBJ', `cannot have void member: ${idname}`, d.at);
      if (d.bits) {
        c.expr(d.bits);
        const n = constValue(d.bits);
        if (name === null && n === 0n) continue;
        if (n === null || n <= 0n) fail('D_DECL_BFCONST', 'positive integral constant expression expected as bit-field size', d.bits.at);
        if (mt.kind !== 'int') return fail('D_DECL_BFTYPE', `invalid type for bit-field: ${idname}`, d.at);
        if (n! > BigInt(mt.size * 8)) fail('D_DECL_BFSIZE', `bit-field too big for type: ${idname}`, d.at);
        mt = bitfieldType(mt, Number(n));
      }
      if (name !== null && members.some((x) => x.name === name)) {
        fail('D_UNKNOWN', `failed to define member '${name}': Duplicate member name definition`, d.at);
      }
      members.push({ name: name ?? '', type: mt });
    }
  }
  c.lib.define(def, members, c.strsize);
  return t;
}

function defineEnum(c: Checker, item: Extract<A.SpecItem, { k: 'enum' }>): CType {
  const def = c.lib.enumTag(item.name);
  const t = c.lib.enumType(def);
  if (item.items === null) return t;
  if (def.items !== null && def.items.size > 0) fail('D_DECL_TYPERED', `type redeclared: ${def.name}`, item.at);
  def.items = new Map();
  let value = -1;
  for (const en of item.items) {
    value++;
    if (en.value) {
      const v = en.value;
      const same = v.k === 'ident' ? def.items.get(v.name) : undefined;
      if (same !== undefined) value = same;
      else {
        c.expr(v);
        const n = constValue(v);
        if (n === null) fail('D_DECL_ENCONST', `enumerator '${en.name}' must be assigned to an integral constant expression`, en.at);
        if (n! > 2147483647n || n! < -2147483648n) fail('D_DECL_ENOFLOW', `enumerator '${en.name}' value overflows INT_MAX (2147483647)`, en.at);
        value = Number(n);
      }
    }
    if (def.items.has(en.name)) fail('D_UNKNOWN', `failed to define enumerator '${en.name}': Duplicate member name definition`, en.at);
    def.items.set(en.name, value);
    if (c.lib.enumConsts.has(en.name) || en.name in BUILTIN_VARS || c.scope.globals.has(en.name) || c.scope.inlines.has(en.name)) {
      fail('D_DECL_IDRED', `identifier redeclared: ${en.name}`, en.at);
    }
    c.lib.enumConsts.set(en.name, { value, type: t });
  }
  return t;
}

/** A typedef is its type under a new name (print() and messages show the typedef's name). */
function renamed(t: CType, name: string): CType {
  return t.kind === 'string' || t.kind === 'void' || t.kind === 'struct' ? t : ({ ...t, name } as CType);
}

export function declName(d: A.FullDeclarator): string | null {
  return d.name ?? (d.inner ? declName(d.inner) : null);
}

/** The declarator's associative-array key list, if its outermost suffix is one. */
function assocKeys(d: A.FullDeclarator): readonly A.ParamDecl[] | null {
  const s = d.suffixes[0];
  return s && s.k === 'assoc' && !d.inner ? s.keys : null;
}

/** Applies pointers, array dimensions and parameter lists to a base type (C's inside-out rule). */
export function applyDeclarator(c: Checker, base: CType, d: A.FullDeclarator): CType {
  let t = base;
  for (let i = 0; i < d.stars; i++) t = pointerTo(t);
  for (let i = d.suffixes.length - 1; i >= 0; i--) {
    const s = d.suffixes[i]!;
    switch (s.k) {
      case 'varargs':
        return fail('D_DECL_PROTO_VARARGS', 'array prototype may not use a variable-length argument list', s.at);
      case 'assoc':
        checkParams(c, s.keys, 'array', false);
        break;
      case 'func':
        checkParams(c, s.params, 'function', true);
        t = { kind: 'fn', name: `${typeName(t)} (*)()` };
        break;
      case 'array': {
        if (t.kind === 'void') fail('D_DECL_VOIDOBJ', 'cannot declare array of void', s.at);
        if (s.size === null) {
          t = arrayOf(t, 0);
          break;
        }
        c.expr(s.size);
        const n = constValue(s.size);
        if (n === null || n <= 0n) fail('D_DECL_ARRSUB', 'positive integral constant expression or tuple signature expected as array declaration subscript', s.at);
        if (n! > 4294967295n) fail('D_DECL_ARRBIG', 'array dimension too big', s.at);
        // dtrace's own bound is UINT_MAX elements; here each element costs memory of this process.
        if (n! > BigInt(LIMITS.arrayElements)) {
          fail('D_DECL_ARRBIG', `array dimension too big: [${n}] (the limit is ${LIMITS.arrayElements} elements)`, s.at);
        }
        t = arrayOf(t, Number(n));
        break;
      }
    }
  }
  if (d.inner) t = applyDeclarator(c, t, d.inner);
  return t;
}

function checkParams(c: Checker, params: readonly A.ParamDecl[], kind: string, func: boolean): void {
  let voids = 0;
  params.forEach((p, i) => {
    const specs = specsType(c, p.specs);
    if (specs.storage !== null && specs.storage !== 'register') {
      fail('D_DECL_PARMCLASS', 'inappropriate storage class for function or associative array parameter', p.at);
    }
    const name = p.decl ? declName(p.decl) : null;
    if (p.decl && assocKeys(p.decl)) {
      fail('D_DECL_PROTO_TYPE', `${kind} prototype may not use parameter of type <DYN>: ${name ?? '(anonymous)'}, parameter #${i + 1}`, p.at);
    }
    const t = p.decl ? applyDeclarator(c, specs.type, p.decl) : specs.type;
    if (t.kind === 'void') {
      voids++;
      if (!func) fail('D_DECL_PROTO_TYPE', `${kind} prototype may not use parameter of type void: ${name ?? '(anonymous)'}, parameter #${i + 1}`, p.at);
      if (name !== null) fail('D_DECL_PROTO_NAME', `void parameter may not have a name: ${name}`, p.at);
    }
  });
  if (voids > 0 && params.length > 1) fail('D_DECL_PROTO_VOID', 'void must be sole parameter', params[0]!.at);
}

/** Elements of fixed-size arrays declared so far in one compilation, for LIMITS.arrayElementsTotal. */
const arrayTotals = new WeakMap<object, number>();

/** How many elements a (possibly multi-dimensional) fixed-size array type holds; 0 for others. */
function elements(t: CType): number {
  let n = 0;
  for (let u: CType = t; u.kind === 'array'; u = u.of) n = (n || 1) * u.n;
  return n;
}

/** A top-level declaration: typedefs, variables, or only the definition of its tags. */
export function declare(c: Checker, d: A.CDeclaration): void {
  const specs = specsType(c, d.specs);
  if (d.declarators.length === 0) {
    if (!specs.tagged) fail('D_DECL_USELESS', 'useless declaration', d.at);
    return;
  }
  for (const v of d.declarators) {
    const name = declName(v);
    if (name === null) return fail('D_DECL_USELESS', 'useless declaration', v.at);
    if (specs.storage === 'typedef') {
      if (c.lib.typedefs.has(name)) fail('D_DECL_IDRED', `identifier redeclared: ${name}`, v.at);
      c.lib.typedefs.set(name, renamed(applyDeclarator(c, specs.type, v), name));
      continue;
    }
    const keys = assocKeys(v);
    if (keys && specs.storage === 'this') fail('D_DECL_LOCASSC', `associative arrays may not be declared as local variables: ${name}`, v.at);
    const t = applyDeclarator(c, specs.type, v);
    if (t.kind === 'fn' && (specs.storage === null || specs.storage === 'static')) continue;
    if (specs.storage === 'auto' || specs.storage === 'register' || specs.storage === 'static') {
      fail('D_DECL_BADCLASS', 'specified storage class not appropriate in D', v.at);
    }
    if (t.kind === 'fn' || specs.storage === 'extern') continue;
    if (t.kind === 'array' && t.n === 0) fail('D_DECL_ARRNULL', `array declaration requires array dimension or tuple signature: ${name}`, v.at);
    if (name in BUILTIN_VARS) fail('D_DECL_IDRED', `built-in identifier redeclared: ${name}`, v.at);
    if (c.lib.typedefs.has(name)) fail('D_DECL_IDRED', `typedef identifier redeclared: ${name}`, v.at);
    const scope = specs.storage === 'self' ? 'self' : specs.storage === 'this' ? 'this' : 'global';
    const table = c.scope.table(scope);
    const prev = table.get(name);
    const keyTypes = keys?.map((k) => (k.decl ? applyDeclarator(c, specsType(c, k.specs).type, k.decl) : specsType(c, k.specs).type));
    if (prev) {
      if (!sameType(prev.type, t) || Boolean(prev.keys) !== Boolean(keyTypes)) {
        fail('D_DECL_IDRED', `identifier redeclared: ${name}\n\t current: ${keyTypes ? 'array' : 'scalar'} ${typeName(t)}\n\tprevious: ${prev.keys ? 'array' : 'scalar'} ${typeName(prev.type)}`, v.at);
      }
      continue;
    }
    // dt_node_decl: a new variable (scalar, array value or thread-local) of type void.
    if (t.kind === 'void') fail('D_DECL_VOIDOBJ', `cannot have void object: ${name}`, v.at);
    if (!keyTypes) {
      const total = (arrayTotals.get(c.scope) ?? 0) + elements(t);
      if (total > LIMITS.arrayElementsTotal) {
        fail('D_DECL_ARRBIG', `arrays have more than ${LIMITS.arrayElementsTotal} elements together (the limit)`, v.at);
      }
      arrayTotals.set(c.scope, total);
    }
    c.scope.declare(scope, name, t, keyTypes ? { keys: keyTypes } : {});
  }
}

/** `inline type name = expr;` (dt_node_inline): a new name, and a value of a compatible type. */
export function declareInline(c: Checker, d: A.InlineDef): void {
  const t = c.typeOf(d.type);
  const n = d.name;
  const kind = n in BUILTIN_VARS ? 'scalar' : n in SUBROUTINES || n in ACTIONS ? 'function' : c.scope.inlines.has(n) ? 'scalar' : c.scope.globals.has(n) ? 'scalar' : null;
  if (kind !== null || c.lib.enumConsts.has(n)) {
    fail('D_DECL_IDRED', `identifier redefined: ${n}\n\t current: inline definition\n\tprevious: ${kind ?? 'enum'} ${c.scope.inlines.has(n) ? 'inline' : ''}`, d.at);
  }
  const v = c.expr(d.value);
  const vm = d.value.view ?? v;
  const ok = (isScalar(t) && isScalar(v)) || (t.kind === 'string' && v.kind === 'string') || sameType(t, vm) || sameType(t, v);
  if (!ok) fail('D_OP_INCOMPAT', `inline ${n} definition uses incompatible types: "${typeName(t)}" = "${typeName(v)}"`, d.at);
  c.scope.inlines.set(n, { type: t, value: d.value });
}

/** Typedef names a unit declares, found on its tokens before parsing (the lexer needs them). */
export function typedefNames(tokens: readonly { image: string; tokenType: { name: string } }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.tokenType.name !== 'Kw_typedef') continue;
    let depth = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      const n = t.tokenType.name;
      if (n === 'LCurly' || n === 'LParen' || n === 'LBracket') depth++;
      else if (n === 'RCurly' || n === 'RParen' || n === 'RBracket') depth--;
      else if (n === 'Semi' && depth <= 0) break;
      if (depth === 0 || (depth === 1 && n === 'Identifier' && tokens[j - 1]?.tokenType.name === 'Star')) {
        const next = tokens[j + 1]?.tokenType.name;
        const prev = tokens[j - 1]?.tokenType.name ?? '';
        if ((n === 'Identifier' || n === 'TypeName') && (next === 'Semi' || next === 'Comma' || next === 'LBracket' || next === 'RParen') && !/^Kw_(struct|union|enum)$/.test(prev)) out.push(t.image);
      }
    }
  }
  return out;
}

export { T };
