/*
 * The engine's function table: every simulated kernel function that appears in stacks, fbt
 * probes and symbol lookups, with a stable simulated address. Workload callbacks are added at
 * run time (`netstack_zone_create` …) so that `%a`/`func()` can name a callback pointer.
 *
 * Addresses are safe integers in a text segment of their own; each function gets 0x1000 bytes,
 * and the call-site offset shown in stacks is fixed per function (so stacks are reproducible).
 */

import type { StackFrame } from '@zsdtrace/probes/provider';

export const TEXT_BASE = 0x7ff0_0000_0000;
const FN_SPAN = 0x1000;

/** Engine functions with fbt probes, in table order (ids are indexes). */
export const engineFunctions = [
  'zone_key_create',
  'zone_key_delete',
  'zsd_apply_create',
  'zsd_apply_shutdown',
  'zsd_apply_destroy',
  'zsd_apply_all_zones',
  'zsd_apply_all_keys',
  'zone_zsd_configure',
  'zone_zsd_callbacks',
  'zsd_wait_for_creator',
  'zsd_wait_for_inprogress',
  'zone_create',
  'zsched',
  'zone_boot',
  'zone_shutdown',
  'zone_destroy',
  'zone_getspecific',
  'zone_setspecific',
  'zone_find_by_id',
  'zone_find_by_id_nolock',
  'zone_getattr',
  'zone_free',
  'zone_free_zsd',
  'zone_status_set',
  'zone_hold',
  'zone_rele',
  'zone_cred_hold',
  'zone_cred_rele',
  'zsd_find',
  'zsd_find_mru',
  'modload',
  'modunload',
] as const;

export type EngineFunction = (typeof engineFunctions)[number];

export class FunctionTable {
  private readonly names: string[] = [...engineFunctions];
  private readonly modules: string[] = engineFunctions.map(() => 'genunix');
  private readonly offsets: number[] = engineFunctions.map((n) => callOffset(n));

  id(name: EngineFunction): number {
    return (engineFunctions as readonly string[]).indexOf(name);
  }

  /** Adds a function (a workload callback); returns its address. */
  add(module: string, name: string): number {
    this.names.push(name);
    this.modules.push(module);
    this.offsets.push(callOffset(name));
    return this.addr(this.names.length - 1);
  }

  addr(id: number): number {
    return TEXT_BASE + id * FN_SPAN;
  }

  frame(id: number): StackFrame {
    return { module: this.modules[id] ?? 'genunix', func: this.names[id] ?? '?', offset: this.offsets[id] ?? 0 };
  }

  symbol(addr: number): StackFrame | null {
    if (!Number.isSafeInteger(addr) || addr < TEXT_BASE) return null;
    const id = Math.floor((addr - TEXT_BASE) / FN_SPAN);
    if (id >= this.names.length) return null;
    return { module: this.modules[id]!, func: this.names[id]!, offset: addr - this.addr(id) };
  }
}

/** A stable pseudo call-site offset per function name (multiple of 4, below 0x400). */
function callOffset(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return 0x10 + (((h >>> 0) % 0xf0) << 2);
}
