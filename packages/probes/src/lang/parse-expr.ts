/*
 * The expression half of the D grammar (d-language.md 1.3–1.4) as chevrotain rules with
 * embedded actions: each rule returns the typed AST node (ast.ts) of what it recognised.
 * parser.ts extends this class with clauses, statements and declarations.
 *
 * Precedence, lowest to highest: comma, assignment (right), ?: (right), ||, ^^, &&, |, ^, &,
 * equality, relational, shift, additive, multiplicative, cast, unary, postfix. The binary levels
 * are one flat loop, `cast (BinaryOp cast)*`, folded by precedence climbing over one table (all
 * left-associative).
 *
 * Performance (a 1,000-clause script is ~34,000 tokens): a chevrotain rule invocation is the
 * dominant fixed cost, so a rule exists only where the grammar recurses into it: `assignment`
 * holds the binary loop, `?:` and the assignment operator; `cast` holds the unary operators,
 * the primary expressions and the postfix chain (`unary` repeats those alternatives for `sizeof`
 * and `stringof`, whose operand cannot be a cast). An operand costs one rule call (`cast`),
 * plus one per postfix operator, where the layered grammar costs eight. Productions' bodies and
 * alternatives are built once per parser, not per call (chevrotain's "caching arrays of
 * alternatives"); what they produce goes through explicit stacks (`operands`, `operators`)
 * instead of captured locals. No expression decision evaluates a GATE (a gated alternation
 * allocates on every call): type names arrive as TypeName tokens (tokens.ts).
 *
 * Invariants: the grammar is LL(1) except after a `(` that may open a cast, where three tokens
 * decide (`( T )` and `( T *` are casts when T is a type name, `( T + …` is not, and anything
 * else that fits neither fails at the `(` itself). Errors that are
 * not syntax errors (bad literals, a call on something that is not a name) never stop the
 * parse: they are recorded in `deferred`, in source order, for ast-builder.ts to report. The
 * actions tolerate chevrotain's recording phase (placeholder tokens and results), never throw,
 * and leave the stacks as they found them.
 */

import { EmbeddedActionsParser, type IOrAlt, type IToken, type OrMethodOpts } from 'chevrotain';
import type { ErrorTag } from '../program/error-tags.js';
import type * as A from './ast.js';
import { LazyLookahead } from './lazy-lookahead.js';
import { foldBinary } from './precedence.js';
import { decodeEscapes, parseCharLiteral, parseIntLiteral } from './literals.js';
import { ALL_TOKENS, AggName, AssignOp, BinaryOp, CharLit, Identifier, IntLit, Kw, Operand, P, PrefixOp, StringLit, TypeKeyword, TypeName } from './tokens.js';
import { T } from './types.js';

/** A non-syntax error found while parsing, reported by ast-builder.ts. */
export interface DeferredError {
  readonly code: ErrorTag;
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

/** What the parser hands to ast-builder.ts. */
export interface ParseTree {
  readonly items: readonly A.TopLevel[];
  /** Clauses' diagnostics first, then inline definitions', then declarations' (as dtrace walks them). */
  readonly pending: readonly PendingDiagnostic[];
}

/** Three tokens decide a cast: `( int`, `( T )`, `( T *` against `( x + …`. */
const CAST_LOOKAHEAD = 3;

/** Marks a postfix chain broken by a call on something that is not a name (see postfixAlts). */
const BROKEN: A.Expr = { k: 'ident', at: -1, name: '' };

export class ExprParser extends EmbeddedActionsParser {
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
    super(ALL_TOKENS, { maxLookahead: 1, recoveryEnabled: false, skipValidations: !validate, lookaheadStrategy: new LazyLookahead(1) });
  }

  protected resetState(): void {
    this.deferred = [];
    this.operands = [];
    this.operators = [];
    this.words = [];
    this.stars = 0;
  }

  protected defer(code: ErrorTag, message: string, offset: number): void {
    this.deferred.push({ code, message, offset });
  }

  /** The operands pushed since `base`, removed from the stack. */
  private popOperands(base: number): A.Expr[] {
    return this.operands.splice(base);
  }

  private readonly pushAssignment = (): void => {
    this.operands.push(this.SUBRULE(this.assignment));
  };

  /** expression: assignment (',' assignment)*, folded left to right into comma nodes. */
  readonly expression = this.RULE('expression', (): A.Expr => {
    const base = this.operands.length;
    this.AT_LEAST_ONE_SEP(this.assignments);
    if (this.operands.length === base + 1) return this.operands.pop()!;
    const parts = this.popOperands(base);
    let left = parts[0]!;
    for (let i = 1; i < parts.length; i++) left = { k: 'comma', at: left.at, left, right: parts[i]! };
    return left;
  });
  private readonly assignments = { SEP: P.Comma, DEF: this.pushAssignment };

  /** argument-list: assignment (',' assignment)*. */
  readonly argList = this.RULE('argList', (): A.Expr[] => {
    const base = this.operands.length;
    this.AT_LEAST_ONE_SEP(this.assignments);
    return this.popOperands(base);
  });

  /** conditional-expression [assignment-operator assignment-expression] (right-associative). */
  readonly assignment = this.RULE('assignment', (): A.Expr => {
    const target = this.conditionalBody();
    const base = this.operators.length;
    this.OPTION2(this.assignTail);
    if (this.operators.length === base) return target;
    const op = this.operators.pop()!;
    return { k: 'assign', at: target.at, op: op.image as A.AssignOp, target, value: this.operands.pop()! };
  });
  private readonly assignTail = (): void => {
    const op = this.CONSUME(AssignOp);
    this.operands.push(this.SUBRULE2(this.assignment));
    this.operators.push(op);
  };

  /** The else branch of `?:`: a conditional-expression, without assignment. */
  protected readonly conditional = this.RULE('conditional', (): A.Expr => this.conditionalBody());

  /**
   * cast (BinaryOp cast)* ['?' expression ':' conditional], the body of both rules above (each
   * records its own copy of these productions).
   */
  private conditionalBody(): A.Expr {
    let e = this.SUBRULE(this.cast);
    const opBase = this.operators.length;
    this.MANY(this.binaryTail);
    if (this.operators.length !== opBase) {
      const ops = this.operators.splice(opBase);
      e = foldBinary(e, ops, this.operands.splice(this.operands.length - ops.length));
    }
    const base = this.operands.length;
    this.OPTION(this.conditionalTail);
    if (this.operands.length === base) return e;
    const otherwise = this.operands.pop()!;
    const then = this.operands.pop()!;
    return { k: 'ternary', at: e.at, cond: e, then, else: otherwise };
  }
  private readonly binaryTail = (): void => {
    const op = this.CONSUME(BinaryOp);
    this.operands.push(this.SUBRULE2(this.cast));
    this.operators.push(op);
  };
  private readonly conditionalTail = (): void => {
    this.CONSUME(P.Question);
    const then = this.SUBRULE(this.expression);
    this.CONSUME(P.Colon);
    const otherwise = this.SUBRULE(this.conditional);
    this.operands.push(then, otherwise);
  };

  /** cast-expression: '(' type ')' cast-expression, or a unary-expression (alternatives inlined). */
  private readonly cast = this.RULE('cast', (): A.Expr => this.OR(this.castAlts));
  /** unary-expression, for the operands of `sizeof` and `stringof`. */
  private readonly unary = this.RULE('unary', (): A.Expr => this.OR(this.unaryAlts));

  private readonly prefixAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      const t = this.CONSUME(PrefixOp);
      const arg = this.SUBRULE2(this.cast);
      const op = t.image;
      if (op === '++' || op === '--') return { k: 'incdec', at: t.startOffset, op, prefix: true, arg };
      return { k: 'unary', at: t.startOffset, op: op as A.UnaryExpr['op'], arg };
    },
  };
  private readonly sizeofAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      const at = this.CONSUME(Kw.sizeof).startOffset;
      return { k: 'sizeof', at, of: this.OR4(this.sizeofAlts) };
    },
  };
  /** After `sizeof`: a parenthesised type, or a unary-expression (the same three-token decision). */
  private readonly sizeofAlts: OrMethodOpts<A.TypeRef | A.Expr> = {
    MAX_LOOKAHEAD: CAST_LOOKAHEAD,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        ALT: (): A.TypeRef => {
          this.CONSUME5(P.LParen);
          const of = this.SUBRULE3(this.typeSpec);
          this.CONSUME5(P.RParen);
          return of;
        },
      },
      { ALT: (): A.Expr => this.SUBRULE(this.unary) },
    ],
  };
  private readonly stringofAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      const at = this.CONSUME(Kw.stringof).startOffset;
      return { k: 'unary', at, op: 'stringof', arg: this.SUBRULE2(this.unary) };
    },
  };
  /** A name, then postfix-operator*. */
  private readonly nameAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      const t = this.CONSUME(Identifier);
      this.operands.push({ k: 'ident', at: t.startOffset, name: t.image });
      this.MANY4(this.postfixOps4);
      return this.endChain();
    },
  };
  /** A literal, an aggregation, `self` or `this`, then postfix-operator*. */
  private readonly operandAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      this.operands.push(this.operand(this.CONSUME(Operand)));
      this.MANY(this.postfixOps);
      return this.endChain();
    },
  };
  /** '(' expression ')' postfix-operator*. */
  private readonly parenAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      this.CONSUME2(P.LParen);
      this.operands.push(this.SUBRULE(this.expression));
      this.CONSUME2(P.RParen);
      this.MANY2(this.postfixOps2);
      return this.endChain();
    },
  };
  /** offsetof '(' type ',' member ')' postfix-operator*. */
  private readonly offsetofAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      const at = this.CONSUME(Kw.offsetof).startOffset;
      this.CONSUME3(P.LParen);
      const of = this.SUBRULE2(this.typeSpec);
      this.CONSUME(P.Comma);
      const member = this.CONSUME2(Identifier).image;
      this.CONSUME3(P.RParen);
      this.operands.push({ k: 'offsetof', at, of, member });
      this.MANY3(this.postfixOps3);
      return this.endChain();
    },
  };
  /** xlate '<' type '>' '(' expression ')' postfix-operator*. */
  private readonly xlateAlt: IOrAlt<A.Expr> = {
    ALT: (): A.Expr => {
      const at = this.CONSUME(Kw.xlate).startOffset;
      this.CONSUME(P.Lt);
      const to = this.SUBRULE4(this.typeSpec);
      this.CONSUME(P.Gt);
      this.CONSUME4(P.LParen);
      const arg = this.SUBRULE3(this.expression);
      this.CONSUME4(P.RParen);
      this.operands.push({ k: 'xlate', at, to, arg });
      this.MANY5(this.postfixOps5);
      return this.endChain();
    },
  };
  private readonly postfixOps5 = (): void => this.SUBRULE5(this.postfixOp);
  // Four productions call postfixOp in one rule: each needs its own occurrence index.
  private readonly postfixOps = (): void => this.SUBRULE(this.postfixOp);
  private readonly postfixOps2 = (): void => this.SUBRULE2(this.postfixOp);
  private readonly postfixOps3 = (): void => this.SUBRULE3(this.postfixOp);
  private readonly postfixOps4 = (): void => this.SUBRULE4(this.postfixOp);
  /** The value of the postfix chain on top of the stack, popped. */
  private endChain(): A.Expr {
    // A broken chain leaves BROKEN above its operand: the chain's value is that operand.
    if (this.operands[this.operands.length - 1] === BROKEN) this.operands.pop();
    return this.operands.pop()!;
  }
  private readonly unaryAlts: IOrAlt<A.Expr>[] = [
    this.prefixAlt, this.sizeofAlt, this.stringofAlt, this.nameAlt, this.operandAlt, this.offsetofAlt, this.xlateAlt, this.parenAlt,
  ];
  /**
   * Every alternative but `(` is told by its first token; only after `(` do three tokens decide
   * between a cast and a parenthesised expression, and when neither fits the error is at the `(`.
   */
  private readonly castAlts: IOrAlt<A.Expr>[] = [
    { ALT: (): A.Expr => this.OR5(this.parenAlts) },
    this.prefixAlt,
    this.sizeofAlt,
    this.stringofAlt,
    this.nameAlt,
    this.operandAlt,
    this.offsetofAlt,
    this.xlateAlt,
  ];
  private readonly parenAlts: OrMethodOpts<A.Expr> = {
    MAX_LOOKAHEAD: CAST_LOOKAHEAD,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        ALT: (): A.Expr => {
          const at = this.CONSUME(P.LParen).startOffset;
          const to = this.SUBRULE(this.typeSpec);
          this.CONSUME(P.RParen);
          return { k: 'cast', at, to, arg: this.SUBRULE(this.cast) };
        },
      },
      this.parenAlt,
    ],
  };

  /** The primary expression of an Operand token (tokens.ts). */
  private operand(t: IToken): A.Expr {
    const tt = t.tokenType;
    const at = t.startOffset;
    if (tt === IntLit) return this.intLiteral(t);
    if (tt === StringLit) {
      // Macro substitution leaves the decoded value in the payload (macros.ts).
      return { k: 'str', at, value: typeof t.payload === 'string' ? t.payload : decodeEscapes(t.image.slice(1, -1)) };
    }
    if (tt === CharLit) return this.charLiteral(t);
    if (tt === AggName) return { k: 'agg', at, name: t.image.length > 1 ? t.image.slice(1) : '_', keys: null };
    return { k: 'ident', at, name: t.image, kw: true } as A.IdentExpr; // self, this
  }

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
   * One postfix operator applied to the operand on top of the stack. After a call on something
   * that is not a name the rest of the chain is still parsed (it must be well-formed) but no
   * longer built: the error is reported at the `(`, and BROKEN above the operand stops the
   * building. A rule of its own, called only where an operator is present, so that both kinds
   * of chain in `cast` and `unary` can repeat it.
   */
  private readonly postfixOp = this.RULE('postfixOp', (): void => {
    this.OR(this.postfixAlts);
  });
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
          // dt_node_func: only a name may be called, checked as the call is reduced.
          this.defer('D_FUNC_IDENT', 'function designator is not of function type', paren.startOffset);
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

  /**
   * type-specifier: (const|volatile)* (type-keyword+ | struct|union|enum name | type-name) '*'*.
   * The text keeps the words as written, qualifiers dropped, stars last (`unsigned long *`).
   */
  readonly typeSpec = this.RULE('typeSpec', (): A.TypeRef => {
    const at = this.LA(1).startOffset;
    const base = this.words.length;
    this.stars = 0;
    this.MANY(this.qualifier);
    this.OR2(this.typeWordsAlts);
    this.MANY3(this.qualifier2);
    this.MANY2(this.star);
    const text = this.words.splice(base).join(' ');
    return { at, text: this.stars > 0 ? `${text} ${'*'.repeat(this.stars)}` : text };
  });
  private readonly qualifier = (): void => {
    this.OR(this.qualifierAlts);
  };
  private readonly qualifier2 = (): void => {
    this.OR4(this.qualifierAlts2);
  };
  private readonly qualifierAlts2: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME2(Kw.const) }, { ALT: () => this.CONSUME2(Kw.volatile) }];
  private readonly qualifierAlts: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(Kw.const) }, { ALT: () => this.CONSUME(Kw.volatile) }];
  private readonly typeWordsAlts: IOrAlt<void>[] = [
    { ALT: (): void => this.AT_LEAST_ONE(this.typeKeyword) },
    {
      ALT: (): void => {
        const tag = this.OR3(this.tagAlts);
        this.words.push(`${tag.image} ${this.CONSUME(Identifier).image}`);
      },
    },
    { ALT: (): void => void this.words.push(this.CONSUME(TypeName).image) },
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
