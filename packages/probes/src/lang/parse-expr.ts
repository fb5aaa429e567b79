/*
 * The expression half of the D parser (d-language.md 1.3–1.4): a recursive-descent recogniser
 * over the token stream of lexer.ts that builds the typed AST (ast.ts) as it goes. parser.ts
 * extends it with clauses, statements and declarations.
 *
 * Precedence, lowest to highest: comma, assignment (right), ?: (right), ||, ^^, &&, |, ^, &,
 * equality, relational, shift, additive, multiplicative, cast, unary, postfix. The binary levels
 * are folded by precedence climbing over one table, all left-associative.
 *
 * Invariants: the first token that cannot continue the input stops the parse (ParseFailure,
 * caught by parser.ts; dtrace reports only its first syntax error). Errors that are not syntax
 * errors (bad literals, a call on something that is not a name) never stop the parse: they are
 * recorded in `deferred`, in source order, for ast-builder.ts to report. Casts need to know which
 * identifiers name types, so the type names come with the input. Nothing here allocates per
 * token beyond the AST itself: the grammar runs once per token on 1,000-clause scripts.
 */

import { createTokenInstance, EOF, type IToken, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { decodeEscapes, parseCharLiteral, parseIntLiteral } from './literals.js';
import { AggName, AssignOp, BinaryOp, CharLit, Identifier, IntLit, Kw, P, PrefixOp, StringLit, TypeKeyword } from './tokens.js';
import { T } from './types.js';

/** A non-syntax error found while parsing, reported by ast-builder.ts. */
export interface DeferredError {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
}

/**
 * A clause without `{ }`: legal for -n/-P/… descriptions, an error in a script or after a
 * predicate; ast-builder.ts decides, since only it knows the kind of unit.
 */
export interface MissingBody {
  readonly missingBody: true;
  /** Offset of the clause's last character, where dtrace reports the error. */
  readonly offset: number;
  readonly predicate: boolean;
}

/** What ast-builder.ts reports, in the order it reports it. */
export type PendingDiagnostic = DeferredError | MissingBody;

/** The token at which recognition stopped; `expected` names what would have been accepted. */
export class ParseFailure {
  constructor(
    readonly token: IToken,
    readonly expected: string,
  ) {}
}

/** Binary operator precedence, higher binds tighter (d-language.md 1.4). */
const PRECEDENCE: Readonly<Record<A.BinaryOp, number>> = {
  '||': 1, '^^': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7,
  '<': 8, '<=': 8, '>': 8, '>=': 8, '<<': 9, '>>': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

const inCategory = (t: TokenType, cat: TokenType): boolean => t.CATEGORIES?.includes(cat) ?? false;
const ALL_PUNCT: readonly TokenType[] = Object.values(P);
const ALL_KW: readonly TokenType[] = Object.values(Kw);

/** Token type -> precedence, for every member of the BinaryOp category. */
const BINARY_PREC = new Map<TokenType, number>(
  ALL_PUNCT.filter((t) => inCategory(t, BinaryOp)).map((t) => [t, PRECEDENCE[(t.LABEL ?? '').slice(1, -1) as A.BinaryOp]]),
);
const ASSIGN_OPS: ReadonlySet<TokenType> = new Set(ALL_PUNCT.filter((t) => inCategory(t, AssignOp)));
const PREFIX_OPS: ReadonlySet<TokenType> = new Set(ALL_PUNCT.filter((t) => inCategory(t, PrefixOp)));
const TYPE_KEYWORDS: ReadonlySet<TokenType> = new Set(ALL_KW.filter((t) => inCategory(t, TypeKeyword)));
/** Keywords that start a type specifier besides the TypeKeyword category. */
const TYPE_STARTERS: ReadonlySet<TokenType> = new Set([Kw.struct, Kw.union, Kw.enum, Kw.const, Kw.volatile]);
/** Tokens that may start a cast-expression. */
const EXPR_STARTERS: ReadonlySet<TokenType> = new Set([
  P.LParen, ...PREFIX_OPS, Kw.sizeof, Kw.stringof, IntLit, StringLit, CharLit, Identifier, AggName, Kw.self, Kw.this, Kw.offsetof,
]);
/** Tokens that may follow `( name` inside a parenthesised expression. */
const AFTER_PAREN_NAME: ReadonlySet<TokenType> = new Set([
  ...BINARY_PREC.keys(), ...ASSIGN_OPS, P.LBracket, P.LParen, P.Dot, P.Arrow, P.Inc, P.Dec, P.Question, P.Comma, P.RParen,
]);

export class ExprParser {
  protected pos = 0;
  /** The input followed by an end-of-input token, so the current token always exists. */
  private readonly toks: readonly IToken[];
  private readonly eof: IToken;
  /** Non-syntax errors, in source order. */
  readonly deferred: PendingDiagnostic[] = [];

  constructor(
    tokens: readonly IToken[],
    protected readonly typeNames: ReadonlySet<string>,
  ) {
    const last = tokens[tokens.length - 1];
    const end = last ? (last.endOffset ?? last.startOffset) + 1 : 0;
    this.eof = createTokenInstance(EOF, '', end, end, NaN, NaN, NaN, NaN);
    this.toks = [...tokens, this.eof];
  }

  /** The current token (the end-of-input token once everything is consumed). */
  protected la(): IToken {
    return this.toks[this.pos]!;
  }

  /** The token `k` places ahead of the current one (1 is the current token). */
  protected peek(k: number): IToken {
    return this.toks[this.pos + k - 1] ?? this.eof;
  }

  protected atEnd(): boolean {
    return this.pos >= this.toks.length - 1;
  }

  protected is(type: TokenType): boolean {
    return this.toks[this.pos]!.tokenType === type;
  }

  /** Consumes the current token, which must be of `type`. */
  protected consume(type: TokenType): IToken {
    const t = this.toks[this.pos]!;
    if (t.tokenType !== type) throw new ParseFailure(t, type.LABEL ?? type.name);
    this.pos++;
    return t;
  }

  /** Consumes the current token, whatever it is (the caller has checked it). */
  protected next(): IToken {
    return this.toks[this.pos++]!;
  }

  protected fail(expected: string): never {
    throw new ParseFailure(this.la(), expected);
  }

  protected defer(code: string, message: string, offset: number): void {
    this.deferred.push({ code, message, offset });
  }

  /** A token that starts a type specifier (casts and `sizeof` look two tokens ahead). */
  protected startsType(t: IToken): boolean {
    const tt = t.tokenType;
    return TYPE_KEYWORDS.has(tt) || TYPE_STARTERS.has(tt) || (tt === Identifier && this.typeNames.has(t.image));
  }

  protected startsExpr(t: IToken): boolean {
    return EXPR_STARTERS.has(t.tokenType);
  }

  /** expression: assignment (',' assignment)*, folded left to right into comma nodes. */
  expression(): A.Expr {
    let left = this.assignment();
    while (this.is(P.Comma)) {
      this.pos++;
      const right = this.assignment();
      left = { k: 'comma', at: left.at, left, right };
    }
    return left;
  }

  /** argument-list: assignment (',' assignment)*. */
  protected argList(): A.Expr[] {
    const out = [this.assignment()];
    while (this.is(P.Comma)) {
      this.pos++;
      out.push(this.assignment());
    }
    return out;
  }

  assignment(): A.Expr {
    const target = this.conditional();
    const op = this.la();
    if (!ASSIGN_OPS.has(op.tokenType)) return target;
    this.pos++;
    return { k: 'assign', at: target.at, op: op.image as A.AssignOp, target, value: this.assignment() };
  }

  private conditional(): A.Expr {
    const cond = this.binary(0);
    if (!this.is(P.Question)) return cond;
    this.pos++;
    const then = this.expression();
    this.consume(P.Colon);
    return { k: 'ternary', at: cond.at, cond, then, else: this.conditional() };
  }

  /** Precedence climbing over the binary levels (every one left-associative). */
  private binary(minPrec: number): A.Expr {
    let left = this.cast();
    for (;;) {
      const t = this.la();
      const prec = BINARY_PREC.get(t.tokenType);
      if (prec === undefined || prec < minPrec) return left;
      this.pos++;
      const right = this.binary(prec + 1);
      left = { k: 'binary', at: left.at, op: t.image as A.BinaryOp, left, right };
    }
  }

  /**
   * `(` opens a cast when the next token starts a type. The original grammar was LL(3) here,
   * and its decisions are kept so errors stay where they were reported: after `( name` the
   * third token decides — `)` or `*` make a type name a cast, anything that can follow a
   * name inside parentheses makes an expression, and anything else fails at the `(`; a second
   * token that starts neither a type nor an expression also fails at the `(`.
   */
  private parenIsType(): boolean {
    const second = this.peek(2);
    if (second.tokenType === Identifier) {
      const third = this.peek(3).tokenType;
      if ((third === P.RParen || third === P.Star) && this.typeNames.has(second.image)) return true;
      if (!AFTER_PAREN_NAME.has(third)) this.fail('expression');
      return false;
    }
    if (this.startsType(second)) return true;
    if (!this.startsExpr(second)) this.fail('expression');
    return false;
  }

  private cast(): A.Expr {
    if (this.is(P.LParen) && this.parenIsType()) {
      const at = this.la().startOffset;
      this.pos++;
      const to = this.typeSpec();
      this.consume(P.RParen);
      return { k: 'cast', at, to, arg: this.cast() };
    }
    return this.unary();
  }

  private unary(): A.Expr {
    const t = this.la();
    const tt = t.tokenType;
    const at = t.startOffset;
    if (PREFIX_OPS.has(tt)) {
      this.pos++;
      const arg = this.cast();
      const op = t.image;
      if (op === '++' || op === '--') return { k: 'incdec', at, op, prefix: true, arg };
      return { k: 'unary', at, op: op as A.UnaryExpr['op'], arg };
    }
    if (tt === Kw.sizeof) {
      this.pos++;
      if (this.is(P.LParen) && this.parenIsType()) {
        this.pos++;
        const of = this.typeSpec();
        this.consume(P.RParen);
        return { k: 'sizeof', at, of };
      }
      return { k: 'sizeof', at, of: this.unary() };
    }
    if (tt === Kw.stringof) {
      this.pos++;
      return { k: 'unary', at, op: 'stringof', arg: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): A.Expr {
    let e = this.primary();
    // After a call on something that is not a name the rest of the chain is still parsed
    // (it must be well-formed) but no longer built: the error is reported at the `(`.
    let broken = false;
    for (;;) {
      const t = this.la();
      const tt = t.tokenType;
      const at = e.at;
      if (tt === P.LBracket) {
        this.pos++;
        const keys = this.argList();
        this.consume(P.RBracket);
        if (broken) continue;
        if (e.k === 'agg' && e.keys === null) e = { ...e, keys };
        else e = { k: 'index', at, base: e, keys };
      } else if (tt === P.LParen) {
        this.pos++;
        const args = this.is(P.RParen) ? [] : this.argList();
        this.consume(P.RParen);
        if (broken) continue;
        if (e.k !== 'ident') {
          this.defer('D_SYNTAX', 'syntax error near "("', t.startOffset);
          broken = true;
          continue;
        }
        e = { k: 'call', at, fn: e.name, args };
      } else if (tt === P.Dot || tt === P.Arrow) {
        this.pos++;
        const name = this.consume(Identifier).image;
        if (broken) continue;
        const arrow = tt === P.Arrow;
        if (arrow && e.k === 'ident' && (e.name === 'self' || e.name === 'this') && (e as { kw?: boolean }).kw) {
          e = { k: 'scoped', at, scope: e.name, name };
        } else e = { k: 'member', at, obj: e, name, arrow };
      } else if (tt === P.Inc || tt === P.Dec) {
        this.pos++;
        if (broken) continue;
        e = { k: 'incdec', at, op: tt === P.Inc ? '++' : '--', prefix: false, arg: e };
      } else return e;
    }
  }

  private primary(): A.Expr {
    const t = this.la();
    const tt = t.tokenType;
    const at = t.startOffset;
    if (tt === Identifier) {
      this.pos++;
      return { k: 'ident', at, name: t.image };
    }
    if (tt === IntLit) {
      this.pos++;
      const r = parseIntLiteral(t.image);
      if ('code' in r) {
        this.defer(r.code, r.message, at);
        return { k: 'int', at, value: 0n, literalType: T.int, image: t.image };
      }
      return { k: 'int', at, value: r.value, literalType: r.type, image: t.image };
    }
    if (tt === StringLit) {
      this.pos++;
      // Macro substitution leaves the decoded value in the payload (macros.ts).
      const value = typeof t.payload === 'string' ? t.payload : decodeEscapes(t.image.slice(1, -1));
      return { k: 'str', at, value };
    }
    if (tt === AggName) {
      this.pos++;
      return { k: 'agg', at, name: t.image.length > 1 ? t.image.slice(1) : '_', keys: null };
    }
    if (tt === CharLit) {
      this.pos++;
      const r = parseCharLiteral(t.image);
      if ('code' in r) this.defer(r.code, r.message, at);
      return { k: 'int', at, value: 'code' in r ? 0n : BigInt(r.value), literalType: T.int, image: t.image };
    }
    if (tt === Kw.self || tt === Kw.this) {
      this.pos++;
      return { k: 'ident', at, name: tt === Kw.self ? 'self' : 'this', kw: true } as A.IdentExpr;
    }
    if (tt === P.LParen) {
      this.pos++;
      const e = this.expression();
      this.consume(P.RParen);
      return e;
    }
    if (tt === Kw.offsetof) {
      this.pos++;
      this.consume(P.LParen);
      const of = this.typeSpec();
      this.consume(P.Comma);
      const member = this.consume(Identifier).image;
      this.consume(P.RParen);
      return { k: 'offsetof', at, of, member };
    }
    return this.fail('expression');
  }

  /**
   * type-specifier: (const|volatile)* (type-keyword+ | struct|union|enum name | type-name) '*'*.
   * The text keeps the words as written, qualifiers dropped, stars last (`unsigned long *`).
   */
  typeSpec(): A.TypeRef {
    const at = this.la().startOffset;
    while (this.is(Kw.const) || this.is(Kw.volatile)) this.pos++;
    const t = this.la();
    const tt = t.tokenType;
    let text: string;
    if (TYPE_KEYWORDS.has(tt)) {
      text = t.image;
      this.pos++;
      while (TYPE_KEYWORDS.has(this.la().tokenType)) text += ` ${this.next().image}`;
    } else if (tt === Kw.struct || tt === Kw.union || tt === Kw.enum) {
      this.pos++;
      text = `${t.image} ${this.consume(Identifier).image}`;
    } else if (tt === Identifier && this.typeNames.has(t.image)) {
      this.pos++;
      text = t.image;
    } else return this.fail('type name');
    let stars = 0;
    while (this.is(P.Star)) {
      this.pos++;
      stars++;
    }
    return { at, text: stars > 0 ? `${text} ${'*'.repeat(stars)}` : text };
  }
}
