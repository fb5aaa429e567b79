/*
 * A direct scanner for the common text of D programs, the lexer's counterpart of
 * parse-common.ts. Input: preprocessed text and the words that name types. Output: the tokens
 * chevrotain's Lexer (lexer.ts, tokens.ts, lex-context.ts) produces for the same text, with
 * keywords retyped as lexer.ts retypes them — or null.
 *
 * Why: a script is lexed once per compile, cold, and chevrotain's generic loop (candidate
 * patterns per character, custom matchers resynchronising the context) cost a 1,000-clause
 * script more than the rest of the front end. This scanner dispatches on the character and
 * keeps dt_lex.l's context (lex-context.ts's regions) as it goes. It gives up (null) on
 * anything unusual — backslashes, backquotes, non-ASCII characters, floating-point constants,
 * unterminated or nested comments, unbalanced `)`/`]`, unterminated strings and characters,
 * characters no token starts with — and lexer.ts then lexes with chevrotain, which reports
 * what is wrong. So it never reports anything, and where it returns tokens chevrotain would
 * have returned the same ones with no errors (test/lang/scan-common.test.ts compares them).
 *
 * Invariants mirrored from the token vocabulary: at one offset the first pattern in ALL_TOKENS
 * order that matches wins (a probe description first where a clause may start, a comment or a
 * predicate's closing `/` before a division), and punctuators are matched longest first.
 */

import type { IToken, TokenType } from 'chevrotain';
import { AggName, CharLit, Identifier, IntLit, KEYWORD_TOKENS, MacroVar, P, PredEnd, ProbeDesc, StringLit } from './tokens.js';

/** Thrown to give up; caught in scanCommon only. */
const GIVE_UP = new Error('outside the common text');

type Region = 'start' | 'desc' | 'pred' | 'afterpred' | 'decl' | 'body';

const DESC = /[-$:A-Za-z0-9_.?*\\[\]!`]+/y;
const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPECIAL = new Set(['BEGIN', 'END', 'ERROR']);
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const MACRO = /\$\$?(?:[0-9]+|[A-Za-z_][A-Za-z0-9_]*)/y;
const AGG = /@(?:[A-Za-z_][A-Za-z0-9_]*)?/y;
const FLOAT = /(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFlL]?|[0-9]+[eE][+-]?[0-9]+[fFlL]?/y;
const INT = /(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*/y;
const STRING = /"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"/y;
const CHAR = /'(?:[^'\\\n]|\\[^\n])*'/y;

/** The punctuators by their first character, longest first. */
const PUNCT = new Map<number, TokenType[]>();
for (const t of Object.values(P).sort((a, b) => (b.PATTERN as string).length - (a.PATTERN as string).length)) {
  const c = (t.PATTERN as string).charCodeAt(0);
  PUNCT.set(c, [...(PUNCT.get(c) ?? []), t]);
}

/** Characters a probe description may hold (lex-context.ts's DESC_CHARS). */
const isDescChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || '-$:_.?*\\[]!`'.includes(String.fromCharCode(c));
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** The tokens of the text, or null when it is not common text or does not lex cleanly. */
export function scanCommon(text: string, typeNames: ReadonlySet<string>): IToken[] | null {
  try {
    return scan(text, typeNames);
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}

function scan(text: string, typeNames: ReadonlySet<string>): IToken[] {
  const tokens: IToken[] = [];
  // lex-context.ts's state, in an object: push() changes it between the loop's tests.
  const ctx: { region: Region; braces: number; parens: number; brackets: number } = { region: 'start', braces: 0, parens: 0, brackets: 0 };
  const n = text.length;
  let i = 0;

  // test() rather than exec(): no match array per token, only the image.
  const sticky = (re: RegExp): string | null => {
    re.lastIndex = i;
    return re.test(text) ? text.slice(i, re.lastIndex) : null;
  };

  const enterBody = (): void => {
    ctx.region = 'body';
    ctx.braces = 1;
  };

  /** Appends a token and moves the context on, as lex-context.ts's step() does. */
  const push = (tt: TokenType, image: string): void => {
    tokens.push({ image, startOffset: i, tokenTypeIdx: tt.tokenTypeIdx!, tokenType: tt } as IToken);
    i += image.length;
    if (tt === P.LParen) ctx.parens++;
    else if (tt === P.RParen) {
      if (ctx.parens === 0) throw GIVE_UP;
      ctx.parens--;
    } else if (tt === P.LBracket) ctx.brackets++;
    else if (tt === P.RBracket) {
      if (ctx.brackets === 0) throw GIVE_UP;
      ctx.brackets--;
    }
    switch (ctx.region) {
      case 'body':
        if (tt === P.LCurly) ctx.braces++;
        else if (tt === P.RCurly && --ctx.braces === 0) ctx.region = 'start';
        break;
      case 'start':
        if (tt === ProbeDesc) ctx.region = 'desc';
        else if (tt === P.LCurly) enterBody();
        else if (tt !== P.Semi) ctx.region = 'decl';
        break;
      case 'desc':
        if (tt === P.Comma) ctx.region = 'start';
        else if (tt === P.Div) {
          ctx.region = 'pred';
          ctx.parens = ctx.brackets = 0;
        }
        else if (tt === P.LCurly) enterBody();
        else ctx.region = 'start';
        break;
      case 'pred':
        if (tt === PredEnd) ctx.region = 'afterpred';
        break;
      case 'afterpred':
        if (tt === P.LCurly) enterBody();
        else ctx.region = 'start';
        break;
      case 'decl':
        if (tt === P.Semi && ctx.braces === 0) ctx.region = 'start';
        else if (tt === P.LCurly) ctx.braces++;
        else if (tt === P.RCurly) ctx.braces = Math.max(0, ctx.braces - 1);
        break;
    }
  };

  /** Whether the `/` at i closes the predicate (lex-context.ts's matchPredEnd). */
  const closesPredicate = (): boolean => {
    const next = text.charCodeAt(i + 1);
    if (next === 42 /* * */ || next === 61 /* = */) return false;
    let j = i + 1;
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.startsWith('/*', j)) {
        const end = text.indexOf('*/', j + 2);
        if (end < 0) throw GIVE_UP;
        j = end + 2;
        continue;
      }
      break;
    }
    const c = text[j];
    if (j < n && c !== '{' && c !== ';' && c !== '/') return false;
    // dt_lex.l's "closing ) expected" error: left to the lexer.
    if (ctx.parens > 0 || ctx.brackets > 0) throw GIVE_UP;
    return true;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c > 126 || c === 92 /* \ */ || c === 96 /* ` */) throw GIVE_UP;
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      const nested = text.indexOf('/*', i + 2);
      if (end < 0 || (nested >= 0 && nested < end)) throw GIVE_UP;
      i = end + 2;
      continue;
    }
    if (ctx.region === 'start' && isDescChar(c)) {
      const word = sticky(DESC)!;
      if (!(PLAIN_WORD.test(word) && !SPECIAL.has(word) && typeNames.has(word))) {
        push(ProbeDesc, word);
        continue;
      }
    }
    if (c === 47 /* / */ && ctx.region === 'pred' && closesPredicate()) {
      push(PredEnd, '/');
      continue;
    }
    if (c === 36 /* $ */) {
      push(MacroVar, sticky(MACRO) ?? giveUp());
      continue;
    }
    if (c === 64 /* @ */) {
      push(AggName, sticky(AGG)!);
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 46 /* . */) {
      // A floating-point constant is an error the lexer reports.
      if (sticky(FLOAT) !== null) throw GIVE_UP;
      if (c !== 46) {
        push(IntLit, sticky(INT)!);
        continue;
      }
    }
    if (c === 34 /* " */) {
      push(StringLit, sticky(STRING) ?? giveUp());
      continue;
    }
    if (c === 39 /* ' */) {
      push(CharLit, sticky(CHAR) ?? giveUp());
      continue;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */) {
      const word = sticky(WORD)!;
      if (text.charCodeAt(i + word.length) === 96 /* ` */) throw GIVE_UP;
      push(KEYWORD_TOKENS.get(word) ?? Identifier, word);
      continue;
    }
    const tt = punctuator(text, i, c);
    push(tt, tt.PATTERN as string);
  }
  return tokens;
}

/** The punctuator at i, which starts with character c. */
function punctuator(text: string, i: number, c: number): TokenType {
  for (const t of PUNCT.get(c) ?? []) if (text.startsWith(t.PATTERN as string, i)) return t;
  throw GIVE_UP;
}

function giveUp(): never {
  throw GIVE_UP;
}
