/*
 * Code generation for expressions: typed AST -> a JavaScript expression over the runtime
 * context `$` (runtime/context.ts), the constants table `K`, the probe `P`, the arguments
 * `a0`…`a9`, globals `G`, thread-locals `S`, clause-locals `T` and the enabled-probe id `E`.
 *
 * Invariants: every integer expression yields a value in the range of its static type
 * (wrapped with $.s32/$.u64/… as C would), so comparisons can use JS operators; user text
 * (strings, member names) only ever appears as `K[i]`; numbers appear as JS literals.
 */

import type * as A from '../lang/ast.js';
import { arithResult, isInt, promote, T, toDType, wrapFn, type CType } from '../lang/types.js';
import { sizeOf } from '../lang/ctypes.js';
import { isMem, memType } from '../lang/sema-mem.js';
import { isObj, isObjVar, load, memAddr, objAddr, store as memStore, xlate } from './codegen-mem.js';

export class Constants {
  readonly list: unknown[] = [];
  private readonly strings = new Map<string, number>();

  ref(v: unknown): string {
    if (typeof v === 'string') {
      const hit = this.strings.get(v);
      if (hit !== undefined) return `K[${hit}]`;
      this.strings.set(v, this.list.length);
    }
    this.list.push(v);
    return `K[${this.list.length - 1}]`;
  }
}

export function intLit(v: bigint): string {
  if (v >= -9007199254740991n && v <= 9007199254740991n) return v < 0n ? `(${v})` : `${v}`;
  return `${v}n`;
}

/**
 * The 64-bit register an integer of type `t` is computed in: DIF evaluates every integer
 * expression in 64-bit registers and truncates only when a value is stored, recorded or cast
 * (d-language.md 4), so intermediate results keep their 64-bit value.
 */
export const reg = (t: CType): CType => (t.kind === 'int' && !t.signed ? T.uint64 : T.int64);

/** Whether an integer expression's value may lie outside its type's range (a computed value). */
export function computed(e: A.Expr): boolean {
  return e.k === 'binary' || e.k === 'unary' || e.k === 'ternary' || e.k === 'assign' || e.k === 'comma';
}

const zeroOf = (t: CType): string => (t.kind === 'string' ? '""' : '0');

export class ExprGen {
  constructor(
    readonly K: Constants,
    readonly strsize = 256,
  ) {}

  /** Converts a value of type `from` (JS expression `js`) to type `to`. */
  convert(js: string, from: CType, to: CType): string {
    if (to.kind === 'int') {
      const src = from.kind === 'pointer' ? `$.int(${js})` : js;
      if (from.kind === 'int' && from.size <= to.size && (from.signed === to.signed || (!from.signed && from.size < to.size))) return src;
      return `$.${wrapFn(to)}(${src})`;
    }
    return js;
  }

  /**
   * A cast between integer types as dt_cg_typecast does it: nothing for the same size and
   * signedness or a widening from unsigned; a widening from signed sign-extends from the
   * source's width; a narrowing (or a change of signedness) keeps the destination's width.
   */
  typecast(js: string, from: CType, to: CType): string {
    if (to.kind !== 'int') return js;
    if (from.kind !== 'int') return this.convert(js, from, to);
    if (from.size === to.size && from.signed === to.signed) return js;
    if (to.size > from.size && !from.signed) return js;
    if (to.size > from.size) {
      const ext = `$.s${from.size * 8}(${js})`;
      return to.signed ? ext : `$.u${to.size * 8}(${ext})`;
    }
    return `$.${wrapFn(to)}(${js})`;
  }

  /** A JS boolean for D truth (non-zero / non-empty). */
  truth(e: A.Expr): string {
    const t = e.type!;
    const js = this.gen(e);
    if (t.kind === 'string') return `(${js} !== "")`;
    if (t.kind === 'pointer') return `($.int(${js}) !== 0)`;
    return `(${js} !== 0)`;
  }

  /** An integer-typed operand as a D integer of type `to`. */
  private operand(e: A.Expr, to: CType): string {
    return this.convert(this.gen(e), e.type!, to);
  }

  gen(e: A.Expr): string {
    if (isMem(e)) {
      if (e.k === 'unary' && e.op === '&') return memAddr(this, e.arg);
      return load(memAddr(this, e), memType(e), this.strsize);
    }
    if (isObjVar(e)) return load(objAddr(this, e), memType(e), this.strsize);
    switch (e.k) {
      case 'int':
        return intLit(e.value);
      case 'str':
        return this.K.ref(e.value);
      case 'ident':
        return this.ident(e);
      case 'scoped': {
        const r = e.res!;
        const slot = (r as { slot: number }).slot;
        return r.kind === 'self' ? `(S[${slot}] ?? ${zeroOf(e.type!)})` : `(T[${slot}] ?? ${zeroOf(e.type!)})`;
      }
      case 'index':
        return this.index(e);
      case 'member': {
        const obj = this.gen(e.obj);
        const t = e.type!;
        const conv = t.kind === 'string' ? 'str' : t.kind === 'int' ? 'int' : 'ptr';
        return `$.${conv}($.mem(${obj}, ${this.K.ref(e.name)}))`;
      }
      case 'call':
        return this.call(e);
      case 'unary':
        return this.unary(e);
      case 'incdec': {
        const t = e.type!;
        const one = t.kind === 'pointer' ? '1' : '1';
        const w = isMem(e.arg) ? wrapFn(t) : wrapFn(reg(t));
        const next = `$.${w}($.${e.op === '++' ? 'add' : 'sub'}(${this.load(e.arg)}, ${one}))`;
        const stored = this.store(e.arg, next);
        return e.prefix ? stored : `$.${w}($.${e.op === '++' ? 'sub' : 'add'}(${stored}, 1))`;
      }
      case 'binary':
        return this.binary(e);
      case 'ternary': {
        const t = e.type!;
        return `(${this.truth(e.cond)} ? ${this.convert(this.gen(e.then), e.then.type!, t)} : ${this.convert(this.gen(e.else), e.else.type!, t)})`;
      }
      case 'assign':
        return this.assign(e);
      case 'cast': {
        const to = e.type!;
        if (to.kind === 'int') return this.typecast(this.gen(e.arg), e.arg.type!, to);
        return this.gen(e.arg);
      }
      case 'sizeof':
        return (e.res as { name: string }).name;
      case 'offsetof':
        return (e.res as { name: string }).name;
      case 'xlate': {
        const v = xlate(this, e);
        return v;
      }
      case 'comma':
        return `(${this.gen(e.left)}, ${this.gen(e.right)})`;
    }
    throw new Error('internal error: unknown expression node; please report');
  }

  private ident(e: A.IdentExpr): string {
    const r = e.res!;
    if (r.kind === 'builtin' && r.name === '$xp') return 'X';
    if (r.kind === 'global') return `G[${r.slot}]`;
    if (r.kind === 'inline') return this.convert(this.gen(r.value), r.value.type ?? T.int64, e.type!);
    if (r.kind === 'array') return `G[${r.slot}]`;
    const name = (r as { name: string }).name;
    // arg0 … arg9, tested without a regular expression: this runs for every name in a script.
    if (name.length === 4 && name.startsWith('arg') && name.charCodeAt(3) >= 48 && name.charCodeAt(3) <= 57) return `$.int(a${name[3]})`;
    switch (name) {
      case 'probeprov':
        return 'P.provider';
      case 'probemod':
        return 'P.module';
      case 'probefunc':
        return 'P.func';
      case 'probename':
        return 'P.name';
      case 'id':
        return 'P.id';
      case 'epid':
        return 'E';
      case 'timestamp':
        return '$.ts()';
      case 'vtimestamp':
        return '$.vts()';
      case 'walltimestamp':
        return '$.wts()';
      case 'tid':
      case 'pid':
      case 'ppid':
      case 'cpu':
      case 'errno':
        return `$.th().${name}`;
      case 'execname':
      case 'zonename':
        return `$.th().${name}`;
      case 'curthread':
        return '$.th().curthread';
      case 'stackdepth':
        return '$.stackdepth()';
      default:
        return '0';
    }
  }

  /** Normalises an associative key: pointers become their address. */
  private key(k: A.Expr): string {
    const t = k.type!;
    const js = this.gen(k);
    if (t.kind === 'sou') return `$.m.key(${js}, ${sizeOf(t, this.strsize)})`;
    if (t.kind === 'pointer') return `$.int(${js})`;
    if (t.kind === 'stack' || t.kind === 'sym' || t.kind === 'func' || t.kind === 'mod') return `$.kv(${js})`;
    return js;
  }

  private keys(ks: readonly A.Expr[]): string {
    return ks.length === 1 ? this.key(ks[0]!) : `[${ks.map((k) => this.key(k)).join(', ')}]`;
  }

  assocGet(e: A.IndexExpr): string {
    return `$.${e.keys.length === 1 ? 'aget1' : 'agetN'}(${this.assocRef(e)}, ${this.keys(e.keys)}, 0)`;
  }

  assocSet(e: A.IndexExpr, v: string): string {
    return `$.${e.keys.length === 1 ? 'aset1' : 'asetN'}(${this.assocRef(e)}, ${this.keys(e.keys)}, ${v})`;
  }

  private assocRef(e: A.IndexExpr): string {
    const r = e.res as { slot: number; scope: 'global' | 'self' };
    return r.scope === 'self' ? `$.smap(S, ${r.slot})` : `$.as[${r.slot}]`;
  }

  private index(e: A.IndexExpr): string {
    const r = e.res!;
    if (r.kind === 'args') {
      const t = e.type!;
      const a = `a${r.index}`;
      return t.kind === 'string' ? `$.str(${a})` : t.kind === 'int' ? this.convert(`$.int(${a})`, T.int64, t) : `$.ptr(${a})`;
    }
    if (r.kind === 'array') return `$.arrGet(G[${r.slot}], ${this.gen(e.keys[0]!)}, ${r.size})`;
    const z = zeroOf(e.type!);
    const fn = e.keys.length === 1 ? 'aget1' : 'agetN';
    return `$.${fn}(${this.assocRef(e)}, ${this.keys(e.keys)}, ${z})`;
  }

  load(t: A.Expr): string {
    return this.gen(t);
  }

  /** A JS expression that stores `value` (already of the target's type) and yields it. */
  store(t: A.Expr, value: string): string {
    if (isMem(t)) return memStore(memAddr(this, t), memType(t), value, this.strsize);
    if (isObjVar(t)) return memStore(objAddr(this, t), memType(t), value, this.strsize);
    const r = t.res!;
    switch (r.kind) {
      case 'global':
        return `(G[${r.slot}] = ${value})`;
      case 'self':
        return `$.sset(S, ${r.slot}, ${value})`;
      case 'this':
        return `(T[${r.slot}] = ${value})`;
      case 'array':
        return `$.arrSet(G[${r.slot}], ${this.gen((t as A.IndexExpr).keys[0]!)}, ${r.size}, ${value})`;
      case 'assoc': {
        const ix = t as A.IndexExpr;
        const fn = ix.keys.length === 1 ? 'aset1' : 'asetN';
        return `$.${fn}(${this.assocRef(ix)}, ${this.keys(ix.keys)}, ${value})`;
      }
      default:
        throw new Error('internal error: store to a non-lvalue; please report');
    }
  }

  private assign(e: A.AssignExpr): string {
    const t = e.target.type!;
    if (e.op === '=') {
      const v = e.value.type!;
      // A scalar variable keeps the 64-bit register (dtrace's stgs); memory stores truncate.
      // dt_cg_typecast: narrowed only to a smaller type or another signedness.
      if (t.kind === 'int' && v.kind === 'int' && !isMem(e.target)) return this.store(e.target, this.convert(this.typecast(this.gen(e.value), v, t), t, reg(t)));
      return this.store(e.target, this.convert(this.gen(e.value), v, t));
    }
    const op = e.op.slice(0, -1) as A.BinaryOp;
    const rt = reg(op === '<<' || op === '>>' ? promote(t) : arithResult(t, e.value.type!));
    const cur = this.convert(this.load(e.target), t, rt);
    const v = this.convert(this.gen(e.value), e.value.type!, op === '<<' || op === '>>' ? T.int64 : rt);
    const r = this.arith(op, cur, v, rt);
    const ct = op === '<<' || op === '>>' ? promote(t) : arithResult(t, e.value.type!);
    return this.store(e.target, t.kind === 'int' && isMem(e.target) ? `$.${wrapFn(t)}(${r})` : this.convert(this.typecast(r, ct, t), t, reg(t)));
  }

  /** The value of `e` as type `t` for a store or a record: truncated where it may not fit. */
  narrow(e: A.Expr, t: CType): string {
    const js = this.convert(this.gen(e), e.type!, t);
    if (t.kind !== 'int' || e.k === 'int' || js.startsWith(`$.${wrapFn(t)}(`)) return js;
    return `$.${wrapFn(t)}(${js})`;
  }

  private arith(op: A.BinaryOp, a: string, b: string, t: CType): string {
    const w = wrapFn(reg(t));
    const unsigned = t.kind === 'int' && !t.signed;
    switch (op) {
      case '+':
        return `$.${w}($.add(${a}, ${b}))`;
      case '-':
        return `$.${w}($.sub(${a}, ${b}))`;
      case '*':
        return `$.${w}($.mul(${a}, ${b}))`;
      case '/':
        return `$.${w}($.div(${a}, ${b}))`;
      case '%':
        return `$.${w}($.mod(${a}, ${b}))`;
      case '<<':
        return `$.${w}($.shl(${a}, ${b}))`;
      case '>>':
        return `$.${w}($.shr(${a}, ${b}))`;
      case '&':
        return `$.${w}($.band(${a}, ${b}))`;
      case '|':
        return `$.${w}($.bor(${a}, ${b}))`;
      case '^':
        return `$.${w}($.bxor(${a}, ${b}))`;
      default:
        throw new Error(`internal error: operator ${op} (${unsigned}); please report`);
    }
  }

  private binary(e: A.BinaryExpr): string {
    const op = e.op;
    const a = e.left.type!;
    const b = e.right.type!;
    switch (op) {
      case '&&':
        return `(${this.truth(e.left)} && ${this.truth(e.right)} ? 1 : 0)`;
      case '||':
        return `(${this.truth(e.left)} || ${this.truth(e.right)} ? 1 : 0)`;
      case '^^':
        return `(${this.truth(e.left)} !== ${this.truth(e.right)} ? 1 : 0)`;
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '==':
      case '!=': {
        const jsop = op === '==' ? '===' : op === '!=' ? '!==' : op;
        if (a.kind === 'string') return `(${this.gen(e.left)} ${jsop} ${this.gen(e.right)} ? 1 : 0)`;
        // dt_cg_compare: an unsigned compare when either operand is unsigned (pointers are).
        const uns = (t: CType): boolean => t.kind === 'pointer' || (t.kind === 'int' && !t.signed);
        const ct = uns(a) || uns(b) ? T.uint64 : T.int64;
        return `(${this.operand(e.left, ct)} ${jsop} ${this.operand(e.right, ct)} ? 1 : 0)`;
      }
      case '<<':
      case '>>': {
        const t = e.type!;
        return this.arith(op, this.operand(e.left, reg(t)), this.operand(e.right, T.int64), t);
      }
      default: {
        const t = e.type!;
        if (t.kind === 'pointer') {
          const [p, n] = e.left.type!.kind === 'pointer' ? [e.left, e.right] : [e.right, e.left];
          const es = t.ref && t.ref.kind !== 'void' && t.ref.kind !== 'struct' ? sizeOf(t.ref, this.strsize) : 1;
          const k = this.convert(this.gen(n), n.type!, T.int64);
          const scaled = es === 1 ? k : `$.mul(${k}, ${es})`;
          return `$.ptradd(${this.gen(p)}, ${op === '-' ? `$.neg(${scaled})` : scaled})`;
        }
        if (a.kind === 'pointer' && b.kind === 'pointer' && op === '-') {
          const es = a.ref && a.ref.kind !== 'void' && a.ref.kind !== 'struct' ? sizeOf(a.ref, this.strsize) : 1;
          return `$.s64($.div($.sub($.int(${this.gen(e.left)}), $.int(${this.gen(e.right)})), ${es}))`;
        }
        return this.arith(op, this.operand(e.left, reg(t)), this.operand(e.right, reg(t)), t);
      }
    }
  }

  private unary(e: A.UnaryExpr): string {
    const t = e.type!;
    switch (e.op) {
      case '!':
        return `(${this.truth(e.arg)} ? 0 : 1)`;
      case '-':
        return `$.${wrapFn(reg(t))}($.neg(${this.operand(e.arg, reg(t))}))`;
      case '+':
        return this.operand(e.arg, t);
      case '~':
        return `$.${wrapFn(reg(t))}($.bnot(${this.operand(e.arg, reg(t))}))`;
      case 'stringof':
        return `$.tostr(${this.gen(e.arg)})`;
      case '*':
        return `$.deref(${this.gen(e.arg)})`;
      case '&':
        return memAddr(this, e.arg);
      default:
        return '0';
    }
  }

  private call(e: A.CallExpr): string {
    const args = e.args.map((a) => this.gen(a));
    // Each argument is generated once: generating it again per use is exponential in the nesting.
    const ints = e.args.map((a, i) => (isInt(a.type!) || a.type!.kind === 'pointer' ? this.convert(args[i]!, a.type!, T.int64) : args[i]!));
    switch (e.fn) {
      case 'stack':
        return `$.stack(${ints[0] ?? 'undefined'})`;
      case 'ustack':
      case 'jstack':
        return `$.ustack(${ints[0] ?? 'undefined'})`;
      case 'func':
      case 'sym':
      case 'mod':
        return `$.symv(${this.K.ref(e.fn)}, ${ints[0]})`;
      case 'speculation':
        return '$.speculation()';
      case 'rand':
        return '$.rand()';
      case 'alloca':
        return `$.m.salloc(${ints[0]})`;
      case 'bcopy':
        return `$.m.copy(${ints[1]}, ${ints[0]}, Number(${ints[2]}))`;
      case 'strlen':
        return `${args[0]}.length`;
      case 'htons':
      case 'ntohs':
        return `$.bswap(${ints[0]}, 2)`;
      case 'htonl':
      case 'ntohl':
        return `$.bswap(${ints[0]}, 4)`;
      case 'htonll':
      case 'ntohll':
        return `$.bswap(${ints[0]}, 8)`;
      case 'inet_ntoa':
        return `$.ntoa($.m.bytes(${ints[0]}, 4))`;
      case 'inet_ntoa6':
        return `$.ntoa6($.m.bytes(${ints[0]}, 16), false)`;
      case 'inet_ntop':
        return `((P) => $.ntop(${ints[0]}, (n) => $.m.bytes(P, n)))(${ints[1]})`;
      default:
        return `$.fn.${e.fn}(${e.args.map((a, i) => (isInt(a.type!) ? ints[i] : args[i])).join(', ')})`;
    }
  }

  dtype(t: CType): string {
    return this.K.ref(toDType(t));
  }
}
