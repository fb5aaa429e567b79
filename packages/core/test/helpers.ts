/*
 * Test helpers: run a workload and collect its trace events; enable probes and record firings.
 */

import type { ProbeRegistry } from '@zsdtrace/probes/provider';
import { createEngine, validateWorkload, type EngineOptions, type TraceEvent, type Workload } from '../src/index.js';

export function runCollect(opts: EngineOptions): { events: TraceEvent[]; findings: ReturnType<ReturnType<typeof createEngine>['findings']> } {
  const e = createEngine(opts);
  const events: TraceEvent[] = [];
  e.onEvent((ev) => events.push(ev));
  e.run();
  return { events, findings: e.findings() };
}

/** Records `provider:func:name` plus the zone id and key (or entry key) of each sdt firing. */
export function recordSdt(registry: ProbeRegistry, out: string[]): void {
  for (const p of registry.probes) {
    if (p.provider !== 'sdt') continue;
    registry.enable(p, (a0, a1) => {
      const z = a0 as { zone_id: number };
      const k = typeof a1 === 'object' && a1 !== null ? (a1 as { zsd_key: number }).zsd_key : a1;
      out.push(`${p.func}:${p.name}(${z.zone_id},${p.name === 'zsd-create-end' ? 'data' : String(k)})`);
    });
  }
}

export function workload(json: unknown): Workload {
  return validateWorkload(json, 'test');
}

/** Per (phase, zone, key): counts of start events; also needed/completed pairing. */
export function phaseCounts(events: readonly TraceEvent[]): { starts: Map<string, number>; unmatchedNeeded: string[] } {
  const starts = new Map<string, number>();
  const needed = new Set<string>();
  const completed = new Set<string>();
  for (const e of events) {
    if (e.kind === 'start' || e.kind === 'needed' || e.kind === 'completed') {
      const id = `${e.phase}:${e.zone}:${e.key}`;
      if (e.kind === 'start') starts.set(id, (starts.get(id) ?? 0) + 1);
      else if (e.kind === 'needed') needed.add(id);
      else completed.add(id);
    }
  }
  return { starts, unmatchedNeeded: [...needed].filter((id) => !completed.has(id)) };
}
