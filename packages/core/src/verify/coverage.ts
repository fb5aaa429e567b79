/*
 * Coverage of one run, from its trace: which of the spec's non-guarantee cases N1–N7 (spec 4.5)
 * it reached, which SDT probe sites (spec 1.6) it passed, and which wait paths
 * (zsd-wait-for-creator / -inprogress, by the apply function that waited) it took — each with a
 * count. Every verify run (random, PCT, exhaustive) sums these; `--require-coverage` fails a run
 * that never reached a named item.
 *
 * It rebuilds just enough state from the events (entry phases, zone statuses) and never
 * looks at the engine. Counts are occurrences: N-cases once per entry (or zone, or call) where they
 * happen, probe sites once per firing, wait paths once per distinct wait.
 */

import type { Algorithm } from '../algorithm.js';
import type { Phase, TraceEvent } from '../trace/events.js';

export const COVERAGE_CASES = {
  N1: 'shutdown never ran for a created entry before its destroy',
  N2: 'shutdown ran after destroy (data NULL)',
  N3: 'destroy started while a shutdown was still NEEDED',
  N4: 'a create ran on a zone already DOWN or later',
  N5: 'READY while a create of a concurrent zone_key_create was pending',
  N6: 'zone_setspecific returned -1 (no entry on that zone)',
  N7: 'a shutdown/destroy callback ran on the global zone',
} as const;

export type CoverageCase = keyof typeof COVERAGE_CASES;

/** SDT probe sites (probe@function), in spec 1.6 order. */
export const PROBE_SITES: readonly string[] = [
  'zsd-create-needed@zone_key_create',
  'zsd-create-needed@zone_zsd_configure',
  'zsd-shutdown-needed@zone_zsd_callbacks',
  'zsd-shutdown-needed@zone_key_delete',
  'zsd-destroy-needed@zone_zsd_callbacks',
  'zsd-destroy-needed@zone_key_delete',
  ...(['create', 'shutdown', 'destroy'] as const).flatMap((p) =>
    (['inprogress', 'start', 'end', 'completed'] as const).map((n) => `zsd-${p}-${n}@zsd_apply_${p}`),
  ),
  'zsd-wait-for-creator@zsd_wait_for_creator',
  'zsd-wait-for-inprogress@zsd_wait_for_inprogress',
];

/** Wait paths: the wait, from the apply function that called it (create never waits for a creator). */
export const WAIT_PATHS: readonly string[] = [
  'zsd-wait-for-creator from zsd_apply_shutdown',
  'zsd-wait-for-creator from zsd_apply_destroy',
  'zsd-wait-for-inprogress from zsd_apply_create',
  'zsd-wait-for-inprogress from zsd_apply_shutdown',
  'zsd-wait-for-inprogress from zsd_apply_destroy',
];

/** Every coverage item, in report order. */
export const COVERAGE_ITEMS: readonly string[] = [...Object.keys(COVERAGE_CASES), ...PROBE_SITES, ...WAIT_PATHS];

const neededSite: Record<string, string> = {
  'create:keyCreate': 'zsd-create-needed@zone_key_create',
  'create:configure': 'zsd-create-needed@zone_zsd_configure',
  'shutdown:zoneShutdown': 'zsd-shutdown-needed@zone_zsd_callbacks',
  'shutdown:keyDelete': 'zsd-shutdown-needed@zone_key_delete',
  'destroy:zoneDestroy': 'zsd-destroy-needed@zone_zsd_callbacks',
  'destroy:keyDelete': 'zsd-destroy-needed@zone_key_delete',
};

const DOWN = 7;
const READY = 2;

interface EntryState {
  /** Per phase: 0 nothing, 1 needed, 2 inprogress, 3 completed. */
  create: number;
  shutdown: number;
  destroy: number;
  src: string;
  hasShutdown: boolean | null;
  n1: boolean;
}

export interface CoverageTracker {
  onEvent(e: TraceEvent): void;
  counts(): Record<string, number>;
}

/** The legacy design has no SDT probes (they came with 5880): its runs cover no probe site. */
export function createCoverageTracker(opts: { readonly algorithm?: Algorithm } = {}): CoverageTracker {
  const counts: Record<string, number> = {};
  const probes = opts.algorithm !== 'legacy';
  const hit = (name: string): void => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  const site = (name: string): void => {
    if (probes) hit(name);
  };
  const entries = new Map<string, EntryState>();
  const status = new Map<number, number>();
  /** Threads in a wait loop (a distinct wait counts once). */
  const waiting = new Set<number>();
  const entry = (zone: number, key: number): EntryState => {
    const id = `${zone}:${key}`;
    let e = entries.get(id);
    if (!e) {
      e = { create: 0, shutdown: 0, destroy: 0, src: '', hasShutdown: null, n1: false };
      entries.set(id, e);
    }
    return e;
  };
  const stage = { needed: 1, inprogress: 2, completed: 3 } as const;
  return {
    onEvent(e) {
      switch (e.kind) {
        case 'alloc': {
          const x = entry(e.zone, e.key);
          x.src = e.src;
          if (e.callbacks !== undefined) x.hasShutdown = e.callbacks.includes('S');
          break;
        }
        case 'free':
          entries.delete(`${e.zone}:${e.key}`);
          break;
        case 'status':
          status.set(e.zone, e.to);
          if (e.to === READY) {
            for (const [id, x] of entries) {
              if (id.startsWith(`${e.zone}:`) && x.src === 'keyCreate' && (x.create === 1 || x.create === 2)) {
                hit('N5');
                break;
              }
            }
          }
          break;
        case 'needed':
        case 'inprogress':
        case 'completed': {
          const x = entry(e.zone, e.key);
          const phase: Phase = e.phase;
          if (e.kind === 'needed') {
            const name = neededSite[`${phase}:${e.src ?? ''}`];
            if (name) site(name);
          } else site(`zsd-${phase}-${e.kind}@zsd_apply_${phase}`);
          if (e.kind === 'inprogress' && phase === 'destroy') {
            if (x.shutdown === 1) hit('N3');
            if (x.create === 3 && x.shutdown === 0 && x.hasShutdown === true && !x.n1) {
              x.n1 = true;
              hit('N1');
            }
          }
          x[phase] = stage[e.kind];
          break;
        }
        case 'start':
          site(`zsd-${e.phase}-start@zsd_apply_${e.phase}`);
          if (e.phase === 'create' && (status.get(e.zone) ?? 0) >= DOWN) hit('N4');
          if (e.phase === 'shutdown' && entry(e.zone, e.key).destroy === 3) hit('N2');
          if (e.phase !== 'create' && e.zone === 0) hit('N7');
          break;
        case 'end':
          site(`zsd-${e.phase}-end@zsd_apply_${e.phase}`);
          break;
        case 'waitCreator':
        case 'waitInprogress': {
          const wait = e.kind === 'waitCreator' ? 'zsd-wait-for-creator' : 'zsd-wait-for-inprogress';
          site(`${wait}@zsd_${wait.slice(4).replace(/-/g, '_')}`);
          if (!waiting.has(e.tid)) {
            waiting.add(e.tid);
            if (e.phase) hit(`${wait} from zsd_apply_${e.phase}`);
          }
          break;
        }
        case 'waitEnd':
          waiting.delete(e.tid);
          break;
        case 'setspecific':
          if (e.rc === -1) hit('N6');
          break;
        default:
          break;
      }
    },
    counts: () => counts,
  };
}

/** Adds one run's counts into a total. */
export function addCoverage(total: Record<string, number>, run: Readonly<Record<string, number>>): void {
  for (const [name, n] of Object.entries(run)) total[name] = (total[name] ?? 0) + n;
}

/**
 * Names given to --require-coverage that are not coverage items (or groups: `cases`, `probes`,
 * `waits`, `all`), as a usage error; otherwise the expanded list.
 */
export function expandCoverageNames(names: readonly string[]): { items: string[] } | { error: string } {
  const items: string[] = [];
  for (const n of names) {
    if (n === 'all') items.push(...COVERAGE_ITEMS);
    else if (n === 'cases') items.push(...Object.keys(COVERAGE_CASES));
    else if (n === 'probes') items.push(...PROBE_SITES);
    else if (n === 'waits') items.push(...WAIT_PATHS);
    else if (COVERAGE_ITEMS.includes(n)) items.push(n);
    else return { error: `unknown coverage item '${n}' (expected N1..N7, a probe site such as zsd-create-start@zsd_apply_create, a wait path, or cases, probes, waits, all)` };
  }
  return { items: [...new Set(items)] };
}
