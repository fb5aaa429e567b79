/*
 * The runtime: turns a compiled Program into enabled probes. For every probe with enabled
 * clauses, the clauses' JavaScript (program order) is fused into one function with
 * `new Function` and installed with ProbeRegistry.enable (DESIGN.md 3). The fused function
 * runs its body inside a try so that nothing — a fault, a sink that throws — reaches the code
 * that fired the probe. BEGIN runs in start() before any other probe is enabled; END in stop() (once); ERROR
 * from the context on a fault (d-language.md 2.8). Tick and profile probes run on host.every.
 */

import type { AggSnapshot, DropKind, RuntimeSink } from '../program/value-model.js';
import type { Host } from '../provider/host.js';
import type { Probe, ProbeHandler } from '../provider/probe.js';
import type { ProbeRegistry } from '../provider/registry.js';
import type { ProgramOptions } from '../program/options.js';
import type { Enabling, Program } from '../program/program.js';
import { RuntimeContext, type RuntimeUsage } from './context.js';
import { profilePeriod } from '../provider/profile.js';

export interface RuntimeOptions {
  host: Host;
  registry: ProbeRegistry;
  sink: RuntimeSink;
}

export interface Runtime {
  start(): void;
  /** The options in force (the program's, as setopt() changed them). */
  readonly options: ProgramOptions;
  stop(): void;
  readonly exited: boolean;
  readonly exitStatus: number;
  onExit(cb: (status: number) => void): void;
  snapshot(): AggSnapshot[];
  unprinted(): AggSnapshot[];
  clear(): void;
  setOption(name: string, value?: string): string | null;
  counters(): { firings: number; errors: number; drops: Record<DropKind, number> };
  /** Space in use against each configured limit (dynvarsize, aggsize, bufsize), in entries/bytes. */
  usage(): RuntimeUsage;
  flushDrops(): void;
  /** The consumer's aggregation snapshot (every `aggrate`): frees the space `aggsize` bounds. */
  snapAggregations(): void;
}


const ARGS = 'a0, a1, a2, a3, a4, a5, a6, a7, a8, a9';
const BEGIN = 1;
const END = 2;
const ERROR = 3;

/**
 * Clauses per generated function. V8 gives every block-scoped constant of a function its own
 * register, so one function holding tens of thousands of clauses needs a frame larger than the
 * stack and overflows on every call; past this many clauses the fused function calls parts.
 */
export const CLAUSES_PER_PART = 256;

/** Builds the one function that runs every clause enabled on a probe. */
export function fuse(program: Program, en: Enabling, ctx: RuntimeContext, probe: Probe): ProbeHandler {
  const usesThis = en.clauses.some((c) => program.clauses[c.clause]!.usesThis);
  // Once a clause has called exit(), dtrace is draining and runs no further clause of the same
  // firing; only END (cooldown) runs all its clauses.
  const block = (c: Enabling['clauses'][number], i: number): string =>
    `${i > 0 ? 'if (!XS.exitPending || XS.coolingDown) ' : ''}{ const E = ${c.epid};\n${program.clauses[c.clause]!.source}\n}`;
  let body: string;
  let parts: ((...a: unknown[]) => void)[] = [];
  if (en.clauses.length <= CLAUSES_PER_PART) body = ['let w = 0;', 'const G = $.g;', ...en.clauses.map(block)].join('\n');
  else {
    // Each part sees the same probe arguments and `this->` store; `w` and `G` are per clause.
    for (let i = 0; i < en.clauses.length; i += CLAUSES_PER_PART) {
      const src = ['const XS = $.exitState;', `return function part(${ARGS}, T) {`, 'let w = 0;', 'const G = $.g;', ...en.clauses.slice(i, i + CLAUSES_PER_PART).map((c, j) => block(c, i + j)), '};'];
      const makePart = new Function('$', 'K', 'P', src.join('\n')) as (c: RuntimeContext, k: readonly unknown[], p: Probe) => (...a: unknown[]) => void;
      parts.push(makePart(ctx, program.constants, probe));
    }
    body = parts.map((_, i) => `Q[${i}](${ARGS}, ${usesThis ? 'T' : 'undefined'});`).join('\n');
  }
  // The firing runs inside one try: only a failing sink or an internal error reaches its catch,
  // and nothing may reach the code that fired the probe. Folding it into the generated function
  // rather than wrapping that in a closure saves a call on every firing.
  const src = [
    // The exit state is read on every firing: held by the closure rather than reached through $.
    'const XS = $.exitState;',
    `return function fire(${ARGS}) {`,
    'try {',
    'if (XS.halted) return;',
    '$.begin();',
    '$.firings++;',
    usesThis ? 'const T = [];' : '',
    body,
    'if (XS.exitPending) $.afterExit();',
    '} catch (e) { $.internalError(e); }',
    '};',
  ].join('\n');
  const make = new Function('$', 'K', 'P', 'Q', src) as (c: RuntimeContext, k: readonly unknown[], p: Probe, q: unknown[]) => ProbeHandler;
  return make(ctx, program.constants, probe, parts);
}

class ProgramRuntime implements Runtime {
  private readonly ctx: RuntimeContext;
  private readonly handlers = new Map<number, ProbeHandler>();
  private readonly disable: (() => void)[] = [];
  private readonly exitCbs: ((status: number) => void)[] = [];
  private started = false;
  private stopped = false;
  /** The host's clock when tracing started (dtrace's first status check) and at exit(). */
  private goTs = 0;
  private exitTs = 0;

  constructor(
    private readonly program: Program,
    private readonly opts: RuntimeOptions,
  ) {
    this.ctx = new RuntimeContext(program, opts.host, opts.sink, {
      afterExit: () => this.afterExit(),
      fireError: (epid, action, code, addr) => this.handlers.get(ERROR)?.(0, epid, action, 0, code, addr),
    });
    for (const en of program.enablings) {
      const probe = opts.registry.byId(en.probeId);
      if (probe) this.handlers.set(en.probeId, fuse(program, en, this.ctx, probe));
    }
  }

  get exited(): boolean {
    return this.ctx.exitState.exited;
  }
  get options(): ProgramOptions {
    return this.ctx.options;
  }
  get exitStatus(): number {
    return this.ctx.exitState.exitStatus;
  }

  private afterExit(): void {
    const exit = this.ctx.exitState;
    exit.exitPending = false;
    // After exit() no further probe fires clauses; END still runs in stop().
    exit.halted = true;
    this.exitTs = this.opts.host.timestamp();
    for (const cb of this.exitCbs.splice(0)) cb(exit.exitStatus);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.ctx.inConsumer = true;
    try {
      this.handlers.get(BEGIN)?.();
    } finally {
      this.ctx.inConsumer = false;
    }
    this.goTs = this.opts.host.timestamp();
    if (this.ctx.exitState.exited) return;
    for (const [id, h] of this.handlers) {
      if (id === BEGIN || id === END || id === ERROR) continue;
      const probe = this.opts.registry.byId(id);
      if (!probe) continue;
      this.disable.push(this.opts.registry.enable(probe, h));
      const period = probe.provider === 'profile' ? profilePeriod(probe.name) : null;
      if (period) {
        const fire = (): void => void (probe.enabled && probe.fire());
        const host = this.opts.host;
        this.disable.push(period.kind === 'profile' && host.profile ? host.profile(period.ns, fire) : host.every(period.ns, fire));
      }
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // Last enabled, first removed: a profile probe's sampler delivers its last samples while
    // the probe is still enabled.
    for (const d of this.disable.splice(0).reverse()) d();
    const end = this.handlers.get(END);
    const exit = this.ctx.exitState;
    if (end) {
      exit.halted = false;
      const wasExited = exit.exited;
      this.ctx.inConsumer = true;
      exit.coolingDown = true;
      if (wasExited) this.ctx.clockSkew = statusCheckAfter(this.goTs, this.exitTs, this.ctx.options.statusrate) - this.opts.host.timestamp();
      try {
        end();
      } finally {
        this.ctx.inConsumer = false;
        exit.coolingDown = false;
        this.ctx.clockSkew = 0;
      }
      exit.halted = true;
      if (!wasExited && exit.exitPending) this.afterExit();
    }
    exit.halted = true;
  }

  onExit(cb: (status: number) => void): void {
    this.exitCbs.push(cb);
  }

  snapshot(): AggSnapshot[] {
    return this.ctx.aggs.snapshot();
  }

  unprinted(): AggSnapshot[] {
    return this.ctx.aggs.unprinted();
  }

  clear(): void {
    this.ctx.aggs.clearAll();
  }

  setOption(name: string, value?: string): string | null {
    return this.ctx.setOption(name, value);
  }

  counters(): { firings: number; errors: number; drops: Record<DropKind, number> } {
    return this.ctx.counters();
  }

  usage(): RuntimeUsage {
    return this.ctx.usage();
  }

  flushDrops(): void {
    this.ctx.flushDrops();
  }

  snapAggregations(): void {
    this.ctx.aggs.snap();
  }
}

/**
 * dtrace's consumer learns of exit() at its next status check, one every `statusrate` from the
 * first one (at go), and only then stops tracing and fires END: the host's clock at that check.
 * The simulated kernel does not run on to it (END follows exit() at once in wall time); only
 * the clock END reads moves on to it.
 */
export function statusCheckAfter(goTs: number, exitTs: number, statusrate: number): number {
  if (!(statusrate > 0) || exitTs <= goTs) return Math.max(goTs, exitTs);
  return goTs + Math.ceil((exitTs - goTs) / statusrate) * statusrate;
}

export function createRuntime(program: Program, opts: RuntimeOptions): Runtime {
  return new ProgramRuntime(program, opts);
}

export type { RuntimeSink, RuntimeUsage };
