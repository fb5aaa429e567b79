/*
 * printf() format strings: parsed once, then used by the compiler to check arguments and to
 * generate code, and by the consumer to format records (d-language.md 2.3; dtrace's dt_printf.c
 * grammar). Part of the program contract: records carry the format text, and `formatOf` returns
 * the one parse of it that the compiler already made (a bounded memo shared by every caller in
 * the process), so a format is parsed once however many phases read it. Callers only read it.
 *
 * Input: the format text (escapes already resolved by the lexer). Output: a ParsedFormat — text
 * segments interleaved with conversion specifications — or a FormatError carrying dtrace's
 * message and a stable code. Parse errors are data; this module never throws for user input.
 *
 * A conversion is `%` [flags] [width|*|?] [.precision|.*] [length] letter, with the D flags `?`
 * (pointer width) and `@` (the aggregation value inside printa). `%%` is plain text.
 */

import { nameTable } from '../name-table.js';

/** What a conversion consumes from the argument list. */
export type ArgKind = 'int' | 'float' | 'string' | 'stack' | 'sym' | 'any';

export type LengthModifier = '' | 'hh' | 'h' | 'l' | 'll' | 'L' | 'w';

export interface FormatFlags {
  readonly minus: boolean;
  readonly zero: boolean;
  readonly plus: boolean;
  readonly space: boolean;
  readonly alt: boolean;
  /** `'`: thousands grouping. */
  readonly group: boolean;
}

export interface Conversion {
  /** The conversion as written without flags: `d`, `s`, `lld`; prefixed `@` for `%@…`. */
  readonly conv: string;
  /** The conversion letter alone: `d`, `x`, `Y`, … */
  readonly letter: string;
  readonly length: LengthModifier;
  readonly flags: FormatFlags;
  /** A fixed width, `'*'` (taken from the arguments), or undefined. `?` sets 16. */
  readonly width: number | '*' | undefined;
  readonly precision: number | '*' | undefined;
  /** What it consumes, in order: `*` width, `*` precision, then the value (absent for `%@`). */
  readonly argKinds: readonly ArgKind[];
  /** `%@…`: consumes the aggregation value in printa(). */
  readonly isAggValue: boolean;
  /** The source text, `%-10s`. */
  readonly text: string;
}

export type FormatSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'conv'; readonly conv: Conversion };

export interface ParsedFormat {
  readonly segments: readonly FormatSegment[];
  readonly conversions: readonly Conversion[];
}

export const FormatErrorCode = {
  positional: 'D_PRINTF_POSITIONAL',
  doubleStar: 'D_PRINTF_DSTAR',
  doubleDot: 'D_PRINTF_DDOT',
  pctFlags: 'D_PRINTF_PCTFLAGS',
  missingName: 'D_PRINTF_NAME',
  invalidConversion: 'D_PRINTF_INVCONV',
} as const;

export type FormatErrorCode = (typeof FormatErrorCode)[keyof typeof FormatErrorCode];

export interface FormatError {
  readonly code: FormatErrorCode | 'D_SYNTAX';
  /** dtrace's text, without a trailing newline. */
  readonly message: string;
}

/** Pointer width that `?` selects: LP64, as dtrace on a 64-bit kernel. */
export const POINTER_WIDTH = 16;

const INT_LETTERS = 'diouxXc';
const FLOAT_LETTERS = 'eEfFgG';

/** Letter → what its value argument is. Letters absent here are undefined conversions. */
const LETTER_KIND: Readonly<Record<string, ArgKind>> = nameTable({
  d: 'int', i: 'int', o: 'int', u: 'int', x: 'int', X: 'int', c: 'int', p: 'int',
  // dt_printf.c's pfcheck_fp: the floating conversions take only a float, double or long double.
  e: 'float', E: 'float', f: 'float', F: 'float', g: 'float', G: 'float',
  s: 'string', S: 'string', C: 'int',
  a: 'sym', A: 'sym', k: 'stack', Y: 'int', T: 'int',
});

/** Which length modifiers each letter accepts (dtrace's conversion table names). */
function lengthAllowed(len: LengthModifier, letter: string): boolean {
  if (len === '') return true;
  if (len === 'h' || len === 'hh' || len === 'll') return INT_LETTERS.includes(letter) && letter !== 'c';
  if (len === 'l') return INT_LETTERS.includes(letter) || letter === 's';
  if (len === 'L') return FLOAT_LETTERS.includes(letter);
  return letter === 'c' || letter === 's';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function isFormatError(x: ParsedFormat | FormatError): x is FormatError {
  return 'code' in x;
}

/** Parses a printf()/printa() format string. */
export function parseFormat(fmt: string): ParsedFormat | FormatError {
  const segments: FormatSegment[] = [];
  const conversions: Conversion[] = [];
  let text = '';
  let n = 0; // conversion number for messages, counting `%%` as dtrace does
  let i = 0;
  const fail = (code: FormatError['code'], what: string): FormatError => ({
    code,
    message: `format conversion #${n} ${what}`,
  });

  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      text += ch;
      i++;
      continue;
    }
    const start = i;
    i++;
    n++;
    const flags = { minus: false, zero: false, plus: false, space: false, alt: false, group: false };
    let width: number | '*' | undefined;
    let precision: number | '*' | undefined;
    let dot = false;
    let agg = false;
    let sawAny = false;
    // Flags, width and precision, in any order dtrace accepts them.
    for (; i < fmt.length; i++) {
      const c = fmt[i]!;
      if (isDigit(c)) {
        if (c === '0' && !dot && width === undefined) {
          flags.zero = true;
        } else {
          let j = i;
          while (j < fmt.length && isDigit(fmt[j]!)) j++;
          if (fmt[j] === '$') return fail(FormatErrorCode.positional, 'uses unsupported positional format (%n$)');
          const num = Number(fmt.slice(i, j));
          if (dot) precision = num;
          else width = num;
          i = j - 1;
        }
      } else if (c === '$') {
        return fail(FormatErrorCode.positional, 'uses unsupported positional format (%n$)');
      } else if (c === '*') {
        if (dot) {
          if (precision === '*') {
            return fail(FormatErrorCode.doubleStar, "has more than one '*' specified for the output precision");
          }
          precision = '*';
        } else {
          if (width === '*') {
            return fail(FormatErrorCode.doubleStar, "has more than one '*' specified for the output width");
          }
          width = '*';
        }
      } else if (c === '.') {
        if (dot) return fail(FormatErrorCode.doubleDot, "has more than one '.' specified");
        dot = true;
        precision = 0;
      } else if (c === '-') flags.minus = true;
      else if (c === '+') flags.plus = true;
      else if (c === ' ') flags.space = true;
      else if (c === '#') flags.alt = true;
      else if (c === "'") flags.group = true;
      else if (c === '?') width = POINTER_WIDTH;
      else if (c === '@') agg = true;
      else break;
      sawAny = true;
    }
    if (i >= fmt.length) return fail(FormatErrorCode.missingName, 'name expected before end of format string');
    if (fmt[i] === '%') {
      if (sawAny) return fail(FormatErrorCode.pctFlags, 'cannot be combined with other format flags: %%');
      text += '%';
      i++;
      continue;
    }
    // Length modifiers, then one conversion letter.
    let length: LengthModifier = '';
    const rest = fmt.slice(i);
    for (const m of ['hh', 'h', 'll', 'l', 'L', 'w'] as const) {
      if (rest.startsWith(m)) {
        length = m;
        break;
      }
    }
    i += length.length;
    if (i >= fmt.length) return fail(FormatErrorCode.missingName, 'name expected before end of format string');
    const letter = fmt[i]!;
    i++;
    const kind = LETTER_KIND[letter];
    if (kind === undefined || !lengthAllowed(length, letter)) {
      return fail(FormatErrorCode.invalidConversion, `is undefined: %${length}${letter}`);
    }
    const argKinds: ArgKind[] = [];
    if (width === '*') argKinds.push('int');
    if (precision === '*') argKinds.push('int');
    if (!agg) argKinds.push(kind);
    const conv: Conversion = {
      conv: `${agg ? '@' : ''}${length}${letter}`,
      letter,
      length,
      flags,
      width,
      precision,
      argKinds,
      isAggValue: agg,
      text: fmt.slice(start, i),
    };
    if (text !== '') segments.push({ kind: 'text', text });
    text = '';
    segments.push({ kind: 'conv', conv });
    conversions.push(conv);
  }
  if (text !== '') segments.push({ kind: 'text', text });
  return { segments, conversions };
}

const memo = new Map<string, ParsedFormat | FormatError>();
/** Formats kept; a long-lived process compiling many programs keeps only recent ones. */
const MEMO_LIMIT = 4096;

/** The parse of `fmt`, made once per process (see the opening comment). */
export function formatOf(fmt: string): ParsedFormat | FormatError {
  let parsed = memo.get(fmt);
  if (parsed === undefined) {
    parsed = parseFormat(fmt);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(fmt, parsed);
  }
  return parsed;
}
