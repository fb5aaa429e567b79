/*
 * The D grammar (d-language.md 1.2–1.5) as a chevrotain CstParser: grammar only, no actions.
 * ast-builder.ts turns the CST into the typed AST. Recognition errors are collected, never
 * thrown at the caller; the first one becomes dtrace's `syntax error near "x"`.
 *
 * Precedence, lowest to highest: comma, assignment (right), ?: (right), ||, ^^, &&, |, ^, &,
 * equality, relational, shift, additive, multiplicative, cast, unary, postfix. The binary levels
 * are one flat rule; ast-builder.ts applies their precedence. Statements
 * follow the illumos grammar: `;` separates statements (the last may omit it) and `if`/`else`
 * is accepted. Casts need to know which identifiers name types: `setTypeNames` before parsing.
 */

import { CstParser, EMPTY_ALT, type CstNode, type IOrAlt, type IToken, type OrMethodOpts } from 'chevrotain';
import { ALL_TOKENS, AggName, AssignOp, BinaryOp, PrefixOp, CharLit, Identifier, IntLit, Kw, P, PredEnd, ProbeDesc, StringLit, TypeKeyword } from './tokens.js';

let typeNames: ReadonlySet<string> = new Set();

function startsType(t: IToken): boolean {
  const tt = t.tokenType;
  if (tt === TypeKeyword || tt.CATEGORIES?.includes(TypeKeyword)) return true;
  if (tt === Kw.struct || tt === Kw.union || tt === Kw.enum || tt === Kw.const || tt === Kw.volatile) return true;
  return tt === Identifier && typeNames.has(t.image);
}

class DParser extends CstParser {
  // Alternatives built once and reused (chevrotain's OR caching): these rules run for every
  // operand, and allocating their closures per call dominated parse time.
  private altStatement?: IOrAlt<unknown>[];
  private altCast?: OrMethodOpts<unknown>;
  private altUnary?: OrMethodOpts<unknown>;
  private altPostfixOp?: IOrAlt<unknown>[];
  private altPrimary?: IOrAlt<unknown>[];

  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  program = this.RULE('program', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.clause) },
        { ALT: () => this.SUBRULE(this.inlineDef) },
        { ALT: () => this.SUBRULE(this.declaration) },
        { ALT: () => this.CONSUME(P.Semi) },
      ]);
    });
  });

  clause = this.RULE('clause', () => {
    this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => this.CONSUME(ProbeDesc) });
    this.OPTION(() => {
      this.CONSUME(P.Div);
      this.SUBRULE(this.expression);
      this.CONSUME(PredEnd);
    });
    this.OPTION2(() => {
      this.CONSUME(P.LCurly);
      this.SUBRULE(this.statements);
      this.CONSUME(P.RCurly);
    });
  });

  statements = this.RULE('statements', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  statement = this.RULE('statement', () => {
    this.OR(this.altStatement ??= [
      { ALT: () => this.CONSUME(P.Semi) },
      { ALT: () => this.SUBRULE(this.ifStatement) },
      { ALT: () => this.SUBRULE(this.exprStatement) },
    ]);
  });

  ifStatement = this.RULE('ifStatement', () => {
    this.CONSUME(Kw.if);
    this.CONSUME(P.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(P.RParen);
    this.SUBRULE(this.block);
    this.OPTION(() => {
      this.CONSUME(Kw.else);
      this.SUBRULE2(this.block);
    });
  });

  block = this.RULE('block', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(P.LCurly);
          this.SUBRULE(this.statements);
          this.CONSUME(P.RCurly);
        },
      },
      { ALT: () => this.SUBRULE(this.statement) },
    ]);
  });

  exprStatement = this.RULE('exprStatement', () => {
    this.SUBRULE(this.expression);
    this.OR([
      { ALT: () => this.CONSUME(P.Semi) },
      { GATE: () => this.LA(1).tokenType === P.RCurly, ALT: EMPTY_ALT() },
    ]);
  });

  declaration = this.RULE('declaration', () => {
    this.OPTION(() => this.OR([
      { ALT: () => this.CONSUME(Kw.self) },
      { ALT: () => this.CONSUME(Kw.this) },
      { ALT: () => this.CONSUME(Kw.static) },
      { ALT: () => this.CONSUME(Kw.extern) },
    ]));
    this.SUBRULE(this.typeSpec);
    this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => this.SUBRULE(this.declarator) });
    this.CONSUME(P.Semi);
  });

  declarator = this.RULE('declarator', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(P.LBracket);
      this.OR([
        { ALT: () => this.CONSUME(IntLit) },
        { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => this.SUBRULE(this.typeSpec) }) },
      ]);
      this.CONSUME(P.RBracket);
    });
  });

  inlineDef = this.RULE('inlineDef', () => {
    this.CONSUME(Kw.inline);
    this.SUBRULE(this.typeSpec);
    this.CONSUME(Identifier);
    this.CONSUME(P.Assign);
    this.SUBRULE(this.assignment);
    this.CONSUME(P.Semi);
  });

  typeSpec = this.RULE('typeSpec', () => {
    this.MANY(() => this.OR([{ ALT: () => this.CONSUME(Kw.const) }, { ALT: () => this.CONSUME(Kw.volatile) }]));
    this.OR2([
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(TypeKeyword)) },
      {
        ALT: () => {
          this.OR3([
            { ALT: () => this.CONSUME(Kw.struct) },
            { ALT: () => this.CONSUME(Kw.union) },
            { ALT: () => this.CONSUME(Kw.enum) },
          ]);
          this.CONSUME(Identifier);
        },
      },
      { GATE: () => typeNames.has(this.LA(1).image), ALT: () => this.CONSUME2(Identifier) },
    ]);
    this.MANY2(() => this.CONSUME(P.Star));
  });

  expression = this.RULE('expression', () => {
    this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => this.SUBRULE(this.assignment) });
  });

  assignment = this.RULE('assignment', () => {
    this.SUBRULE(this.conditional);
    this.OPTION(() => {
      this.CONSUME(AssignOp);
      this.SUBRULE(this.assignment);
    });
  });

  conditional = this.RULE('conditional', () => {
    this.SUBRULE(this.binary);
    this.OPTION(() => {
      this.CONSUME(P.Question);
      this.SUBRULE(this.expression);
      this.CONSUME(P.Colon);
      this.SUBRULE(this.conditional);
    });
  });

  /*
   * The binary levels `||` … `*` as one flat rule: a chain of cast-expressions separated by
   * binary operators. ast-builder.ts folds the chain by the precedence table of
   * d-language.md 1.4 (all left-associative), which keeps the CST shallow: eleven nested rule
   * nodes per operand made parsing allocation-bound.
   */
  binary = this.RULE('binary', () => {
    this.SUBRULE(this.cast);
    this.MANY(() => {
      this.CONSUME(BinaryOp);
      this.SUBRULE2(this.cast);
    });
  });

  cast = this.RULE('cast', () => {
    this.OR(this.altCast ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.LA(1).tokenType === P.LParen && startsType(this.LA(2)),
          ALT: () => {
            this.CONSUME(P.LParen);
            this.SUBRULE(this.typeSpec);
            this.CONSUME(P.RParen);
            this.SUBRULE(this.cast);
          },
        },
        { ALT: () => this.SUBRULE(this.unary) },
      ],
    });
  });

  unary = this.RULE('unary', () => {
    this.OR(this.altUnary ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(PrefixOp);
            this.SUBRULE(this.cast);
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.sizeof);
            this.OR3({
              IGNORE_AMBIGUITIES: true,
              DEF: [
                {
                  GATE: () => this.LA(1).tokenType === P.LParen && startsType(this.LA(2)),
                  ALT: () => {
                    this.CONSUME(P.LParen);
                    this.SUBRULE(this.typeSpec);
                    this.CONSUME(P.RParen);
                  },
                },
                { ALT: () => this.SUBRULE(this.unary) },
              ],
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.stringof);
            this.SUBRULE2(this.unary);
          },
        },
        { ALT: () => this.SUBRULE(this.postfix) },
      ],
    });
  });

  postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.postfixOp));
  });

  postfixOp = this.RULE('postfixOp', () => {
    this.OR(this.altPostfixOp ??= [
      {
        ALT: () => {
          this.CONSUME(P.LBracket);
          this.SUBRULE(this.argList);
          this.CONSUME(P.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(P.LParen);
          this.OPTION(() => this.SUBRULE2(this.argList));
          this.CONSUME(P.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(P.Dot);
          this.CONSUME(Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(P.Arrow);
          this.CONSUME2(Identifier);
        },
      },
      { ALT: () => this.CONSUME(P.Inc) },
      { ALT: () => this.CONSUME(P.Dec) },
    ]);
  });

  argList = this.RULE('argList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => this.SUBRULE(this.assignment) });
  });

  primary = this.RULE('primary', () => {
    this.OR(this.altPrimary ??= [
      { ALT: () => this.CONSUME(IntLit) },
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(CharLit) },
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.CONSUME(AggName) },
      { ALT: () => this.CONSUME(Kw.self) },
      { ALT: () => this.CONSUME(Kw.this) },
      {
        ALT: () => {
          this.CONSUME(P.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(P.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(Kw.offsetof);
          this.CONSUME2(P.LParen);
          this.SUBRULE(this.typeSpec);
          this.CONSUME(P.Comma);
          this.CONSUME2(Identifier);
          this.CONSUME2(P.RParen);
        },
      },
    ]);
  });

}

let parser: DParser | null = null;

export interface ParseResult {
  readonly cst: CstNode | null;
  /** The token where recognition failed (undefined image / EOF means end of input). */
  readonly error: { token: IToken; message: string } | null;
}

export function parse(tokens: IToken[], types: ReadonlySet<string>): ParseResult {
  parser ??= new DParser();
  typeNames = types;
  parser.input = tokens;
  const cst = parser.program();
  const e = parser.errors[0];
  if (e) return { cst: null, error: { token: e.token, message: e.message } };
  return { cst, error: null };
}
