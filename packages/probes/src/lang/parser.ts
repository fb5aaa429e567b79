/*
 * The D grammar (d-language.md 1.2–1.5): clauses, statements, declarations and inline
 * definitions, over the expression grammar of parse-expr.ts. Input: the token stream of
 * lexer.ts after macro substitution, and the words that name types. Output: the parse tree
 * (AST nodes from ast.ts plus the errors ast-builder.ts must still report), or the token where
 * recognition failed — the first one becomes dtrace's `syntax error near "x"`. It never throws
 * at the caller.
 *
 * Recursive descent by hand, with one token of lookahead (two or three where casts need them),
 * building the AST directly: a 1,000-clause script is ~34,000 tokens, and chevrotain's
 * CstParser (even without CST output) costs ~100 ms of its own bookkeeping on that, ten times
 * this parser plus the AST. The tokens stay chevrotain's (tokens.ts), as does the lexer.
 *
 * Statements follow the illumos grammar: `;` separates statements (the last may omit it) and
 * `if`/`else` is accepted.
 */

import type { IToken } from 'chevrotain';
import type * as A from './ast.js';
import { ExprParser, ParseFailure, type DeferredError, type MissingBody, type PendingDiagnostic } from './parse-expr.js';
import { Identifier, IntLit, Kw, P, PredEnd, ProbeDesc } from './tokens.js';

export type { DeferredError, MissingBody, PendingDiagnostic };

export interface ParseTree {
  readonly items: readonly A.TopLevel[];
  /** Clauses' diagnostics first, then inline definitions', then declarations' (as dtrace walks them). */
  readonly pending: readonly PendingDiagnostic[];
}

export interface ParseResult {
  /** The parse tree handed to ast-builder.ts (`cst`: the name compile.ts reads). */
  readonly cst: ParseTree | null;
  /** The token where recognition failed (undefined image / EOF means end of input). */
  readonly error: { token: IToken; message: string } | null;
}

export function parse(tokens: IToken[], types: ReadonlySet<string>): ParseResult {
  const p = new DParser(tokens, types);
  try {
    return { cst: p.program(), error: null };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    const found = e.token.image === '' ? 'end of input' : `'${e.token.image}'`;
    return { cst: null, error: { token: e.token, message: `expecting ${e.expected} but found ${found}` } };
  }
}

type Group = 0 | 1 | 2;

class DParser extends ExprParser {
  private readonly groups: { group: Group; diag: PendingDiagnostic }[] = [];

  program(): ParseTree {
    const items: A.TopLevel[] = [];
    for (;;) {
      const tt = this.la().tokenType;
      if (tt === P.Semi) {
        this.pos++;
        continue;
      }
      const before = this.deferred.length;
      let group: Group;
      if (tt === ProbeDesc) {
        items.push(this.clause());
        group = 0;
      } else if (tt === Kw.inline) {
        items.push(this.inlineDef());
        group = 1;
      } else if (this.startsDeclaration()) {
        items.push(this.declaration());
        group = 2;
      } else if (this.atEnd()) break;
      else return this.fail('probe description or declaration');
      for (let i = before; i < this.deferred.length; i++) this.groups.push({ group, diag: this.deferred[i]! });
    }
    // Array.prototype.sort is stable: source order is kept within each group.
    const pending = this.groups.sort((a, b) => a.group - b.group).map((g) => g.diag);
    return { items, pending };
  }

  private startsDeclaration(): boolean {
    const tt = this.la().tokenType;
    return tt === Kw.self || tt === Kw.this || tt === Kw.static || tt === Kw.extern || this.startsType(this.la()) || tt === Identifier;
  }

  /** probe-descriptions ['/' expression '/'] ['{' statements '}'] */
  private clause(): A.Clause {
    const at = this.la().startOffset;
    const probes: A.ProbeSpec[] = [];
    let last = this.consume(ProbeDesc);
    probes.push({ at: last.startOffset, text: last.image });
    while (this.is(P.Comma)) {
      this.pos++;
      last = this.consume(ProbeDesc);
      probes.push({ at: last.startOffset, text: last.image });
    }
    let predicate: A.Expr | null = null;
    if (this.is(P.Div)) {
      this.pos++;
      predicate = this.expression();
      last = this.consume(PredEnd);
    }
    if (this.is(P.LCurly)) {
      this.pos++;
      const body = this.statements();
      this.consume(P.RCurly);
      return { k: 'clause', at, probes, predicate, body };
    }
    this.deferred.push({ missingBody: true, offset: last.endOffset ?? last.startOffset, predicate: predicate !== null });
    return { k: 'clause', at, probes, predicate, body: [] };
  }

  private statements(): A.Stmt[] {
    const out: A.Stmt[] = [];
    for (;;) {
      const t = this.la();
      if (t.tokenType === P.Semi) this.pos++;
      else if (t.tokenType === Kw.if || this.startsExpr(t)) out.push(this.statement());
      else return out;
    }
  }

  /** A statement other than the empty one (the callers skip `;`). */
  private statement(): A.Stmt {
    const t = this.la();
    if (t.tokenType === Kw.if) {
      this.pos++;
      this.consume(P.LParen);
      const cond = this.expression();
      this.consume(P.RParen);
      const then = this.block();
      let otherwise: A.Stmt[] | null = null;
      if (this.is(Kw.else)) {
        this.pos++;
        otherwise = this.block();
      }
      return { k: 'if', at: t.startOffset, cond, then, else: otherwise };
    }
    const expr = this.expression();
    // The last statement before `}` may omit its `;`.
    if (this.is(P.Semi)) this.pos++;
    else if (!this.is(P.RCurly)) this.fail("';'");
    return { k: 'expr', at: t.startOffset, expr };
  }

  private block(): A.Stmt[] {
    const t = this.la();
    if (t.tokenType === P.LCurly) {
      this.pos++;
      const list = this.statements();
      this.consume(P.RCurly);
      return list;
    }
    if (t.tokenType === P.Semi) {
      this.pos++;
      return [];
    }
    if (t.tokenType === Kw.if || this.startsExpr(t)) return [this.statement()];
    return this.fail('statement');
  }

  /** [self|this|static|extern] type-specifier declarator (',' declarator)* ';' */
  private declaration(): A.Declaration {
    const first = this.la();
    const at = first.startOffset;
    let scope: A.Declaration['scope'] = 'global';
    const tt = first.tokenType;
    if (tt === Kw.self || tt === Kw.this || tt === Kw.static || tt === Kw.extern) {
      this.pos++;
      if (tt === Kw.self) scope = 'self';
      else if (tt === Kw.this) scope = 'this';
    }
    const type = this.typeSpec();
    const declarators = [this.declarator()];
    while (this.is(P.Comma)) {
      this.pos++;
      declarators.push(this.declarator());
    }
    this.consume(P.Semi);
    return { k: 'decl', at, scope, type, declarators };
  }

  /** name ['[' (integer | type-specifier (',' type-specifier)*) ']'] */
  private declarator(): A.Declarator {
    const id = this.consume(Identifier);
    if (!this.is(P.LBracket)) return { at: id.startOffset, name: id.image };
    this.pos++;
    let size: number | undefined;
    const keys: A.TypeRef[] = [];
    if (this.is(IntLit)) size = Number(this.next().image.replace(/[uUlL]+$/, ''));
    else {
      keys.push(this.typeSpec());
      while (this.is(P.Comma)) {
        this.pos++;
        keys.push(this.typeSpec());
      }
    }
    this.consume(P.RBracket);
    return { at: id.startOffset, name: id.image, ...(size !== undefined ? { size } : {}), ...(keys.length > 0 ? { keys } : {}) };
  }

  /** inline type-specifier name '=' assignment ';' */
  private inlineDef(): A.InlineDef {
    const at = this.consume(Kw.inline).startOffset;
    const type = this.typeSpec();
    const name = this.consume(Identifier).image;
    this.consume(P.Assign);
    const value = this.assignment();
    this.consume(P.Semi);
    return { k: 'inline', at, type, name, value };
  }
}
