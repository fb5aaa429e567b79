/*
 * The tracing handle: the one run sequence every front end drives (the CLI's trace and list
 * commands, startTracing, the dashboard, the exporter), in the shape of libdtrace's
 *
 *   dtrace_open      openTrace({ host, registry })   the traced system and its providers
 *   dtrace_setopt    handle.setopt(name, value)      through the one option table
 *   dtrace_program_* handle.compile(sources)         files, cpp, compile; errors as data
 *   dtrace_go        handle.go(consumer)             runtime, BEGIN, probes enabled
 *   dtrace_work      handle.work()                   consume: report drops
 *   dtrace_stop      handle.stop()                   probes disabled, END
 *   (dtrace.c's end) handle.finish()                 drops, unprinted aggregations, status
 *
 * The host (the simulated kernel, a Node.js process, …) is a parameter: the handle never drives
 * time itself; the caller runs the host between go() and stop(). A host that compiles and runs
 * the program in another process (live Node.js targets) is a `remote`: compile() takes the
 * target's compilation and go() its runtime, whose records arrive over its channel. The consumer is whatever
 * implements `Consumer` (program/value-model.ts): the text and JSON consumers, the dashboard's
 * log, or a consumer in another process. The handle decides nothing about printing.
 */

import type { TypeLibrary } from '../lang/library.js';
import { standardLibraries } from '../lang/stdlib.js';
import { formatDiagnostic, type Diagnostic, type SourceUnit } from '../lang/diagnostics.js';
import { planBuffers } from '../runtime/buffer-check.js';
import { compile } from '../lang/compile.js';
import {
  DEFAULT_OPTIONS,
  resolveOptions,
  validateOption,
  type ProgramOptions,
  type RawOptionTable,
} from '../program/options.js';
import type { Program } from '../program/program.js';
import type { AggSnapshot, Consumer, DropKind } from '../program/value-model.js';
import type { Host } from '../provider/host.js';
import { installProfileProvider } from '../provider/profile.js';
import type { ProbeRegistry } from '../provider/registry.js';
import { createRuntime, type Runtime, type RuntimeUsage } from '../runtime/runtime.js';
import type { CppOptions } from './cpp.js';
import { remoteRuntime, type RemoteSystem } from './remote.js';
import { loadSources, type ProgramSource } from './sources.js';

export interface OpenOptions {
  /** Clocks, threads, stacks and timers of the traced system. */
  readonly host: Host;
  /** The providers the traced system declared. */
  readonly registry: ProbeRegistry;
  /** Struct member types the compiler knows: `{ zone_t: { zone_id: 'zoneid_t', … } }`. */
  readonly types?: Record<string, Record<string, string>>;
  /** Type libraries compiled before every program (lang/library.ts): the kernel's types first. */
  readonly libraries?: readonly TypeLibrary[];
  /** `$pid`, `$target`, … as the compiler substitutes them. */
  readonly macros?: Record<string, number>;
  /** -D/-U/-I for cpp when the `cpp` option is on. */
  readonly cpp?: CppOptions;
  /** Prefix of every message: `zsdtrace`. */
  readonly progname?: string;
  /** A traced system that compiles and runs the program itself, in its own process. */
  readonly remote?: RemoteSystem;
  /** This thread has a large stack: deeply nested programs compile (CompileOptions.largeStack). */
  readonly largeStack?: boolean;
}


/** Why a compile failed: dtrace's whole message line (no newline) and the diagnostics behind it. */
export interface CompileFailure {
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

export type CompileOutcome =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly failure: CompileFailure };

export interface GoOptions {
  /**
   * Consume (report drops) every `switchrate` and snapshot the aggregations every `aggrate` of
   * the host's clock, as dtrace's consumer loop does.
   */
  readonly periodicWork?: boolean;
}

export interface TraceCounters {
  readonly firings: number;
  readonly errors: number;
  readonly drops: Record<DropKind, number>;
}

/** The type libraries a handle compiles with: the standard ones, then the host's (OpenOptions.libraries). */
export function handleLibraries(host: readonly TypeLibrary[]): TypeLibrary[] {
  return [...standardLibraries, ...host];
}

const NO_CPP: CppOptions = { defines: [], undefs: [], incdirs: [] };

export class TraceHandle {
  readonly progname: string;
  private readonly raw: Record<string, string | true> = {};
  private units: SourceUnit[] = [];
  private compiled: Program | null = null;
  private runtime: Runtime | null = null;
  private consumer: Consumer | null = null;
  private cancelWork: (() => void) | null = null;
  private readonly exitCbs: ((status: number) => void)[] = [];
  private stopped = false;
  private finished = false;

  constructor(private readonly opts: OpenOptions) {
    this.progname = opts.progname ?? 'zsdtrace';
    // The profile provider belongs to every traced system (dtrace loads it with the others).
    installProfileProvider(opts.registry);
  }

  get registry(): ProbeRegistry {
    return this.opts.registry;
  }

  get host(): Host {
    return this.opts.host;
  }

  /** The options in force: set ones over the defaults; after compile(), the program's (pragmas too). */
  get options(): ProgramOptions {
    return this.runtime?.options ?? this.compiled?.options ?? resolveOptions(this.raw, DEFAULT_OPTIONS);
  }

  /** The compiled program, once compile() succeeded. */
  get program(): Program | null {
    return this.compiled;
  }

  /**
   * dtrace_setopt: sets an option (`value` true for a bare `-x name`). Before go() any option;
   * while tracing only the dynamic ones. Returns null, or dtrace's message (without progname):
   * `failed to set -x name=value: Invalid value for specified option`.
   */
  setopt(name: string, value: string | true = true): string | null {
    const why = this.runtime ? this.runtime.setOption(name, value === true ? undefined : value) : validateOption(name, value);
    if (why !== null) return `failed to set -x ${name}${value === true ? '' : `=${value}`}: ${why}`;
    if (!this.runtime) this.raw[name] = value;
    return null;
  }

  /** The options set so far, as given. */
  get rawOptions(): RawOptionTable {
    return this.raw;
  }

  /**
   * dtrace_program_fcompile/strcompile: reads, preprocesses and compiles every source as one
   * program, with the options set so far. Never throws for user input.
   */
  compile(sources: readonly ProgramSource[], macroArgs: readonly string[] = []): CompileOutcome {
    const loaded = loadSources(sources, this.options.cpp ? (this.opts.cpp ?? NO_CPP) : null);
    if ('error' in loaded) return { ok: false, failure: { message: `${this.progname}: ${loaded.error}`, diagnostics: [] } };
    this.units = loaded.units;
    if (this.opts.remote) {
      const r = this.opts.remote.compile();
      if (!r.ok) return { ok: false, failure: { message: r.message, diagnostics: [] } };
      this.compiled = r.program;
      return { ok: true, program: r.program };
    }
    const result = compile(loaded.units, {
      registry: this.opts.registry,
      ...(this.opts.types ? { types: this.opts.types } : {}),
      libraries: handleLibraries(this.opts.libraries ?? []),
      macroArgs,
      ...(this.opts.macros ? { macros: this.opts.macros } : {}),
      options: { ...this.raw },
      ...(this.opts.largeStack ? { largeStack: true } : {}),
    });
    if (!result.program) return { ok: false, failure: { message: this.render(result.diagnostics), diagnostics: result.diagnostics } };
    this.compiled = result.program;
    return { ok: true, program: result.program };
  }

  /** dtrace's diagnostic text for the first diagnostic (with `[D_TAG]` under errtags). */
  render(diagnostics: readonly Diagnostic[]): string {
    const d = diagnostics[0];
    if (!d) return `${this.progname}: internal error: compilation failed without a diagnostic; please report`;
    const unit = this.units[d.unit] ?? this.units[0] ?? { text: '', kind: 'script' as const };
    return formatDiagnostic(d, unit, { errtags: this.options.errtags, progname: this.progname });
  }

  /** dtrace's notices after compiling: `description 'x' matched N probes`, one per unit. */
  matchNotices(): string[] {
    const program = this.compiled;
    if (!program) return [];
    return program.units.map((u, i) => {
      const what = this.units[i]?.kind === 'script' ? `script '${u.description}'` : `description '${u.description}'`;
      return `${this.progname}: ${what} matched ${u.matched} probe${u.matched === 1 ? '' : 's'}`;
    });
  }

  /**
   * dtrace_go's buffer sizing (runtime/buffer-check.ts): sizes too large are lowered (the
   * notices say so) or, like a buffer too small, refused; the caller reports a problem as
   * `could not enable tracing: …` and does not go().
   */
  enableProblem(): { problem: string | null; notices: readonly string[] } {
    const program = this.compiled;
    if (!program) return { problem: null, notices: [] };
    const plan = planBuffers(program);
    // Lowered sizes are the ones tracing runs with.
    this.compiled = plan.program;
    return { problem: plan.problem, notices: plan.notices };
  }

  /** dtrace_go: creates the runtime on the host, fires BEGIN and enables the probes. */
  go(consumer: Consumer, opts: GoOptions = {}): void {
    const program = this.compiled;
    if (!program) throw new Error('internal error: go() before a successful compile()');
    if (this.runtime) throw new Error('internal error: go() called twice');
    this.consumer = consumer;
    this.runtime = this.opts.remote
      ? remoteRuntime(this.opts.remote.run(consumer), program.options)
      : createRuntime(program, { host: this.opts.host, registry: this.opts.registry, sink: consumer });
    this.runtime.onExit((status) => {
      for (const cb of this.exitCbs) cb(status);
    });
    this.runtime.start();
    if (opts.periodicWork) {
      const runtime = this.runtime;
      const period = Math.max(1_000_000, runtime.options.switchrate || 1e9);
      const stopWork = this.opts.host.every(period, () => this.work());
      const aggPeriod = Math.max(1_000_000, runtime.options.aggrate || 1e9);
      const stopSnaps = this.opts.host.every(aggPeriod, () => runtime.snapAggregations());
      this.cancelWork = () => {
        stopWork();
        stopSnaps();
      };
    }
  }

  /** dtrace_work: consumes what the probes produced so far; here, reports new drops. */
  work(): void {
    this.runtime?.flushDrops();
  }

  /**
   * Calls `cb` once when the script calls exit(), after the firing that called it (BEGIN's
   * included: register before go()).
   */
  onExit(cb: (status: number) => void): void {
    this.exitCbs.push(cb);
  }

  get exited(): boolean {
    return this.runtime?.exited ?? false;
  }

  /** exit()'s value once the script called it, else 0. */
  get exitStatus(): number {
    return this.runtime?.exited ? this.runtime.exitStatus : 0;
  }

  /** True once stop() ran. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** The aggregations now, sorted as dtrace sorts them. */
  snapshot(): AggSnapshot[] {
    return this.runtime?.snapshot() ?? [];
  }

  counters(): TraceCounters {
    return this.live().counters();
  }

  usage(): RuntimeUsage {
    return this.live().usage();
  }

  /** Empties every aggregation (the dashboard's clear key). */
  clear(): void {
    this.runtime?.clear();
  }

  /** dtrace_stop: disables the probes and fires END (once); reports the drops so far. */
  stop(): void {
    if (this.stopped || !this.runtime) return;
    this.stopped = true;
    this.cancelWork?.();
    this.cancelWork = null;
    this.runtime.stop();
    this.runtime.flushDrops();
  }

  /**
   * The end of the run (dtrace.c after its consume loop): stops if needed, hands the consumer the
   * aggregations never printed and the status, and returns the status (exit()'s value, or 0).
   */
  finish(): number {
    this.stop();
    if (!this.finished && this.runtime && this.consumer) {
      this.finished = true;
      this.consumer.finish(this.runtime.unprinted(), this.exitStatus);
    }
    return this.exitStatus;
  }

  private live(): Runtime {
    if (!this.runtime) throw new Error('internal error: the handle is not tracing (go() first)');
    return this.runtime;
  }
}

/** dtrace_open: a handle on a traced system. */
export function openTrace(opts: OpenOptions): TraceHandle {
  return new TraceHandle(opts);
}
