/*
 * The nesting limit, checked on the token stream before parsing. The parser, the checker, code
 * generation, V8's parser of the generated code and its evaluation all recurse once per level
 * of nesting, so a program nested deeper than the limit for the stack compile() runs on is
 * refused here with D_NEST_DEPTH at the token that crosses it, before anything can overflow.
 *
 * A level is an open bracket, a `?` of a conditional still open in that bracket, or an `if`
 * whose statement has not ended (no `;` or brace yet), or an operator in a run of operators. Nesting the parser does not see this
 * way (operator chains, unary operators, `else if` chains) is bounded by the checker with the
 * same limit; anything deeper still that overflows is caught by compile() as D_NEST_DEPTH.
 */

import type { IToken, TokenType } from 'chevrotain';
import { Kw, P, PrefixOp } from './tokens.js';

export interface NestingError {
  readonly code: 'D_NEST_DEPTH';
  readonly message: string;
  readonly offset: number;
}

/** Token types that open a level per operator in a run: prefix operators, sizeof, stringof. */
let prefixes: ReadonlySet<TokenType> | null = null;
const prefixTypes = (): ReadonlySet<TokenType> =>
  (prefixes ??= new Set([...Object.values(P).filter((t) => t.CATEGORIES?.includes(PrefixOp)), Kw.sizeof, Kw.stringof]));

export function nestingError(tokens: readonly IToken[], limit: number): NestingError | null {
  // levels[i]: the `?` and `if` levels opened inside the i-th open bracket.
  const levels: number[] = [0];
  let depth = 0;
  const deeper = (t: IToken): NestingError | null =>
    ++depth > limit ? { code: 'D_NEST_DEPTH', message: `program nested more than ${limit} levels deep`, offset: t.startOffset } : null;
  const closeInner = (): void => {
    depth -= levels[levels.length - 1]!;
    levels[levels.length - 1] = 0;
  };
  // A run of operators (`!!!!x`, `- - -x`, `sizeof sizeof x`): each but a binary one nests.
  let run = 0;
  const prefix = prefixTypes();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tt = t.tokenType;
    if (prefix.has(tt)) {
      if (depth + ++run > limit) return { code: 'D_NEST_DEPTH', message: `program nested more than ${limit} levels deep`, offset: t.startOffset };
      continue;
    }
    run = 0;
    if (tt === P.LParen || tt === P.LBracket || tt === P.LCurly) {
      if (tt === P.LCurly) closeInner();
      const e = deeper(t);
      if (e) return e;
      levels.push(0);
    } else if (tt === P.RParen || tt === P.RBracket || tt === P.RCurly) {
      if (levels.length > 1) {
        closeInner();
        levels.pop();
        depth--;
        if (tt === P.RCurly) closeInner();
      }
    } else if (tt === P.Question || tt === Kw.if) {
      const e = deeper(t);
      if (e) return e;
      levels[levels.length - 1]!++;
    } else if (tt === P.Semi) closeInner();
  }
  return null;
}
