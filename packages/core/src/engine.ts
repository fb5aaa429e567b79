/*
 * The engine: one deterministic run of the simulated ZSD kernel under a workload.
 *
 * createEngine wires the layers: providers declared on the registry, the kernel (scheduler,
 * clock, detectors), the zone/ZSD state with the chosen algorithm, the workload driver, and the
 * Host for the D runtime. Same seed + workload + options => byte-identical event stream (and
 * traceHash). The engine never prints; findings are returned as data with a text report.
 */

import type { Algorithm } from './algorithm.js';
import { ProbeRegistry, type Host } from '@zsdtrace/probes/provider';
import { declareEngineProbes } from './providers/declare.js';
import { FunctionTable } from './providers/functions.js';
import { createEngineHost } from './sim/host.js';
import { engineObjectAt } from './zone/objects.js';
import { Kernel, type FindingKind, type Hazard } from './sim/kernel.js';
import { createPolicy, type PolicyName, type SchedulingPolicy } from './sim/policy.js';
import { Prng } from './sim/prng.js';
import { buildReport } from './sim/report.js';
import type { SimThread } from './sim/thread.js';
import { TraceLog } from './sim/trace-log.js';
import type { TraceListener } from './trace/events.js';
import { startWorkload, type DriverControl } from './workload/driver.js';
import type { Workload } from './workload/types.js';
import { stateFingerprint } from './zone/fingerprint.js';
import { ZoneSystem } from './zone/system.js';
import { zoneStatusNames } from './zone/zone.js';
import { currentOps } from './zsd/current.js';
import { legacyOps } from './zsd/legacy.js';

export interface EngineOptions {
  workload: Workload;
  seed?: number;
  algorithm?: Algorithm;
  publishKeyAfterCreate?: boolean;
  policy?: PolicyName;
  pctDepth?: number;
  schedule?: readonly number[];
  registry?: ProbeRegistry;
  continuous?: boolean;
  maxSteps?: number;
  /** Finding kinds that are reported but do not stop the run (default: every finding stops it). */
  continueAfter?: readonly FindingKind[];
  wallEpochNs?: bigint;
  /** Schedule with this policy instead of `policy` (the exhaustive explorer's, or a replay). */
  schedulePolicy?: SchedulingPolicy;
  /** The explorer's model: no time, scheduling points only at synchronization operations, and
   *  each step's footprint reported to the policy (docs/verify.md). */
  untimed?: boolean;
}

export interface Finding {
  kind: FindingKind;
  /** For a use-after-free: the hazard of spec 4.6 it is (T1, T2) or 'other'. */
  hazard?: Hazard;
  message: string;
  report: string;
  seed: number;
  t: number;
}

export interface RunResult {
  findings: readonly Finding[];
  steps: number;
  events: number;
  virtualNs: number;
  traceHash: string;
}

export interface EngineState {
  zones: { id: number; name: string; status: number; statusName: string }[];
  keys: { key: number; name: string; create: boolean; shutdown: boolean; destroy: boolean }[];
  threads: { tid: number; name: string; state: 'run' | 'ready' | 'blocked' | 'sleep' | 'done'; blockedOn?: string; holds: string[] }[];
  waits: { tid: number; zone: number; key: number; kind: 'creator' | 'inprogress'; since: number }[];
}

export interface Engine {
  readonly registry: ProbeRegistry;
  readonly host: Host;
  readonly now: number;
  readonly done: boolean;
  onEvent(listener: TraceListener): () => void;
  runUntil(virtualNs: number): void;
  run(): RunResult;
  stop(): void;
  pause(paused: boolean): void;
  state(): EngineState;
  findings(): readonly Finding[];
  /** The recorded scheduling choices (for policy 'replay'); empty for a continuous run. */
  schedule(): readonly number[];
  traceHash(): string;
  /** A hash of the visible state (zones, entries, keys, locks, threads), for the explorer. */
  fingerprint(): number;
  /** Turns step-footprint recording on or off (an untimed engine starts with it on). The explorer
   *  turns it off while it replays a prefix whose steps it already knows. */
  recordFootprints(on: boolean): void;
  stats(): { steps: number; events: number; probeFirings: number; callbacks: number; threads: number };
}

/** 2026-01-01T00:00:00Z in ns. */
const DEFAULT_EPOCH_NS = 1_767_225_600_000_000_000n;

export function createEngine(opts: EngineOptions): Engine {
  return new SimEngine(opts);
}

class SimEngine implements Engine {
  readonly registry: ProbeRegistry;
  readonly host: Host;
  private readonly log = new TraceLog();
  private readonly k: Kernel;
  private readonly s: ZoneSystem;
  private readonly fns = new FunctionTable();
  private readonly found: Finding[] = [];
  private readonly control: DriverControl = { stopping: false };
  private readonly seed: number;
  private paused = false;

  constructor(private readonly opts: EngineOptions) {
    this.seed = opts.seed ?? 1;
    this.registry = opts.registry ?? new ProbeRegistry();
    const probes = declareEngineProbes(this.registry, this.fns);
    const policy = createPolicy(opts.policy ?? 'random', new Prng(this.seed), {
      ...(opts.pctDepth !== undefined ? { pctDepth: opts.pctDepth } : {}),
      ...(opts.schedule !== undefined ? { schedule: opts.schedule } : {}),
    });
    const maxSteps = opts.maxSteps ?? (opts.continuous ? Number.POSITIVE_INFINITY : 50_000_000);
    const sink = (kind: FindingKind, message: string, cycle: readonly SimThread[], hazard?: Hazard): void =>
      this.record(kind, message, cycle, hazard);
    this.k = new Kernel(opts.schedulePolicy ?? policy, this.log, probes.kernel, sink, {
      maxSteps,
      recordChoices: !opts.continuous,
      nonFatal: new Set(opts.continueAfter ?? []),
      untimed: opts.untimed ?? false,
      footprints: opts.untimed ?? false,
    });
    const algorithm = opts.algorithm ?? 'current';
    this.s = new ZoneSystem({
      kernel: this.k,
      log: this.log,
      probes,
      functions: this.fns,
      algorithm,
      publishKeyAfterCreate: opts.publishKeyAfterCreate ?? false,
      ops: algorithm === 'legacy' ? legacyOps : currentOps,
    });
    // Durations draw from their own stream, so replaying a schedule redraws the same values.
    startWorkload(this.s, opts.workload, new Prng(this.seed ^ 0x5bd1e995), opts.continuous ?? false, this.control);
    const system = this.s;
    this.host = createEngineHost(this.k, this.fns, opts.wallEpochNs ?? DEFAULT_EPOCH_NS, (addr) => engineObjectAt(system, addr));
  }

  get now(): number {
    return this.k.now;
  }

  get done(): boolean {
    return this.k.halted || this.k.finished;
  }

  onEvent(listener: TraceListener): () => void {
    return this.log.on(listener);
  }

  runUntil(virtualNs: number): void {
    if (this.paused) return;
    while (!this.done && this.k.now < virtualNs && !this.paused) {
      if (!this.k.step(virtualNs) && !this.done) break;
    }
    // A finished run keeps its clock (and tick probes) moving with the caller's time. A halted
    // one (a fatal finding) keeps only its clock moving (no timer fires on a stopped kernel), so
    // a caller that runs until a time, as --duration does, still gets there.
    if (this.done) this.k.idleUntil(virtualNs);
  }

  run(): RunResult {
    while (!this.done) {
      if (!this.k.step() && !this.done) break;
    }
    return {
      findings: this.found,
      steps: this.k.steps,
      events: this.log.count,
      virtualNs: this.k.now,
      traceHash: this.traceHash(),
    };
  }

  stop(): void {
    this.control.stopping = true;
  }

  pause(paused: boolean): void {
    this.paused = paused;
  }

  state(): EngineState {
    const zones = [...this.s.active, ...this.s.deathrow].map((z) => ({
      id: z.zone_id,
      name: z.zone_name,
      status: z.zone_status,
      statusName: zoneStatusNames[z.zone_status] ?? String(z.zone_status),
    }));
    const keys = [...this.s.keyInfo].map(([key, i]) => ({ key, ...i }));
    const threads = this.k.threads.map((t) => {
      const state = t.state === 'busy' ? 'run' : t.state;
      const base = { tid: t.tid, name: t.name, state, holds: t.holds.map((m) => m.label) };
      return t.blockedOn ? { ...base, blockedOn: t.blockedOn.label } : base;
    });
    const waits = [...this.s.waits.values()].map((w) => ({ ...w }));
    return { zones, keys, threads, waits };
  }

  findings(): readonly Finding[] {
    return this.found;
  }

  schedule(): readonly number[] {
    return this.k.choices;
  }

  traceHash(): string {
    return this.log.digest();
  }

  fingerprint(): number {
    return stateFingerprint(this.s, this.k);
  }

  recordFootprints(on: boolean): void {
    if (this.opts.untimed) this.k.tracker.on = on;
  }

  stats(): { steps: number; events: number; probeFirings: number; callbacks: number; threads: number } {
    return {
      steps: this.k.steps,
      events: this.log.count,
      probeFirings: this.s.firings + this.k.firings,
      callbacks: this.s.callbacks,
      threads: this.k.created,
    };
  }

  private record(kind: FindingKind, message: string, cycle: readonly SimThread[], hazard?: Hazard): void {
    const report = buildReport({
      kind,
      message,
      cycle,
      seed: this.seed,
      policy: this.opts.policy ?? 'random',
      algorithm: this.s?.algorithm ?? this.opts.algorithm ?? 'current',
      k: this.k,
      fns: this.fns,
    });
    this.found.push({ kind, ...(hazard !== undefined && { hazard }), message, report, seed: this.seed, t: this.k.now });
    this.log.emit({ kind: 'finding', t: this.k.now, tid: this.k.cur.tid, finding: kind, message });
  }
}
