/*
 * The D type library: the types a compilation knows beyond the built-in ones — struct, union
 * and enum tags, typedefs and enumerator constants — as illumos keeps them in its CTF
 * containers. Declarations in a script add to it (sema-decl.ts); the engine's own structures
 * are loaded into it before compiling (ctype-engine.ts), the way dtrace loads kernel CTF.
 *
 * Layout follows libctf's ctf_add_member(): a member starts at the byte after the end of the
 * previous one (bit-fields round up to a whole byte), aligned to its own alignment; a struct's
 * size is the end of its last member (no tail padding) and its alignment that of its first
 * member; a union is as large as its largest member. Sizes are LP64.
 */

import { T, type CType, type EnumDef, type Member, type SouDef } from './types.js';
import type { ErrorTag } from '../program/error-tags.js';

export class TypeError_ {
  constructor(
    readonly code: ErrorTag,
    readonly message: string,
  ) {}
}

const bad = (code: ErrorTag, message: string): never => {
  throw new TypeError_(code, message);
};

const int = (name: string, size: 1 | 2 | 4 | 8, signed: boolean): CType => ({ kind: 'int', size, signed, name });

export function pointerTo(t: CType): CType {
  // CTF has one representative function pointer type, int (*)().
  if (t.kind === 'fn') return { kind: 'pointer', to: 'int (*)()', name: 'int (*)()', ref: t };
  const name = typeNameOf(t);
  const sep = name.endsWith('*') ? '' : ' ';
  return { kind: 'pointer', to: t.kind === 'struct' ? t.name : name, name: `${name}${sep}*`, ref: t };
}

export function arrayOf(t: CType, n: number): CType {
  // `int [3][5]` is an array of 3 arrays of 5 ints: the outer dimension is written first.
  const base = typeNameOf(t);
  const m = /^(.*?)( ?)((?:\[\d*\])*)$/.exec(base)!;
  const name = m[3] ? `${m[1]} [${n}]${m[3]}` : `${base} [${n}]`;
  return { kind: 'array', name, of: t, n };
}

function typeNameOf(t: CType): string {
  return t.kind === 'string' ? 'string' : t.kind === 'void' ? 'void' : (t as { name: string }).name;
}

export function sizeOf(t: CType, strsize: number): number {
  switch (t.kind) {
    case 'int':
      return t.size;
    case 'float':
      return t.size;
    case 'pointer':
      return 8;
    case 'string':
      return strsize;
    case 'sou':
      return t.def.size;
    case 'array':
      return t.n * sizeOf(t.of, strsize);
    case 'void':
    case 'fn':
      return 0;
    default:
      return 8;
  }
}

export function alignOf(t: CType): number {
  switch (t.kind) {
    case 'int':
      return t.size;
    case 'float':
      return Math.min(t.size, 16);
    case 'sou':
      return t.def.align;
    case 'array':
      return alignOf(t.of);
    case 'string':
      return 1;
    default:
      return 8;
  }
}

/** The integer type of a bit-field of `bits` bits declared with `base`. */
export function bitfieldType(base: Extract<CType, { kind: 'int' }>, bits: number): CType {
  let size = 1;
  while (size * 8 < bits) size *= 2;
  return { ...base, size: size as 1 | 2 | 4 | 8, bits };
}

export class TypeLib {
  readonly tags = new Map<string, SouDef | EnumDef>();
  readonly typedefs = new Map<string, CType>();
  readonly enumConsts = new Map<string, { value: number; type: CType }>();
  private anon = 0;

  /** `struct foo` / `union foo`, created as a forward declaration when unknown. */
  sou(kind: 'struct' | 'union', name: string | null): SouDef {
    const key = name === null ? `${kind} (anon)#${++this.anon}` : `${kind} ${name}`;
    let d = this.tags.get(key) as SouDef | undefined;
    if (!d) {
      d = { kind, name: name === null ? `${kind} ` : key, members: null, size: 0, align: 1 };
      this.tags.set(key, d);
    }
    return d;
  }

  enumTag(name: string | null): EnumDef {
    const key = name === null ? `enum (anon)#${++this.anon}` : `enum ${name}`;
    let d = this.tags.get(key) as EnumDef | undefined;
    if (!d) {
      d = { name: name === null ? 'enum ' : key, items: null };
      this.tags.set(key, d);
    }
    return d;
  }

  souType(d: SouDef): CType {
    return { kind: 'sou', name: d.name, def: d };
  }

  enumType(d: EnumDef): CType {
    return { kind: 'int', size: 4, signed: true, name: d.name, en: d };
  }

  /** Lays out the members of `d` (see the file comment). */
  define(d: SouDef, members: readonly { name: string; type: CType }[], strsize: number): void {
    const out: Member[] = [];
    let end = 0;
    let endBits = 0;
    let align = 1;
    for (const m of members) {
      const msize = sizeOf(m.type, strsize);
      const malign = Math.max(1, alignOf(m.type));
      if (d.kind === 'union') {
        out.push({ name: m.name, type: m.type, off: 0 });
        end = Math.max(end, msize);
        align = Math.max(align, malign);
        continue;
      }
      let off = out.length === 0 ? 0 : Math.ceil(endBits / 8);
      off = Math.ceil(off / malign) * malign;
      if (out.length === 0) align = malign;
      out.push({ name: m.name, type: m.type, off });
      const bits = m.type.kind === 'int' && m.type.bits !== undefined ? m.type.bits : msize * 8;
      endBits = off * 8 + bits;
      end = Math.max(end, off + msize);
    }
    d.members = out;
    d.size = end;
    d.align = align;
  }

  /**
   * Resolves the type words of a specifier (`unsigned long long`, `struct foo`, `zoneid_t`)
   * with dt_decl.c's checks, in the order it makes them.
   */
  resolve(words: readonly (string | CType)[]): CType {
    let base: string | null = null;
    let kind: 'int' | 'float' | 'other' | null = null;
    let short = 0;
    let long = 0;
    let signed = 0;
    let unsigned = 0;
    let tagged: CType | null = null;
    const check = (): void => {
      if (kind === null) return;
      if (base === 'char' && (short || long)) bad('D_DECL_CHARATTR', 'invalid type declaration: short and long may not be used with char type');
      if (base === 'void' && (short || long || signed || unsigned)) bad('D_DECL_VOIDATTR', 'invalid type declaration: attributes may not be used with void type');
      if (kind !== 'int' && (signed || unsigned)) bad('D_DECL_SIGNINT', 'invalid type declaration: signed and unsigned may only be used with integer type');
      if (kind !== 'int' && kind !== 'float' && long) bad('D_DECL_LONGINT', 'invalid type declaration: long and long long may only be used with integer or floating-point type');
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (typeof w !== 'string') {
        if (base !== null) bad('D_DECL_COMBO', 'invalid type combination');
        base = (w as { name: string }).name;
        kind = 'other';
        tagged = w;
        check();
        continue;
      }
      if (w === 'const' || w === 'volatile' || w === 'restrict') continue;
      if (w === 'short' || w === 'long' || w === 'signed' || w === 'unsigned') {
        if (w === 'long' && long >= 2) bad('D_DECL_COMBO', "the attribute 'long' may only be used at most twice in a declaration");
        if (w === 'short' && short) bad('D_DECL_COMBO', "the attribute 'short' may only be used at most once in a declaration");
        if (w === 'signed' && signed) bad('D_DECL_COMBO', "the attribute 'signed' may only be used at most once in a declaration");
        if (w === 'unsigned' && unsigned) bad('D_DECL_COMBO', "the attribute 'unsigned' may only be used at most once in a declaration");
        if (w === 'short') short++;
        else if (w === 'long') long++;
        else if (w === 'signed') signed++;
        else unsigned++;
        check();
        continue;
      }
      if (base !== null) bad('D_DECL_COMBO', 'invalid type combination');
      if (w === 'struct' || w === 'union' || w === 'enum') {
        const name = words[++i];
        base = `${w} ${String(name)}`;
        kind = 'other';
        tagged = this.tagged(w, typeof name === 'string' ? name : null);
      } else {
        base = w;
        kind = w === 'float' || w === 'double' ? 'float' : w === 'char' || w === 'int' || w === 'void' ? 'int' : 'other';
      }
      check();
    }
    if (tagged) return tagged;
    if (base === null) {
      kind = 'int';
      check();
      base = 'int';
    }
    if (base === 'void') return T.void;
    if (base === 'float' || base === 'double') {
      if (short || (base === 'float' && long)) return bad('D_UNKNOWN', `failed to resolve type ${words.map(String).join(' ')}`);
      if (base === 'float') return { kind: 'float', name: 'float', size: 4 };
      return long ? { kind: 'float', name: 'long double', size: 16 } : { kind: 'float', name: 'double', size: 8 };
    }
    if (base === 'char' || base === 'int') {
      if ((short && long) || (signed && unsigned)) return bad('D_UNKNOWN', `failed to resolve type ${words.map(String).join(' ')}`);
      const sign = unsigned ? 'unsigned ' : signed ? 'signed ' : '';
      if (base === 'char') return int(`${sign}char`, 1, !unsigned);
      const width = short ? 'short' : long === 1 ? 'long' : long === 2 ? 'long long' : 'int';
      const size = short ? 2 : long ? 8 : 4;
      return int(`${sign}${width}`, size, !unsigned);
    }
    if (short || long || signed || unsigned) return bad('D_UNKNOWN', `failed to resolve type ${words.map(String).join(' ')}`);
    const td = this.typedefs.get(base);
    if (td) return td;
    return bad('D_UNKNOWN', `failed to resolve type ${words.map(String).join(' ')}`);
  }

  private tagged(tag: string, name: string | null): CType {
    if (tag === 'enum') return this.enumType(this.enumTag(name));
    return this.souType(this.sou(tag as 'struct' | 'union', name));
  }
}
