/*
 * Trace digests: what every seed of every built-in workload does, reduced to one JSON document,
 * so that a change meant to make the engine faster can be checked to make it do exactly the same
 * thing. For each run it records a SHA-256 of the full event stream (every field of every event,
 * in order), the step count, the virtual clock, the recorded schedule and the findings; runs with
 * every probe enabled also record each firing with its clock, thread and stack(); the exhaustive
 * explorer's summaries cover the untimed model and its step footprints.
 *
 *   node --conditions=source --import tsx bench/lib/trace-digest.ts > before.json
 *   … change the engine …
 *   node --conditions=source --import tsx bench/lib/trace-digest.ts --check before.json
 *
 * --check prints the runs that differ and exits 1 if any does.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { builtinWorkloads, createEngine, exploreExhaustive, loadWorkload, scheduleHarness, type Algorithm } from '../../packages/core/src/index.js';
import type { PolicyName } from '../../packages/core/src/sim/policy.js';

type Digest = Record<string, unknown>;

const sha = (h: ReturnType<typeof createHash>): string => h.digest('hex').slice(0, 32);

function seedRun(workload: string, seed: number, algorithm: Algorithm, policy: PolicyName, probes: boolean): Digest {
  const params: Record<string, number> = workload === 'boot-storm' ? { zones: 30, keys: 8 } : {};
  const e = createEngine({ workload: loadWorkload(workload, params), seed, algorithm, policy, ...(policy === 'pct' ? { pctDepth: 3 } : {}) });
  const events = createHash('sha256');
  e.onEvent((ev) => events.update(`${JSON.stringify(ev)}\n`));
  const firings = createHash('sha256');
  let fired = 0;
  if (probes) {
    for (const p of e.registry.probes) {
      e.registry.enable(p, (...args: unknown[]) => {
        fired++;
        const t = e.host.thread();
        const stack = e.host.stack().map((f) => `${f.module}:${f.func}+${f.offset}`).join('<');
        const shown = args.map((a) => (typeof a === 'object' && a !== null ? 'o' : String(a))).join(',');
        firings.update(`${p.id} ${e.host.timestamp()} ${e.host.vtimestamp()} ${t.tid} ${t.cpu} ${stack} ${shown}\n`);
      });
    }
  }
  const r = e.run();
  // The same run with nobody listening (the log then reuses its records): the same hash.
  const quiet = createEngine({ workload: loadWorkload(workload, params), seed, algorithm, policy, ...(policy === 'pct' ? { pctDepth: 3 } : {}) }).run();
  const schedule = createHash('sha256').update(e.schedule().join(',')).digest('hex').slice(0, 32);
  return {
    events: sha(events),
    count: r.events,
    traceHash: r.traceHash,
    quietHash: quiet.traceHash,
    steps: r.steps,
    virtualNs: r.virtualNs,
    schedule,
    findings: r.findings.map((f) => `${f.kind}@${f.t}: ${f.message}`),
    ...(probes ? { fired, firings: sha(firings) } : {}),
  };
}

function explore(workload: string, algorithm: Algorithm, bound: number): Digest {
  const w = loadWorkload(workload);
  const registry = new ProbeRegistry();
  const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm, untimed: true, schedulePolicy: policy, registry }), algorithm);
  const r = exploreExhaustive(h, { maxPreemptions: bound, maxSchedules: 20_000, maxMs: 600_000, por: true, now: () => 0 });
  return { schedules: r.schedules, pruned: r.pruned, steps: r.steps, states: r.states, complete: r.complete, findings: r.findings.map((f) => JSON.stringify(f).slice(0, 400)) };
}

function digest(): Record<string, Digest> {
  const out: Record<string, Digest> = {};
  for (const w of builtinWorkloads) {
    for (const algorithm of ['current', 'legacy'] as const) {
      for (let seed = 1; seed <= 8; seed++) out[`${w} ${algorithm} random ${seed}`] = seedRun(w, seed, algorithm, 'random', false);
      out[`${w} ${algorithm} pct 5`] = seedRun(w, 5, algorithm, 'pct', false);
      out[`${w} ${algorithm} round-robin 1`] = seedRun(w, 1, algorithm, 'round-robin', false);
      out[`${w} ${algorithm} random 9 probes`] = seedRun(w, 9, algorithm, 'random', true);
    }
  }
  for (const [w, algorithm] of [['s1', 'legacy'], ['s2', 'current'], ['hazard-t1', 'current'], ['hazard-t2', 'current']] as const) {
    out[`explore ${w} ${algorithm} bound 1`] = explore(w, algorithm, 1);
  }
  return out;
}

const args = process.argv.slice(2);
const now = digest();
if (args[0] === '--check' && args[1]) {
  const before = JSON.parse(readFileSync(args[1], 'utf8')) as Record<string, Digest>;
  let bad = 0;
  for (const name of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const a = JSON.stringify(before[name]);
    const b = JSON.stringify(now[name]);
    if (a !== b) {
      bad++;
      process.stdout.write(`DIFFERS ${name}\n  before ${a}\n  now    ${b}\n`);
    }
  }
  process.stdout.write(`${Object.keys(now).length} runs compared, ${bad} differ\n`);
  process.exitCode = bad === 0 ? 0 : 1;
} else {
  process.stdout.write(`${JSON.stringify(now, null, 1)}\n`);
}
