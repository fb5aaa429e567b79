/*
 * The D lexer: chevrotain's lexer over the token vocabulary of tokens.ts, with the stateful
 * rules of lex-context.ts. Input: preprocessed text and the set of words that name types (so
 * `int x;` at the top level is a declaration and `tick-1s` a probe description). Output:
 * tokens and lexical errors with offsets (no lines or columns: diagnostics.ts derives them);
 * it never throws at the caller. Reserved words lex as identifiers and are retyped here to
 * their keyword tokens (tokens.ts explains why).
 *
 * Lexical errors mirrored from dt_lex.l: newline in a string or character constant, empty or
 * over-long character constants, floating-point constants, invalid characters, nested or
 * unterminated comments, extra `)`/`]`, unbalanced predicates.
 */

import { Lexer, type IToken } from 'chevrotain';
import { ALL_TOKENS, BadChar, BadString, FloatLit, Identifier, KEYWORD_TOKENS } from './tokens.js';
import { beginLex, endLex, type LexError } from './lex-context.js';

let lexer: Lexer | null = null;

function instance(): Lexer {
  // First-character dispatch must hold (every custom pattern carries start_chars_hint), and
  // diagnostics recompute line and column from offsets (diagnostics.ts LineMap), so the lexer
  // tracks offsets only.
  lexer ??= new Lexer(ALL_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly errors: LexError[];
}

export function lex(text: string, typeNames: ReadonlySet<string>): LexResult {
  beginLex(typeNames);
  const r = instance().tokenize(text);
  const errors = [...endLex(r.tokens)];
  for (const e of r.errors) {
    const ch = text[e.offset] ?? '';
    errors.push({ code: 'D_SYNTAX', message: `syntax error near "${ch}"`, offset: e.offset });
  }
  const tokens: IToken[] = [];
  for (const t of r.tokens) {
    if (t.tokenType === Identifier) {
      const kw = KEYWORD_TOKENS.get(t.image);
      // A reserved word directly followed by a backquote is not one (dt_lex.l's scoping rule).
      if (kw !== undefined && text.charCodeAt(t.startOffset + t.image.length) !== 96 /* ` */) {
        t.tokenType = kw;
        t.tokenTypeIdx = kw.tokenTypeIdx!;
      }
      tokens.push(t);
    } else if (t.tokenType === BadString) {
      errors.push({ code: 'D_STR_NL', message: 'newline encountered in string literal', offset: t.startOffset });
    } else if (t.tokenType === BadChar) {
      errors.push({ code: 'D_CHR_NL', message: 'newline encountered in character constant', offset: t.startOffset });
    } else if (t.tokenType === FloatLit) {
      errors.push({ code: 'D_SYNTAX', message: 'floating-point constants are not permitted', offset: t.startOffset });
    } else tokens.push(t);
  }
  errors.sort((a, b) => a.offset - b.offset);
  return { tokens, errors };
}
