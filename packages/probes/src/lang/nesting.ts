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

import type { IToken } from 'chevrotain';
import { Kw, P, PrefixOp } from './tokens.js';

export interface NestingError {
  readonly code: 'D_NEST_DEPTH';
  readonly message: string;
  readonly offset: number;
}

/** What each token type does to the nesting, by tokenTypeIdx (0: nothing). */
const PREFIX = 1;
const OPEN = 2;
const OPEN_CURLY = 3;
const CLOSE = 4;
const CLOSE_CURLY = 5;
const LEVEL = 6;
const SEMI = 7;

/*
 * One table lookup per token rather than a set and a chain of comparisons: the pass runs once
 * over every token of a program, mostly before V8 has optimised it, so each test it does per
 * token counts.
 */
let classes: Uint8Array | null = null;
function classTable(): Uint8Array {
  const types = [...Object.values(P), ...Object.values(Kw)];
  const table = new Uint8Array(Math.max(...types.map((t) => t.tokenTypeIdx!)) + 1);
  for (const t of Object.values(P)) if (t.CATEGORIES?.includes(PrefixOp)) table[t.tokenTypeIdx!] = PREFIX;
  table[Kw.sizeof.tokenTypeIdx!] = PREFIX;
  table[Kw.stringof.tokenTypeIdx!] = PREFIX;
  table[P.LParen.tokenTypeIdx!] = table[P.LBracket.tokenTypeIdx!] = OPEN;
  table[P.LCurly.tokenTypeIdx!] = OPEN_CURLY;
  table[P.RParen.tokenTypeIdx!] = table[P.RBracket.tokenTypeIdx!] = CLOSE;
  table[P.RCurly.tokenTypeIdx!] = CLOSE_CURLY;
  table[P.Question.tokenTypeIdx!] = table[Kw.if.tokenTypeIdx!] = LEVEL;
  table[P.Semi.tokenTypeIdx!] = SEMI;
  return table;
}

export function nestingError(tokens: readonly IToken[], limit: number): NestingError | null {
  const cls = (classes ??= classTable());
  // levels[i]: the `?` and `if` levels opened inside the i-th open bracket.
  const levels: number[] = [0];
  let depth = 0;
  const error = (t: IToken): NestingError => ({ code: 'D_NEST_DEPTH', message: `program nested more than ${limit} levels deep`, offset: t.startOffset });
  // A run of operators (`!!!!x`, `- - -x`, `sizeof sizeof x`): each but a binary one nests.
  let run = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Types outside the table (none the lexer makes) do nothing, as before.
    const k = cls[t.tokenTypeIdx] ?? 0;
    if (k === 0) {
      run = 0;
      continue;
    }
    if (k === PREFIX) {
      if (depth + ++run > limit) return error(t);
      continue;
    }
    run = 0;
    switch (k) {
      case OPEN_CURLY:
        depth -= levels[levels.length - 1]!;
        levels[levels.length - 1] = 0;
      // falls through
      case OPEN:
        if (++depth > limit) return error(t);
        levels.push(0);
        break;
      case CLOSE:
      case CLOSE_CURLY:
        if (levels.length > 1) {
          depth -= levels.pop()!;
          depth--;
          if (k === CLOSE_CURLY) {
            depth -= levels[levels.length - 1]!;
            levels[levels.length - 1] = 0;
          }
        }
        break;
      case LEVEL:
        if (++depth > limit) return error(t);
        levels[levels.length - 1]!++;
        break;
      case SEMI:
        depth -= levels[levels.length - 1]!;
        levels[levels.length - 1] = 0;
        break;
    }
  }
  return null;
}
