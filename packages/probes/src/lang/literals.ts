/*
 * Literal values: integer constants typed by C's rules as dt_node_int does (d-language.md
 * 1.1), string escapes as dt_string.c's stresc2chr decodes them, and character constants
 * (up to 8 bytes, packed, type int).
 */

import type { ErrorTag } from '../program/error-tags.js';

import { T, type CType } from './types.js';
import { nameTable } from '../name-table.js';
import { byteChar, charByte } from '../program/raw-bytes.js';

export type IntLiteral = { value: bigint; type: CType } | { code: ErrorTag; message: string };

const INT32_MAX = 0x7fffffffn;
const UINT32_MAX = 0xffffffffn;
const INT64_MAX = 0x7fffffffffffffffn;
const UINT64_MAX = 0xffffffffffffffffn;

const RANGE: [CType, bigint][] = [
  [T.int, INT32_MAX],
  [T.uint, UINT32_MAX],
  [T.long, INT64_MAX],
  [T.ulong, UINT64_MAX],
  [T.llong, INT64_MAX],
  [T.ullong, UINT64_MAX],
];

export function parseIntLiteral(image: string): IntLiteral {
  const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)$/.exec(image);
  if (!m) return { code: 'D_SYNTAX', message: `syntax error near "${image}"` };
  const digits = m[1]!;
  const suffix = m[2]!.toLowerCase();
  const hex = /^0x/i.test(digits);
  const octal = !hex && digits.length > 1 && digits.startsWith('0');
  if (octal) {
    const bad = /[89]/.exec(digits);
    if (bad) return { code: 'D_INT_DIGIT', message: `constant ${image} contains invalid digit ${bad[0]}` };
  }
  const value = octal ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  if (value > UINT64_MAX) return { code: 'D_INT_OFLOW', message: `constant ${image} results in integer overflow` };
  const unsigned = suffix.includes('u');
  const longs = (suffix.match(/l/g) ?? []).length;
  const decimal = !hex && !octal;
  for (const [type, max] of RANGE) {
    if (type.kind !== 'int') continue;
    if (unsigned && type.signed) continue;
    if (!unsigned && !type.signed && decimal) continue;
    if (longs > 0 && type.size < 8) continue;
    if (longs > 1 && !type.name.includes('long long')) continue;
    if (value <= max) return { value, type };
  }
  if (value <= UINT64_MAX) return { value, type: T.ullong };
  return { code: 'D_INT_OFLOW', message: `constant ${image} results in integer overflow` };
}

const SIMPLE: Readonly<Record<string, number>> = nameTable({ a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39, '?': 63 });

/**
 * Decodes the escapes of a quoted literal's body. An octal or hex escape is one byte, as in
 * dtrace; from 0x80 up it is kept as a raw byte (program/raw-bytes.ts).
 */
export function decodeEscapes(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const e = body[++i]!;
    if (SIMPLE[e] !== undefined) out += String.fromCharCode(SIMPLE[e]!);
    else if (/[0-7]/.test(e)) {
      let oct = e;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
      out += byteChar(parseInt(oct, 8) & 0xff);
    } else if (e === 'x' && /[0-9a-fA-F]/.test(body[i + 1] ?? '')) {
      let hex = '';
      while (hex.length < 2 && /[0-9a-fA-F]/.test(body[i + 1] ?? '')) hex += body[++i];
      out += byteChar(parseInt(hex, 16));
    } else out += e;
  }
  return out;
}

export type CharLiteral = { value: number } | { code: ErrorTag; message: string };

export function parseCharLiteral(image: string): CharLiteral {
  const bytes = decodeEscapes(image.slice(1, -1));
  if (bytes.length === 0) return { code: 'D_CHR_NULL', message: 'empty character constant' };
  if (bytes.length > 8) return { code: 'D_CHR_OFLOW', message: 'character constant is too long' };
  if (bytes.length === 1) {
    const b = charByte(bytes.charCodeAt(0));
    return { value: b > 127 ? b - 256 : b };
  }
  let v = 0n;
  for (const ch of bytes) v = (v << 8n) | BigInt(charByte(ch.charCodeAt(0)) & 0xff);
  return { value: Number(BigInt.asIntN(32, v)) };
}
