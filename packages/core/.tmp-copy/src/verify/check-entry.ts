/*
 * Per-entry safety properties (spec 4.2): I1 (each phase moves needed → inprogress → start → end
 * → completed, each at most once), I2 (no two phases of one entry in progress together), I3
 * (shutdown/destroy start only after a needed create completed), I6 (one entry per (zone, key)
 * per zone lifetime) and I8 (zone_getspecific / zone_setspecific agree with the data the trace
 * implies: NULL until create completes, its result until destroy completes, then NULL).
 *
 * Input: one event and the model state *before* it is applied. Output: violations via `report`.
 * It does not flag the non-guarantees of spec 4.5: shutdown never running (N1), shutdown after
 * destroy (N2, N3) and create on a DOWN zone (N4) all keep per-phase order and are accepted.
 */

import type { TraceEvent } from '../trace/events.js';
import { PHASE_INDEX, PHASES, STAGE, type TraceModel } from './trace-model.js';
import type { Report } from './report.js';

const STAGE_LABEL = ['none', 'needed', 'inprogress', 'start', 'end', 'completed'] as const;

export function checkEntry(m: TraceModel, e: TraceEvent, report: Report): void {
  switch (e.kind) {
    case 'needed':
    case 'inprogress':
    case 'start':
    case 'end':
    case 'completed': {
      const en = m.entry(e.zone, e.key);
      const trail = (): TraceEvent[] => [...en.recent.toArray(), e];
      const ph = en.phases[PHASE_INDEX[e.phase]];
      const stage = STAGE[e.kind];
      // I1: exactly the next stage of this phase.
      if (stage !== ph.stage + 1) {
        const what = stage <= ph.stage ? 'repeated or out of order' : `without an earlier ${STAGE_LABEL[stage - 1]}`;
        report('I1', `${e.phase}-${e.kind} on zone ${e.zone} key ${e.key} ${what} (phase was at ${STAGE_LABEL[ph.stage]})`, e, trail(), e.zone, e.key);
      }
      if (e.kind === 'inprogress') {
        // I2: the other phases of this entry are not between inprogress and completed.
        for (const other of PHASES) {
          if (other === e.phase) continue;
          const o = en.phases[PHASE_INDEX[other]];
          if (o.stage >= STAGE.inprogress && o.stage < STAGE.completed) {
            report('I2', `${e.phase} went in progress on zone ${e.zone} key ${e.key} while ${other} was still in progress`, e, trail(), e.zone, e.key);
          }
        }
        // I3: a needed create must have completed before shutdown/destroy go in progress.
        const cr = en.phases[0];
        if (e.phase !== 'create' && cr.stage >= STAGE.needed && cr.stage < STAGE.completed) {
          report('I3', `${e.phase} went in progress on zone ${e.zone} key ${e.key} before its create completed (create at ${STAGE_LABEL[cr.stage]})`, e, trail(), e.zone, e.key);
        }
      }
      // P2 (c): nothing for a deleted key is marked or started afterwards.
      if ((e.kind === 'needed' || e.kind === 'inprogress' || e.kind === 'start') && m.deletedKeys.has(e.key)) {
        report('P2', `${e.phase}-${e.kind} on zone ${e.zone} for key ${e.key} after zone_key_delete returned 0`, e, trail(), e.zone, e.key);
      }
      return;
    }
    case 'alloc': {
      // I6: the model drops state at a new zone incarnation, so a second alloc is a duplicate.
      const fresh = m.startsNewIncarnation(e);
      const en = fresh ? undefined : m.peekEntry(e.zone, e.key);
      if (en?.allocated) {
        const state = en.freed ? 'allocated and freed' : 'allocated';
        report('I6', `second entry for zone ${e.zone} key ${e.key} (by ${e.src}); one was already ${state} by ${en.allocSrc ?? '?'}`, e, [...en.recent.toArray(), e], e.zone, e.key);
      }
      if (m.deletedKeys.has(e.key)) {
        report('P2', `entry allocated on zone ${e.zone} for key ${e.key} after zone_key_delete returned 0`, e, [e], e.zone, e.key);
      }
      return;
    }
    case 'getspecific': {
      const en = m.peekEntry(e.zone, e.key);
      const live = en !== undefined && en.allocated && !en.freed;
      const expected = live ? en.data : 0;
      if (e.value !== expected) {
        const why = live ? describeData(m, e.zone, e.key) : 'there is no entry';
        report('I8', `zone_getspecific(key ${e.key}, zone ${e.zone}) returned ${e.value}, expected ${expected}: ${why}`, e, [...(en?.recent.toArray() ?? []), e], e.zone, e.key);
      }
      return;
    }
    case 'setspecific': {
      const expected = m.hasLiveEntry(e.zone, e.key) ? 0 : -1;
      if (e.rc !== expected) {
        report('I8', `zone_setspecific(key ${e.key}, zone ${e.zone}) returned ${e.rc}, expected ${expected} (spec 2.5)`, e, [...(m.peekEntry(e.zone, e.key)?.recent.toArray() ?? []), e], e.zone, e.key);
      }
      return;
    }
    default:
      return;
  }
}

function describeData(m: TraceModel, zone: number, key: number): string {
  const en = m.peekEntry(zone, key);
  if (!en) return 'there is no entry';
  const cr = en.phases[0].stage;
  const de = en.phases[2].stage;
  if (de === STAGE.completed) return 'destroy completed, data is NULL';
  if (cr === STAGE.completed) return `create completed with result ${en.createResult}`;
  if (cr >= STAGE.needed) return 'create has not completed, data is NULL';
  return 'no create ran and no setspecific stored data';
}
