/*
 * A hand-written recursive-descent parser for the common forms of D: clauses (probe
 * descriptions, an optional predicate, actions) whose statements are expressions, `;` and
 * `if`/`else`, over every expression form but casts, `sizeof`, `stringof`, `offsetof` and
 * `xlate`. Input: the token stream parser.ts receives and the words that name types. Output:
 * the parse tree the chevrotain grammar (parser.ts, parse-expr.ts) builds for the same tokens,
 * node for node, or null.
 *
 * Why: the grammar's recogniser runs cold in a CLI process, and chevrotain's engine (rule
 * invocation, lookahead functions, repetitions) costs several times what a direct descent over
 * the same tokens does; a 1,000-clause script spent most of its compile there. This parser is
 * only a faster route to the same tree: it gives up (null) on anything outside its subset —
 * declarations, inline definitions, translators, type names and type keywords, clauses without
 * actions — and on anything wrong: a syntax error, a literal that does not decode, a call on
 * something that is not a name. parser.ts then parses with the grammar, which reports the error
 * or builds the tree. So this parser never reports anything, and where it returns a tree the
 * grammar would have returned the same one with no pending diagnostics
 * (test/lang/parse-common.test.ts compares the two over the corpus and generated input).
 *
 * Decisions mirror the grammar's: LL(1) everywhere, repetitions and options greedy, binary
 * chains folded by parse-expr.ts's precedence table, a `(` followed by a type word is a cast
 * (given up on here).
 */

import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { decodeEscapes, parseCharLiteral, parseIntLiteral } from './literals.js';
import type { ParseTree } from './parse-expr.js';
import { foldBinary } from './precedence.js';
import { ALL_TOKENS, AggName, AssignOp, BinaryOp, CharLit, Identifier, IntLit, Kw, Operand, P, PredEnd, PrefixOp, ProbeDesc, StringLit, TypeKeyword } from './tokens.js';
import { T } from './types.js';

/** Thrown to give up; caught in parseCommon only. */
const GIVE_UP = new Error('outside the common forms');

const BINARY = 1;
const ASSIGN = 2;
const PREFIX = 4;
const OPERAND = 8;
/** Words that start a type specifier: after `(` they make a cast. */
const TYPE_WORD = 16;

/** The token categories of every token type, by tokenTypeIdx (chevrotain's own matcher decides). */
const CLASS: number[] = [];
for (const tt of ALL_TOKENS) {
  const t = { tokenTypeIdx: tt.tokenTypeIdx } as IToken;
  CLASS[tt.tokenTypeIdx!] =
    (tokenMatcher(t, BinaryOp) ? BINARY : 0) |
    (tokenMatcher(t, AssignOp) ? ASSIGN : 0) |
    (tokenMatcher(t, PrefixOp) ? PREFIX : 0) |
    (tokenMatcher(t, Operand) ? OPERAND : 0) |
    (tokenMatcher(t, TypeKeyword) || tt === Kw.const || tt === Kw.volatile || tt === Kw.struct || tt === Kw.union || tt === Kw.enum ? TYPE_WORD : 0);
}

const classOf = (t: IToken | undefined): number => (t === undefined ? 0 : (CLASS[t.tokenTypeIdx] ?? 0));

/** The parse tree of the tokens, or null when they are not all common forms or are not valid D. */
export function parseCommon(tokens: readonly IToken[], types: ReadonlySet<string>): ParseTree | null {
  try {
    return new CommonParser(tokens, types).program();
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}

class CommonParser {
  private pos = 0;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly types: ReadonlySet<string>,
  ) {}

  program(): ParseTree {
    const items: A.TopLevel[] = [];
    const tokens = this.tokens;
    while (this.pos < tokens.length) {
      const t = tokens[this.pos]!;
      if (t.tokenType === ProbeDesc) items.push(this.clause());
      else if (t.tokenType === P.Semi) this.pos++;
      else throw GIVE_UP;
    }
    return { items, pending: [] };
  }

  private la(): IToken | undefined {
    return this.tokens[this.pos];
  }

  private is(tt: TokenType): boolean {
    return this.tokens[this.pos]?.tokenType === tt;
  }

  private expect(tt: TokenType): IToken {
    const t = this.tokens[this.pos];
    if (t?.tokenType !== tt) throw GIVE_UP;
    this.pos++;
    return t;
  }

  private clause(): A.Clause {
    const first = this.expect(ProbeDesc);
    const probes: A.ProbeSpec[] = [{ at: first.startOffset, text: first.image }];
    while (this.is(P.Comma)) {
      this.pos++;
      const t = this.expect(ProbeDesc);
      probes.push({ at: t.startOffset, text: t.image });
    }
    let predicate: A.Expr | null = null;
    if (this.is(P.Div)) {
      this.pos++;
      predicate = this.expression();
      this.expect(PredEnd);
    }
    // Without actions the grammar defers a diagnostic: not a common form.
    this.expect(P.LCurly);
    const body = this.statements();
    this.expect(P.RCurly);
    return { k: 'clause', at: first.startOffset, probes, predicate, body };
  }

  /** statement* up to a token no statement starts with. */
  private statements(): A.Stmt[] {
    const list: A.Stmt[] = [];
    for (;;) {
      const t = this.la();
      if (t === undefined) return list;
      if (t.tokenType === P.Semi) this.pos++;
      else if (t.tokenType === Kw.if || startsExpression(t)) list.push(this.statement()!);
      else return list;
    }
  }

  /** `;` (null), `if (…) block [else block]`, or `expression (';' | before '}')`. */
  private statement(): A.Stmt | null {
    const t = this.la();
    if (t === undefined) throw GIVE_UP;
    if (t.tokenType === P.Semi) {
      this.pos++;
      return null;
    }
    if (t.tokenType === Kw.if) {
      this.pos++;
      this.expect(P.LParen);
      const cond = this.expression();
      this.expect(P.RParen);
      const then = this.block();
      let otherwise: A.Stmt[] | null = null;
      if (this.is(Kw.else)) {
        this.pos++;
        otherwise = this.block();
      }
      return { k: 'if', at: t.startOffset, cond, then, else: otherwise };
    }
    if (!startsExpression(t)) throw GIVE_UP;
    const expr = this.expression();
    if (this.is(P.Semi)) this.pos++;
    else if (!this.is(P.RCurly)) throw GIVE_UP;
    return { k: 'expr', at: t.startOffset, expr };
  }

  private block(): A.Stmt[] {
    if (!this.is(P.LCurly)) {
      const s = this.statement();
      return s === null ? [] : [s];
    }
    this.pos++;
    const list = this.statements();
    this.expect(P.RCurly);
    return list;
  }

  /** assignment (',' assignment)*, folded left to right into comma nodes. */
  private expression(): A.Expr {
    let left = this.assignment();
    while (this.is(P.Comma)) {
      this.pos++;
      left = { k: 'comma', at: left.at, left, right: this.assignment() };
    }
    return left;
  }

  private argList(): A.Expr[] {
    const list = [this.assignment()];
    while (this.is(P.Comma)) {
      this.pos++;
      list.push(this.assignment());
    }
    return list;
  }

  private assignment(): A.Expr {
    const target = this.conditional();
    const op = this.la();
    if ((classOf(op) & ASSIGN) === 0) return target;
    this.pos++;
    return { k: 'assign', at: target.at, op: op!.image as A.AssignOp, target, value: this.assignment() };
  }

  /** cast (BinaryOp cast)* ['?' expression ':' conditional]. */
  private conditional(): A.Expr {
    let e = this.cast();
    if ((classOf(this.la()) & BINARY) !== 0) {
      const ops: IToken[] = [];
      const args: A.Expr[] = [];
      while ((classOf(this.la()) & BINARY) !== 0) {
        ops.push(this.tokens[this.pos++]!);
        args.push(this.cast());
      }
      e = foldBinary(e, ops, args);
    }
    if (!this.is(P.Question)) return e;
    this.pos++;
    const then = this.expression();
    this.expect(P.Colon);
    return { k: 'ternary', at: e.at, cond: e, then, else: this.conditional() };
  }

  /** A prefix operator applied to a cast-expression, or a primary expression and its postfix chain. */
  private cast(): A.Expr {
    const t = this.la();
    if (t === undefined) throw GIVE_UP;
    const tt = t.tokenType;
    const at = t.startOffset;
    let e: A.Expr;
    if (tt === P.LParen) {
      // `( type …` is a cast: not a common form.
      if ((classOf(this.tokens[this.pos + 1]) & TYPE_WORD) !== 0) throw GIVE_UP;
      this.pos++;
      e = this.expression();
      this.expect(P.RParen);
    } else if ((CLASS[t.tokenTypeIdx]! & PREFIX) !== 0) {
      this.pos++;
      const arg = this.cast();
      const op = t.image;
      if (op === '++' || op === '--') return { k: 'incdec', at, op, prefix: true, arg };
      return { k: 'unary', at, op: op as A.UnaryExpr['op'], arg };
    } else if (tt === Identifier) {
      if (this.types.has(t.image)) throw GIVE_UP;
      this.pos++;
      e = { k: 'ident', at, name: t.image };
    } else if ((CLASS[t.tokenTypeIdx]! & OPERAND) !== 0) {
      this.pos++;
      e = operand(t);
    } else throw GIVE_UP;
    return this.postfix(e);
  }

  /** postfix-operator* applied to e. */
  private postfix(e: A.Expr): A.Expr {
    for (;;) {
      const tt = this.la()?.tokenType;
      if (tt === P.LBracket) {
        this.pos++;
        const keys = this.argList();
        this.expect(P.RBracket);
        e = e.k === 'agg' && e.keys === null ? { ...e, keys } : { k: 'index', at: e.at, base: e, keys };
      } else if (tt === P.LParen) {
        this.pos++;
        const args = this.is(P.RParen) ? [] : this.argList();
        this.expect(P.RParen);
        // A call on something that is not a name is a deferred error in the grammar.
        if (e.k !== 'ident') throw GIVE_UP;
        e = { k: 'call', at: e.at, fn: e.name, args };
      } else if (tt === P.Dot || tt === P.Arrow) {
        this.pos++;
        const id = this.expect(Identifier);
        if (this.types.has(id.image)) throw GIVE_UP;
        const name = id.image;
        const arrow = tt === P.Arrow;
        if (arrow && e.k === 'ident' && (e.name === 'self' || e.name === 'this') && (e as { kw?: boolean }).kw) {
          e = { k: 'scoped', at: e.at, scope: e.name, name };
        } else e = { k: 'member', at: e.at, obj: e, name, arrow };
      } else if (tt === P.Inc || tt === P.Dec) {
        this.pos++;
        e = { k: 'incdec', at: e.at, op: tt === P.Inc ? '++' : '--', prefix: false, arg: e };
      } else return e;
    }
  }
}

/** Whether an expression of the common forms may start with t. */
function startsExpression(t: IToken): boolean {
  const tt = t.tokenType;
  return tt === P.LParen || tt === Identifier || (CLASS[t.tokenTypeIdx]! & (PREFIX | OPERAND)) !== 0;
}

/** The primary expression of an Operand token, as parse-expr.ts builds it. */
function operand(t: IToken): A.Expr {
  const tt = t.tokenType;
  const at = t.startOffset;
  if (tt === IntLit) {
    const r = parseIntLiteral(t.image);
    if ('code' in r) throw GIVE_UP;
    return { k: 'int', at, value: r.value, literalType: r.type, image: t.image };
  }
  if (tt === StringLit) {
    return { k: 'str', at, value: typeof t.payload === 'string' ? t.payload : decodeEscapes(t.image.slice(1, -1)) };
  }
  if (tt === CharLit) {
    const r = parseCharLiteral(t.image);
    if ('code' in r) throw GIVE_UP;
    return { k: 'int', at, value: BigInt(r.value), literalType: T.int, image: t.image };
  }
  if (tt === AggName) return { k: 'agg', at, name: t.image.length > 1 ? t.image.slice(1) : '_', keys: null };
  return { k: 'ident', at, name: t.image, kw: true } as A.IdentExpr; // self, this
}
