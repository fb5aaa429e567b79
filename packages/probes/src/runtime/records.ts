/*
 * Records of the actions that look at a value's contents: print() of a struct (the members the
 * types table declares, read off the engine's object), tracemem() and the `*p` dereference.
 *
 * Input: values as generated code holds them. Output: DataRecords for the consumer, or a DFault
 * (invalid address) when a pointer has no object behind it. Must not format anything.
 */

import type { DataRecord, DType, PrintMember } from '../program/value-model.js';
import { DFault, FaultCode } from './fault.js';
import * as I from './int64.js';

/** What codegen tells printStruct() about a struct type (program/codegen.ts). */
export interface PrintStructDesc {
  readonly typeName: string;
  readonly members: readonly {
    readonly name: string;
    readonly typeName: string;
    readonly type: DType;
    readonly conv: 'str' | 'int';
  }[];
}

/** `*p`: the object a pointer refers to (the engine's structs); anything else faults. */
export function deref(p: unknown): unknown {
  if (p === null || typeof p !== 'object') throw new DFault(FaultCode.BADADDR, Number(I.toInt(p ?? 0)));
  return p;
}

/** print() of a struct: its members as the types table declares them, in that order. */
export function printStruct(o: unknown, desc: PrintStructDesc, str: (v: unknown) => string): DataRecord {
  const obj = deref(o) as Record<string, unknown>;
  const members: PrintMember[] = desc.members.map((m) => ({
    name: m.name,
    typeName: m.typeName,
    type: m.type,
    value: m.conv === 'str' ? str(obj[m.name]) : I.toInt(obj[m.name] ?? 0),
  }));
  return { kind: 'print', value: 0, type: { kind: 'pointer' }, typeName: desc.typeName, members };
}

/**
 * tracemem(): there is no traced memory here, so the bytes are those of the value itself — a
 * string's characters (NUL-padded), an integer's 8 bytes little-endian (x86 order) — cut or
 * padded to `n`, or to `dynsize` when that is smaller (dtrace's optional third argument).
 */
export function tracemem(v: unknown, n: I.DIntValue, dynsize?: I.DIntValue): DataRecord {
  const size = Math.max(0, Math.min(Number(n), dynsize === undefined ? Number(n) : Number(dynsize)));
  const bytes = new Uint8Array(size);
  if (typeof v === 'string') bytes.set(new TextEncoder().encode(v).subarray(0, size));
  else {
    let x = BigInt.asUintN(64, BigInt(I.toInt(v)));
    for (let i = 0; i < Math.min(8, size); i++, x >>= 8n) bytes[i] = Number(x & 0xffn);
  }
  return { kind: 'tracemem', bytes };
}
