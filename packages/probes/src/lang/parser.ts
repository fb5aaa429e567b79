/*
 * The D grammar (d-language.md 1.2–1.5): clauses, statements, declarations and inline
 * definitions, over the expression rules of parse-expr.ts, as one chevrotain
 * EmbeddedActionsParser that builds the AST as it recognises (no CST). Input: the token stream
 * of lexer.ts after macro substitution, and the words that name types. Output: the parse tree
 * (AST nodes from ast.ts plus the errors ast-builder.ts must still report), or the token where
 * recognition failed — the first one becomes dtrace's `syntax error near "x"`. It never throws
 * at the caller: chevrotain's error recovery is off, so the first recognition error ends the
 * parse and is collected, not thrown.
 *
 * One parser instance is built on first use (performSelfAnalysis records the grammar and
 * precomputes every lookahead decision) and reused for every parse.
 *
 * Statements follow the illumos grammar: `;` separates statements (the last may omit it) and
 * `if`/`else` is accepted.
 */

import { EMPTY_ALT, type IOrAlt, type IToken } from 'chevrotain';
import type * as A from './ast.js';
import type { DeferredError, MissingBody, ParseTree, PendingDiagnostic } from './parse-expr.js';
import { parseCommon } from './parse-common.js';
import { DeclParser } from './parse-decl.js';
import { Identifier, Kw, P, PredEnd, ProbeDesc, tokenEnd, TypeName } from './tokens.js';

export type { DeferredError, MissingBody, ParseTree, PendingDiagnostic };

export interface ParseResult {
  /** The parse tree handed to ast-builder.ts, or null when parsing failed. */
  readonly tree: ParseTree | null;
  /** The token where recognition failed (undefined image / EOF means end of input). */
  readonly error: { token: IToken; message: string } | null;
}

/** Which list a top-level item's pending diagnostics are reported with (see ParseTree). */
type Group = 0 | 1 | 2;

export class DParser extends DeclParser {
  private items: A.TopLevel[] = [];
  private groups: { group: Group; diag: PendingDiagnostic }[] = [];
  private stmts: A.Stmt[] = [];

  constructor(validate = false) {
    super(validate);
    this.performSelfAnalysis();
  }

  parseTree(tokens: IToken[]): ParseResult {
    this.input = tokens; // resets the parser (reset below)
    const tree = this.program();
    const e = this.errors[0];
    // Drop the references to this parse's tokens and nodes held by the shared instance.
    this.input = [];
    if (e) return { tree: null, error: { token: e.token, message: e.message } };
    return { tree, error: null };
  }

  /** Chevrotain's reset (on every new input) clears this parser's own state too. */
  override reset(): void {
    super.reset();
    this.resetState();
    this.items = [];
    this.groups = [];
    this.stmts = [];
  }

  private readonly program = this.RULE('program', (): ParseTree => {
    this.MANY(this.topLevel);
    // Array.prototype.sort is stable: source order is kept within each group.
    const pending = this.groups.sort((a, b) => a.group - b.group).map((g) => g.diag);
    return { items: this.items, pending };
  });
  private readonly topLevel = (): void => {
    this.OR(this.topLevelAlts);
  };
  private readonly topLevelAlts: IOrAlt<void>[] = [
    { ALT: (): void => this.item(0, this.SUBRULE(this.clause)) },
    { ALT: (): void => this.item(1, this.SUBRULE(this.inlineDef)) },
    { ALT: (): void => this.item(2, this.SUBRULE(this.cdeclaration)) },
    { ALT: (): void => this.item(2, this.SUBRULE(this.translatorDef)) },
    { ALT: (): void => void this.CONSUME(P.Semi) },
  ];

  /** Records a top-level item and files the diagnostics it deferred under its group. */
  private item(group: Group, node: A.TopLevel): void {
    this.items.push(node);
    for (const diag of this.deferred) this.groups.push({ group, diag });
    this.deferred.length = 0;
  }

  /** probe-descriptions ['/' expression '/'] ['{' statements '}'] */
  private readonly clause = this.RULE('clause', (): A.Clause => {
    const at = this.LA(1).startOffset;
    const probes: A.ProbeSpec[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: P.Comma,
      DEF: () => {
        const t = this.CONSUME(ProbeDesc);
        probes.push({ at: t.startOffset, text: t.image });
      },
    });
    const predicate = this.OPTION(this.predicate) ?? null;
    const body = this.OPTION2(this.actions);
    if (body !== undefined) return { k: 'clause', at, probes, predicate, body };
    // The clause's last token: its last description or the predicate's closing `/`.
    const last = this.LA(0);
    this.deferred.push({ missingBody: true, offset: tokenEnd(last), predicate: predicate !== null });
    return { k: 'clause', at, probes, predicate, body: [] };
  });
  private readonly predicate = (): A.Expr => {
    this.CONSUME(P.Div);
    const e = this.SUBRULE(this.expression);
    this.CONSUME(PredEnd);
    return e;
  };
  private readonly actions = (): A.Stmt[] => {
    this.CONSUME(P.LCurly);
    const body = this.SUBRULE(this.statements);
    this.CONSUME(P.RCurly);
    return body;
  };

  private readonly statements = this.RULE('statements', (): A.Stmt[] => {
    const base = this.stmts.length;
    this.MANY(this.statementInto);
    return this.stmts.splice(base);
  });
  /** One statement, appended to `stmts` (the empty statement appends nothing). */
  private readonly statementInto = (): void => {
    const s = this.SUBRULE(this.statement);
    if (s !== null) this.stmts.push(s);
  };

  /** `;`, `if (…) block [else block]`, or `expression (';' | before '}')`. */
  private readonly statement = this.RULE('statement', (): A.Stmt | null => this.OR(this.statementAlts));
  private readonly statementAlts: IOrAlt<A.Stmt | null>[] = [
    { ALT: (): null => (this.CONSUME(P.Semi), null) },
    {
      ALT: (): A.Stmt => {
        const at = this.CONSUME(Kw.if).startOffset;
        this.CONSUME(P.LParen);
        const cond = this.SUBRULE(this.expression);
        this.CONSUME(P.RParen);
        const then = this.SUBRULE(this.block);
        const otherwise = this.OPTION(this.elseBlock) ?? null;
        return { k: 'if', at, cond, then, else: otherwise };
      },
    },
    {
      ALT: (): A.Stmt => {
        const at = this.LA(1).startOffset;
        const expr = this.SUBRULE2(this.expression);
        this.OR2(this.statementEnd);
        return { k: 'expr', at, expr };
      },
    },
  ];
  private readonly elseBlock = (): A.Stmt[] => {
    this.CONSUME(Kw.else);
    return this.SUBRULE2(this.block);
  };
  /** The last statement of a block may omit its `;`. */
  private readonly statementEnd: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME2(P.Semi) },
    { GATE: (): boolean => this.LA(1).tokenType === P.RCurly, ALT: EMPTY_ALT() },
  ];

  private readonly block = this.RULE('block', (): A.Stmt[] => this.OR(this.blockAlts));
  private readonly blockAlts: IOrAlt<A.Stmt[]>[] = [
    {
      ALT: (): A.Stmt[] => {
        this.CONSUME(P.LCurly);
        const list = this.SUBRULE(this.statements);
        this.CONSUME(P.RCurly);
        return list;
      },
    },
    {
      ALT: (): A.Stmt[] => {
        const s = this.SUBRULE(this.statement);
        return s === null ? [] : [s];
      },
    },
  ];

  /** inline type-specifier name '=' assignment ';' */
  private readonly inlineDef = this.RULE('inlineDef', (): A.InlineDef => {
    const at = this.CONSUME(Kw.inline).startOffset;
    const type = this.SUBRULE(this.typeSpec);
    const name = this.CONSUME(Identifier).image;
    this.CONSUME(P.Assign);
    const value = this.SUBRULE(this.assignment);
    this.CONSUME(P.Semi);
    return { k: 'inline', at, type, name, value };
  });
}

let parser: DParser | null = null;

/**
 * Parses the tokens: the common forms by parse-common.ts's direct descent, anything else (and
 * every error) by the grammar.
 */
export function parse(tokens: IToken[], types: ReadonlySet<string>): ParseResult {
  const common = parseCommon(tokens, types);
  return common !== null ? { tree: common, error: null } : parseWithGrammar(tokens, types);
}

/** Parses the tokens with the chevrotain grammar alone. */
export function parseWithGrammar(tokens: IToken[], types: ReadonlySet<string>): ParseResult {
  parser ??= new DParser();
  try {
    return parser.parseTree(markTypeNames(tokens, types));
  } catch (e) {
    // A stack overflow leaves chevrotain's rule stack inconsistent: the next parse gets a new parser.
    parser = null;
    throw e;
  }
}

/**
 * The tokens with every identifier that names a type retyped as TypeName (a copy of those
 * tokens only; the input is left as it is). Done here rather than in the lexer because macro
 * substitution may produce such identifiers.
 */
function markTypeNames(tokens: IToken[], types: ReadonlySet<string>): IToken[] {
  let out: IToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType !== Identifier || !types.has(t.image)) continue;
    out ??= tokens.slice();
    out[i] = { ...t, tokenType: TypeName, tokenTypeIdx: TypeName.tokenTypeIdx! };
  }
  return out ?? tokens;
}
