/*
 * The D lexer: the token vocabulary of tokens.ts, with the stateful rules of lex-context.ts.
 * Input: preprocessed text and the set of words that name types (so `int x;` at the top level
 * is a declaration and `tick-1s` a probe description). Output: tokens (chevrotain IToken
 * objects carrying offsets; diagnostics.ts derives lines and columns) and lexical errors with
 * offsets; it never throws at the caller.
 *
 * Matching is chevrotain's lexer semantics, done here without building a chevrotain Lexer
 * (its construction analyses every pattern, a fixed cost on every CLI start): at each offset
 * the patterns that can start with the character there are tried in ALL_TOKENS order and the
 * first match wins; skipped groups (white space, comments) produce no token; after a character
 * nothing matches, one error covers the run of characters up to where any pattern matches again.
 * Reserved words lex as identifiers and are retyped to their keyword tokens (tokens.ts).
 *
 * Lexical errors mirrored from dt_lex.l: newline in a string or character constant, empty or
 * over-long character constants, floating-point constants, invalid characters, nested or
 * unterminated comments, extra `)`/`]`, unbalanced predicates.
 */

import { Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import { ALL_TOKENS, BadChar, BadString, FloatLit, Identifier, KEYWORD_TOKENS } from './tokens.js';
import { beginLex, endLex, type LexError } from './lex-context.js';

/**
 * One pattern, ready to try at an offset. The three kinds are told apart by fields rather than
 * by closures so that the scanning loop stays monomorphic (it runs once per candidate pattern
 * tried, ~50,000 times on a 1,000-clause script).
 */
interface Rule {
  readonly type: TokenType;
  readonly skip: boolean;
  readonly text: string | null;
  readonly re: RegExp | null;
  readonly exec: CustomPatternMatcherFunc | null;
}

/** Custom matchers get no token groups (none of the D tokens uses them). */
const NO_GROUPS: Record<string, IToken[]> = Object.freeze({});

function compileRule(type: TokenType): Rule | null {
  const p = type.PATTERN;
  if (p === undefined || p === Lexer.NA) return null;
  const skip = type.GROUP === Lexer.SKIPPED;
  if (typeof p === 'string') return { type, skip, text: p, re: null, exec: null };
  if (p instanceof RegExp) return { type, skip, text: null, re: new RegExp(p.source, `${p.flags.replace(/[gy]/g, '')}y`), exec: null };
  const exec = (typeof p === 'function' ? p : p.exec) as CustomPatternMatcherFunc;
  return { type, skip, text: null, re: null, exec };
}

/** The length `rule` matches at `offset`, or -1. */
function matchAt(rule: Rule, text: string, offset: number, tokens: IToken[]): number {
  const re = rule.re;
  if (re !== null) {
    re.lastIndex = offset;
    return re.test(text) ? re.lastIndex - offset : -1;
  }
  const lit = rule.text;
  if (lit !== null) return text.startsWith(lit, offset) ? lit.length : -1;
  const m = rule.exec!(text, offset, tokens, NO_GROUPS);
  return m === null ? -1 : m[0].length;
}

function startChars(type: TokenType): readonly number[] {
  const p = type.PATTERN;
  if (typeof p === 'string') return [p.charCodeAt(0)];
  const hint = type.START_CHARS_HINT;
  if (!hint) throw new LexerDefinitionError(type.name);
  return hint.map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)));
}

/** A token type without start characters: every pattern must declare them (tokens.ts). */
export class LexerDefinitionError extends Error {
  readonly code = 'E_LEXER_DEFINITION';
  constructor(token: string) {
    super(`internal error: token ${token} declares no start characters; please report this`);
  }
}

interface Table {
  /** Candidates by first character (ASCII); other characters start no pattern. */
  readonly byChar: readonly (readonly Rule[])[];
  /** Every rule, in order, for resynchronising after an error. */
  readonly all: readonly Rule[];
}

let table: Table | null = null;

function rules(): Table {
  if (table) return table;
  const byChar: Rule[][] = Array.from({ length: 128 }, () => []);
  const all: Rule[] = [];
  for (const type of ALL_TOKENS) {
    const rule = compileRule(type);
    if (!rule) continue;
    all.push(rule);
    for (const c of new Set(startChars(type))) if (c < 128) byChar[c]!.push(rule);
  }
  table = { byChar, all };
  return table;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly errors: LexError[];
}

export function lex(text: string, typeNames: ReadonlySet<string>): LexResult {
  const { byChar, all } = rules();
  beginLex(typeNames);
  const raw: IToken[] = [];
  const scanErrors: number[] = [];
  const end = text.length;
  let offset = 0;
  scan: while (offset < end) {
    const c = text.charCodeAt(offset);
    const candidates = c < 128 ? byChar[c]! : [];
    for (let i = 0; i < candidates.length; i++) {
      const rule = candidates[i]!;
      const n = matchAt(rule, text, offset, raw);
      if (n <= 0) continue; // no D pattern matches the empty string; never loop on one that did
      if (!rule.skip) {
        const tt = rule.type;
        raw.push({ image: text.slice(offset, offset + n), startOffset: offset, endOffset: offset + n - 1, tokenType: tt, tokenTypeIdx: tt.tokenTypeIdx! });
      }
      offset += n;
      continue scan;
    }
    // Nothing starts here: drop characters until any pattern matches (chevrotain's resync,
    // which tries every pattern, not only those of the first character).
    scanErrors.push(offset);
    while (++offset < end && !all.some((r) => matchAt(r, text, offset, raw) >= 0));
  }
  const errors = [...endLex(raw)];
  for (const at of scanErrors) errors.push({ code: 'D_SYNTAX', message: `syntax error near "${text[at] ?? ''}"`, offset: at });
  const tokens: IToken[] = [];
  for (const t of raw) {
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
