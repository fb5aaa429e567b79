/*
 * The argument checks of the actions that take a format or an aggregation, in the order of
 * dt_cc.c (dt_action_clear, _trunc, _normalize, _printa, dt_printa_validate) and dt_printf.c
 * (dt_printf_validate): each with its own tag (D_CLEAR_AGGARG, D_PRINTA_AGGKEY,
 * D_PRINTF_DYN_TYPE, …) rather than the generic prototype tags.
 */

import type { ErrorTag } from '../program/error-tags.js';
import { formatOf as parsedFormat, isFormatError, type ParsedFormat } from '../program/printf-format.js';
import type * as A from './ast.js';
import { fail, keyCompatible, type Checker } from './sema-expr.js';
import { isInt, isScalar, T, typeName, type CType } from './types.js';
import { nameTable } from '../name-table.js';

/**
 * An action's arguments, cooked as dt_cook_func cooks those of a `void(...)` prototype: a bare
 * aggregation reference is allowed (its type is dtrace's dynamic "aggregation"), anything else
 * is an expression.
 */
export function cookArgs(c: Checker, args: readonly A.Expr[]): (CType | 'aggregation')[] {
  return args.map((a) => {
    if (c.aggRef(a)) return 'aggregation';
    // `@a[k]` cooks (its keys are checked) but is no aggregation for an action to take.
    if (a.k === 'agg') return (c.keyTypes(a.keys ?? []), T.void);
    return c.expr(a);
  });
}

const argName = (t: CType | 'aggregation' | undefined): string => (t === undefined ? 'none' : t === 'aggregation' ? t : typeName(t));

const AGG_ACTION_TAGS: Readonly<Record<string, { proto: ErrorTag; aggarg: ErrorTag }>> = nameTable({
  clear: { proto: 'D_CLEAR_PROTO', aggarg: 'D_CLEAR_AGGARG' },
  trunc: { proto: 'D_TRUNC_PROTO', aggarg: 'D_TRUNC_AGGARG' },
  normalize: { proto: 'D_NORMALIZE_PROTO', aggarg: 'D_NORMALIZE_AGGARG' },
});

/** clear(), trunc(), normalize(), denormalize(): dt_action_clear/_trunc/_normalize's checks, in order. */
export function checkAggAction(c: Checker, e: A.CallExpr): void {
  const types = cookArgs(c, e.args);
  const argc = e.args.length;
  const fn = e.fn;
  const tags = AGG_ACTION_TAGS[fn === 'denormalize' ? 'normalize' : fn]!;
  if (fn === 'trunc') {
    if (argc < 1 || argc > 2) fail(tags.proto, `trunc( ) prototype mismatch: ${argc} args passed, ${argc < 1 ? 'at least 1' : 'no more than 2'} expected`, e.at);
  } else {
    const want = fn === 'normalize' ? 2 : 1;
    if (argc !== want) fail(tags.proto, `${fn}( ) prototype mismatch: ${argc} args passed, ${want} expected`, e.at);
  }
  if (types[0] !== 'aggregation') {
    fail(tags.aggarg, `${fn}( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${argName(types[0])}`, e.at);
  }
  const second = types[1];
  if (second !== undefined && (second === 'aggregation' || !isScalar(second))) {
    fail(fn === 'trunc' ? 'D_TRUNC_SCALAR' : 'D_NORMALIZE_SCALAR', `${fn}( ) argument #2 must be of scalar type`, e.at);
  }
}

function formatOf(e: A.CallExpr, i: number): string {
  const a = e.args[i];
  if (!a || a.k !== 'str') return fail('D_PRINTF_ARG_FMT', `${e.fn}( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: string constant\n\t argument: ${a?.type ? typeName(a.type) : 'expression'}`, e.at);
  a.type = T.string;
  return a.value;
}

const KIND_NAME: Record<string, string> = { int: 'int', float: 'double', string: 'char [] or string (or use stringof)', stack: 'stack', sym: 'pointer or integer', any: 'any' };

function kindFits(kind: string, t: CType): boolean {
  switch (kind) {
    case 'int':
    case 'sym':
      return isScalar(t) || t.kind === 'sym' || t.kind === 'func' || t.kind === 'mod';
    case 'float':
      return t.kind === 'float';
    case 'string':
      return t.kind === 'string';
    case 'stack':
      return t.kind === 'stack';
    default:
      return true;
  }
}

/**
 * A format string that dt_printf_create refuses. dtrace reports it through yywarn, which tags
 * every such message D_SYNTAX; the parser's finer codes stay for run-time formats.
 */
function formatErrorOf(fn: string, fmt: string, at: number): ParsedFormat {
  const parsed = parsedFormat(fmt);
  if (isFormatError(parsed)) return fail('D_SYNTAX', `${fn}( ) ${parsed.message}`, at);
  return parsed;
}

export function checkPrintf(c: Checker, e: A.CallExpr): void {
  if (e.args.length === 0) fail('D_PROTO_LEN', `${e.fn}( ) prototype mismatch: 0 args passed, at least 1 expected`, e.at);
  const fmt = formatOf(e, 0);
  // dtrace cooks the arguments (their own errors first) before validating the format.
  const args = cookArgs(c, e.args.slice(1));
  const parsed = formatErrorOf(e.fn, fmt, e.at);
  let ai = 0;
  parsed.conversions.forEach((conv, ci) => {
    if (conv.isAggValue) fail('D_PRINTF_AGG_CONV', `%@ conversion requires an aggregation and is not for use with ${e.fn}( )`, e.at);
    const dyns = conv.argKinds.length - 1;
    for (const [ki, kind] of conv.argKinds.entries()) {
      const t = args[ai];
      if (ki < dyns) {
        // dt_printf_validate: a `*` width or precision takes an integer argument of its own.
        const star = dyns === 2 && ki === 1 ? '.*' : conv.width === '*' && ki === 0 ? '*' : '.*';
        if (t === undefined) fail('D_PRINTF_DYN_PROTO', `${e.fn}( ) prototype mismatch: conversion #${ci + 1} (%${conv.conv}) is missing a corresponding "${star}" argument`, e.at);
        if (t === 'aggregation' || !isInt(t!)) {
          fail('D_PRINTF_DYN_TYPE', `${e.fn}( ) argument #${ai + 2} is incompatible with conversion #${ci + 1} prototype:\n\tconversion: % ${star} ${conv.conv}\n\t prototype: int\n\t  argument: ${argName(t)}`, e.at);
        }
        ai++;
        continue;
      }
      if (t === undefined) {
        fail('D_PRINTF_ARG_PROTO', `printf( ) prototype mismatch: conversion #${ci + 1} (${conv.text}) is missing a corresponding value argument`, e.at);
      }
      if (t === 'aggregation' || !kindFits(kind, t!)) {
        fail('D_PRINTF_ARG_TYPE', `printf( ) argument #${ai + 2} is incompatible with conversion #${ci + 1} prototype:\n\tconversion: ${conv.text}\n\t prototype: ${KIND_NAME[kind]}\n\t  argument: ${argName(t)}`, e.args[ai + 1]!.at);
      }
      ai++;
    }
  });
  if (ai < args.length) {
    fail('D_PRINTF_ARG_EXTRA', `printf( ) prototype mismatch: only ${ai} arguments required by this format string`, e.args[ai + 1]!.at);
  }
}

/** printa(): dt_action_printa's checks, in order; the format is validated with the first aggregation. */
export function checkPrinta(c: Checker, e: A.CallExpr): void {
  if (e.args.length === 0) fail('D_PROTO_LEN', 'printa( ) prototype mismatch: 0 args passed, at least 1 expected', e.at);
  const fmt = e.args[0]!.k === 'str' ? formatOf(e, 0) : null;
  const types = cookArgs(c, fmt === null ? e.args : e.args.slice(1));
  const argr = fmt === null ? 1 : 2;
  if (e.args.length < argr) fail('D_PRINTA_PROTO', `printa( ) prototype mismatch: ${e.args.length} args passed, ${argr} expected`, e.at);
  let proto: A.AggExpr | null = null;
  types.forEach((t, i) => {
    const a = e.args[i + argr - 1]!;
    if (t !== 'aggregation' || a.k !== 'agg') {
      return fail('D_PRINTA_AGGARG', `printa( ) argument #${argr + i} is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${argName(t)}`, e.at);
    }
    if (proto === null) proto = a;
    else printaKeys(c, proto, a);
    if (fmt !== null && i === 0) printaFormat(c, formatErrorOf('printa', fmt, e.at), a, e.at);
  });
}

/** dt_printf_validate for printa(): the conversions before `%@` take the aggregation's keys. */
function printaFormat(c: Checker, parsed: ParsedFormat, a: A.AggExpr, at: number): void {
  const keys = c.scope.aggs.get(a.name)!.keyTypes;
  let ki = 0;
  parsed.conversions.forEach((conv, ci) => {
    for (const kind of conv.argKinds) {
      const t = keys[ki++];
      if (t !== undefined && !kindFits(kind, t)) {
        fail('D_PRINTF_ARG_TYPE', `printa( ) argument #${ki + 1} is incompatible with conversion #${ci + 1} prototype:\n\tconversion: ${conv.text}\n\t prototype: ${KIND_NAME[kind]}\n\t  argument: ${typeName(t)}`, at);
      }
    }
  });
}

/** dt_printa_validate: the aggregations one printa() prints must have the same key signature. */
function printaKeys(c: Checker, l: A.AggExpr, r: A.AggExpr): void {
  const lk = c.scope.aggs.get(l.name)!.keyTypes;
  const rk = c.scope.aggs.get(r.name)!.keyTypes;
  const keys = (n: number): string => `${n} key${n === 1 ? '' : 's'}`;
  if (lk.length !== rk.length) {
    fail('D_PRINTA_AGGKEY', `printa( ): @${l.name} and @${r.name} do not have matching key signatures: @${l.name} has ${keys(lk.length)}, @${r.name} has ${keys(rk.length)}`, r.at);
  }
  lk.forEach((w, i) => {
    const g = rk[i]!;
    if (!keyCompatible(w, g)) {
      fail('D_PRINTA_AGGPROTO', `printa( ): @${r.name}[ ] key #${i + 1} is incompatible with @${l.name}:\n${`@${l.name}`.padStart(9)} key #${i + 1}: ${typeName(w)}\n${`@${r.name}`.padStart(9)} key #${i + 1}: ${typeName(g)}`, r.at);
    }
  });
}
