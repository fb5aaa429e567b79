/*
 * Semantic rules of calls (d-language.md 1.8, 1.10): subroutine prototypes, actions (legal
 * only as statements), aggregating functions with their key and parameter rules (D_AGG_REDEF,
 * lquantize/llquantize checks), printf/printa argument checking against the consumer's format
 * parser, the speculation ordering rules (D_SPEC_SPEC, D_COMM_DREC, D_AGG_SPEC, …) and
 * destructive actions (only with `destructive`).
 */

import type { AggFunction, AggParams } from '../program/value-model.js';
import type * as A from './ast.js';
import { constValue } from './sema-const.js';
import { checkKeys, fail, type CallHooks, type Checker } from './sema-expr.js';
import { checkAggAction, checkPrinta, checkPrintf, cookArgs } from './sema-action-args.js';
import { builtinTypedefs, isScalar, T, typeName, type CType } from './types.js';
import { nameTable } from '../name-table.js';
import { LIMITS } from '../program/limits.js';

type Kind = 'int' | 'string' | 'any' | 'stack';

interface Proto {
  readonly args: readonly Kind[];
  /** Number of required args (the rest are optional). */
  readonly min: number;
  readonly ret: CType;
}

const p = (ret: CType, args: Kind[], min = args.length): Proto => ({ ret, args, min });
const TYPEDEFS = builtinTypedefs();

export const SUBROUTINES: Readonly<Record<string, Proto>> = nameTable({
  strlen: p(T.ulong, ['string']),
  strjoin: p(T.string, ['string', 'string']),
  substr: p(T.string, ['string', 'int', 'int'], 2),
  index: p(T.int, ['string', 'string', 'int'], 2),
  rindex: p(T.int, ['string', 'string', 'int'], 2),
  strstr: p(T.string, ['string', 'string']),
  strchr: p(T.string, ['string', 'int']),
  strrchr: p(T.string, ['string', 'int']),
  strtok: p(T.string, ['any', 'string']),
  lltostr: p(T.string, ['int', 'int'], 1),
  toupper: p(T.string, ['string']),
  tolower: p(T.string, ['string']),
  basename: p(T.string, ['string']),
  dirname: p(T.string, ['string']),
  cleanpath: p(T.string, ['string']),
  json: p(T.string, ['string', 'string']),
  rand: p(T.int, []),
  alloca: p(T.voidp, ['int']),
  bcopy: p(T.void, ['int', 'int', 'int']),
  strtoll: p(T.llong, ['string', 'int'], 1),
  htons: p(TYPEDEFS.uint16_t!, ['int']),
  ntohs: p(TYPEDEFS.uint16_t!, ['int']),
  htonl: p(TYPEDEFS.uint32_t!, ['int']),
  ntohl: p(TYPEDEFS.uint32_t!, ['int']),
  htonll: p(T.uint64, ['int']),
  ntohll: p(T.uint64, ['int']),
  inet_ntoa: p(T.string, ['int']),
  inet_ntoa6: p(T.string, ['int']),
  inet_ntop: p(T.string, ['int', 'int']),
  speculation: p(T.int, []),
  stack: p(T.stack, ['int'], 0),
  ustack: p(T.stack, ['int', 'int'], 0),
  jstack: p(T.stack, ['int', 'int'], 0),
  func: p({ kind: 'func' }, ['int']),
  sym: p({ kind: 'sym' }, ['int']),
  mod: p({ kind: 'mod' }, ['int']),
});

/** Actions: statements only. `destructive` ones need the destructive option. */
export const ACTIONS: Readonly<Record<string, Proto & { destructive?: boolean; datarec?: boolean }>> = nameTable({
  trace: { ...p(T.void, ['any']), datarec: true },
  printf: { ...p(T.void, ['string'], 1), datarec: true },
  printa: { ...p(T.void, ['any'], 1), datarec: true },
  exit: p(T.void, ['int']),
  clear: p(T.void, ['any']),
  trunc: p(T.void, ['any', 'int'], 1),
  normalize: p(T.void, ['any', 'int']),
  denormalize: p(T.void, ['any']),
  speculate: p(T.void, ['int']),
  commit: p(T.void, ['int']),
  discard: p(T.void, ['int']),
  setopt: p(T.void, ['string', 'string'], 1),
  chill: { ...p(T.void, ['int']), destructive: true },
  raise: { ...p(T.void, ['int']), destructive: true },
  stop: { ...p(T.void, []), destructive: true },
  panic: { ...p(T.void, []), destructive: true },
  breakpoint: { ...p(T.void, []), destructive: true },
  system: { ...p(T.void, ['string'], 1), destructive: true },
  print: { ...p(T.void, ['any']), datarec: true },
  tracemem: { ...p(T.void, ['any', 'int', 'int'], 2), datarec: true },
  freopen: { ...p(T.void, ['string'], 1), destructive: true, datarec: true },
});

const AGG_ARGS: Readonly<Record<AggFunction, [number, number]>> = nameTable({
  count: [0, 0], sum: [1, 1], avg: [1, 1], min: [1, 1], max: [1, 1], stddev: [1, 1],
  quantize: [1, 2], lquantize: [3, 5], llquantize: [5, 6],
});

/** The index of the optional increment argument of the aggregating functions that take one. */
const INCREMENT_ARG: Readonly<Partial<Record<AggFunction, number>>> = nameTable({ quantize: 1, lquantize: 4, llquantize: 5 });

const fits = (want: Kind, t: CType): boolean =>
  want === 'any' || (want === 'int' ? isScalar(t) : want === 'string' ? t.kind === 'string' : t.kind === 'stack');

function protoLen(name: string, got: number, min: number, max: number, at: number): void {
  if (got >= min && got <= max) return;
  const expected = min === max ? `${min}` : got < min ? `at least ${min}` : `no more than ${max}`;
  fail('D_PROTO_LEN', `${name}( ) prototype mismatch: ${got} arg${got === 1 ? '' : 's'} passed, ${expected} expected`, at);
}

function checkArgs(c: Checker, name: string, proto: Proto, args: readonly A.Expr[], at: number): CType[] {
  protoLen(name, args.length, proto.min, proto.args.length, at);
  return args.map((a, i) => {
    const t = c.expr(a);
    const want = proto.args[i]!;
    if (!fits(want, t)) {
      fail('D_PROTO_ARG', `${name}( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: ${want === 'int' ? 'int' : want}\n\t argument: ${typeName(t)}`, a.at);
    }
    return t;
  });
}

export const callHooks: CallHooks = {
  call(c, e, statement) {
    e.res = { kind: 'call', role: 'subr' };
    const action = ACTIONS[e.fn];
    if (action) {
      e.res = { kind: 'call', role: 'action' };
      if (!statement) return nestedAction(c, e, action);
      return checkAction(c, e, action);
    }
    if (e.fn in AGG_ARGS) {
      // Cooked as a void value; refused by the operator or action around it, else by the checker.
      e.args.forEach((a) => c.expr(a));
      c.nestedAction ??= e;
      return T.void;
    }
    const sub = SUBROUTINES[e.fn];
    if (!sub) return fail('D_FUNC_UNDEF', `undefined function name: ${e.fn}`, e.at);
    if (e.fn === 'stack') stackArgs(c, e);
    else checkArgs(c, e.fn, sub, e.args, e.at);
    if (statement && (e.fn === 'stack' || e.fn === 'ustack' || e.fn === 'jstack' || e.fn === 'func' || e.fn === 'sym' || e.fn === 'mod')) {
      e.res = { kind: 'call', role: 'action' };
      dataRecording(c, e.at);
    }
    return sub.ret;
  },

  aggregate(c, target, e) {
    const call = e.value;
    if (call.k === 'call' && !(call.fn in AGG_ARGS) && !(call.fn in ACTIONS) && !(call.fn in SUBROUTINES)) {
      return fail('D_FUNC_UNDEF', `undefined function name: ${call.fn}`, call.at);
    }
    if (call.k !== 'call' || !(call.fn in AGG_ARGS)) {
      return fail('D_AGG_FUNC', `@${target.name} must be assigned the result of an aggregating function`, e.at);
    }
    const fn = call.fn as AggFunction;
    call.res = { kind: 'call', role: 'aggfn' };
    const [min, max] = AGG_ARGS[fn];
    protoLen(fn, call.args.length, min, max, call.at);
    const argTypes = call.args.map((a) => c.expr(a));
    // The int32_t parameters of lquantize's and llquantize's prototypes (dt_idcook_sign).
    const typed = fn === 'lquantize' ? 2 : fn === 'llquantize' ? 4 : 0;
    for (let i = 1; i <= typed && i < argTypes.length; i++) {
      if (!isScalar(argTypes[i]!)) fail('D_PROTO_ARG', `${fn}( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: int32_t\n\t argument: ${typeName(argTypes[i]!)}`, call.args[i]!.at);
    }
    const keys = c.keyTypes(target.keys ?? []);
    for (const [i, k] of keys.entries()) {
      if (k.kind === 'void' || k.kind === 'struct') fail('D_KEY_TYPE', `@${target.name} key #${i + 1} has void or struct type`, target.at);
    }
    // dt_compile_agg, after the statement is cooked: the value, the parameters, the increment.
    if (argTypes[0] && !isScalar(argTypes[0])) fail('D_AGG_SCALAR', `${fn}( ) argument #1 must be of scalar type`, call.at);
    const params = aggParams(fn, call);
    const incr = INCREMENT_ARG[fn];
    const it = incr === undefined ? undefined : argTypes[incr];
    if (it && !isScalar(it)) fail('D_PROTO_ARG', `${fn}( ) increment value (argument #${incr! + 1}) must be of scalar type`, call.at);
    const flags = c.clause.flags;
    if (flags.commit) fail('D_AGG_COMM', 'aggregating actions may not follow commit( )', e.at);
    if (flags.speculate) fail('D_AGG_SPEC', 'aggregating actions may not follow speculate( )', e.at);
    flags.aggregation = true;
    let sym = c.scope.aggs.get(target.name);
    if (!sym) sym = c.scope.addAgg(target.name, fn, keys, lineOf(c, e.at));
    else {
      if (sym.fn !== fn) {
        fail('D_AGG_REDEF', `aggregation redefined: @${target.name}\n\t current: @${target.name} = ${fn}( )\n\tprevious: @${target.name} = ${sym.fn}( ) : line ${sym.line}`, e.at);
      }
      checkKeys(`@${target.name}`, sym.keyTypes, keys, target.at);
      if (params && sym.params) matchParams(params, sym.params, call.at);
    }
    sym.params ??= params;
    target.res = { kind: 'agg', id: sym.id };
  },
};

let lineOfHook: (at: number) => number = () => 0;
/** The driver tells the pass how to number lines (for D_AGG_REDEF's "previous … : line N"). */
export function setLineResolver(f: (at: number) => number): void {
  lineOfHook = f;
}
function lineOf(_c: Checker, at: number): number {
  return lineOfHook(at);
}

function constArg(call: A.CallExpr, i: number): bigint | null {
  const a = call.args[i];
  return a ? constValue(a) : null;
}

function aggParams(fn: AggFunction, call: A.CallExpr): AggParams | undefined {
  if (fn === 'lquantize') {
    const at = call.at;
    const base = constArg(call, 1);
    if (base === null) fail('D_LQUANT_BASETYPE', 'lquantize( ) argument #1 must be an integer constant', at);
    if (base! < -2147483648n || base! > 2147483647n) fail('D_LQUANT_BASEVAL', 'lquantize( ) argument #1 must be a 32-bit quantity', at);
    const limit = constArg(call, 2);
    if (limit === null) fail('D_LQUANT_LIMTYPE', 'lquantize( ) argument #2 must be an integer constant', at);
    if (limit! < -2147483648n || limit! > 2147483647n) fail('D_LQUANT_LIMVAL', 'lquantize( ) argument #2 must be a 32-bit quantity', at);
    if (limit! < base!) fail('D_LQUANT_MISMATCH', 'lquantize( ) base (argument #1) must be less than limit (argument #2)', at);
    let step = 1n;
    if (call.args.length > 3) {
      const s = constArg(call, 3);
      if (s === null || s <= 0n) fail('D_LQUANT_STEPTYPE', 'lquantize( ) argument #3 must be a non-zero positive integer constant', at);
      if (s! > 65535n) fail('D_LQUANT_STEPVAL', 'lquantize( ) argument #3 must be a 16-bit quantity', at);
      step = s!;
    }
    const levels = (limit! - base!) / step;
    if (levels === 0n) fail('D_LQUANT_STEPLARGE', 'lquantize( ) step (argument #3) too large: must have at least one quantization level', at);
    if (levels > 65535n) fail('D_LQUANT_STEPSMALL', 'lquantize( ) step (argument #3) too small: number of quantization levels must be a 16-bit quantity', at);
    return { fn, base: Number(base), limit: Number(limit), step: Number(step) };
  }
  if (fn === 'llquantize') return llquantizeParams(call);
  return undefined;
}

function matchParams(a: AggParams, b: AggParams, at: number): void {
  if (a.fn === 'lquantize' && b.fn === 'lquantize') {
    if (a.base !== b.base) fail('D_LQUANT_MATCHBASE', `lquantize( ) base (argument #1) doesn't match previous declaration: expected ${b.base}, found ${a.base}`, at);
    if (a.limit !== b.limit) fail('D_LQUANT_MATCHLIM', `lquantize( ) limit (argument #2) doesn't match previous declaration: expected ${b.limit}, found ${a.limit}`, at);
    if (a.step !== b.step) fail('D_LQUANT_MATCHSTEP', `lquantize( ) step (argument #3) doesn't match previous declaration: expected ${b.step}, found ${a.step}`, at);
  } else if (a.fn === 'llquantize' && b.fn === 'llquantize') {
    // dt_cc.c reports the first of factor, low, high, nsteps that differs.
    LLQ_ARGS.forEach((arg, i) => {
      if (a[arg.key] !== b[arg.key]) {
        fail(arg.match, `llquantize( ) ${arg.name} (argument #${i + 1}) doesn't match previous declaration: expected ${b[arg.key]}, found ${a[arg.key]}`, at);
      }
    });
  }
}

const LLQ_ARGS = [
  { key: 'factor', name: 'factor', type: 'D_LLQUANT_FACTORTYPE', val: 'D_LLQUANT_FACTORVAL', match: 'D_LLQUANT_FACTORMATCH' },
  { key: 'low', name: 'low magnitude', type: 'D_LLQUANT_LOWTYPE', val: 'D_LLQUANT_LOWVAL', match: 'D_LLQUANT_LOWMATCH' },
  { key: 'high', name: 'high magnitude', type: 'D_LLQUANT_HIGHTYPE', val: 'D_LLQUANT_HIGHVAL', match: 'D_LLQUANT_HIGHMATCH' },
  { key: 'nsteps', name: 'linear steps per magnitude', type: 'D_LLQUANT_NSTEPTYPE', val: 'D_LLQUANT_NSTEPVAL', match: 'D_LLQUANT_NSTEPMATCH' },
] as const;

/**
 * llquantize()'s parameters, checked in the order of illumos dt_cc.c (dt_compile_agg): each of
 * factor, low, high, nsteps an integer constant that fits an unsigned 16-bit quantity; then
 * factor >= 2, low < high, nsteps >= factor, nsteps a multiple of factor that divides a power
 * of factor, and factor^(high+2) computable in 64 bits (dtrace's loop runs high+2 times).
 */
function llquantizeParams(call: A.CallExpr): AggParams {
  const at = call.at;
  const v: Record<(typeof LLQ_ARGS)[number]['key'], bigint> = { factor: 0n, low: 0n, high: 0n, nsteps: 0n };
  LLQ_ARGS.forEach((arg, i) => {
    const c = constArg(call, i + 1);
    const where = call.args[i + 1]?.at ?? at;
    if (c === null) fail(arg.type, `llquantize( ) argument #${i + 1} (${arg.name}) must be an integer constant`, where);
    if (BigInt.asUintN(64, c!) > 65535n) fail(arg.val, `llquantize( ) argument #${i + 1} (${arg.name}) must be an unsigned 16-bit quantity`, where);
    v[arg.key] = c!;
  });
  const { factor, low, high, nsteps } = v;
  if (factor < 2n) fail('D_LLQUANT_FACTORSMALL', 'llquantize( ) factor (argument #1) must be two or more', at);
  if (low >= high) fail('D_LLQUANT_MAGRANGE', 'llquantize( ) high magnitude (argument #3) must be greater than low magnitude (argument #2)', at);
  if (nsteps < factor) {
    fail('D_LLQUANT_FACTORNSTEPS', 'llquantize( ) factor (argument #1) must be less than or equal to the number of linear steps per magnitude (argument #4)', at);
  }
  let p = factor;
  while (p < nsteps) p *= factor;
  if (nsteps % factor !== 0n || p % nsteps !== 0n) {
    fail('D_LLQUANT_FACTOREVEN', 'llquantize( ) factor (argument #1) must evenly divide the number of steps per magnitude (argument #4), and the number of steps per magnitude must evenly divide a power of the factor', at);
  }
  let order = 1n;
  for (let i = 0n; i <= high + 1n; i++) {
    const next = BigInt.asUintN(64, order * factor);
    if (next <= order) fail('D_LLQUANT_MAGTOOBIG', `llquantize( ) factor (${factor}) raised to power of high magnitude (${high}) plus 1 overflows 64-bits`, at);
    order = next;
  }
  return { fn: 'llquantize', factor: Number(factor), low: Number(low), high: Number(high), nsteps: Number(nsteps) };
}

/**
 * An action inside an expression: its arguments are cooked and its prototype checked
 * (dt_cook_func), then it is a void value for the operator around it (Checker.nestedAction).
 */
function nestedAction(c: Checker, e: A.CallExpr, proto: Proto): CType {
  cookArgs(c, e.args);
  if (!VARARGS.has(e.fn)) protoLen(e.fn, e.args.length, proto.min, proto.args.length, e.at);
  c.nestedAction ??= e;
  return T.void;
}

/** Actions whose dtrace prototype ends in `...`: their argument count is checked later, by the action. */
const VARARGS: ReadonlySet<string> = new Set(['printf', 'printa', 'system', 'freopen', 'clear', 'trunc', 'normalize', 'denormalize', 'tracemem', 'stack']);

/** stack([n]): dt_action_stack_args' checks (its prototype is `stack(...)`). */
function stackArgs(c: Checker, e: A.CallExpr): void {
  e.args.forEach((a) => c.expr(a));
  if (e.args.length > 1) fail('D_STACK_PROTO', 'stack( ) prototype mismatch: too many arguments', e.args[0]!.at);
  const n = e.args[0] ? constValue(e.args[0]) : 1n;
  if (n === null || n <= 0n) fail('D_STACK_SIZE', 'stack( ) size must be a non-zero positive integral constant expression', e.args[0]!.at);
}

function dataRecording(c: Checker, at: number): void {
  const f = c.clause.flags;
  if (f.commit) fail('D_DREC_COMM', 'data-recording actions may not follow commit( )', at);
  f.datarec = true;
  f.records = true;
}

/**
 * A destructive action (raise, stop, system, chill, freopen, …). dtrace compiles it either way
 * and refuses it when the program is enabled without -w; the driver reports that from the flag.
 */
function destructive(c: Checker, at: number): void {
  const f = c.clause.flags;
  if (f.speculate) fail('D_ACT_SPEC', 'destructive actions may not follow speculate( )', at);
  f.destructive = true;
}

function checkAction(c: Checker, e: A.CallExpr, proto: (typeof ACTIONS)[string]): CType {
  const f = c.clause.flags;
  const at = e.at;
  switch (e.fn) {
    case 'printf':
      checkPrintf(c, e);
      dataRecording(c, at);
      return T.void;
    case 'printa':
      checkPrinta(c, e);
      dataRecording(c, at);
      return T.void;
    case 'freopen':
      checkPrintf(c, e);
      destructive(c, at);
      dataRecording(c, at);
      return T.void;
    case 'clear':
    case 'trunc':
    case 'normalize':
    case 'denormalize':
      checkAggAction(c, e);
      return T.void;
  }
  if ((e.fn === 'trace' || e.fn === 'print') && e.args.length === 1 && c.aggRef(e.args[0]!)) {
    fail(e.fn === 'trace' ? 'D_TRACE_AGG' : 'D_PRINT_AGG', `${e.fn}( ) may not be applied to an aggregation${e.fn === 'trace' ? '' : ' -- did you mean printa()?'}`, e.args[0]!.at);
  }
  checkArgs(c, e.fn, proto, e.args, at);
  if (proto.destructive) destructive(c, at);
  switch (e.fn) {
    case 'print': {
      const t = e.args[0]!.type!;
      if (t.kind === 'void') fail('D_PRINT_VOID', 'print( ) may not be applied to a void expression', at);
      dataRecording(c, at);
      break;
    }
    case 'tracemem': {
      const a = e.args[0]!;
      if (!isScalar(a.type!) && a.type!.kind !== 'string') {
        fail('D_TRACEMEM_ADDR', `tracemem( ) argument #1 is incompatible with prototype:\n\tprototype: pointer or integer\n\t argument: ${typeName(a.type!)}`, a.at);
      }
      const n = constValue(e.args[1]!);
      if (n === null || n <= 0n) fail('D_TRACEMEM_SIZE', 'tracemem( ) argument #2 must be a non-zero positive integer constant', e.args[1]!.at);
      if (n! > BigInt(LIMITS.tracememBytes)) fail('D_TRACEMEM_SIZE', `tracemem( ) argument #2 exceeds the limit of ${LIMITS.tracememBytes} bytes`, e.args[1]!.at);
      dataRecording(c, at);
      break;
    }
    case 'trace': {
      const t = e.args[0]!.type!;
      if (t.kind === 'void') fail('D_TRACE_VOID', 'trace( ) may not be applied to a void expression', at);
      dataRecording(c, at);
      break;
    }
    case 'exit':
      if (f.speculate) fail('D_EXIT_SPEC', 'exit( ) may not follow speculate( )', at);
      // exit() records (its status), so it is held to the data-recording rule after commit().
      if (f.commit) fail('D_DREC_COMM', 'data-recording actions may not follow commit( )', at);
      f.records = true;
      break;
    case 'speculate':
      if (f.speculate) fail('D_SPEC_SPEC', 'speculate( ) may not follow speculate( )', at);
      if (f.commit) fail('D_SPEC_COMM', 'speculate( ) may not follow commit( )', at);
      if (f.datarec || f.aggregation) fail('D_SPEC_DREC', 'speculate( ) may not follow data-recording action(s)', at);
      f.speculate = true;
      break;
    case 'commit':
      if (f.datarec || f.aggregation) fail('D_COMM_DREC', 'commit( ) may not follow data-recording action(s)', at);
      if (f.commit) fail('D_COMM_COMM', 'commit( ) may not follow commit( )', at);
      f.commit = true;
      break;
  }
  return T.void;
}
