/*
 * Properties tied to zone status (spec 1.3, 3.2–3.5):
 * - I5: key_create's marking decides by status — it allocates only on INITIALIZED…EMPTY zones
 *   that have no entry, reports an existing entry, and skips UNINITIALIZED and ≥ DOWN zones; an
 *   allocation by key_create follows its own `alloc` visit; configure allocates only while the
 *   zone is UNINITIALIZED, and the zone's next status change is UNINITIALIZED → INITIALIZED.
 * - I7: lifecycle marks need status ≥ EMPTY (zone_shutdown) or DEAD (zone_destroy); marks by
 *   zone_key_delete may happen in any state.
 * - P3: INITIALIZED → READY only after every create configure marked has completed.
 * - P4: zone_create returns a zone only once it is READY or later.
 *
 * A zone whose status is unknown (no status event yet, other than zone 0) is not judged on status.
 * N4 and N5 (create on a DOWN zone; READY while a concurrent key's create is pending) are allowed:
 * only configure's creates are demanded by P3.
 */

import type { TraceEvent } from '../trace/events.js';
import { STAGE, ZS, statusName, type TraceModel } from './trace-model.js';
import type { Report } from './report.js';

const eligible = (s: number): boolean => s >= ZS.INITIALIZED && s <= ZS.EMPTY;

export function checkLifecycle(m: TraceModel, e: TraceEvent, report: Report): void {
  switch (e.kind) {
    case 'markVisit': {
      const z = m.zone(e.zone);
      const trail = (): TraceEvent[] => [...(m.peekEntry(e.zone, e.key)?.recent.toArray() ?? []), e];
      if (z.status >= 0 && e.status !== z.status) {
        report('I5', `key_create's marking read status ${statusName(e.status)} of zone ${e.zone}, but it was ${statusName(z.status)}`, e, trail(), e.zone, e.key);
      }
      const has = m.hasLiveEntry(e.zone, e.key);
      if (e.decision === 'alloc' && (!eligible(e.status) || has)) {
        const why = has ? 'the zone already has an entry' : `status ${statusName(e.status)} is not INITIALIZED…EMPTY`;
        report('I5', `key_create allocates an entry for key ${e.key} on zone ${e.zone} although ${why}`, e, trail(), e.zone, e.key);
      } else if (e.decision === 'exists' && !has) {
        report('I5', `key_create's marking reports an entry for key ${e.key} on zone ${e.zone} that does not exist`, e, trail(), e.zone, e.key);
      } else if (e.decision === 'skip' && eligible(e.status)) {
        report('I5', `key_create's marking skips zone ${e.zone} in status ${statusName(e.status)} for key ${e.key}`, e, trail(), e.zone, e.key);
      }
      return;
    }
    case 'alloc':
    case 'needed': {
      const src = e.src;
      if (e.kind === 'needed' && e.phase !== 'create') {
        checkLifecycleMark(m, e, report);
        return;
      }
      if (src === 'keyCreate') {
        const v = m.thread(e.tid).lastVisit;
        if (!v || v.zone !== e.zone || v.key !== e.key || v.decision !== 'alloc') {
          report('I5', `${e.kind === 'alloc' ? 'entry allocated' : 'create marked needed'} by key_create on zone ${e.zone} key ${e.key} without a marking visit that chose to allocate`, e, [...m.thread(e.tid).recent.toArray(), e], e.zone, e.key);
        }
      } else if (src === 'configure') {
        const fresh = e.kind === 'alloc' && m.startsNewIncarnation(e);
        const s = fresh ? ZS.UNINITIALIZED : m.zone(e.zone).status;
        if (s > ZS.UNINITIALIZED) {
          report('I5', `configure ${e.kind === 'alloc' ? 'allocated an entry' : 'marked a create'} for key ${e.key} on zone ${e.zone} in status ${statusName(s)}`, e, [e], e.zone, e.key);
        }
      }
      return;
    }
    case 'status': {
      const z = m.zone(e.zone);
      if (z.pendingConfigure && !m.startsNewIncarnation(e) && (e.from !== ZS.UNINITIALIZED || e.to !== ZS.INITIALIZED)) {
        report('I5', `zone ${e.zone} went ${statusName(e.from)} → ${statusName(e.to)} after configure allocated its entries; expected UNINITIALIZED → INITIALIZED`, e, m.recent.toArray(), e.zone);
      }
      if (e.from === ZS.INITIALIZED && e.to === ZS.READY) {
        for (const k of z.configureCreates) {
          const en = m.peekEntry(e.zone, k);
          if (en && en.phases[0].stage < STAGE.completed) {
            report('P3', `zone ${e.zone} became READY before the create of key ${k} (marked by configure) completed`, e, [...en.recent.toArray(), e], e.zone, k);
          }
        }
      }
      return;
    }
    case 'opEnd': {
      if (e.op !== 'zone_create' || e.zone === undefined || (e.rc !== undefined && e.rc < 0)) return;
      const s = m.zone(e.zone).status;
      if (s >= 0 && s < ZS.READY) {
        report('P4', `zone_create returned zone ${e.zone} in status ${statusName(s)}, before READY`, e, m.recent.toArray(), e.zone);
      }
      return;
    }
    default:
      return;
  }
}

function checkLifecycleMark(m: TraceModel, e: Extract<TraceEvent, { phase: unknown }>, report: Report): void {
  const s = m.zone(e.zone).status;
  if (s < 0) return;
  if (e.src === 'zoneShutdown' && e.phase === 'shutdown' && s < ZS.EMPTY) {
    report('I7', `zone_shutdown marked shutdown of key ${e.key} on zone ${e.zone} in status ${statusName(s)} (needs ≥ EMPTY)`, e, [e], e.zone, e.key);
  } else if (e.src === 'zoneDestroy' && e.phase === 'destroy' && s !== ZS.DEAD) {
    report('I7', `zone_destroy marked destroy of key ${e.key} on zone ${e.zone} in status ${statusName(s)} (needs DEAD)`, e, [e], e.zone, e.key);
  }
}
