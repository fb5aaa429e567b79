/*
 * print() of a value whose type is a D type (integers, enums, floats, pointers, arrays,
 * structs and unions, read from the address space of runtime/memory.ts), laid out the way
 * illumos dt_print.c lays it out: it walks the type depth-first like ctf_type_visit(), one line
 * per member indented four spaces per level, `type name = value`, hexadecimal integers (`0`
 * for zero), characters quoted, bit-fields with their width, enums by name, char arrays that
 * hold a string as `"text"`, other arrays as `[ a, b ]`, and closing braces written when the
 * walk comes back up. The text is exactly what dtrace writes, newlines included.
 */

/** A D type as the compiler hands it over (lang/types.ts), seen from the runtime. */
export type CType =
  | { readonly kind: 'int'; readonly size: number; readonly signed: boolean; readonly name: string; readonly bits?: number; readonly en?: { readonly items: ReadonlyMap<string, number> | null } }
  | { readonly kind: 'float'; readonly size: number; readonly name: string }
  | { readonly kind: 'array'; readonly name: string; readonly of: CType; readonly n: number }
  | { readonly kind: 'sou'; readonly name: string; readonly def: { readonly size: number; readonly members: readonly { readonly name: string; readonly type: CType; readonly off: number }[] | null } }
  | { readonly kind: 'string' | 'void' | 'pointer' | 'struct' | 'fn' | 'stack' | 'sym' | 'func' | 'mod'; readonly name?: string };

/** What the printer reads memory through (runtime/memory.ts). */
export interface Memory {
  bytes(p: unknown, n: number): Uint8Array;
}

interface PrintArg {
  out: string;
  depth: number;
  nest: number;
  readonly mem: Memory;
}

const structlike = (t: CType): boolean => t.kind === 'sou';

function trailingBraces(pa: PrintArg, depth: number): void {
  for (let d = pa.depth; d > depth; d--) pa.out += `${' '.repeat((d + pa.nest - 1) * 4)}}${d === depth + 1 ? '' : '\n'}`;
}

function indent(pa: PrintArg): void {
  pa.out += ' '.repeat((pa.depth + pa.nest) * 4);
}

function hex(v: bigint): string {
  return v === 0n ? '0' : `0x${v.toString(16)}`;
}

function unsigned(pa: PrintArg, addr: number, size: number): bigint {
  const b = pa.mem.bytes(addr, size);
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  return v;
}

function charText(c: number): string {
  if (c >= 0x20 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  if (c === 0) return "'\\0'";
  return `'\\${c.toString(8).padStart(3, '0')}'`;
}

function value(t: CType, addr: number, pa: PrintArg): void {
  switch (t.kind) {
    case 'int': {
      if (t.bits !== undefined) {
        pa.out += hex(unsigned(pa, addr, Math.ceil(t.bits / 8)) & ((1n << BigInt(t.bits)) - 1n));
        return;
      }
      if (t.en) {
        const v = Number(BigInt.asIntN(32, unsigned(pa, addr, 4)));
        const name = [...(t.en.items ?? new Map<string, number>())].find(([, x]) => x === v)?.[0];
        pa.out += name ?? String(v);
        return;
      }
      if (t.size === 1) {
        pa.out += charText(Number(unsigned(pa, addr, 1)));
        return;
      }
      pa.out += hex(unsigned(pa, addr, t.size));
      return;
    }
    case 'float': {
      const b = pa.mem.bytes(addr, Math.min(t.size, 8));
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const x = t.size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true);
      const [m, e] = x.toExponential(t.size === 4 ? 7 : 16).split('e');
      const exp = Number(e);
      pa.out += `${x >= 0 ? '+' : ''}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
      return;
    }
    case 'array':
      array(t, addr, pa);
      return;
    case 'sou':
      pa.out += '{';
      return;
    default:
      pa.out += hex(unsigned(pa, addr, 8));
  }
}

function array(t: Extract<CType, { kind: 'array' }>, addr: number, pa: PrintArg): void {
  const el = t.of;
  const es = el.kind === 'sou' ? el.def.size : el.kind === 'array' ? 0 : el.kind === 'int' || el.kind === 'float' ? el.size : 8;
  let isstring = false;
  if (el.kind === 'int' && el.size === 1 && !el.en) {
    const b = pa.mem.bytes(addr, t.n);
    let i = 0;
    for (; i < t.n; i++) if (b[i]! < 0x20 || b[i]! >= 0x7f) break;
    isstring = i !== t.n && b[i] === 0;
  }
  if (!isstring || pa.depth !== 0) pa.out += '[ ';
  if (isstring) {
    const b = pa.mem.bytes(addr, t.n);
    pa.out += `"${String.fromCharCode(...b.subarray(0, b.indexOf(0)))}"`;
  } else {
    for (let i = 0; i < t.n; i++) {
      const sub: PrintArg = { out: '', depth: 0, nest: pa.nest + pa.depth + 1, mem: pa.mem };
      visit(el, '', addr + i * (es || sizeOfArray(el)), 0, sub);
      trailingBraces(sub, 0);
      pa.out += sub.out;
      if (i !== t.n - 1) pa.out += ', ';
      else if (structlike(el)) pa.out += '\n';
    }
  }
  if (!isstring || pa.depth !== 0) {
    if (structlike(el)) indent(pa);
    else pa.out += ' ';
    pa.out += ']';
  }
}

function sizeOfArray(t: CType): number {
  if (t.kind !== 'array') return 8;
  return t.n * (t.of.kind === 'array' ? sizeOfArray(t.of) : t.of.kind === 'sou' ? t.of.def.size : t.of.kind === 'int' || t.of.kind === 'float' ? t.of.size : 8);
}

function member(name: string, t: CType, addr: number, depth: number, pa: PrintArg): void {
  trailingBraces(pa, depth);
  if (depth < pa.depth) pa.out += '\n';
  pa.depth = depth;
  const type = t.kind === 'string' ? 'string' : t.kind === 'void' ? 'void' : (t as { name: string }).name;
  const arraymember = pa.nest !== 0 && depth === 0;
  const brief = arraymember && !structlike(t);
  if (!brief) {
    if (arraymember) pa.out += '\n';
    indent(pa);
    pa.out += type;
    if (name !== '') {
      if (!type.endsWith('*') && !type.endsWith(' ')) pa.out += ' ';
      pa.out += name;
      if (t.kind === 'int' && t.bits !== undefined) pa.out += ` :${t.bits}`;
      pa.out += ' =';
    }
    pa.out += ' ';
  }
  value(t, addr, pa);
  if (!brief) pa.out += '\n';
}

function visit(t: CType, name: string, addr: number, depth: number, pa: PrintArg): void {
  member(name, t, addr, depth, pa);
  if (t.kind === 'sou') for (const m of t.def.members ?? []) visit(m.type, m.name, addr + m.off, depth + 1, pa);
}

/** The text print() writes for the object of type `t` at `addr`. */
export function printObject(mem: Memory, t: CType, addr: number): string {
  const pa: PrintArg = { out: '', depth: 0, nest: 0, mem };
  visit(t, '', addr, 0, pa);
  trailingBraces(pa, 0);
  return pa.out;
}
