/*
 * Symbol tables of the semantic passes: global, thread-local (`self->`) and clause-local
 * (`this->`) variables with their slots and types, associative arrays and fixed arrays,
 * inlines, aggregations, and the built-in variables of d-language.md 1.7. Implicit typing:
 * the first assignment fixes a variable's type (1.5). Slots are what code generation indexes.
 */

import type { AggFunction, AggParams } from '../program/value-model.js';
import type { Expr } from './ast.js';
import { T, type CType } from './types.js';
import { nameTable } from '../name-table.js';

export interface VarSym {
  readonly name: string;
  readonly slot: number;
  type: CType;
  /** Key types of an associative array. */
  keys?: CType[];
  /** Fixed array size. */
  size?: number;
}

export interface AggSym {
  readonly id: number;
  readonly name: string;
  readonly fn: AggFunction;
  params?: AggParams;
  keyTypes: CType[];
  readonly line: number;
}

// Points to the kernel library's kthread_t when one declares it (lang/library.ts).
const kthread: CType = { kind: 'pointer', to: 'kthread_t', name: 'kthread_t *', ref: { kind: 'struct', name: 'kthread_t' } };

/** Built-in variables and their types (d-language.md 1.7). */
export const BUILTIN_VARS: Readonly<Record<string, CType>> = nameTable({
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`arg${i}`, T.int64])),
  probeprov: T.string,
  probemod: T.string,
  probefunc: T.string,
  probename: T.string,
  timestamp: T.uint64,
  vtimestamp: T.uint64,
  walltimestamp: T.int64,
  tid: { kind: 'int', size: 4, signed: true, name: 'id_t' },
  pid: { kind: 'int', size: 4, signed: true, name: 'pid_t' },
  ppid: { kind: 'int', size: 4, signed: true, name: 'pid_t' },
  uid: { kind: 'int', size: 4, signed: false, name: 'uid_t' },
  gid: { kind: 'int', size: 4, signed: false, name: 'gid_t' },
  execname: T.string,
  zonename: T.string,
  curthread: kthread,
  cpu: { kind: 'int', size: 4, signed: true, name: 'processorid_t' },
  id: T.uint,
  epid: T.uint,
  errno: T.int,
  stackdepth: { kind: 'int', size: 4, signed: false, name: 'uint32_t' },
  caller: { kind: 'int', size: 8, signed: false, name: 'uintptr_t' },
  ipl: T.uint,
});

export class Scope {
  readonly globals = new Map<string, VarSym>();
  readonly selfs = new Map<string, VarSym>();
  readonly thiss = new Map<string, VarSym>();
  readonly inlines = new Map<string, { type: CType; value: Expr }>();
  readonly aggs = new Map<string, AggSym>();
  readonly aggList: AggSym[] = [];
  private readonly lists = { global: [] as VarSym[], self: [] as VarSym[], this: [] as VarSym[] };

  constructor(readonly structs: ReadonlyMap<string, ReadonlyMap<string, string>>) {}

  table(scope: 'global' | 'self' | 'this'): Map<string, VarSym> {
    return scope === 'global' ? this.globals : scope === 'self' ? this.selfs : this.thiss;
  }

  declare(scope: 'global' | 'self' | 'this', name: string, type: CType, extra: { keys?: CType[]; size?: number } = {}): VarSym {
    const list = this.lists[scope];
    const sym: VarSym = { name, slot: list.length, type, ...extra };
    list.push(sym);
    this.table(scope).set(name, sym);
    return sym;
  }

  vars(scope: 'global' | 'self' | 'this'): readonly VarSym[] {
    return this.lists[scope];
  }

  addAgg(name: string, fn: AggFunction, keyTypes: CType[], line: number): AggSym {
    const sym: AggSym = { id: this.aggList.length + 1, name, fn, keyTypes, line };
    this.aggs.set(name, sym);
    this.aggList.push(sym);
    return sym;
  }
}
