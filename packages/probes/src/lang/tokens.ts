/*
 * Token vocabulary of the D lexer (d-language.md 1.1), as chevrotain token types with labels
 * so that messages name `')'` rather than `RParen`. Context-dependent tokens (probe
 * descriptions, the predicate's closing `/`, comments) are custom patterns whose matchers live
 * in lex-context.ts. Every pattern declares the characters it can start with
 * (`start_chars_hint`), so chevrotain's lexer (lexer.ts) dispatches on the first character,
 * trying the candidates in ALL_TOKENS order, first match wins.
 */

import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { DESC_START_CHARS, matchComment, matchPredEnd, matchProbeDesc } from './lex-context.js';

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const DIGITS = [...'0123456789'];

/**
 * Tokens other than names that are a whole primary expression by themselves (literals,
 * aggregations, `self`, `this`): one category, so the parser takes any of them in one step.
 * Identifier stays out: a name after `(` may start a cast, and the parser must tell it apart.
 */
export const Operand = createToken({ name: 'Operand', pattern: Lexer.NA });

export const Identifier = createToken({
  name: 'Identifier', start_chars_hint: [...LETTERS, '_', '`'],
  // dt_lex.l's RGX_IDENT, with RGX_MOD_IDENT's dotted module names: a backquote may appear
  // anywhere in a name, so that `` ` `` alone is a name (an unknown one).
  pattern: /[A-Za-z_`][A-Za-z0-9_`]*(?:[A-Za-z0-9_.`]*`[A-Za-z0-9_`]*)?/,
  label: 'identifier',
});

/**
 * An identifier that names a type. The lexer never produces it (a word names a type only for
 * the compilation at hand, after macro substitution); parser.ts retypes such identifiers before
 * parsing, so that the grammar decides casts on token types alone. It is in the Identifier
 * category: wherever a name is expected, a type name is one.
 */
export const TypeName = createToken({ name: 'TypeName', pattern: Lexer.NA, categories: [Identifier], label: 'type name' });

/** Reserved words (D_KEY_*); those without a grammar rule lex as keywords and fail to parse. */
export const KEYWORDS = [
  'auto', 'break', 'case', 'char', 'const', 'continue', 'counter', 'default', 'do', 'double',
  'else', 'enum', 'extern', 'float', 'for', 'goto', 'if', 'import', 'inline', 'int', 'long',
  'offsetof', 'probe', 'provider', 'register', 'restrict', 'return', 'self', 'short', 'signed',
  'sizeof', 'static', 'string', 'stringof', 'struct', 'switch', 'this', 'translator', 'typedef',
  'union', 'unsigned', 'void', 'volatile', 'while', 'xlate', 'userland',
] as const;

export type Keyword = (typeof KEYWORDS)[number];

/** Keywords that start a type specifier. */
export const TypeKeyword = createToken({ name: 'TypeKeyword', pattern: Lexer.NA });

const TYPE_WORDS = new Set(['char', 'short', 'int', 'long', 'signed', 'unsigned', 'void', 'string', 'float', 'double']);

/*
 * A keyword is a word that is exactly a reserved word (dt_lex.l's reserved-word table): the
 * lexer matches every word as an Identifier and lexer.ts retypes the reserved ones through
 * KEYWORD_TOKENS, one map lookup instead of trying each keyword's pattern at every word. A
 * longer word (`integer`, `` int`x ``) is one Identifier whose image is no keyword, and lexer.ts
 * leaves a reserved word directly followed by a backquote a name (dt_lex.l's scoping rule).
 */
export const Kw = Object.fromEntries(
  KEYWORDS.map((k) => [
    k,
    createToken({
      name: `Kw_${k}`,
      pattern: Lexer.NA,
      label: `'${k}'`,
      categories: TYPE_WORDS.has(k) ? [TypeKeyword] : k === 'self' || k === 'this' ? [Operand] : [],
    }),
  ]),
) as Record<Keyword, TokenType>;

/** The keyword token of each reserved word, for lexer.ts to retype identifiers with. */
export const KEYWORD_TOKENS: ReadonlyMap<string, TokenType> = new Map(KEYWORDS.map((k) => [k, Kw[k]]));

/** Every binary operator of levels `||` … `*`; the AST builder applies their precedence. */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: Lexer.NA });
/** Every assignment operator. */
export const AssignOp = createToken({ name: 'AssignOp', pattern: Lexer.NA });
/** Prefix operators applying to a cast-expression. */
export const PrefixOp = createToken({ name: 'PrefixOp', pattern: Lexer.NA });

const BINARY = new Set(['<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '^^', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^']);
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '<<=', '>>=']);
const PREFIX = new Set(['++', '--', '&', '*', '+', '-', '~', '!']);

const punct = (name: string, text: string): TokenType =>
  createToken({
    name,
    pattern: text,
    label: `'${text}'`,
    categories: [
      ...(BINARY.has(text) ? [BinaryOp] : []),
      ...(ASSIGN.has(text) ? [AssignOp] : []),
      ...(PREFIX.has(text) ? [PrefixOp] : []),
    ],
  });

export const P = {
  ShlAssign: punct('ShlAssign', '<<='),
  ShrAssign: punct('ShrAssign', '>>='),
  Arrow: punct('Arrow', '->'),
  Inc: punct('Inc', '++'),
  Dec: punct('Dec', '--'),
  Shl: punct('Shl', '<<'),
  Shr: punct('Shr', '>>'),
  Le: punct('Le', '<='),
  Ge: punct('Ge', '>='),
  EqEq: punct('EqEq', '=='),
  Ne: punct('Ne', '!='),
  AndAnd: punct('AndAnd', '&&'),
  OrOr: punct('OrOr', '||'),
  XorXor: punct('XorXor', '^^'),
  AddAssign: punct('AddAssign', '+='),
  SubAssign: punct('SubAssign', '-='),
  MulAssign: punct('MulAssign', '*='),
  DivAssign: punct('DivAssign', '/='),
  ModAssign: punct('ModAssign', '%='),
  AndAssign: punct('AndAssign', '&='),
  XorAssign: punct('XorAssign', '^='),
  OrAssign: punct('OrAssign', '|='),
  Plus: punct('Plus', '+'),
  Minus: punct('Minus', '-'),
  Star: punct('Star', '*'),
  Div: punct('Div', '/'),
  Mod: punct('Mod', '%'),
  Lt: punct('Lt', '<'),
  Gt: punct('Gt', '>'),
  Assign: punct('Assign', '='),
  Bang: punct('Bang', '!'),
  Tilde: punct('Tilde', '~'),
  Amp: punct('Amp', '&'),
  Pipe: punct('Pipe', '|'),
  Caret: punct('Caret', '^'),
  Question: punct('Question', '?'),
  Colon: punct('Colon', ':'),
  Semi: punct('Semi', ';'),
  Comma: punct('Comma', ','),
  Ellipsis: punct('Ellipsis', '...'),
  Dot: punct('Dot', '.'),
  LParen: punct('LParen', '('),
  RParen: punct('RParen', ')'),
  LBracket: punct('LBracket', '['),
  RBracket: punct('RBracket', ']'),
  LCurly: punct('LCurly', '{'),
  RCurly: punct('RCurly', '}'),
} as const;

export const WhiteSpace = createToken({ name: 'WhiteSpace', start_chars_hint: [' ', '\t', '\r', '\n', '\f', '\v'], pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
export const LineContinuation = createToken({ name: 'LineContinuation', start_chars_hint: ['\\'], pattern: /\\\r?\n/, group: Lexer.SKIPPED });

export const MacroVar = createToken({
  name: 'MacroVar', start_chars_hint: ['$'],
  pattern: /\$\$?(?:[0-9]+|[A-Za-z_][A-Za-z0-9_]*)/,
  label: 'macro variable',
});
export const AggName = createToken({ name: 'AggName', start_chars_hint: ['@'], categories: [Operand], pattern: /@(?:[A-Za-z_][A-Za-z0-9_]*)?/, label: 'aggregation' });
export const FloatLit = createToken({
  name: 'FloatLit', start_chars_hint: [...DIGITS, '.'],
  pattern: /(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFlL]?|[0-9]+[eE][+-]?[0-9]+[fFlL]?/,
  label: 'floating-point constant',
});
export const IntLit = createToken({ name: 'IntLit', start_chars_hint: DIGITS, categories: [Operand], pattern: /(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*/, label: 'integer constant' });
// Unrolled (`"[^"\\]*(\\.[^"\\]*)*"`): an alternation under `*` costs V8 one stack frame per
// character, and an 8 MB literal overflowed.
export const StringLit = createToken({ name: 'StringLit', start_chars_hint: ['"'], categories: [Operand], pattern: /"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"/, label: 'string literal' });
export const BadString = createToken({ name: 'BadString', start_chars_hint: ['"'], pattern: /"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*/, label: 'string literal' });
export const CharLit = createToken({ name: 'CharLit', start_chars_hint: ["'"], categories: [Operand], pattern: /'(?:[^'\\\n]|\\[^\n])*'/, label: 'character constant' });
export const BadChar = createToken({ name: 'BadChar', start_chars_hint: ["'"], pattern: /'(?:[^'\\\n]|\\[^\n])*/, label: 'character constant' });

/** Context-dependent tokens: their matchers consult the lexer state (lex-context.ts). */
export const Comment = createToken({
  name: 'Comment',
  pattern: { exec: matchComment },
  start_chars_hint: ['/'],
  line_breaks: true,
  group: Lexer.SKIPPED,
});
export const ProbeDesc = createToken({
  name: 'ProbeDesc',
  pattern: { exec: matchProbeDesc },
  start_chars_hint: [...DESC_START_CHARS],
  label: 'probe description',
  line_breaks: false,
});
export const PredEnd = createToken({ name: 'PredEnd', pattern: { exec: matchPredEnd }, start_chars_hint: ['/'], label: "'/'", line_breaks: false });

/** Every token, in matching order (chevrotain takes the first pattern that matches). */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  LineContinuation,
  Comment,
  ProbeDesc,
  PredEnd,
  MacroVar,
  AggName,
  FloatLit,
  IntLit,
  StringLit,
  BadString,
  CharLit,
  BadChar,
  TypeKeyword,
  Operand,
  BinaryOp,
  AssignOp,
  PrefixOp,
  TypeName,
  ...KEYWORDS.map((k) => Kw[k]),
  Identifier,
  ...Object.values(P),
];

/**
 * Where a token ends (its last character's offset). The lexer tracks start offsets only; the
 * end follows from the image as lexed. A token macros.ts substituted keeps the end of the text
 * it replaced (createTokenInstance records it), since its image is no longer that text.
 */
export function tokenEnd(t: IToken): number {
  return t.endOffset ?? t.startOffset + t.image.length - 1;
}
