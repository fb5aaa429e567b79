/*
 * The simulated address space that D's structs, unions, arrays and pointers live in. dtrace
 * reads kernel memory through addresses; here D-defined objects (struct and array variables,
 * alloca() scratch, translated structs) are bytes in two arenas at fixed base addresses:
 * the heap, which lives as long as the tracing session, and scratch, which is emptied at the
 * start of every probe firing (dtrace's per-clause scratch space). Integers are little-endian
 * (x86). An access outside both arenas is an `invalid address` fault; a misaligned access of a
 * 2-, 4- or 8-byte integer is `invalid alignment`, as DIF's loads check.
 *
 * Must not throw anything but DFault.
 */

import { DFault, FaultCode } from './fault.js';
import { printObject, type CType } from './print-object.js';
import { norm, toInt, type DIntValue } from './int64.js';

const HEAP = 0x10000000;
const SCRATCH = 0x70000000;
const MAX = 0x40000000;

class Arena {
  bytes: Uint8Array;
  view: DataView;
  top = 0;
  constructor(
    readonly base: number,
    size: number,
  ) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  alloc(n: number, align: number): number {
    const off = Math.ceil(this.top / align) * align;
    const end = off + Math.max(n, 0);
    if (end > MAX) throw new DFault(FaultCode.NOSCRATCH);
    if (end > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < end) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.bytes);
      this.bytes = next;
      this.view = new DataView(next.buffer);
    }
    this.bytes.fill(0, off, end);
    this.top = end;
    return this.base + off;
  }
}

export class Memory {
  private readonly heap = new Arena(HEAP, 1 << 16);
  private readonly scratch = new Arena(SCRATCH, 1 << 14);

  /** A zeroed object for the session. */
  alloc(n: number, align = 8): number {
    return this.heap.alloc(n, align);
  }
  /** A zeroed object in this firing's scratch space (alloca(), this-> structs, xlate). */
  salloc(n: I, align = 8): number {
    // alloca() takes a size_t: a negative size is a huge one, past any scratch space.
    const size = typeof n === 'number' && n >= 0 ? n : Number(BigInt.asUintN(64, BigInt(n)));
    return this.scratch.alloc(size, align);
  }
  /** Called at the start of each firing. */
  reset(): void {
    this.scratch.top = 0;
  }

  /** The arena holding [a, a+n) and the offset of a in it; faults otherwise. */
  private at(p: unknown, n: number): [Arena, number] {
    const a = typeof p === 'number' ? p : Number(toInt(p));
    for (const r of [this.heap, this.scratch]) {
      const off = a - r.base;
      // Scratch is read and written anywhere in its space, as dtrace's scratch region is.
      if (off >= 0 && off + n <= (r === this.scratch ? r.bytes.length : r.top)) return [r, off];
    }
    throw new DFault(FaultCode.BADADDR, a);
  }

  private aligned(p: unknown, size: number): void {
    const a = typeof p === 'number' ? p : Number(toInt(p));
    if (size > 1 && a % size !== 0) throw new DFault(FaultCode.BADALIGN, a);
  }

  ld(p: unknown, size: number, signed: boolean): DIntValue {
    this.aligned(p, size);
    return this.raw(p, size, signed);
  }

  private raw(p: unknown, size: number, signed: boolean): DIntValue {
    const [r, o] = this.at(p, size);
    const v = r.view;
    switch (size) {
      case 1:
        return signed ? v.getInt8(o) : v.getUint8(o);
      case 2:
        return signed ? v.getInt16(o, true) : v.getUint16(o, true);
      case 4:
        return signed ? v.getInt32(o, true) : v.getUint32(o, true);
      default:
        return norm(signed ? v.getBigInt64(o, true) : v.getBigUint64(o, true));
    }
  }

  st(p: unknown, size: number, x: unknown): void {
    this.aligned(p, size);
    this.put(p, size, x);
  }

  private put(p: unknown, size: number, x: unknown): void {
    const [r, o] = this.at(p, size);
    const v = r.view;
    const n = toInt(x);
    switch (size) {
      case 1:
        v.setUint8(o, Number(BigInt.asUintN(8, BigInt(n))));
        break;
      case 2:
        v.setUint16(o, Number(BigInt.asUintN(16, BigInt(n))), true);
        break;
      case 4:
        v.setUint32(o, Number(BigInt.asUintN(32, BigInt(n))), true);
        break;
      default:
        v.setBigUint64(o, BigInt.asUintN(64, BigInt(n)), true);
    }
  }

  /** A bit-field of `bits` bits in the low bits of a `size`-byte unit. */
  ldbf(p: unknown, size: number, bits: number, signed: boolean): DIntValue {
    const v = BigInt(this.raw(p, size, false));
    const b = BigInt(bits);
    return norm(signed ? BigInt.asIntN(bits, v & ((1n << b) - 1n)) : v & ((1n << b) - 1n));
  }
  stbf(p: unknown, size: number, bits: number, x: unknown): void {
    const old = BigInt(this.raw(p, size, false));
    const mask = (1n << BigInt(bits)) - 1n;
    this.put(p, size, (old & ~mask) | (BigInt(toInt(x)) & mask));
  }

  /** A NUL-terminated string of at most n bytes. */
  ldstr(p: unknown, n: number): string {
    const [r, o] = this.at(p, 1);
    const end = Math.min(o + n, r.top);
    let i = o;
    while (i < end && r.bytes[i] !== 0) i++;
    return new TextDecoder().decode(r.bytes.subarray(o, i));
  }
  ststr(p: unknown, n: number, s: unknown): void {
    const [r, o] = this.at(p, n);
    const b = new TextEncoder().encode(String(s));
    const len = Math.min(b.length, n - 1);
    r.bytes.set(b.subarray(0, len), o);
    r.bytes.fill(0, o + len, o + n);
  }

  copy(dst: unknown, src: unknown, n: number): unknown {
    if (n === 0) return dst;
    const [rs, os] = this.at(src, n);
    const [rd, od] = this.at(dst, n);
    rd.bytes.set(rs.bytes.slice(os, os + n), od);
    return dst;
  }

  /** A struct used as an associative-array key: its bytes, compared by content as dtrace does. */
  key(p: unknown, n: number): string {
    return `\u0001${String.fromCharCode(...this.bytes(p, n))}`;
  }

  bytes(p: unknown, n: number): Uint8Array {
    const [r, o] = this.at(p, n);
    return r.bytes.slice(o, o + n);
  }

  /** The value of a D variable holding an object: its address, allocated on first use. */
  obj(slots: unknown[], slot: number, n: number, scratch: boolean): number {
    const v = slots[slot];
    if (typeof v === 'number' && v !== 0) return v;
    const a = scratch ? this.salloc(n) : this.alloc(n);
    slots[slot] = a;
    return a;
  }

  /** print() of the object of type `t` at `p` (runtime/print-object.ts). */
  print(t: CType, p: unknown): string {
    return printObject(this, t, typeof p === 'number' ? p : Number(toInt(p)));
  }
  /** print() of a scalar of a D type: the value is laid in scratch first. */
  printv(t: CType, v: unknown, size: number): string {
    const a = this.salloc(size);
    this.put(a, Math.min(size, 8), v);
    return printObject(this, t, a);
  }

  /** An index checked against a D array's dimension. */
  idx(i: DIntValue, n: number): number {
    const k = Number(i);
    if (k < 0 || k >= n) throw new DFault(FaultCode.BADINDEX);
    return k;
  }
}

type I = DIntValue;
