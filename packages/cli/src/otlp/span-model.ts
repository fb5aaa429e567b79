/*
 * The span model: engine trace events (packages/core/src/trace/events.ts) in, OpenTelemetry
 * spans out (DESIGN.md section 4).
 *
 *   operation  opBegin..opEnd                  root span `zone_key_create`, … (one trace each)
 *   callback   start..end (spec 2.12-2.14)     child `zsd.create` / `zsd.shutdown` / `zsd.destroy`
 *   wait       first waitCreator/-Inprogress   child `zsd.wait_for_creator` / `_for_inprogress`
 *              iteration..waitEnd (2.15-2.16)  linked to the callback span it waited for
 *   lock block lockAcquire blockedNs >= limit  event `zsd.lock_blocked` on the thread's span
 *   finding    finding                         status ERROR plus a `zsd.finding` event
 *
 * A callback or wait belongs to the innermost span open on its thread; a thread with none (zsched
 * running a new zone's creates, spec 3.2 step 5) falls back to the operation open on that zone,
 * zone_create first. An operation begun inside a callback (a nested zone_key_create) is a child
 * of that callback. Times are virtual ns mapped by `clock`, always explicit (never Date.now()).
 *
 * Invariant: every span started is ended exactly once, by its closing event or by `endAll`.
 * Must not: throw into the engine (the caller guards), read the wall clock, keep ended spans.
 */

import { SpanStatusCode } from '@opentelemetry/api';
import type { Attributes, HrTime, SpanContext } from '@opentelemetry/api';
import type { Operation, TraceEvent } from '@zsdtrace/core';
import type { OtlpFilter } from './filter.js';
import type { SpanRecord, SpanSource } from './span-record.js';
import type { OtlpNames } from './types.js';

/** Zone status names, spec 1.3 numbering. */
const ZONE_STATUS = [
  'uninitialized', 'initialized', 'ready', 'booting', 'running',
  'shutting_down', 'empty', 'down', 'dying', 'dead',
] as const;

interface Frame {
  readonly kind: 'op' | 'callback';
  readonly tid: number;
  /** null: excluded by the filter; its callbacks and waits are excluded with it. */
  readonly span: SpanRecord | null;
  readonly op?: Operation;
  readonly zone?: number;
  readonly key?: number;
  readonly phase?: string;
}

interface Wait {
  readonly kind: 'waitCreator' | 'waitInprogress';
  readonly zone: number;
  readonly key: number;
  readonly span: SpanRecord | null;
  readonly linked: Set<string>;
  iterations: number;
}

export interface SpanModelOptions {
  spans: SpanSource;
  filter: OtlpFilter;
  clock: (t: number) => HrTime;
  lockThresholdNs: number;
  names?: OtlpNames;
}

export interface SpanModel {
  onEvent(e: TraceEvent): void;
  /** Ends every open span at the last virtual time seen; returns how many were open. */
  endAll(): number;
  /** Callback spans started so far (exported unless the queue drops them). */
  callbackSpans(): number;
}

const entryId = (zone: number, key: number): number => zone * 4_294_967_296 + key;

export function createSpanModel(o: SpanModelOptions): SpanModel {
  const { spans, filter, clock, names } = o;
  const stacks = new Map<number, Frame[]>();
  const ops = new Map<number, Frame>();
  const zoneOps = new Map<number, Frame[]>();
  const running = new Map<number, Frame>();
  const lastCallback = new Map<number, { ctx: SpanContext; t: number }>();
  const waits = new Map<number, Wait>();
  let lastT = 0;
  let callbacks = 0;

  function stackOf(tid: number): Frame[] {
    let s = stacks.get(tid);
    if (s === undefined) stacks.set(tid, (s = []));
    return s;
  }

  function common(tid: number, zone: number | undefined, key: number | undefined): Attributes {
    const a: Attributes = { 'thread.id': tid };
    const tname = names?.thread(tid);
    if (tname !== undefined) a['thread.name'] = tname;
    if (zone !== undefined) {
      a['zone.id'] = zone;
      const zname = names?.zone(zone);
      if (zname !== undefined) a['zone.name'] = zname;
    }
    if (key !== undefined) {
      a['zsd.key'] = key;
      const kname = names?.key(key);
      if (kname !== undefined) a['zsd.key.name'] = kname;
    }
    return a;
  }

  /** The frame new work on `tid` belongs to, with the zsched fallback to the zone's operation. */
  function owner(tid: number, zone: number | undefined): Frame | undefined {
    const s = stacks.get(tid);
    const top = s?.[s.length - 1];
    if (top !== undefined || zone === undefined) return top;
    const open = zoneOps.get(zone);
    if (open === undefined || open.length === 0) return undefined;
    return open.find((f) => f.op === 'zone_create') ?? open[open.length - 1];
  }

  /** Starts a child of `parent` (or a root span when there is none and orphans are kept). */
  function child(parent: Frame | undefined, name: string, t: number, attributes: Attributes): SpanRecord | null {
    if (parent === undefined) return filter.orphans ? spans.start(name, null, clock(t), attributes) : null;
    if (parent.span === null) return null;
    return spans.start(name, parent.span, clock(t), attributes);
  }

  /** Removes `f` from the list under `id`, dropping emptied lists so endless runs stay bounded. */
  function removeFrame(lists: Map<number, Frame[]>, id: number, f: Frame): void {
    const list = lists.get(id);
    if (list === undefined) return;
    const i = list.lastIndexOf(f);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) lists.delete(id);
  }

  function link(w: Wait, ctx: SpanContext): void {
    if (w.span === null || w.linked.has(ctx.spanId)) return;
    w.linked.add(ctx.spanId);
    w.span.addLink({ context: ctx, attributes: { 'zsd.link': 'waited_for' } });
  }

  function markError(span: SpanRecord, finding: string, message: string, t: number): void {
    span.setStatus({ code: SpanStatusCode.ERROR, message: `${finding}: ${message}` });
    span.addEvent('zsd.finding', { 'zsd.finding': finding, 'zsd.finding.message': message }, clock(t));
  }

  function onEvent(e: TraceEvent): void {
    lastT = e.t;
    switch (e.kind) {
      case 'opBegin': {
        const parent = stacks.get(e.tid)?.at(-1);
        const attrs = common(e.tid, e.zone, e.key);
        attrs['zsd.operation'] = e.op;
        attrs['zsd.op_id'] = e.opId;
        const span = filter.ops.has(e.op) ? spans.start(e.op, parent?.span ?? null, clock(e.t), attrs) : null;
        const f: Frame = e.zone !== undefined ? { kind: 'op', tid: e.tid, span, op: e.op, zone: e.zone } : { kind: 'op', tid: e.tid, span, op: e.op };
        ops.set(e.opId, f);
        stackOf(e.tid).push(f);
        if (e.zone !== undefined) {
          let list = zoneOps.get(e.zone);
          if (list === undefined) zoneOps.set(e.zone, (list = []));
          list.push(f);
        }
        return;
      }
      case 'opEnd': {
        const f = ops.get(e.opId);
        if (f === undefined) return;
        ops.delete(e.opId);
        removeFrame(stacks, f.tid, f);
        if (f.zone !== undefined) removeFrame(zoneOps, f.zone, f);
        if (f.span !== null) {
          if (e.rc !== undefined) f.span.setAttribute('zsd.rc', e.rc);
          f.span.end(clock(e.t));
        }
        return;
      }
      case 'start': {
        const attrs = common(e.tid, e.zone, e.key);
        attrs['zsd.phase'] = e.phase;
        const span = child(owner(e.tid, e.zone), `zsd.${e.phase}`, e.t, attrs);
        const f: Frame = { kind: 'callback', tid: e.tid, span, zone: e.zone, key: e.key, phase: e.phase };
        stackOf(e.tid).push(f);
        const id = entryId(e.zone, e.key);
        running.set(id, f);
        if (span !== null) {
          callbacks++;
          lastCallback.set(id, { ctx: span.spanContext(), t: e.t });
        }
        return;
      }
      case 'end': {
        const s = stacks.get(e.tid);
        if (s === undefined) return;
        for (let i = s.length - 1; i >= 0; i--) {
          const f = s[i];
          if (f === undefined || f.kind !== 'callback' || f.zone !== e.zone || f.key !== e.key || f.phase !== e.phase) continue;
          removeFrame(stacks, e.tid, f);
          const id = entryId(e.zone, e.key);
          if (running.get(id) === f) running.delete(id);
          if (f.span !== null) {
            if (e.result !== undefined) f.span.setAttribute('zsd.result', e.result);
            f.span.end(clock(e.t));
          }
          return;
        }
        return;
      }
      case 'waitCreator':
      case 'waitInprogress': {
        let w = waits.get(e.tid);
        if (w === undefined || w.kind !== e.kind || w.zone !== e.zone || w.key !== e.key) {
          if (w !== undefined) endWait(e.tid, w, e.t);
          const attrs = common(e.tid, e.zone, e.key);
          attrs['zsd.entry.flags'] = e.flags;
          const name = e.kind === 'waitCreator' ? 'zsd.wait_for_creator' : 'zsd.wait_for_inprogress';
          w = { kind: e.kind, zone: e.zone, key: e.key, span: child(owner(e.tid, e.zone), name, e.t, attrs), linked: new Set(), iterations: 0 };
          waits.set(e.tid, w);
        }
        w.iterations++;
        const holder = running.get(entryId(e.zone, e.key));
        if (holder?.span != null && (e.holder < 0 || holder.tid === e.holder)) link(w, holder.span.spanContext());
        return;
      }
      case 'waitEnd': {
        const w = waits.get(e.tid);
        if (w === undefined || w.zone !== e.zone || w.key !== e.key) return;
        // A creator wait usually sees CN with nobody running yet (holder -1): link to the
        // create that ran meanwhile, whose completion woke this thread (spec 2.15).
        const last = lastCallback.get(entryId(e.zone, e.key));
        if (w.linked.size === 0 && last !== undefined && last.t >= e.since) link(w, last.ctx);
        endWait(e.tid, w, e.t);
        return;
      }
      case 'free': {
        // The entry is gone (spec 2.4 step 5, 2.9): nothing can wait for its callbacks any more.
        lastCallback.delete(entryId(e.zone, e.key));
        return;
      }
      case 'lockAcquire': {
        if (e.blockedNs <= 0 || e.blockedNs < o.lockThresholdNs) return;
        const span = innermostSpan(e.tid);
        span?.addEvent('zsd.lock_blocked', { 'zsd.lock': e.lock, 'zsd.lock.blocked_ns': e.blockedNs }, clock(e.t - e.blockedNs));
        return;
      }
      case 'status': {
        const f = zoneOps.get(e.zone)?.findLast((x) => x.span !== null);
        f?.span?.addEvent('zone.status', {
          'zone.id': e.zone,
          'zone.status.from': ZONE_STATUS[e.from] ?? String(e.from),
          'zone.status.to': ZONE_STATUS[e.to] ?? String(e.to),
        }, clock(e.t));
        return;
      }
      case 'finding': {
        const s = stacks.get(e.tid)?.filter((f) => f.span !== null) ?? [];
        // A deadlock is found by the scheduler, not by one thread: mark every open operation.
        const targets = s.length > 0 ? [s[0], s[s.length - 1]] : [...ops.values()];
        const seen = new Set<SpanRecord>();
        for (const f of targets) {
          if (f?.span == null || seen.has(f.span)) continue;
          seen.add(f.span);
          markError(f.span, e.finding, e.message, e.t);
        }
        const w = waits.get(e.tid);
        if (w?.span != null) markError(w.span, e.finding, e.message, e.t);
        return;
      }
      default:
        return;
    }
  }

  function innermostSpan(tid: number): SpanRecord | undefined {
    const w = waits.get(tid);
    if (w?.span != null) return w.span;
    const s = stacks.get(tid);
    if (s === undefined) return undefined;
    for (let i = s.length - 1; i >= 0; i--) {
      const span = s[i]?.span;
      if (span != null) return span;
    }
    return undefined;
  }

  function endWait(tid: number, w: Wait, t: number): void {
    waits.delete(tid);
    if (w.span === null) return;
    w.span.setAttribute('zsd.wait.iterations', w.iterations);
    w.span.end(clock(t));
  }

  function endAll(): number {
    let open = 0;
    const finish = (span: SpanRecord | null): void => {
      if (span === null) return;
      open++;
      span.setAttribute('zsd.unfinished', true);
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'still open when tracing stopped' });
      span.end(clock(lastT));
    };
    for (const w of waits.values()) finish(w.span);
    waits.clear();
    // Innermost first, so that children end no later than their parents.
    for (const s of stacks.values()) for (let i = s.length - 1; i >= 0; i--) finish(s[i]?.span ?? null);
    stacks.clear();
    ops.clear();
    zoneOps.clear();
    running.clear();
    return open;
  }

  return { onEvent, endAll, callbackSpans: () => callbacks };
}
