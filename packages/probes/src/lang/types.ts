/*
 * The D type model used by the semantic passes and code generation: integers with size and
 * signedness (LP64), strings, pointers (to named structs from the compile options' types
 * table, or to void/char), structs, void, and the opaque results of stack()/func()/sym().
 * It also parses type names as they appear in probe argument lists and member tables
 * (`zone_t *`, `struct zsd_entry *`, `zoneid_t`, `unsigned long long`).
 */

import type { DType } from '../program/value-model.js';
import { nameTable } from '../name-table.js';

/** A struct or union defined in D (or by the type library): members laid out as CTF does. */
export interface SouDef {
  readonly kind: 'struct' | 'union';
  /** `struct foo`, `union bar`, `struct (anon)`. */
  readonly name: string;
  /** null while only forward-declared. */
  members: Member[] | null;
  size: number;
  align: number;
}

export interface Member {
  readonly name: string;
  readonly type: CType;
  /** Byte offset from the start of the struct. */
  readonly off: number;
}

export interface EnumDef {
  readonly name: string;
  items: Map<string, number> | null;
}

export type CType =
  | { readonly kind: 'int'; readonly size: 1 | 2 | 4 | 8; readonly signed: boolean; readonly name: string; readonly bits?: number; readonly en?: EnumDef }
  | { readonly kind: 'string' }
  | { readonly kind: 'pointer'; readonly to: string; readonly name: string; readonly ref?: CType }
  | { readonly kind: 'struct'; readonly name: string }
  | { readonly kind: 'sou'; readonly name: string; readonly def: SouDef }
  | { readonly kind: 'array'; readonly name: string; readonly of: CType; readonly n: number }
  | { readonly kind: 'float'; readonly name: string; readonly size: 4 | 8 | 16 }
  | { readonly kind: 'fn'; readonly name: string }
  | { readonly kind: 'void' }
  | { readonly kind: 'stack' }
  | { readonly kind: 'sym' | 'func' | 'mod' };

const int = (name: string, size: 1 | 2 | 4 | 8, signed: boolean): CType => ({ kind: 'int', size, signed, name });

export const T = {
  char: int('char', 1, true),
  uchar: int('uchar_t', 1, false),
  short: int('short', 2, true),
  int: int('int', 4, true),
  uint: int('uint_t', 4, false),
  long: int('long', 8, true),
  ulong: int('unsigned long', 8, false),
  llong: int('long long', 8, true),
  ullong: int('unsigned long long', 8, false),
  int64: int('int64_t', 8, true),
  uint64: int('uint64_t', 8, false),
  string: { kind: 'string' } as CType,
  void: { kind: 'void' } as CType,
  voidp: { kind: 'pointer', to: 'void', name: 'void *' } as CType,
  stack: { kind: 'stack' } as CType,
} as const;

/** Typedefs known without any types table (LP64; illumos sizes for the zone types). */
const TYPEDEFS: Readonly<Record<string, CType>> = nameTable({
  int8_t: int('int8_t', 1, true),
  int16_t: int('int16_t', 2, true),
  int32_t: int('int32_t', 4, true),
  int64_t: T.int64,
  uint8_t: int('uint8_t', 1, false),
  uint16_t: int('uint16_t', 2, false),
  uint32_t: int('uint32_t', 4, false),
  uint64_t: T.uint64,
  intptr_t: int('intptr_t', 8, true),
  uintptr_t: int('uintptr_t', 8, false),
  size_t: int('size_t', 8, false),
  ssize_t: int('ssize_t', 8, true),
  off_t: int('off_t', 8, true),
  hrtime_t: int('hrtime_t', 8, true),
  pid_t: int('pid_t', 4, true),
  id_t: int('id_t', 4, true),
  uid_t: int('uid_t', 4, false),
  gid_t: int('gid_t', 4, false),
  zoneid_t: int('zoneid_t', 4, true),
  zone_key_t: int('zone_key_t', 4, false),
  zone_status_t: int('zone_status_t', 4, true),
  processorid_t: int('processorid_t', 4, true),
  boolean_t: int('boolean_t', 4, true),
  uint_t: T.uint,
  ulong_t: int('ulong_t', 8, false),
  uchar_t: T.uchar,
  ushort_t: int('ushort_t', 2, false),
  u_int: T.uint,
  longlong_t: int('longlong_t', 8, true),
  u_longlong_t: int('u_longlong_t', 8, false),
  caddr_t: { kind: 'pointer', to: 'char', name: 'caddr_t' },
  string: T.string,
});

/** The typedefs every compilation starts with. */
export function builtinTypedefs(): Readonly<Record<string, CType>> {
  return TYPEDEFS;
}

/** Names that can start a type in an expression (casts, sizeof, declarations). */
export function builtinTypeNames(): string[] {
  return Object.keys(TYPEDEFS);
}

export function typeName(t: CType): string {
  switch (t.kind) {
    case 'int':
    case 'pointer':
    case 'sou':
    case 'array':
    case 'float':
    case 'fn':
      return t.name;
    case 'struct':
      return t.name;
    case 'string':
      return 'string';
    case 'void':
      return 'void';
    case 'stack':
      return 'stack';
    default:
      return `_${t.kind}`;
  }
}

/**
 * Parses a type name as written in a declaration, a cast or a probe argument list. Unknown
 * names resolve to a struct (when the types table has it) or null.
 */
export function parseTypeName(text: string, structs: ReadonlySet<string>): CType | null {
  let s = text.trim();
  let stars = 0;
  while (s.endsWith('*')) {
    stars++;
    s = s.slice(0, -1).trim();
  }
  const words = s.split(/\s+/).filter((w) => w !== 'const' && w !== 'volatile');
  const base = baseType(words, structs);
  if (!base) return null;
  if (stars === 0) return base;
  const to = base.kind === 'struct' ? base.name : typeName(base);
  // A pointer to an engine struct knows its struct, as one from a declaration does (xlate matches on it).
  if (stars === 1 && base.kind === 'struct') return { kind: 'pointer', to, name: `${to} *`, ref: base };
  return { kind: 'pointer', to, name: `${to} ${'*'.repeat(stars)}` };
}

function baseType(words: string[], structs: ReadonlySet<string>): CType | null {
  const joined = words.join(' ');
  if (structs.has(joined)) return { kind: 'struct', name: joined };
  if (words.length === 1) {
    const w = words[0]!;
    if (TYPEDEFS[w]) return TYPEDEFS[w]!;
    if (w === 'void') return T.void;
  }
  if (words[0] === 'struct' || words[0] === 'union' || words[0] === 'enum') {
    if (words[0] === 'enum') return T.int;
    return { kind: 'struct', name: joined };
  }
  let signed = true;
  let size: 1 | 2 | 4 | 8 = 4;
  let longs = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'unsigned') signed = false;
    else if (w === 'signed') signed = true;
    else if (w === 'char') size = 1;
    else if (w === 'short') size = 2;
    else if (w === 'long') longs++;
    else if (w !== 'int') return null;
    seen = true;
  }
  if (!seen) return null;
  if (longs > 0) size = 8;
  const name = joined === 'unsigned' ? 'unsigned int' : joined;
  return int(name, size, signed);
}

/** Type identity as ctf_type_compat sees it: a typedef is its type; a struct is its definition. */
export function sameType(a: CType, b: CType): boolean {
  if (a.kind === 'sou' && b.kind === 'sou') return a.def === b.def;
  if (a.kind === 'int' && b.kind === 'int') return a.size === b.size && a.signed === b.signed && a.en === b.en;
  if (a.kind === 'pointer' && b.kind === 'pointer' && a.ref && b.ref) return sameType(a.ref, b.ref);
  if (a.kind === 'array' && b.kind === 'array') return a.n === b.n && sameType(a.of, b.of);
  return typeName(a) === typeName(b);
}

export function isInt(t: CType): t is Extract<CType, { kind: 'int' }> {
  return t.kind === 'int';
}

/** Integers and pointers take part in arithmetic and comparisons. */
export function isScalar(t: CType): boolean {
  return t.kind === 'int' || t.kind === 'pointer';
}

/** C's usual arithmetic conversions on LP64: promote to int, then to the larger/unsigned type. */
export function arithResult(a: CType, b: CType): CType {
  const x = promote(a);
  const y = promote(b);
  if (x.kind !== 'int' || y.kind !== 'int') return T.int64;
  if (x.size !== y.size) return x.size > y.size ? x : y;
  if (!x.signed) return x;
  if (!y.signed) return y;
  return x;
}

/** Integer promotion: anything narrower than int becomes int; pointers act as unsigned long. */
export function promote(t: CType): CType {
  if (t.kind === 'pointer') return T.ulong;
  if (t.kind !== 'int') return t;
  return t.size < 4 ? T.int : t;
}

/** The value-model type recorded for a traced value. */
export function toDType(t: CType): DType {
  switch (t.kind) {
    case 'int':
      return { kind: 'int', size: t.size, signed: t.signed };
    case 'string':
      return { kind: 'string' };
    case 'stack':
      return { kind: 'stack' };
    case 'sym':
    case 'func':
    case 'mod':
      return { kind: t.kind };
    case 'float':
      // A long double's 16 bytes are not loaded whole (codegen-mem.ts): it stays an integer.
      return t.size === 16 ? { kind: 'int', size: 8, signed: true } : { kind: 'int', size: t.size, signed: true, float: t.size };
    default:
      return { kind: 'pointer' };
  }
}

/** The JavaScript wrapping helper name for an integer type (see runtime/int64.ts). */
export function wrapFn(t: CType): string {
  if (t.kind === 'pointer') return 'u64';
  if (t.kind !== 'int') return '';
  return `${t.signed ? 's' : 'u'}${t.size * 8}`;
}
