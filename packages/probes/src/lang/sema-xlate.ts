/*
 * Translators (dt_xlator.c, dt_node_xlator): `translator out < in name > { member = expr; };`
 * defines how to build a struct `out` from a value of type `in`; `xlate<out>(e)` (or
 * `xlate<out *>(e)`) builds it. Members are type-checked once, at the definition, with the
 * parameter name bound to the input type; code generation evaluates them at each xlate with the
 * parameter bound to the operand and stores them into a fresh struct (members left out read 0).
 *
 * A translator is found by output type and by input type, matching a pointer and the type it
 * points to either way (dtrace's DT_XLATE_FUZZY): a struct value and a pointer to it have the
 * same representation here, the object's address.
 */

import type * as A from './ast.js';
import { pointerTo } from './ctypes.js';
import { fail, type CheckerView as Checker } from './sema-error.js';
import { findMember } from './sema-mem.js';
import { kernelSou } from './library.js';
import { isScalar, sameType, typeName, type CType } from './types.js';

export interface Translator {
  readonly out: CType;
  readonly input: CType;
  readonly param: string;
  readonly members: readonly { readonly name: string; readonly value: A.Expr; readonly type: CType }[];
}

/** What xlate's node carries for code generation. */
export interface XlateRes {
  readonly kind: 'xlate';
  readonly xl: Translator;
  /** The translated struct is returned as a pointer (`xlate<T *>`). */
  readonly pointer: boolean;
}

const base = (t: CType): CType => (t.kind === 'pointer' && t.ref ? t.ref : t);

/** Binds the translator parameter while its member expressions are checked. */
export const PARAM: { name: string | null; type: CType | null } = { name: null, type: null };

export function defineTranslator(c: Checker, d: A.TranslatorDef): void {
  const out = c.typeOf(d.out);
  const input = c.typeOf(d.input);
  const list = translatorsOf(c);
  if (list.some((x) => sameType(x.out, out) && sameType(x.input, input))) {
    fail('D_XLATE_REDECL', `translator from ${typeName(input)} to ${typeName(out)} has already been declared`, d.at);
  }
  if (out.kind === 'sou' && out.def.members === null) fail('D_XLATE_SOU', `incomplete struct/union/enum ${typeName(out)}`, d.at);
  // An engine struct (library.ts) is built as an object of its members: curpsinfo, curlwpsinfo.
  const engine = out.kind === 'struct' ? kernelSou(c, out.name) : null;
  if (out.kind !== 'sou' && !engine) fail('D_XLATE_SOU', 'translator output type must be a struct or union', d.at);
  const members: Translator['members'][number][] = [];
  PARAM.name = d.param;
  PARAM.type = input;
  try {
    for (const m of d.members) {
      const mm = engine ? engine.members?.find((x) => x.name === m.name) : findMember(out, m.name);
      if (!mm) fail('D_XLATE_MEMB', `translator member ${m.name} is not a member of ${typeName(out)}`, m.at);
      const vt = c.expr(m.value);
      const mt = mm!.type;
      const ok = (isScalar(mt) && isScalar(vt) && (mt.kind === vt.kind || mt.kind === 'int')) || sameType(mt, vt)
        || (mt.kind === 'string' && vt.kind === 'string') || (mt.kind === 'array' && vt.kind === 'string');
      if (!ok) {
        fail('D_XLATE_INCOMPAT', `translator member ${m.name} definition uses incompatible types: "${typeName(mt)}" = "${typeName(vt)}"`, m.at);
      }
      members.push({ name: m.name, value: m.value, type: mt });
    }
  } finally {
    PARAM.name = null;
    PARAM.type = null;
  }
  list.push({ out, input, param: d.param, members });
}

function translatorsOf(c: Checker): Translator[] {
  let list = c.translators.get('') as unknown as Translator[] | undefined;
  if (!list) {
    list = [];
    c.translators.set('', list as unknown as Map<string, unknown>);
  }
  return list;
}

/** The type of `xlate<T>(e)`; records the translator on the node. */
export function xlateType(c: Checker, e: A.XlateExpr): CType {
  const to = c.typeOf(e.to);
  const from = c.expr(e.arg);
  const want = base(to);
  const have = base(from);
  // dt_xlator_lookup matches the input by its type, never a struct for a pointer to it (or the
  // reverse): `xlate<T>(s)` of a struct s finds no translator from `struct … *`.
  const pointerness = (t: CType): boolean => t.kind === 'pointer';
  const xl = translatorsOf(c).find((x) => sameType(x.out, want) && sameType(base(x.input), have) && pointerness(x.input) === pointerness(from));
  if (!xl) return fail('D_XLATE_NONE', `cannot translate from "${typeName(from)}" to "${typeName(to)}"`, e.at);
  (e as { res?: unknown }).res = { kind: 'xlate', xl, pointer: to.kind === 'pointer' } satisfies XlateRes;
  return to.kind === 'pointer' ? pointerTo(xl.out) : xl.out;
}
