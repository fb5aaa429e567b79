/*
 * Code generation for clauses: each clause becomes a block of JavaScript statements (see
 * codegen-expr.ts for the names in scope). The runtime wraps every clause of one probe into
 * one fused function (runtime/fuse.ts). A clause block:
 *
 *   w = 0; try { c: { <thread-locals>; if (!(pred)) break c; const R = []; let SP = -1;
 *                     w = 1; <action 1>; w = 2; <action 2>; … $.record(P, E, R, SP); } }
 *   catch (x) { $.fault(x, E, P, w); }
 *
 * `w` tracks the predicate (0) or the 1-based action for fault reports (d-language.md 2.6).
 * A clause with an empty body records an empty firing (the default action); a clause that only
 * assigns records nothing.
 */

import type * as A from '../lang/ast.js';
import { recordBytes as layoutBytes } from '../program/record-size.js';
import type { ClauseFlags } from '../lang/sema-expr.js';
import { parseTypeName, T, toDType, typeName, type CType } from '../lang/types.js';
import { formatOf, isFormatError } from '../program/printf-format.js';
import { Constants, ExprGen } from './codegen-expr.js';
import { objAddr } from './codegen-mem.js';
import { memType } from '../lang/sema-mem.js';

export interface ClauseInput {
  readonly clause: A.Clause;
  readonly flags: ClauseFlags;
  readonly usesSelf: boolean;
  readonly usesThis: boolean;
  readonly aggParams: ReadonlyMap<number, { fn: string; params?: unknown }>;
  /** Struct member types (`zone_t` -> `zone_name` -> `string`), for print() of a struct. */
  readonly structs: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly strsize?: number;
}

export function generateClause(input: ClauseInput, K: Constants): string {
  const g = new ClauseGen(new ExprGen(K, input.strsize), input);
  return g.generate();
}

/** Actions that leave one record (besides printf and trace, sized by their arguments). */
const RECORDING: ReadonlySet<string> = new Set(['printa', 'stack', 'ustack', 'jstack', 'func', 'sym', 'mod', 'print', 'tracemem', 'freopen', 'exit']);

/** The sizes of the values a clause records, in order (program/record-size.ts lays them out). */
function recordedSizes(list: readonly A.Stmt[], strsize: number, out: number[]): number[] {
  const size = (e: A.Expr | undefined): number => {
    const t = e?.type;
    if (t?.kind === 'string') return strsize;
    if (t?.kind === 'int') return t.size;
    return 8;
  };
  for (const s of list) {
    if (s.k === 'if') {
      recordedSizes(s.then, strsize, out);
      if (s.else) recordedSizes(s.else, strsize, out);
      continue;
    }
    const e = s.expr;
    if (e.k !== 'call' || e.res?.kind !== 'call' || e.res.role !== 'action') continue;
    if (e.fn === 'printf') for (const a of e.args.slice(1)) out.push(size(a));
    else if (e.fn === 'trace') out.push(size(e.args[0]));
    else if (RECORDING.has(e.fn)) out.push(8);
  }
  return out;
}

/** The bytes a clause's records take in a buffer; both branches of an `if` count. */
export function recordBytes(list: readonly A.Stmt[], strsize: number): number {
  return layoutBytes(recordedSizes(list, strsize, []));
}

class ClauseGen {
  private action = 0;
  private readonly out: string[] = [];

  constructor(
    private readonly x: ExprGen,
    private readonly input: ClauseInput,
  ) {}

  generate(): string {
    const { clause, flags, usesSelf } = this.input;
    const body = clause.body ?? [];
    const records = body.length === 0 || flags.records;
    this.out.push('w = 0;', 'try {', 'c: {');
    if (usesSelf) this.out.push('const S = $.self();');
    if (clause.predicate) this.out.push(`if (!${this.x.truth(clause.predicate)}) break c;`);
    if (records) this.out.push('const R = [];', 'let SP = -1;');
    this.statements(body);
    if (records) this.out.push('$.record(P, R, SP);');
    this.out.push('}', '} catch (x) { $.fault(x, E, P, w); }');
    return this.out.join('\n');
  }

  private recording(): boolean {
    return (this.input.clause.body ?? []).length === 0 || this.input.flags.records;
  }

  private statements(list: readonly A.Stmt[]): void {
    for (const s of list) {
      if (s.k === 'if') {
        this.out.push(`w = ${++this.action};`);
        this.out.push(`if (${this.x.truth(s.cond)}) {`);
        this.statements(s.then);
        this.out.push('}');
        if (s.else) {
          this.out.push('else {');
          this.statements(s.else);
          this.out.push('}');
        }
        continue;
      }
      this.out.push(`w = ${++this.action};`);
      this.out.push(this.statement(s.expr));
    }
  }

  private statement(e: A.Expr): string {
    if (e.k === 'assign' && e.target.k === 'agg') return this.aggregate(e.target, e.value as A.CallExpr);
    if (e.k === 'call' && e.res?.kind === 'call' && e.res.role === 'action') return this.action_(e);
    return `${this.x.gen(e)};`;
  }

  private int(e: A.Expr): string {
    return this.x.convert(this.x.gen(e), e.type!, T.int64);
  }

  private action_(e: A.CallExpr): string {
    const x = this.x;
    const K = x.K;
    const a = e.args;
    switch (e.fn) {
      case 'trace': {
        const t = a[0]!.type!;
        const v = t.kind === 'pointer' ? `$.int(${x.gen(a[0]!)})` : t.kind === 'int' ? x.narrow(a[0]!, t) : x.gen(a[0]!);
        return `R.push({ kind: 'trace', value: ${v}, type: ${x.dtype(t)} });`;
      }
      case 'printf':
      case 'freopen': {
        const { args, types } = this.formatArgs(a[0]!, a.slice(1));
        return `R.push({ kind: ${K.ref(e.fn)}, format: ${x.gen(a[0]!)}, args: [${args.join(', ')}], types: ${K.ref(types)} });`;
      }
      case 'print':
        return this.print(a[0]!);
      case 'tracemem':
        return `R.push($.tracemem(${x.gen(a[0]!)}, ${this.int(a[1]!)}, ${a[2] ? this.int(a[2]) : 'undefined'}));`;
      case 'printa': {
        const fmt = a[0]!.k === 'str' ? x.gen(a[0]!) : 'undefined';
        const ids = a.filter((v) => v.k === 'agg').map((v) => (v.res as { id: number }).id);
        return `R.push($.printa(${fmt}, ${K.ref(ids)}));`;
      }
      case 'stack':
        return `R.push({ kind: 'stack', value: ${x.gen(e)} });`;
      case 'func':
      case 'sym':
      case 'mod':
        return `R.push({ kind: 'sym', value: ${x.gen(e)} });`;
      case 'exit':
        return `$.exit(${this.int(a[0]!)});`;
      case 'clear':
      case 'denormalize':
        return `$.${e.fn}(${aggId(a[0]!)});`;
      case 'trunc':
        return `$.trunc(${aggId(a[0]!)}, ${a[1] ? this.int(a[1]) : 'undefined'});`;
      case 'normalize':
        return `$.normalize(${aggId(a[0]!)}, ${this.int(a[1]!)});`;
      case 'speculate':
        // A speculation that cannot take the clause's data (no such buffer, or not enough room
        // left in it) drops the clause: dtrace runs none of its later actions.
        return `SP = $.speculate(${this.int(a[0]!)}, ${recordBytes(this.input.clause.body ?? [], this.input.strsize ?? 256)}); if (SP === 0) break c;`;
      case 'commit':
        return `$.commit(${this.int(a[0]!)});`;
      case 'discard':
        return `$.discard(${this.int(a[0]!)});`;
      case 'setopt':
        // In a recording clause the change travels with the records, so that the consumer
        // applies it between the records before and after it.
        return `$.setopt(${x.gen(a[0]!)}, ${a[1] ? x.gen(a[1]) : 'undefined'}${this.recording() ? ', R' : ''});`;
      case 'chill':
        return `$.chill(${this.int(a[0]!)});`;
      default:
        // raise/stop/panic/breakpoint/system: accepted with -w, recorded as requests only.
        return `$.destructive(${K.ref(e.fn)}, [${a.map((v) => x.gen(v)).join(', ')}]);`;
    }
  }

  /**
   * printf()-style arguments with their recorded types. An integer given to %a/%A is recorded
   * as a symbol resolved now, on the host (the consumer has no symbol table of its own).
   */
  private formatArgs(fmt: A.Expr, values: readonly A.Expr[]): { args: string[]; types: unknown[] } {
    const x = this.x;
    const symbolic = new Set<number>();
    const parsed = fmt.k === 'str' ? formatOf(fmt.value) : null;
    if (parsed && !isFormatError(parsed)) {
      let ai = 0;
      for (const conv of parsed.conversions) {
        conv.argKinds.forEach((_, k) => {
          if (k === conv.argKinds.length - 1 && (conv.letter === 'a' || conv.letter === 'A')) symbolic.add(ai);
          ai++;
        });
      }
    }
    const args: string[] = [];
    const types: unknown[] = [];
    values.forEach((v, i) => {
      const t = v.type!;
      if (symbolic.has(i) && (t.kind === 'int' || t.kind === 'pointer')) {
        args.push(`$.symv("sym", ${this.int(v)})`);
        types.push({ kind: 'sym' });
        return;
      }
      args.push(t.kind === 'pointer' ? `$.int(${x.gen(v)})` : t.kind === 'int' ? x.narrow(v, t) : x.gen(v));
      types.push(toDType(t));
    });
    return { args, types };
  }

  /** print(): a scalar with its type name, or a struct member by member (illumos dt_print.c). */
  private print(arg: A.Expr): string {
    const x = this.x;
    const t = arg.type!;
    if (t.kind === 'struct') {
      const names = new Set(this.input.structs.keys());
      const members = [...(this.input.structs.get(t.name) ?? new Map<string, string>())].map(([name, typeText]) => {
        const mt = parseTypeName(typeText, names) ?? T.int64;
        return { name, typeName: typeText, type: toDType(mt), conv: mt.kind === 'string' ? 'str' : 'int' };
      });
      return `R.push($.printStruct(${x.gen(arg)}, ${x.K.ref({ typeName: t.name, members })}));`;
    }
    const mt = memType(arg);
    if (mt.kind === 'sou' || mt.kind === 'array' || mt.kind === 'float' || (mt.kind === 'int' && (mt.en || mt.bits !== undefined || mt.size === 1))) {
      const text = mt.kind === 'sou' || mt.kind === 'array' ? `$.m.print(${x.K.ref(mt)}, ${objAddr(x, arg)})` : `$.m.printv(${x.K.ref(mt)}, ${x.gen(arg)}, ${mt.size})`;
      return `R.push({ kind: 'print', value: 0, type: ${x.dtype(T.int64)}, typeName: ${x.K.ref(typeName(mt))}, text: ${text} });`;
    }
    const v = t.kind === 'pointer' ? `$.int(${x.gen(arg)})` : x.gen(arg);
    return `R.push({ kind: 'print', value: ${v}, type: ${x.dtype(t)}, typeName: ${x.K.ref(typeName(t))} });`;
  }

  private aggregate(target: A.AggExpr, call: A.CallExpr): string {
    const x = this.x;
    const id = (target.res as { id: number }).id;
    const keys = (target.keys ?? []).map((k) => (k.type!.kind === 'pointer' ? `$.int(${x.gen(k)})` : k.type!.kind === 'stack' || k.type!.kind === 'sym' || k.type!.kind === 'func' || k.type!.kind === 'mod' ? `$.kv(${x.gen(k)})` : x.gen(k)));
    const cell =
      keys.length === 0 ? `g.c0 ?? g.add0()` : keys.length === 1 ? `k0 === g.lk ? g.lc : g.get1(k0)` : `g.getN([${keys.map((_, i) => `k${i}`).join(', ')}])`;
    const pre = keys.map((k, i) => `const k${i} = ${k};`).join(' ');
    // Every argument is evaluated before the cell is looked up or created, so a fault in one
    // (`sum(10 / x)` with x == 0) aborts the clause without leaving a new entry behind.
    const vals = call.args.map((v, i) => `const v${i} = ${this.int(v)};`).join(' ');
    const args = call.args.map((_, i) => `v${i}`);
    const v = args[0] ?? '0';
    let upd: string;
    switch (call.fn) {
      case 'count':
        upd = 'c.v++;';
        break;
      case 'sum':
        upd = `c.v = $.s64($.add(c.v, ${v}));`;
        break;
      case 'avg':
        upd = `c.n++; c.v = $.s64($.add(c.v, ${v}));`;
        break;
      case 'stddev':
        upd = `c.n++; c.v = $.s64($.add(c.v, ${v})); c.q = $.sumsq(c.q, ${v});`;
        break;
      case 'min':
        upd = `if (${v} < c.v) c.v = ${v};`;
        break;
      case 'max':
        upd = `if (${v} > c.v) c.v = ${v};`;
        break;
      case 'quantize':
        upd = bucketAdd(`$.qb(${v})`, args[1]);
        break;
      case 'lquantize': {
        const p = this.input.aggParams.get(id)?.params as { base: number; limit: number; step: number };
        upd = bucketAdd(`$.lqb(${v}, ${p.base}, ${p.limit}, ${p.step})`, args[4]);
        break;
      }
      default: {
        const p = this.input.aggParams.get(id)?.params as { factor: number; low: number; high: number; nsteps: number };
        upd = bucketAdd(`$.llqb(${v}, ${p.factor}, ${p.low}, ${p.high}, ${p.nsteps})`, args[5]);
      }
    }
    return `{ const g = $.ag[${id}]; ${pre} ${vals} const c = ${cell}; if (c !== null) { ${upd} } }`;
  }
}

function aggId(e: A.Expr): number {
  return (e.res as { id: number }).id;
}

export { Constants };

/**
 * A bucket's update: one more, or the increment added as dtrace adds it, in 64 bits that wrap
 * (runtime/agg-state.ts addBucket keeps a count exact past 2^53).
 */
function bucketAdd(index: string, increment: string | undefined): string {
  if (increment !== undefined) return `$.qadd(c.b, ${index}, ${increment});`;
  // The common case inline: a count that stays a safe integer is a number incremented in place.
  return `const q = ${index}; const o = c.b[q]; c.b[q] = typeof o === 'number' && o < ${Number.MAX_SAFE_INTEGER} ? o + 1 : $.s64($.add(o, 1));`;
}
