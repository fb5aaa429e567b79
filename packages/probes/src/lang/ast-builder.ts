/*
 * CST -> AST. Walks the chevrotain CST of parser.ts and produces the typed AST of ast.ts:
 * literals decoded and typed (literals.ts), operator chains folded left-associatively in
 * source order, `self->x`/`this->x` recognised, aggregation keys attached. Errors found here
 * (bad literals, clauses without actions) go to the diagnostic sink; the builder never throws.
 */

import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import { decodeEscapes, parseCharLiteral, parseIntLiteral } from './literals.js';
import { T } from './types.js';

type Children = Record<string, CstElement[] | undefined>;

/** Binary operator precedence, higher binds tighter (d-language.md 1.4). */
const PRECEDENCE: Readonly<Record<A.BinaryOp, number>> = {
  '||': 1, '^^': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7,
  '<': 8, '<=': 8, '>': 8, '>=': 8, '<<': 9, '>>': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;
const nodes = (c: Children, name: string): CstNode[] => (c[name] ?? []) as CstNode[];
const toks = (c: Children, name: string): IToken[] => (c[name] ?? []) as IToken[];
const first = (c: Children, name: string): CstNode | undefined => nodes(c, name)[0];
const tok = (c: Children, name: string): IToken | undefined => toks(c, name)[0];
const offsetOf = (n: CstNode): number => n.location?.startOffset ?? 0;

export function buildAst(cst: CstNode, diags: DiagnosticSink, kind: 'script' | 'other'): A.ProgramAst {
  const b = new Builder(diags, kind);
  return { items: b.program(cst) };
}

class Builder {
  constructor(
    private readonly diags: DiagnosticSink,
    private readonly kind: 'script' | 'other',
  ) {}

  program(n: CstNode): A.TopLevel[] {
    const c = n.children;
    const items: A.TopLevel[] = [
      ...nodes(c, 'clause').map((x) => this.clause(x)),
      ...nodes(c, 'inlineDef').map((x) => this.inlineDef(x)),
      ...nodes(c, 'declaration').map((x) => this.declaration(x)),
    ];
    return items.sort((a, b) => a.at - b.at);
  }

  clause(n: CstNode): A.Clause {
    const c = n.children;
    const probes = toks(c, 'ProbeDesc').map((t) => ({ at: t.startOffset, text: t.image }));
    const predNode = first(c, 'expression');
    const predicate = predNode ? this.expression(predNode) : null;
    const stmts = first(c, 'statements');
    const body = tok(c, 'LCurly') && stmts ? this.statements(stmts) : null;
    if (body === null) {
      const last = n.location?.endOffset ?? offsetOf(n);
      if (predicate) {
        this.diags.error('D_SYNTAX', 'expected actions { } following probe description and predicate', last);
      } else if (this.kind === 'script') {
        this.diags.error('D_SYNTAX', 'expected predicate and/or actions following probe description', last);
      }
    }
    return { k: 'clause', at: offsetOf(n), probes, predicate, body: body ?? [] };
  }

  statements(n: CstNode): A.Stmt[] {
    const out: A.Stmt[] = [];
    for (const s of nodes(n.children, 'statement')) {
      const st = this.statement(s);
      if (st) out.push(st);
    }
    return out;
  }

  statement(n: CstNode): A.Stmt | null {
    const c = n.children;
    const ifs = first(c, 'ifStatement');
    if (ifs) {
      const ic = ifs.children;
      const blocks = nodes(ic, 'block');
      return {
        k: 'if',
        at: offsetOf(ifs),
        cond: this.expression(first(ic, 'expression')!),
        then: this.block(blocks[0]!),
        else: blocks[1] ? this.block(blocks[1]) : null,
      };
    }
    const es = first(c, 'exprStatement');
    if (es) return { k: 'expr', at: offsetOf(es), expr: this.expression(first(es.children, 'expression')!) };
    return null;
  }

  block(n: CstNode): A.Stmt[] {
    const stmts = first(n.children, 'statements');
    if (stmts) return this.statements(stmts);
    const st = this.statement(first(n.children, 'statement')!);
    return st ? [st] : [];
  }

  declaration(n: CstNode): A.Declaration {
    const c = n.children;
    const scope = tok(c, 'Kw_self') ? 'self' : tok(c, 'Kw_this') ? 'this' : 'global';
    return {
      k: 'decl',
      at: offsetOf(n),
      scope,
      type: this.typeRef(first(c, 'typeSpec')!),
      declarators: nodes(c, 'declarator').map((d) => {
        const dc = d.children;
        const id = tok(dc, 'Identifier')!;
        const size = tok(dc, 'IntLit');
        const keys = nodes(dc, 'typeSpec').map((t) => this.typeRef(t));
        return {
          at: id.startOffset,
          name: id.image,
          ...(size ? { size: Number(size.image.replace(/[uUlL]+$/, '')) } : {}),
          ...(keys.length > 0 ? { keys } : {}),
        };
      }),
    };
  }

  inlineDef(n: CstNode): A.InlineDef {
    const c = n.children;
    const id = tok(c, 'Identifier')!;
    return { k: 'inline', at: offsetOf(n), type: this.typeRef(first(c, 'typeSpec')!), name: id.image, value: this.assignment(first(c, 'assignment')!) };
  }

  typeRef(n: CstNode): A.TypeRef {
    const all: IToken[] = [];
    for (const v of Object.values(n.children)) for (const e of v ?? []) if (isToken(e)) all.push(e);
    all.sort((a, b) => a.startOffset - b.startOffset);
    const words = all.filter((t) => t.image !== '*' && t.image !== 'const' && t.image !== 'volatile').map((t) => t.image);
    const stars = all.filter((t) => t.image === '*').length;
    return { at: offsetOf(n), text: words.join(' ') + (stars > 0 ? ` ${'*'.repeat(stars)}` : '') };
  }

  expression(n: CstNode): A.Expr {
    const parts = nodes(n.children, 'assignment').map((a) => this.assignment(a));
    return parts.reduce((left, right) => ({ k: 'comma', at: left.at, left, right }));
  }

  assignment(n: CstNode): A.Expr {
    const c = n.children;
    const lhs = this.conditional(first(c, 'conditional')!);
    const rhs = first(c, 'assignment');
    if (!rhs) return lhs;
    const op = this.operators(c)[0]!;
    return { k: 'assign', at: lhs.at, op: op.image as A.AssignOp, target: lhs, value: this.assignment(rhs) };
  }

  conditional(n: CstNode): A.Expr {
    const c = n.children;
    const cond = this.binary(first(c, 'binary')!);
    const then = first(c, 'expression');
    if (!then) return cond;
    return { k: 'ternary', at: cond.at, cond, then: this.expression(then), else: this.conditional(first(c, 'conditional')!) };
  }

  /**
   * Folds a flat `a op b op c …` chain by precedence climbing over the table of d-language.md
   * 1.4 (every binary level is left-associative; `^^` sits between `&&` and `||`).
   */
  binary(n: CstNode): A.Expr {
    const c = n.children;
    const operands = nodes(c, 'cast').map((x) => this.cast(x));
    const ops = toks(c, 'BinaryOp');
    let pos = 0;
    const climb = (minPrec: number): A.Expr => {
      let left = operands[pos]!;
      while (pos < ops.length) {
        const op = ops[pos]!.image as A.BinaryOp;
        const prec = PRECEDENCE[op];
        if (prec < minPrec) break;
        pos++;
        const right = climb(prec + 1);
        left = { k: 'binary', at: left.at, op, left, right };
      }
      return left;
    };
    return climb(0);
  }

  operators(c: Children): IToken[] {
    const out: IToken[] = [];
    for (const v of Object.values(c)) for (const e of v ?? []) if (isToken(e)) out.push(e);
    return out.sort((a, b) => a.startOffset - b.startOffset);
  }

  cast(n: CstNode): A.Expr {
    const c = n.children;
    const ts = first(c, 'typeSpec');
    if (ts) return { k: 'cast', at: offsetOf(n), to: this.typeRef(ts), arg: this.cast(first(c, 'cast')!) };
    return this.unary(first(c, 'unary')!);
  }

  unary(n: CstNode): A.Expr {
    const c = n.children;
    const at = offsetOf(n);
    const pf = first(c, 'postfix');
    if (pf) return this.postfix(pf);
    if (tok(c, 'Kw_sizeof')) {
      const ts = first(c, 'typeSpec');
      return { k: 'sizeof', at, of: ts ? this.typeRef(ts) : this.unary(first(c, 'unary')!) };
    }
    if (tok(c, 'Kw_stringof')) return { k: 'unary', at, op: 'stringof', arg: this.unary(first(c, 'unary')!) };
    const op = this.operators(c)[0]!.image;
    const arg = this.cast(first(c, 'cast')!);
    if (op === '++' || op === '--') return { k: 'incdec', at, op, prefix: true, arg };
    if (op === '-' && arg.k === 'int') {
      // Fold negative literals so that -9223372036854775808 types as C does.
      return { k: 'unary', at, op: '-', arg };
    }
    return { k: 'unary', at, op: op as A.UnaryExpr['op'], arg };
  }

  postfix(n: CstNode): A.Expr {
    const c = n.children;
    let e = this.primary(first(c, 'primary')!);
    for (const op of nodes(c, 'postfixOp')) {
      const oc = op.children;
      const at = e.at;
      if (tok(oc, 'LBracket')) {
        const keys = nodes(first(oc, 'argList')!.children, 'assignment').map((a) => this.assignment(a));
        if (e.k === 'agg' && e.keys === null) e = { ...e, keys };
        else e = { k: 'index', at, base: e, keys };
      } else if (tok(oc, 'LParen')) {
        const al = first(oc, 'argList');
        const args = al ? nodes(al.children, 'assignment').map((a) => this.assignment(a)) : [];
        if (e.k !== 'ident') {
          this.diags.error('D_SYNTAX', 'syntax error near "("', tok(oc, 'LParen')!.startOffset);
          return e;
        }
        e = { k: 'call', at, fn: e.name, args };
      } else if (tok(oc, 'Dot') || tok(oc, 'Arrow')) {
        const name = tok(oc, 'Identifier')!.image;
        const arrow = tok(oc, 'Arrow') !== undefined;
        if (arrow && e.k === 'ident' && (e.name === 'self' || e.name === 'this') && (e as { kw?: boolean }).kw) {
          e = { k: 'scoped', at, scope: e.name, name };
        } else e = { k: 'member', at, obj: e, name, arrow };
      } else {
        e = { k: 'incdec', at, op: tok(oc, 'Inc') ? '++' : '--', prefix: false, arg: e };
      }
    }
    return e;
  }

  primary(n: CstNode): A.Expr {
    const c = n.children;
    const at = offsetOf(n);
    const int = tok(c, 'IntLit');
    if (int) {
      const r = parseIntLiteral(int.image);
      if ('code' in r) {
        this.diags.error(r.code, r.message, int.startOffset);
        return { k: 'int', at, value: 0n, literalType: T.int, image: int.image };
      }
      return { k: 'int', at, value: r.value, literalType: r.type, image: int.image };
    }
    const str = tok(c, 'StringLit');
    if (str) {
      const value = typeof str.payload === 'string' ? str.payload : decodeEscapes(str.image.slice(1, -1));
      return { k: 'str', at, value };
    }
    const ch = tok(c, 'CharLit');
    if (ch) {
      const r = parseCharLiteral(ch.image);
      if ('code' in r) {
        this.diags.error(r.code, r.message, ch.startOffset);
        return { k: 'int', at, value: 0n, literalType: T.int, image: ch.image };
      }
      return { k: 'int', at, value: BigInt(r.value), literalType: T.char.kind === 'int' ? T.int : T.int, image: ch.image };
    }
    if (tok(c, 'Kw_offsetof')) {
      return { k: 'offsetof', at, of: this.typeRef(first(c, 'typeSpec')!), member: toks(c, 'Identifier')[0]?.image ?? '' };
    }
    const id = tok(c, 'Identifier');
    if (id) return { k: 'ident', at, name: id.image };
    const agg = tok(c, 'AggName');
    if (agg) return { k: 'agg', at, name: agg.image.length > 1 ? agg.image.slice(1) : '_', keys: null };
    if (tok(c, 'Kw_self') || tok(c, 'Kw_this')) {
      const name = tok(c, 'Kw_self') ? 'self' : 'this';
      return { k: 'ident', at, name, kw: true } as A.IdentExpr;
    }
    return this.expression(first(c, 'expression')!);
  }
}
