/*
 * D strings are byte strings; zsdtrace keeps them as JavaScript strings. Text the user wrote
 * (and names from the simulated kernel) is Unicode and printed as UTF-8, but an escape such as
 * `"\xff"` or `"\377"` is one byte that is not UTF-8 on its own: dtrace's lexer stores the raw
 * byte (dt_lex.l's string rule, stresc2chr). Such a byte from 0x80 to 0xff is kept as the lone
 * low surrogate U+DC80…U+DCFF ("surrogate escape"), which no well-formed text contains, so
 * strlen() counts it as one byte and the output writes it back as that byte.
 */

const RAW_BASE = 0xdc00;
const RAW = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const RAW_ALL = /(?<![\ud800-\udbff])[\udc80-\udcff]/g;

/** The string character that stands for byte `b` (0…255). */
export function byteChar(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : RAW_BASE + b);
}

/** The byte a character from byteChar() stands for; other characters are returned as is. */
export function charByte(code: number): number {
  return code >= RAW_BASE + 0x80 && code <= RAW_BASE + 0xff ? code - RAW_BASE : code;
}

/** Whether `s` holds a raw byte from 0x80 up (never printable text, as in dtrace's C locale). */
export function hasRawBytes(s: string): boolean {
  return RAW.test(s);
}

/** Output text as it is written: UTF-8, with each raw byte written as itself. */
export function outputBytes(s: string): string | Buffer {
  return RAW.test(s) ? stringBytes(s) : s;
}

/** The bytes of `s`: UTF-8, with each raw byte as itself. */
export function stringBytes(s: string): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (const m of s.matchAll(RAW_ALL)) {
    parts.push(Buffer.from(s.slice(from, m.index), 'utf8'), Buffer.of(m[0].charCodeAt(0) - RAW_BASE));
    from = m.index + 1;
  }
  parts.push(Buffer.from(s.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
