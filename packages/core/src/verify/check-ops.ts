/*
 * Postconditions of API calls (spec 4.3), checked when the call returns:
 * - P1 zone_key_create(k) with a create function: every zone its marking saw in
 *   INITIALIZED…EMPTY has completed(create, z, k) before the call returns, and — when the key is
 *   published after the create pass (the 2009 order) — before `keyPublish(k)`. Zones the marking
 *   saw UNINITIALIZED are not covered (zsched creates those later).
 * - P2 zone_key_delete(k) returning 0: (a) no entry for k survives on a zone that can still be
 *   on zone_active, (b) no callback for k is running, (d) every needed phase for k completed.
 *   (c), nothing for k starts afterwards, is checked per event in check-entry.
 * - P5 zone_shutdown returning 0: status ≥ DOWN and every shutdown it marked has completed.
 * - P6 zone_destroy returning 0: every destroy marked on the zone has completed, and every
 *   shutdown marked before its own destroy marking (so before its shutdown pass) has completed.
 *
 * Limits: a DEAD zone may already be off zone_active when key_delete's passes run (its entry
 * then waits for zone_free_zsd, spec 2.4), so neither P2 (a) nor P2 (d) counts entries on DEAD
 * zones. For (d) this is the algorithm's behaviour, not only a gap of the trace: when key_delete
 * marks SN after zone_destroy's shutdown pass (N3), zone_destroy's destroy pass runs the destroy
 * and the zone can leave zone_active before key_delete's shutdown pass walks the list, so that
 * shutdown never runs and the SN stays until zone_free_zsd frees the entry.
 * N2/N3 (a shutdown marked by key_delete after zone_destroy's shutdown pass) are not P6 failures.
 */

import type { TraceEvent } from '../trace/events.js';
import { PHASES, STAGE, ZS, entryId, statusName, type EntryState, type TraceModel } from './trace-model.js';
import type { Report } from './report.js';

export function checkOps(m: TraceModel, e: TraceEvent, report: Report): void {
  if (e.kind === 'keyPublish') {
    // The 2009 order publishes after the create pass; in the 2008 order nothing is marked yet.
    if (m.markedZones.has(e.key)) checkKeyCreated(m, e.key, e, report, 'keyPublish');
    return;
  }
  if (e.kind !== 'opEnd') return;
  const op = m.ops.get(e.opId);
  switch (e.op) {
    case 'zone_key_create': {
      const key = e.key ?? op?.key;
      if (key !== undefined) checkKeyCreated(m, key, e, report, 'zone_key_create returned');
      return;
    }
    case 'zone_key_delete':
      if (e.rc === 0 && e.key !== undefined) checkKeyDeleted(m, e.key, e, report);
      return;
    case 'zone_shutdown': {
      const zone = e.zone ?? op?.zone;
      if (e.rc !== 0 || zone === undefined) return;
      const s = m.zone(zone).status;
      if (s >= 0 && s < ZS.DOWN) {
        report('P5', `zone_shutdown(${zone}) returned 0 with the zone ${statusName(s)} (needs ≥ DOWN)`, e, m.recent.toArray(), zone);
      }
      for (const id of op?.marked[1] ?? []) {
        const en = m.entries.get(id);
        if (en && en.phases[1].stage < STAGE.completed) {
          report('P5', `zone_shutdown(${zone}) returned 0 before the shutdown of key ${en.key} it marked completed`, e, [...en.recent.toArray(), e], zone, en.key);
        }
      }
      return;
    }
    case 'zone_destroy': {
      const zone = e.zone ?? op?.zone;
      if (e.rc !== 0 || zone === undefined) return;
      const cutoff = op ? Math.max(op.beginSeq, op.lastDestroyMarkSeq) : -1;
      for (const id of m.zone(zone).entries) {
        const en = m.entries.get(id);
        if (!en) continue;
        const de = en.phases[2];
        if (de.stage >= STAGE.needed && de.stage < STAGE.completed) {
          report('P6', `zone_destroy(${zone}) returned 0 before the destroy of key ${en.key} completed`, e, [...en.recent.toArray(), e], zone, en.key);
        }
        const sh = en.phases[1];
        if (sh.stage >= STAGE.needed && sh.stage < STAGE.completed && sh.neededSeq >= 0 && sh.neededSeq <= cutoff) {
          report('P6', `zone_destroy(${zone}) returned 0 before the pending shutdown of key ${en.key} completed`, e, [...en.recent.toArray(), e], zone, en.key);
        }
      }
      return;
    }
    default:
      return;
  }
}

function checkKeyCreated(m: TraceModel, key: number, e: TraceEvent, report: Report, when: string): void {
  if (!m.keysWithCreate.has(key)) return;
  for (const zone of m.markedZones.get(key) ?? []) {
    const en = m.entries.get(entryId(zone, key));
    if (!en || en.phases[0].stage < STAGE.completed) {
      report('P1', `${when} for key ${key} before its create on zone ${zone} completed`, e, [...(en?.recent.toArray() ?? []), e], zone, key);
    }
  }
}

function checkKeyDeleted(m: TraceModel, key: number, e: TraceEvent, report: Report): void {
  const running = m.runningByKey.get(key) ?? 0;
  if (running > 0) {
    report('P2', `zone_key_delete(${key}) returned 0 while ${running} callback(s) for the key still run`, e, m.recent.toArray(), undefined, key);
  }
  for (const en of entriesOfKey(m, key)) {
    const z = m.zone(en.zone);
    // A DEAD zone may have left zone_active before key_delete's passes reached it (see above).
    if (z.status === ZS.DEAD) continue;
    if (en.allocated && !en.freed) {
      report('P2', `zone_key_delete(${key}) returned 0 but zone ${en.zone} (${statusName(z.status)}) still has an entry for it`, e, [...en.recent.toArray(), e], en.zone, key);
    }
    for (const [i, ph] of en.phases.entries()) {
      if (ph.stage >= STAGE.needed && ph.stage < STAGE.completed) {
        report('P2', `zone_key_delete(${key}) returned 0 before the ${PHASES[i] ?? '?'} on zone ${en.zone} completed`, e, [...en.recent.toArray(), e], en.zone, key);
      }
    }
  }
}

function* entriesOfKey(m: TraceModel, key: number): Generator<EntryState> {
  for (const en of m.entries.values()) if (en.key === key) yield en;
}
