/*
 * The lexer's context: D's lexer is stateful (dt_lex.l start conditions). A probe description
 * is a token only where a clause may start; a `/` closes a predicate only inside one and only
 * when followed by `{`, `;`, `/` or the end of input (d-language.md 1.1). Chevrotain custom
 * patterns receive the tokens matched so far; this module folds them into that state
 * incrementally and records lexical errors (nested comments, unbalanced parentheses) for
 * lexer.ts to turn into diagnostics. One lexing runs at a time (JS is single-threaded);
 * `beginLex` resets everything.
 */

import type { ErrorTag } from '../program/error-tags.js';

import type { IToken } from 'chevrotain';

export interface LexError {
  readonly code: ErrorTag;
  readonly message: string;
  readonly offset: number;
}

type Region = 'start' | 'desc' | 'pred' | 'afterpred' | 'decl' | 'body';

interface State {
  typeNames: ReadonlySet<string>;
  errors: LexError[];
  tokens: IToken[] | null;
  seen: number;
  region: Region;
  braces: number;
  parens: number;
  brackets: number;
}

const st: State = {
  typeNames: new Set(),
  errors: [],
  tokens: null,
  seen: 0,
  region: 'start',
  braces: 0,
  parens: 0,
  brackets: 0,
};

export function beginLex(typeNames: ReadonlySet<string>): void {
  st.typeNames = typeNames;
  st.errors = [];
  st.tokens = null;
  st.seen = 0;
  st.region = 'start';
  st.braces = st.parens = st.brackets = 0;
}

/** Finishes the incremental scan over all tokens and returns the errors found. */
export function endLex(tokens: IToken[]): LexError[] {
  sync(tokens);
  return st.errors;
}

function sync(tokens: IToken[]): void {
  if (st.tokens !== tokens) {
    st.tokens = tokens;
    st.seen = 0;
  }
  while (st.seen < tokens.length) step(tokens[st.seen++]!);
}

function step(t: IToken): void {
  const name = t.tokenType.name;
  switch (name) {
    case 'LParen':
      st.parens++;
      break;
    case 'RParen':
      if (st.parens === 0) st.errors.push({ code: 'D_SYNTAX', message: 'extra ) in input stream', offset: t.startOffset });
      else st.parens--;
      break;
    case 'LBracket':
      st.brackets++;
      break;
    case 'RBracket':
      if (st.brackets === 0) st.errors.push({ code: 'D_SYNTAX', message: 'extra ] in input stream', offset: t.startOffset });
      else st.brackets--;
      break;
  }
  if (st.region === 'body') {
    if (name === 'LCurly') st.braces++;
    else if (name === 'RCurly' && --st.braces === 0) st.region = 'start';
    return;
  }
  switch (st.region) {
    case 'start':
      if (name === 'ProbeDesc') st.region = 'desc';
      else if (name === 'LCurly') enterBody();
      else if (name !== 'Semi') st.region = 'decl';
      break;
    case 'desc':
      if (name === 'Comma') st.region = 'start';
      else if (name === 'Div') {
        st.region = 'pred';
        st.parens = st.brackets = 0;
      } else if (name === 'LCurly') enterBody();
      else st.region = 'start';
      break;
    case 'pred':
      if (name === 'PredEnd') st.region = 'afterpred';
      break;
    case 'afterpred':
      if (name === 'LCurly') enterBody();
      else st.region = 'start';
      break;
    case 'decl':
      if (name === 'Semi' && st.braces === 0) st.region = 'start';
      else if (name === 'LCurly') st.braces++;
      else if (name === 'RCurly') st.braces = Math.max(0, st.braces - 1);
      break;
  }
}

function enterBody(): void {
  st.region = 'body';
  st.braces = 1;
}

const DESC_CHARS = /[-$:A-Za-z0-9_.?*\\[\]!`]+/y;

/**
 * Every character DESC_CHARS accepts, so the lexer keeps its first-character dispatch (a
 * custom pattern without this hint makes chevrotain try every token type at every offset).
 */
export const DESC_START_CHARS: readonly string[] = [
  ...'-$:_.?*\\[]!`',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'abcdefghijklmnopqrstuvwxyz',
  ...'0123456789',
];
const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPECIAL = new Set(['BEGIN', 'END', 'ERROR']);

const found = (text: string): RegExpExecArray => [text] as unknown as RegExpExecArray;

export function matchProbeDesc(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  sync(tokens);
  if (st.region !== 'start') return null;
  DESC_CHARS.lastIndex = offset;
  const m = DESC_CHARS.exec(text);
  if (!m) return null;
  const word = m[0];
  if (PLAIN_WORD.test(word) && !SPECIAL.has(word) && st.typeNames.has(word)) return null;
  // `@` never starts a description; a lone `$` is a macro (handled by the desc rule too).
  return found(word);
}

export function matchPredEnd(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 47 /* / */) return null;
  sync(tokens);
  if (st.region !== 'pred') return null;
  const next = text.charCodeAt(offset + 1);
  if (next === 42 /* * */ || next === 61 /* = */) return null;
  let i = offset + 1;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    break;
  }
  const c = text[i];
  if (i < text.length && c !== '{' && c !== ';' && c !== '/') return null;
  if (st.parens > 0 || st.brackets > 0) {
    st.errors.push({ code: 'D_SYNTAX', message: 'closing ) expected in predicate before /', offset });
  }
  return found('/');
}

export function matchComment(text: string, offset: number): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return null;
  const end = text.indexOf('*/', offset + 2);
  const stop = end < 0 ? text.length : end;
  const nested = text.indexOf('/*', offset + 2);
  if (nested >= 0 && nested < stop) {
    st.errors.push({ code: 'D_SYNTAX', message: '/* encountered inside a comment', offset: nested });
  }
  if (end < 0) {
    st.errors.push({ code: 'D_SYNTAX', message: 'end-of-file encountered before matching */', offset });
    return found(text.slice(offset));
  }
  return found(text.slice(offset, end + 2));
}
