/*
 * The human report of a finding: what happened and why, the wait-for cycle, every thread's
 * state (what it holds, what it waits for, its stack), the last events, and what is needed to
 * replay the run (seed, policy, recorded schedule).
 */

import type { FunctionTable } from '../providers/functions.js';
import type { TraceEvent } from '../trace/events.js';
import type { FindingKind, Kernel } from './kernel.js';
import { describeWait } from './wait-graph.js';
import type { SimThread } from './thread.js';
import { findCycle } from './wait-graph.js';

export interface ReportContext {
  readonly kind: FindingKind;
  readonly message: string;
  readonly cycle: readonly SimThread[];
  readonly seed: number;
  readonly policy: string;
  readonly algorithm: string;
  readonly k: Kernel;
  readonly fns: FunctionTable;
}

const explanations: Record<FindingKind, string> = {
  deadlock:
    'Threads wait for each other in a cycle. In the pre-2008 design callbacks ran inside framework critical ' +
    'sections, so a callback taking zone_lock (crfree, zone_rele) under zsd_key_lock inverts the documented ' +
    'order against a zone_key_create holding zonehash_lock and every zone_lock (spec 5.2 item 3, scenario S2).',
  'recursive-enter':
    'A thread called mutex_enter on a mutex it already owns; the kernel panics with "recursive mutex_enter". ' +
    'In the pre-2008 design a create callback runs under zonehash_lock and every zone_lock, so zcmn_err -> ' +
    'zone_find_by_id or zone_hold re-enters them (spec 5.2 item 2, scenario S1).',
  'lock-order':
    'A lock was taken while holding one that comes later in the documented order ' +
    '(pool_lock, cpu_lock, zonehash_lock, zone_status_lock, zone_lock, zsd_key_lock; spec 1.5).',
  'use-after-free':
    'A thread touched a zsd_entry or zone_t after it was freed. T1: a zone_shutdown/zone_destroy waiter in ' +
    'zsd_wait_for_inprogress (zsd_apply_all_keys) whose entry zone_key_delete freed while it slept. T2: a ' +
    'zsd_apply_all_zones waiter holding no zone hold whose zone zone_free freed between cv_wait and its ' +
    're-taking zone_lock (spec 4.6). "other" is neither; the message says what happened.',
  'step-limit': 'The run exceeded its step limit (a livelock, or a workload longer than the limit).',
  assertion: 'A kernel ASSERT of the modelled code failed.',
};

export function buildReport(c: ReportContext): string {
  const k = c.k;
  const byTid = (tid: number): SimThread | undefined => k.thread(tid);
  const lines: string[] = [];
  lines.push(`finding: ${c.kind}`);
  lines.push(`  ${c.message}`);
  lines.push(`  at t=${k.now} ns, step ${k.steps}; seed ${c.seed}, policy ${c.policy}, algorithm ${c.algorithm}`);
  lines.push('why:');
  lines.push(`  ${explanations[c.kind]}`);
  const cycle = c.cycle.length > 0 && c.kind === 'deadlock' ? c.cycle : c.kind === 'deadlock' ? findCycle(k.threads, byTid) : [];
  if (cycle.length > 0) {
    lines.push('wait-for cycle:');
    for (const t of cycle) lines.push(`  ${t.label} holds [${t.holds.map((m) => m.label).join(', ')}] and waits for ${describeWait(t)}`);
  }
  lines.push('threads:');
  for (const t of k.threads) {
    if (t.state === 'done') continue;
    const stack = t.frames
      .slice()
      .reverse()
      .map((id) => c.fns.frame(id).func)
      .join(' <- ');
    lines.push(
      `  ${t.label} ${t === k.cur || t.state === 'run' ? 'running' : t.state}` +
        (t.blockedOn ? ` on ${describeWait(t)}` : '') +
        ` holds [${t.holds.map((m) => m.label).join(', ')}]` +
        (stack ? ` stack: ${stack}` : ''),
    );
  }
  lines.push('last events:');
  for (const e of k.log.recent()) lines.push(`  ${formatEvent(e)}`);
  const sched = k.choices;
  if (!k.recordChoices) lines.push(`replay: seed ${c.seed} with policy '${c.policy}' (a continuous run records no schedule; the seed reproduces it)`);
  else
    lines.push(
      `replay: seed ${c.seed} with policy 'replay' and the ${sched.length} recorded choices` +
        (sched.length <= 400 ? `: [${sched.join(',')}]` : ' (engine.schedule())'),
    );
  return lines.join('\n');
}

export function formatEvent(e: TraceEvent): string {
  const { t, tid, kind, ...rest } = e as TraceEvent & Record<string, unknown>;
  const fields = Object.entries(rest)
    .map(([key, v]) => `${key}=${String(v)}`)
    .join(' ');
  return `t=${t} tid=${tid} ${kind}${fields ? ' ' + fields : ''}`;
}
