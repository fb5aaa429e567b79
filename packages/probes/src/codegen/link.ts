/*
 * The link step (the last phase of lang/compile.ts's roadmap): from the checked clauses and the
 * scope, the Program the runtime runs: each clause's generated code (codegen.ts), the clauses
 * enabled on each probe in program order with their enabled-probe ids (epids), the variables'
 * zero values, the aggregations' definitions, and the options resolved once.
 */

import type * as A from '../lang/ast.js';
import type { ClauseContext } from '../lang/sema-expr.js';
import type { Scope } from '../lang/sema-scope.js';
import { toDType, type CType } from '../lang/types.js';
import { sizeOf } from '../lang/ctypes.js';
import { resolveOptions, type RawOptionTable } from '../program/options.js';
import type { AggDef, CompiledClause, Enabling, Program, VariableInfo } from '../program/program.js';
import type { Probe } from '../provider/probe.js';
import { generateClause, recordBytes } from './codegen.js';
import { Constants } from './codegen-expr.js';

/** One checked clause: its unit, its AST, the probes it matched, what sema learned of it. */
export interface ClauseOut {
  readonly unit: number;
  readonly ast: A.Clause;
  readonly probes: Probe[];
  readonly ctx: ClauseContext;
}

const zero = (t: CType): number | string => (t.kind === 'string' ? '' : 0);

/** Links the checked clauses into the Program: clause code, enablings by probe, epids, variables, aggregations, options. */
export function link(clauses: readonly ClauseOut[], scope: Scope, options: RawOptionTable, units: ProgramUnitInfoList): Program {
  const K = new Constants();
  const aggParams = new Map(scope.aggList.map((a) => [a.id, { fn: a.fn, ...(a.params ? { params: a.params } : {}) }]));
  const compiled: CompiledClause[] = [];
  const byProbe = new Map<number, { clause: number; epid: number }[]>();
  const epids: { epid: number; probeId: number; clause: number }[] = [];
  let epid = 0;
  // Resolved once: resolving copies the whole option table, too dear to repeat per clause.
  const resolved = resolveOptions(options);
  clauses.forEach((c, i) => {
    const source = generateClause({ clause: c.ast, flags: c.ctx.flags, usesSelf: c.ctx.usesSelf, usesThis: c.ctx.usesThis, aggParams, structs: scope.structs, strsize: resolved.strsize }, K);
    compiled.push({ index: i, source, usesThis: c.ctx.usesThis, needed: recordBytes(c.ast.body ?? [], resolved.strsize) });
    for (const p of c.probes) {
      epid++;
      epids.push({ epid, probeId: p.id, clause: i });
      const list = byProbe.get(p.id) ?? [];
      list.push({ clause: i, epid });
      byProbe.set(p.id, list);
    }
  });
  const enablings: Enabling[] = [...byProbe.entries()].sort((a, b) => a[0] - b[0]).map(([probeId, list]) => ({ probeId, clauses: list }));
  const strsize = resolved.strsize;
  const vars = (s: 'global' | 'self' | 'this'): VariableInfo[] =>
    scope.vars(s).map((v) => {
      const info = { name: v.name, zero: zero(v.type), keys: v.keys?.length ?? (v.size !== undefined ? -v.size : 0) };
      const dynamic = s === 'self' || (s === 'global' && v.keys !== undefined);
      return dynamic ? { ...info, dynBytes: dynBytes(v.keys ?? [], v.type, strsize) } : info;
    });
  const aggDefs: AggDef[] = scope.aggList.map((a) => ({
    id: a.id,
    name: a.name,
    fn: a.fn,
    ...(a.params ? { params: a.params } : {}),
    keyTypes: a.keyTypes.map(toDType),
  }));
  return {
    options: resolved,
    explicitOptions: Object.keys(options),
    units,
    aggregations: aggDefs.map(({ id, name, fn }) => ({ id, name, fn })),
    aggDefs,
    clauses: compiled,
    enablings,
    constants: K.list,
    globals: vars('global'),
    selfVars: vars('self'),
    thisVars: vars('this'),
    epids,
  };
}

/**
 * The size of one dynamic variable element as dtrace_difo_chunksize sums it: the element header
 * (48 bytes), one 16-byte key descriptor per key beyond the first (the variable's own id is a
 * key; a thread-local's thread is another), the data of keys passed by reference (strings and
 * structs), and the value, rounded up to 8 bytes.
 */
function dynBytes(keys: readonly CType[], value: CType, strsize: number): number {
  const nkeys = keys.length === 0 ? 2 : keys.length + 1;
  let bytes = 48 + 16 * (nkeys - 1) + sizeOf(value, strsize);
  for (const k of keys) if (k.kind === 'string' || k.kind === 'sou' || k.kind === 'array') bytes += sizeOf(k, strsize);
  return Math.ceil(bytes / 8) * 8;
}

type ProgramUnitInfoList = { matched: number; description: string }[];

