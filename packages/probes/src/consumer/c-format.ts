/*
 * The C printf(3) engine under D's printf: integer, floating and string conversions with flags,
 * width and precision, 64-bit exact (bigint) where values need it.
 *
 * Input: an already size-normalised value and a conversion's flags. Output: the field text.
 * It knows nothing of D types or records — printf.ts decides signedness and size first (as
 * dt_printf.c picks pfprint_sint/pfprint_uint by the argument's size).
 */

import type { FormatFlags } from '../program/printf-format.js';

export interface FieldSpec {
  readonly flags: FormatFlags;
  readonly width: number | undefined;
  readonly precision: number | undefined;
}

const NO_FLAGS: FormatFlags = { minus: false, zero: false, plus: false, space: false, alt: false, group: false };

/** A spec with only a width (and optionally left alignment): `%16s`, `%-50s`. */
export function widthSpec(width: number, left = false): FieldSpec {
  return { flags: left ? { ...NO_FLAGS, minus: true } : NO_FLAGS, width, precision: undefined };
}

/** Pads `body` to the field width; `prefix` (sign, 0x) stays in front of zero padding. */
export function padField(prefix: string, body: string, spec: FieldSpec, zeroPad: boolean): string {
  const len = prefix.length + body.length;
  const width = spec.width ?? 0;
  if (len >= width) return prefix + body;
  const fill = width - len;
  if (spec.flags.minus) return prefix + body + ' '.repeat(fill);
  if (zeroPad) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}

/** Inserts `,` every three digits (the `'` flag, as in an English locale). */
export function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * %d %i %u %o %x %X with C semantics: precision is a minimum digit count (and disables the 0
 * flag); precision 0 prints nothing for 0; `#` adds `0` (octal) or `0x` (hex, non-zero only).
 * `signed` decides whether `+`/space apply (they do not for unsigned conversions).
 */
export function formatInteger(value: bigint | number, letter: string, spec: FieldSpec, signed: boolean): string {
  const neg = value < 0;
  const abs = neg ? -value : value;
  const radix = letter === 'o' ? 8 : letter === 'x' || letter === 'X' || letter === 'p' ? 16 : 10;
  let digits = abs.toString(radix);
  const zero = digits === '0';
  if (letter === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) {
    if (spec.precision === 0 && zero) digits = '';
    else if (digits.length < spec.precision) digits = '0'.repeat(spec.precision - digits.length) + digits;
  }
  if (spec.flags.group && radix === 10) digits = groupThousands(digits);
  let prefix = '';
  if (neg) prefix = '-';
  else if (signed && spec.flags.plus) prefix = '+';
  else if (signed && spec.flags.space) prefix = ' ';
  if (spec.flags.alt) {
    if (radix === 8 && !digits.startsWith('0')) digits = '0' + digits;
    if (radix === 16 && !zero) prefix += letter === 'X' ? '0X' : '0x';
  }
  const zeroPad = spec.flags.zero && !spec.flags.minus && spec.precision === undefined;
  return padField(prefix, digits, spec, zeroPad);
}

/** %e %f %g (and upper-case forms) of a number, as C prints a double. */
export function formatFloat(value: number, letter: string, spec: FieldSpec): string {
  const upper = letter === 'E' || letter === 'G' || letter === 'F';
  const lower = letter.toLowerCase();
  const p = spec.precision ?? 6;
  const neg = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  let body: string;
  if (!Number.isFinite(abs)) {
    body = Number.isNaN(abs) ? 'nan' : 'inf';
  } else if (lower === 'f') {
    body = fixed(abs, p, spec.flags.group);
    if (spec.flags.alt && p === 0) body += '.';
  } else if (lower === 'e') {
    body = expo(abs, p);
    if (spec.flags.alt && p === 0) body = body.replace('e', '.e');
  } else {
    const P = p === 0 ? 1 : p;
    const x = abs === 0 ? 0 : Math.floor(Math.log10(Number(abs.toExponential(P - 1))));
    if (P > x && x >= -4) body = fixed(abs, P - 1 - x, spec.flags.group);
    else body = expo(abs, P - 1);
    if (!spec.flags.alt) body = stripZeros(body);
  }
  if (upper) body = body.toUpperCase();
  let prefix = '';
  if (neg) prefix = '-';
  else if (spec.flags.plus) prefix = '+';
  else if (spec.flags.space) prefix = ' ';
  const zeroPad = spec.flags.zero && !spec.flags.minus && Number.isFinite(abs);
  return padField(prefix, body, spec, zeroPad);
}

function fixed(abs: number, p: number, group: boolean): string {
  const s = abs.toFixed(Math.min(p, 100));
  if (!group) return s;
  const dot = s.indexOf('.');
  return dot < 0 ? groupThousands(s) : groupThousands(s.slice(0, dot)) + s.slice(dot);
}

/** C's exponent form: at least two exponent digits (`1.000000e+01`). */
function expo(abs: number, p: number): string {
  const s = abs.toExponential(Math.min(p, 100));
  const [mant, exp] = s.split('e') as [string, string];
  const sign = exp.startsWith('-') ? '-' : '+';
  const digits = exp.replace(/^[+-]/, '');
  return `${mant}e${sign}${digits.length < 2 ? '0' + digits : digits}`;
}

/** %g drops trailing zeros of the fraction (and a bare point) unless `#` is given. */
function stripZeros(s: string): string {
  const e = s.indexOf('e');
  const mant = e < 0 ? s : s.slice(0, e);
  const tail = e < 0 ? '' : s.slice(e);
  if (!mant.includes('.')) return s;
  return mant.replace(/0+$/, '').replace(/\.$/, '') + tail;
}

/** %s: precision truncates, width pads with spaces (the 0 flag does not apply to strings). */
export function formatString(s: string, spec: FieldSpec): string {
  const body = spec.precision !== undefined && s.length > spec.precision ? s.slice(0, spec.precision) : s;
  return padField('', body, spec, false);
}
