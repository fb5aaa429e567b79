/*
 * The D lexer: chevrotain's Lexer over the token vocabulary of tokens.ts, with the stateful
 * rules of lex-context.ts. Input: preprocessed text and the set of words that name types (so
 * `int x;` at the top level is a declaration and `tick-1s` a probe description). Output: tokens
 * (chevrotain IToken objects carrying offsets; diagnostics.ts derives lines and columns) and
 * lexical errors with offsets; it never throws at the caller.
 *
 * One Lexer instance, built on first use and reused. It runs in chevrotain's optimized mode
 * (`ensureOptimizations`: every pattern declares its first characters, so each offset tries only
 * the candidates for the character there) and tracks offsets only, no lines or columns. After a character nothing
 * matches, chevrotain drops characters until some pattern matches again: one error per run.
 *
 * Lexical errors mirrored from dt_lex.l: newline in a string or character constant, empty or
 * over-long character constants, floating-point constants, invalid characters, nested or
 * unterminated comments, extra `)`/`]`, unbalanced predicates.
 */

import { Lexer, type IToken } from 'chevrotain';
import { ALL_TOKENS, BadChar, BadString, FloatLit, Identifier, KEYWORD_TOKENS } from './tokens.js';
import { beginLex, endLex, type LexError } from './lex-context.js';
import { scanCommon } from './scan-common.js';

let lexer: Lexer | null = null;

/**
 * The shared Lexer. `skipValidations` keeps construction off the CLI's start-up path; a test
 * builds it with validations on (`createDLexer(true)`), which collects definition errors in
 * `lexerDefinitionErrors` instead of throwing them.
 */
export function createDLexer(validate = false): Lexer {
  return new Lexer(ALL_TOKENS, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
    skipValidations: !validate,
    deferDefinitionErrorsHandling: validate,
  });
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly errors: LexError[];
}

/**
 * Lexes the text: common text by scan-common.ts's direct scanner, anything else (and every
 * error) by chevrotain.
 */
export function lex(text: string, typeNames: ReadonlySet<string>): LexResult {
  const common = scanCommon(text, typeNames);
  return common !== null ? { tokens: common, errors: [] } : lexWithChevrotain(text, typeNames);
}

/** Lexes the text with chevrotain's Lexer alone. */
export function lexWithChevrotain(text: string, typeNames: ReadonlySet<string>): LexResult {
  lexer ??= createDLexer();
  beginLex(typeNames);
  const r = lexer.tokenize(text);
  const errors = [...endLex(r.tokens)];
  for (const e of r.errors) errors.push({ code: 'D_SYNTAX', message: `syntax error near "${text[e.offset] ?? ''}"`, offset: e.offset });
  // Compacted in place (the tokens are this call's own) with an indexed loop: a script's tens
  // of thousands of tokens are walked before this code is optimised, where for-of allocates.
  const tokens = r.tokens;
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType === BadString) {
      errors.push({ code: 'D_STR_NL', message: 'newline encountered in string literal', offset: t.startOffset });
    } else if (t.tokenType === BadChar) {
      errors.push({ code: 'D_CHR_NL', message: 'newline encountered in character constant', offset: t.startOffset });
    } else if (t.tokenType === FloatLit) {
      errors.push({ code: 'D_SYNTAX', message: 'floating-point constants are not permitted', offset: t.startOffset });
    } else {
      if (t.tokenType === Identifier) {
        const kw = KEYWORD_TOKENS.get(t.image);
        // A reserved word directly followed by a backquote stays a name (dt_lex.l).
        if (kw !== undefined && text.charCodeAt(t.startOffset + t.image.length) !== 96 /* ` */) {
          t.tokenType = kw;
          t.tokenTypeIdx = kw.tokenTypeIdx!;
        }
      }
      // Offset-only tracking records where a token starts; tokenEnd() derives its end.
      tokens[kept++] = t;
    }
  }
  tokens.length = kept;
  // Stable: at one offset, context errors come before scanning errors, as they were found.
  errors.sort((a, b) => a.offset - b.offset);
  return { tokens, errors };
}
