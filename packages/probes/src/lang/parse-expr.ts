/*
 * The expression half of the D grammar (d-language.md 1.3–1.4) as chevrotain rules with
 * embedded actions: each rule returns the typed AST node (ast.ts) of what it recognised.
 * parser.ts extends this class with clauses, statements and declarations.
 *
 * Precedence, lowest to highest: comma, assignment (right), ?: (right), ||, ^^, &&, |, ^, &,
 * equality, relational, shift, additive, multiplicative, cast, unary, postfix. The binary levels
 * are one flat rule, `cast (BinaryOp cast)*`, folded by precedence climbing over one table (all
 * left-associative): eleven nested rules per operand would cost eleven rule invocations.
 *
 * Performance (a 1,000-clause script is ~34,000 tokens): the productions' bodies and
 * alternatives are built once per parser, not per rule call (chevrotain's "caching arrays of
 * alternatives"); what they produce goes through explicit stacks (`operands`, `operators`)
 * instead of captured locals, so a rule call allocates only the AST it returns.
 *
 * Invariants: the grammar is LL(1) except where `(` may open a cast, which looks three tokens
 * ahead (`( name )` is a cast only when `name` is a type). Errors that are not syntax errors
 * (bad literals, a call on something that is not a name) never stop the parse: they are
 * recorded in `deferred`, in source order, for ast-builder.ts to report. The actions tolerate
 * chevrotain's recording phase (placeholder tokens and results) and never throw.
 */

import { EmbeddedActionsParser, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { decodeEscapes, parseCharLiteral, parseIntLiteral } from './literals.js';
import { ALL_TOKENS, AggName, AssignOp, BinaryOp, CharLit, Identifier, IntLit, Kw, P, PrefixOp, StringLit, TypeKeyword } from './tokens.js';
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

/** Binary operator precedence, higher binds tighter (d-language.md 1.4). */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1, '^^': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7,
  '<': 8, '<=': 8, '>': 8, '>=': 8, '<<': 9, '>>': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

/** Tokens that start a type specifier, besides a word naming a type. */
const TYPE_STARTERS: ReadonlySet<TokenType> = new Set([
  ...Object.values(Kw).filter((t) => t.CATEGORIES?.includes(TypeKeyword)),
  Kw.struct, Kw.union, Kw.enum, Kw.const, Kw.volatile,
]);

/** Three tokens decide a cast: `( int`, `( name )`, `( name *` against `( name + …`. */
const CAST_LOOKAHEAD = 3;

export class ExprParser extends EmbeddedActionsParser {
  /** Words that name types, for the cast and type-name decisions; set before each parse. */
  protected typeNames: ReadonlySet<string> = new Set();
  /** Non-syntax errors, in source order; reset before each parse. */
  protected deferred: PendingDiagnostic[] = [];
  /** Operands and operators of the productions in progress (each rule pops what it pushed). */
  protected operands: A.Expr[] = [];
  private operators: IToken[] = [];
  /** Type-specifier words in progress. */
  private words: string[] = [];
  private stars = 0;

  /** `validate`: run chevrotain's grammar checks (ambiguities, left recursion); tests do. */
  constructor(validate: boolean) {
    super(ALL_TOKENS, { maxLookahead: 1, recoveryEnabled: false, skipValidations: !validate });
  }

  protected resetState(types: ReadonlySet<string>): void {
    this.typeNames = types;
    this.deferred = [];
    this.operands = [];
    this.operators = [];
    this.words = [];
  }

  /** `t` starts a type specifier (the cast decisions look at the token after `(`). */
  protected startsType(t: IToken): boolean {
    const tt = t.tokenType;
    return TYPE_STARTERS.has(tt) || (tt === Identifier && this.typeNames.has(t.image));
  }

  private readonly pushAssignment = (): void => {
    this.operands.push(this.SUBRULE(this.assignment));
  };

  /** The operands pushed since `base`, removed from the stack. */
  protected popOperands(base: number): A.Expr[] {
    return this.operands.splice(base);
  }

  /** expression: assignment (',' assignment)*, folded left to right into comma nodes. */
  readonly expression = this.RULE('expression', (): A.Expr => {
    const base = this.operands.length;
    this.AT_LEAST_ONE_SEP(this.expressionList);
    let left = this.operands[base]!;
    for (let i = base + 1; i < this.operands.length; i++) left = { k: 'comma', at: left.at, left, right: this.operands[i]! };
    this.operands.length = base;
    return left;
  });
  private readonly expressionList = { SEP: P.Comma, DEF: this.pushAssignment };

  /** argument-list: assignment (',' assignment)*. */
  readonly argList = this.RULE('argList', (): A.Expr[] => {
    const base = this.operands.length;
    this.AT_LEAST_ONE_SEP(this.argListItems);
    return this.popOperands(base);
  });
  private readonly argListItems = { SEP: P.Comma, DEF: this.pushAssignment };

  readonly assignment = this.RULE('assignment', (): A.Expr => {
    const target = this.SUBRULE(this.conditional);
    const base = this.operators.length;
    this.OPTION(this.assignTail);
    if (this.operators.length === base) return target;
    const op = this.operators.pop()!;
    return { k: 'assign', at: target.at, op: op.image as A.AssignOp, target, value: this.operands.pop()! };
  });
  private readonly assignTail = (): void => {
    const op = this.CONSUME(AssignOp);
    this.operands.push(this.SUBRULE2(this.assignment));
    this.operators.push(op);
  };

  private readonly conditional = this.RULE('conditional', (): A.Expr => {
    const cond = this.SUBRULE(this.binary);
    const base = this.operands.length;
    this.OPTION(this.conditionalTail);
    if (this.operands.length === base) return cond;
    const [then, otherwise] = this.popOperands(base) as [A.Expr, A.Expr];
    return { k: 'ternary', at: cond.at, cond, then, else: otherwise };
  });
  private readonly conditionalTail = (): void => {
    this.CONSUME(P.Question);
    const then = this.SUBRULE(this.expression);
    this.CONSUME(P.Colon);
    const otherwise = this.SUBRULE2(this.conditional);
    this.operands.push(then, otherwise);
  };

  private readonly binary = this.RULE('binary', (): A.Expr => {
    const first = this.SUBRULE(this.cast);
    const base = this.operators.length;
    this.MANY(this.binaryTail);
    if (this.operators.length === base) return first;
    const ops = this.operators.splice(base);
    const args = this.operands.splice(this.operands.length - ops.length);
    return foldBinary(first, ops, args);
  });
  private readonly binaryTail = (): void => {
    const op = this.CONSUME(BinaryOp);
    this.operands.push(this.SUBRULE2(this.cast));
    this.operators.push(op);
  };

  /** `(` type-specifier `)` cast-expression, when the token after `(` starts a type. */
  private readonly castGate = (): boolean => this.LA(1).tokenType === P.LParen && this.startsType(this.LA(2));

  private readonly cast = this.RULE('cast', (): A.Expr => this.OR(this.castAlts));
  private readonly castAlts: OrMethodOpts<A.Expr> = {
    MAX_LOOKAHEAD: CAST_LOOKAHEAD,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        GATE: this.castGate,
        ALT: (): A.Expr => {
          const at = this.CONSUME(P.LParen).startOffset;
          const to = this.SUBRULE(this.typeSpec);
          this.CONSUME(P.RParen);
          return { k: 'cast', at, to, arg: this.SUBRULE(this.cast) };
        },
      },
      { ALT: (): A.Expr => this.SUBRULE(this.unary) },
    ],
  };

  private readonly unary = this.RULE('unary', (): A.Expr => this.OR(this.unaryAlts));
  private readonly unaryAlts: IOrAlt<A.Expr>[] = [
    {
      ALT: (): A.Expr => {
        const t = this.CONSUME(PrefixOp);
        const arg = this.SUBRULE(this.cast);
        const op = t.image;
        if (op === '++' || op === '--') return { k: 'incdec', at: t.startOffset, op, prefix: true, arg };
        return { k: 'unary', at: t.startOffset, op: op as A.UnaryExpr['op'], arg };
      },
    },
    {
      ALT: (): A.Expr => {
        const at = this.CONSUME(Kw.sizeof).startOffset;
        return { k: 'sizeof', at, of: this.OR2(this.sizeofAlts) };
      },
    },
    {
      ALT: (): A.Expr => {
        const at = this.CONSUME(Kw.stringof).startOffset;
        return { k: 'unary', at, op: 'stringof', arg: this.SUBRULE3(this.unary) };
      },
    },
    { ALT: (): A.Expr => this.SUBRULE(this.postfix) },
  ];
  /** After `sizeof`: a parenthesised type, or an operand. */
  private readonly sizeofAlts: OrMethodOpts<A.TypeRef | A.Expr> = {
    MAX_LOOKAHEAD: CAST_LOOKAHEAD,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        GATE: this.castGate,
        ALT: (): A.TypeRef => {
          this.CONSUME2(P.LParen);
          const of = this.SUBRULE2(this.typeSpec);
          this.CONSUME2(P.RParen);
          return of;
        },
      },
      { ALT: (): A.Expr => this.SUBRULE2(this.unary) },
    ],
  };

  private readonly postfix = this.RULE('postfix', (): A.Expr => {
    const base = this.operands.length;
    this.operands.push(this.SUBRULE(this.primary));
    this.MANY(this.postfixOp);
    const e = this.operands[base]!;
    this.operands.length = base;
    return e;
  });
  /**
   * One postfix operator applied to the operand on top of the stack. After a call on something
   * that is not a name the rest of the chain is still parsed (it must be well-formed) but no
   * longer built: the error is reported at the `(`, and a BROKEN marker above the operand
   * stops the building; the chain's value is the operand before the call.
   */
  private readonly postfixOp = (): void => {
    this.OR(this.postfixAlts);
  };
  private readonly postfixAlts: IOrAlt<void>[] = [
    {
      ALT: (): void => {
        this.CONSUME(P.LBracket);
        const keys = this.SUBRULE(this.argList);
        this.CONSUME(P.RBracket);
        const e = this.top();
        if (e === null) return;
        if (e.k === 'agg' && e.keys === null) this.replaceTop({ ...e, keys });
        else this.replaceTop({ k: 'index', at: e.at, base: e, keys });
      },
    },
    {
      ALT: (): void => {
        const paren = this.CONSUME(P.LParen);
        const args = this.OPTION(this.callArgs) ?? [];
        this.CONSUME(P.RParen);
        const e = this.top();
        if (e === null) return;
        if (e.k !== 'ident') {
          this.defer('D_SYNTAX', 'syntax error near "("', paren.startOffset);
          this.operands.push(BROKEN);
        } else this.replaceTop({ k: 'call', at: e.at, fn: e.name, args });
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(P.Dot);
        this.member(false, this.CONSUME(Identifier));
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(P.Arrow);
        this.member(true, this.CONSUME2(Identifier));
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(P.Inc);
        this.incdec('++');
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(P.Dec);
        this.incdec('--');
      },
    },
  ];
  private readonly callArgs = (): A.Expr[] => this.SUBRULE2(this.argList);

  /** The operand a postfix operator applies to, or null once the chain is broken. */
  private top(): A.Expr | null {
    const e = this.operands[this.operands.length - 1];
    return e === undefined || e === BROKEN ? null : e;
  }

  private replaceTop(e: A.Expr): void {
    this.operands[this.operands.length - 1] = e;
  }

  private member(arrow: boolean, id: IToken): void {
    const e = this.top();
    if (e === null) return;
    const name = id.image;
    if (arrow && e.k === 'ident' && (e.name === 'self' || e.name === 'this') && (e as { kw?: boolean }).kw) {
      this.replaceTop({ k: 'scoped', at: e.at, scope: e.name, name });
    } else this.replaceTop({ k: 'member', at: e.at, obj: e, name, arrow });
  }

  private incdec(op: '++' | '--'): void {
    const e = this.top();
    if (e !== null) this.replaceTop({ k: 'incdec', at: e.at, op, prefix: false, arg: e });
  }

  protected defer(code: string, message: string, offset: number): void {
    this.deferred.push({ code, message, offset });
  }

  private readonly primary = this.RULE('primary', (): A.Expr => this.OR(this.primaryAlts));
  private readonly primaryAlts: IOrAlt<A.Expr>[] = [
    { ALT: (): A.Expr => this.intLiteral(this.CONSUME(IntLit)) },
    {
      ALT: (): A.Expr => {
        const t = this.CONSUME(StringLit);
        // Macro substitution leaves the decoded value in the payload (macros.ts).
        const value = typeof t.payload === 'string' ? t.payload : decodeEscapes(t.image.slice(1, -1));
        return { k: 'str', at: t.startOffset, value };
      },
    },
    { ALT: (): A.Expr => this.charLiteral(this.CONSUME(CharLit)) },
    {
      ALT: (): A.Expr => {
        const t = this.CONSUME(Identifier);
        return { k: 'ident', at: t.startOffset, name: t.image };
      },
    },
    {
      ALT: (): A.Expr => {
        const t = this.CONSUME(AggName);
        return { k: 'agg', at: t.startOffset, name: t.image.length > 1 ? t.image.slice(1) : '_', keys: null };
      },
    },
    { ALT: (): A.Expr => ({ k: 'ident', at: this.CONSUME(Kw.self).startOffset, name: 'self', kw: true }) as A.IdentExpr },
    { ALT: (): A.Expr => ({ k: 'ident', at: this.CONSUME(Kw.this).startOffset, name: 'this', kw: true }) as A.IdentExpr },
    {
      ALT: (): A.Expr => {
        this.CONSUME(P.LParen);
        const e = this.SUBRULE(this.expression);
        this.CONSUME(P.RParen);
        return e;
      },
    },
    {
      ALT: (): A.Expr => {
        const at = this.CONSUME(Kw.offsetof).startOffset;
        this.CONSUME2(P.LParen);
        const of = this.SUBRULE(this.typeSpec);
        this.CONSUME(P.Comma);
        const member = this.CONSUME2(Identifier).image;
        this.CONSUME2(P.RParen);
        return { k: 'offsetof', at, of, member };
      },
    },
  ];

  private intLiteral(t: IToken): A.Expr {
    const at = t.startOffset;
    const r = parseIntLiteral(t.image);
    if ('code' in r) {
      this.defer(r.code, r.message, at);
      return { k: 'int', at, value: 0n, literalType: T.int, image: t.image };
    }
    return { k: 'int', at, value: r.value, literalType: r.type, image: t.image };
  }

  private charLiteral(t: IToken): A.Expr {
    const r = parseCharLiteral(t.image);
    if ('code' in r) this.defer(r.code, r.message, t.startOffset);
    return { k: 'int', at: t.startOffset, value: 'code' in r ? 0n : BigInt(r.value), literalType: T.int, image: t.image };
  }

  /**
   * type-specifier: (const|volatile)* (type-keyword+ | struct|union|enum name | type-name) '*'*.
   * The text keeps the words as written, qualifiers dropped, stars last (`unsigned long *`).
   */
  readonly typeSpec = this.RULE('typeSpec', (): A.TypeRef => {
    const at = this.LA(1).startOffset;
    const base = this.words.length;
    const stars = this.stars;
    this.stars = 0;
    this.MANY(this.qualifier);
    this.OR2(this.typeWordsAlts);
    this.MANY2(this.star);
    const text = this.words.splice(base).join(' ');
    const n = this.stars;
    this.stars = stars;
    return { at, text: n > 0 ? `${text} ${'*'.repeat(n)}` : text };
  });
  private readonly qualifier = (): void => {
    this.OR(this.qualifierAlts);
  };
  private readonly qualifierAlts: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(Kw.const) }, { ALT: () => this.CONSUME(Kw.volatile) }];
  private readonly typeWordsAlts: IOrAlt<void>[] = [
    { ALT: (): void => this.AT_LEAST_ONE(this.typeKeyword) },
    {
      ALT: (): void => {
        const tag = this.OR3(this.tagAlts);
        this.words.push(`${tag.image} ${this.CONSUME(Identifier).image}`);
      },
    },
    { GATE: (): boolean => this.typeNames.has(this.LA(1).image), ALT: (): void => void this.words.push(this.CONSUME2(Identifier).image) },
  ];
  private readonly typeKeyword = (): void => {
    this.words.push(this.CONSUME(TypeKeyword).image);
  };
  private readonly tagAlts: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(Kw.struct) },
    { ALT: () => this.CONSUME(Kw.union) },
    { ALT: () => this.CONSUME(Kw.enum) },
  ];
  private readonly star = (): void => {
    this.CONSUME(P.Star);
    this.stars++;
  };
}

/** Marks an operand after a call on something that is not a name (see postfixOp). */
const BROKEN: A.Expr = { k: 'ident', at: -1, name: '' };

/** Folds `first op1 a1 op2 a2 …` by precedence climbing (d-language.md 1.4). */
function foldBinary(first: A.Expr, ops: readonly IToken[], args: readonly A.Expr[]): A.Expr {
  let pos = 0;
  const climb = (left: A.Expr, minPrec: number): A.Expr => {
    while (pos < ops.length) {
      const op = ops[pos]!.image;
      const prec = PRECEDENCE[op] ?? 0;
      if (prec < minPrec) break;
      const right = args[pos++]!;
      left = { k: 'binary', at: left.at, op: op as A.BinaryOp, left, right: climb(right, prec + 1) };
    }
    return left;
  };
  return climb(first, 0);
}
