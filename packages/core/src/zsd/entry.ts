/*
 * struct zsd_entry (spec 1.1) and its flags (spec 1.2), plus the two lookups of spec 2.1/2.2.
 *
 * One class serves both uses: a template on zsd_registered_keys and a per-zone instance on
 * zone_zsd. The fields D sees are `zsd_key`, `zsd_flags`, `zsd_data` and `addr`. `freed` marks
 * an entry returned to the allocator; a thread that reads a freed entry is a finding (spec 4.6
 * T1). `runner` is the tid executing its INPROGRESS callback (for wait events and reports).
 */

import { CondVar } from '../sim/condvar.js';
import type { KList, Linked } from '../sim/list.js';
import type { FreeRecord } from '../sim/mutex.js';
import type { Co } from '../sim/thread.js';

export const ZsdFlag = {
  CREATE_NEEDED: 0x0001,
  CREATE_INPROGRESS: 0x0002,
  CREATE_COMPLETED: 0x0004,
  SHUTDOWN_NEEDED: 0x0010,
  SHUTDOWN_INPROGRESS: 0x0020,
  SHUTDOWN_COMPLETED: 0x0040,
  DESTROY_NEEDED: 0x0100,
  DESTROY_INPROGRESS: 0x0200,
  DESTROY_COMPLETED: 0x0400,
  CREATE_ALL: 0x0007,
  SHUTDOWN_ALL: 0x0070,
  DESTROY_ALL: 0x0700,
  ALL_INPROGRESS: 0x0222,
} as const;

/** A create callback returns the data pointer (must be non-zero). */
export type CreateCallback = (zoneid: number) => Co<number>;
/** A teardown callback; whatever its coroutine returns is ignored. */
export type TeardownCallback = (zoneid: number, data: number) => Co<unknown>;

/** A key's three callbacks as registered, with their simulated function addresses. */
export interface KeyCallbacks {
  readonly name: string;
  readonly create: CreateCallback | null;
  readonly shutdown: TeardownCallback | null;
  readonly destroy: TeardownCallback | null;
  readonly createAddr: number;
  readonly shutdownAddr: number;
  readonly destroyAddr: number;
}

export class ZsdEntry implements Linked<ZsdEntry> {
  zsd_flags = 0;
  zsd_data = 0;
  freed = false;
  freedBy: FreeRecord | null = null;
  runner = -1;
  lprev: ZsdEntry | null = null;
  lnext: ZsdEntry | null = null;
  lon: object | null = null;
  readonly cv: CondVar;

  constructor(
    readonly zsd_key: number,
    readonly fns: KeyCallbacks,
    readonly addr: number,
    /** The zone this instance belongs to (-1 for a template). */
    readonly zoneId: number,
  ) {
    this.cv = new CondVar('zsd_cv', zoneId, zsd_key);
  }
}

/** `C`, `S`, `D` for the callbacks a key has, `-` for each it lacks (alloc events). */
export function callbackLetters(f: KeyCallbacks): string {
  return LETTERS[(f.create ? 4 : 0) | (f.shutdown ? 2 : 0) | (f.destroy ? 1 : 0)]!;
}

/** Indexed by create·4 + shutdown·2 + destroy: one string per combination, not one per entry. */
const LETTERS = ['---', '--D', '-S-', '-SD', 'C--', 'C-D', 'CS-', 'CSD'] as const;

/** Spec 2.1: first entry with `key`, no reordering. */
export function zsdFind(list: KList<ZsdEntry>, key: number): ZsdEntry | null {
  for (let e = list.head; e; e = e.lnext) if (e.zsd_key === key) return e;
  return null;
}

/** Spec 2.2: as zsdFind, and a hit that is not the head moves to the head. */
export function zsdFindMru(list: KList<ZsdEntry>, key: number): ZsdEntry | null {
  const e = zsdFind(list, key);
  if (e && list.head !== e) {
    list.remove(e);
    list.prepend(e);
  }
  return e;
}
