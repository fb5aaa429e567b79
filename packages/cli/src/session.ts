/*
 * One tracing run: the heart of `zsdtrace -s script.d`.
 *
 *   1. load the workload (-c W, --workload W, or the endless `illumos` churn) and create the
 *      engine, which declares its providers on a fresh probe registry;
 *   2. read and (with -C) preprocess the scripts, compile every -s/-n/-P/-m/-f/-i unit as one
 *      program, print dtrace's "matched N probes" notices;
 *   3. create the runtime with the engine as its Host and a consumer (text, JSON, or the
 *      dashboard's log) as its sink; fire BEGIN;
 *   4. drive the engine: with -c (or --fast) on virtual time as fast as it goes, otherwise paced
 *      so that virtual time follows the wall clock, until exit(), the end of a -c workload,
 *      --duration, or an interrupt;
 *   5. fire END, report drops, print the aggregations never printed, flush spans, and return
 *      the exit status (exit()'s value, or 0/1).
 *
 * The run loop yields to the event loop between slices so that signals, the dashboard's timer and
 * the OTLP exporter keep working; nothing here blocks on I/O while the simulation runs.
 */

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import {
  createEngine,
  engineTypes,
  loadWorkload,
  WorkloadError,
  type Engine,
  type Workload,
} from '@zsdtrace/core';
import {
  compile,
  createRuntime,
  formatDiagnostic,
  JsonConsumer,
  optionNumber,
  validateOption,
  TextConsumer,
  type Runtime,
  type RuntimeSink,
  type SourceUnit,
} from '@zsdtrace/probes';
import type { CliArgs } from './args.js';
import { cropSpec } from './list.js';
import { openOutput, type OutputStream } from './output.js';
import { preprocess, PreprocessError } from './preprocess.js';
import type { OtlpHandle } from './otlp-wiring.js';
import { FoldedConsumer } from './live/folded.js';

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  readonly stderr: NodeJS.WritableStream;
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Installs an interrupt handler (SIGINT); returns its remover. */
  onInterrupt?(fn: () => void): () => void;
}

export const PROGNAME = 'zsdtrace';

/** Virtual time run per slice before yielding to the event loop (fast mode). */
const FAST_SLICE_NS = 20_000_000;
/** Wall-clock period of the paced loop. */
const PACE_MS = 10;
/** Most virtual time one paced iteration may simulate. */
const PACE_MAX_SLICE_NS = 25_000_000;

const CONTINUE_AFTER = ['use-after-free', 'lock-order'] as const;

export class SessionState {
  exitRequested = false;
  interrupted = false;
  aborted = false;
  paused = false;
}

export async function traceSession(args: CliArgs, io: Io): Promise<number> {
  const err = (s: string): void => {
    io.stderr.write(s);
  };

  // 1. The workload and the engine.
  const workloadName = args.command ?? args.workload ?? 'illumos';
  let workload: Workload;
  try {
    workload = loadWorkload(workloadName, args.params);
  } catch (e) {
    if (e instanceof WorkloadError) {
      err(`${PROGNAME}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const finite = args.command !== undefined;
  const engine = createEngine({
    workload,
    seed: args.seed,
    algorithm: args.algorithm,
    policy: args.policy,
    publishKeyAfterCreate: args.publishAfterCreate,
    continuous: !finite && args.workload === undefined,
    // A traced kernel that reads freed memory carries on (the finding is reported at the end);
    // deadlocks and panics stop it, as they would stop a real one.
    continueAfter: CONTINUE_AFTER,
  });

  // dtrace sets -x options before compiling anything, and fails on a bad one by itself.
  for (const [name, value] of Object.entries(args.options)) {
    const why = validateOption(name, value);
    if (why !== null) {
      err(`${PROGNAME}: failed to set -x ${name}${value === true ? '' : `=${value}`}: ${why}\n`);
      return 1;
    }
  }

  // 2. Read, preprocess and compile.
  const units: SourceUnit[] = [];
  for (const p of args.programs) {
    if (p.kind === 's') {
      let text: string;
      try {
        text = readFileSync(p.value, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : String(code);
        err(`${PROGNAME}: failed to open ${p.value}: ${why}\n`);
        return 1;
      }
      if (args.options.cpp === true) {
        try {
          text = preprocess(text, p.value, args.cpp);
        } catch (e) {
          if (e instanceof PreprocessError) {
            err(`${PROGNAME}: failed to compile script ${p.value}: ${e.message}\n`);
            return 1;
          }
          throw e;
        }
      }
      units.push({ text, kind: 's' === p.kind ? 'script' : p.kind, name: p.value });
    } else {
      units.push({ text: p.value, kind: p.kind, name: p.value });
    }
  }
  if (units.length === 0) {
    err(`${PROGNAME}: no probes specified\n`);
    return 2;
  }
  const result = compile(units, {
    registry: engine.registry,
    types: engineTypes,
    macroArgs: args.macroArgs,
    macros: { pid: process.pid, ppid: process.ppid, target: 0, uid: 0, gid: 0 },
    options: args.options,
  });
  if (!result.program) {
    const errtags = args.options.errtags !== undefined;
    const d = result.diagnostics[0]!;
    err(formatDiagnostic(d, units[d.unit] ?? units[0]!, { errtags, progname: PROGNAME }) + '\n');
    return 1;
  }
  const program = result.program;
  const quiet = program.options.quiet !== undefined && program.options.quiet !== 'false';
  if (args.compileOnly) return 0;

  if (!quiet) {
    program.units.forEach((u, i) => {
      const unit = units[i]!;
      const n = u.matched;
      const what = unit.kind === 'script' ? `script '${unit.name}'` : `description '${cropSpec(unit.text)}'`;
      err(`${PROGNAME}: ${what} matched ${n} probe${n === 1 ? '' : 's'}\n`);
    });
  }

  // 3. Output, runtime, exporters.
  const out: OutputStream = openOutput(args.output, io.stdout);
  const state = new SessionState();
  // The dashboard needs a terminal on both ends; without one it falls back to periodic text.
  const tuiWanted = args.tui;
  const tuiLive = tuiWanted && io.stdout.isTTY === true && io.stdin?.isTTY === true;
  const log = new LogBuffer();
  // While the dashboard is up, trace output goes to its log panel; END's output and the final
  // aggregations go to stdout after it has left the screen.
  let target: (s: string) => void = tuiLive ? (s) => log.append(s) : (s) => out.write(s);
  const sink = makeConsumer(args, program.options, (s) => target(s), err);
  const runtime: Runtime = createRuntime(program, { host: engine.host, registry: engine.registry, sink });
  runtime.onExit(() => {
    state.exitRequested = true;
  });

  let otlp: OtlpHandle | null = null;
  if (args.otlp !== undefined) {
    // Loaded only when asked for: OpenTelemetry's modules cost start-up time.
    const { startOtlp } = await import('./otlp-wiring.js');
    otlp = startOtlp(args, engine, workloadName, io.env, err);
  }

  const removeInterrupt = io.onInterrupt?.(() => {
    if (state.interrupted) {
      state.aborted = true;
      return;
    }
    state.interrupted = true;
  });

  const startWall = performance.now();
  runtime.start();
  // The principal buffer is consumed, and drops reported, every switchrate of the traced
  // system's clock (dtrace's consumer loop); statusrate paces nothing else here.
  const switchNs = Math.max(1_000_000, optionNumber(program.options, 'switchrate') || 1e9);
  const cancelSwitch = engine.host.every(switchNs, () => runtime.flushDrops());

  // 4. Drive the engine.
  try {
    if (tuiWanted) {
      const { runDashboardSession } = await import('./dashboard-wiring.js');
      await runDashboardSession({
        args, io, engine, runtime, program, state, log, out, workloadName, startWall, finite, otlp,
        live: tuiLive,
        drive: () => drive(engine, runtime, state, args, finite, startWall),
      });
      target = (s) => out.write(s);
    } else {
      await drive(engine, runtime, state, args, finite, startWall);
    }
  } finally {
    removeInterrupt?.();
    cancelSwitch();
  }
  if (state.aborted) {
    await out.close();
    return 1;
  }

  // 5. END, drops, the final aggregations, spans.
  runtime.stop();
  runtime.flushDrops();
  sink.finish(runtime.unprinted(), runtime.exited ? runtime.exitStatus : 0);
  await out.close();
  for (const f of engine.findings()) {
    const what = (CONTINUE_AFTER as readonly string[]).includes(f.kind) ? 'found' : 'stopped';
    err(`${PROGNAME}: the simulated kernel ${what}: ${f.message}\n${indent(f.report)}\n`);
  }
  if (otlp) await otlp.finish();
  return runtime.exited ? runtime.exitStatus : 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `    ${l}`))
    .join('\n');
}

/** Runs the engine until the trace should end. */
export async function drive(
  engine: Engine,
  runtime: Runtime,
  state: SessionState,
  args: CliArgs,
  finite: boolean,
  startWall: number,
): Promise<void> {
  // A finite workload ends the trace when it is done; any run ends when the simulated kernel
  // stopped on a finding (deadlock, panic), which it never recovers from.
  const stopNow = (): boolean =>
    state.exitRequested ||
    runtime.exited ||
    state.interrupted ||
    state.aborted ||
    (engine.done && (finite || engine.findings().length > 0));
  if (stopNow()) return;
  const fast = finite || args.fast;
  const limitNs = args.durationNs;
  if (fast) {
    while (!stopNow()) {
      if (limitNs !== undefined && engine.now >= limitNs) break;
      let target = engine.now + FAST_SLICE_NS;
      if (limitNs !== undefined) target = Math.min(target, limitNs);
      engine.runUntil(target);
      await tick();
    }
    return;
  }
  // Paced: virtual time follows the wall clock.
  await new Promise<void>((resolve) => {
    let pausedAt = 0;
    let pausedTotal = 0;
    const timer = setInterval(() => {
      const wall = performance.now();
      if (state.paused) {
        if (pausedAt === 0) pausedAt = wall;
        return;
      }
      if (pausedAt !== 0) {
        pausedTotal += wall - pausedAt;
        pausedAt = 0;
      }
      const elapsedNs = (wall - startWall - pausedTotal) * 1e6;
      if (limitNs !== undefined && elapsedNs >= limitNs) {
        engine.runUntil(limitNs);
        clearInterval(timer);
        resolve();
        return;
      }
      // When the simulation is slower than real time it falls behind rather than blocking the
      // event loop (the dashboard, signals and the exporter must stay responsive).
      engine.runUntil(Math.min(elapsedNs, engine.now + PACE_MAX_SLICE_NS));
      if (stopNow()) {
        clearInterval(timer);
        resolve();
      }
    }, PACE_MS);
  });
}

function makeConsumer(
  args: CliArgs,
  options: Readonly<Record<string, string | true>>,
  out: (s: string) => void,
  err: (s: string) => void,
): RuntimeSink & { finish(aggs: unknown, status: number): void } {
  const on = (name: string): boolean => options[name] !== undefined && options[name] !== 'false';
  const common = {
    out,
    err,
    quiet: on('quiet'),
    flowindent: on('flowindent'),
    progname: PROGNAME,
    droptags: on('droptags'),
    strsize: Number(options.strsize ?? 256) || 256,
    options,
  };
  const text = args.format === 'folded' ? new FoldedConsumer(common, out) : new TextConsumer(common);
  return (args.format === 'json' ? new JsonConsumer(common) : text) as RuntimeSink & {
    finish(aggs: unknown, status: number): void;
  };
}

/** Trace output held for the dashboard's log panel: complete lines, plus the line being written. */
export class LogBuffer {
  private lines: string[] = [];
  private partial = '';

  append(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const p of parts) this.lines.push(p);
    if (this.lines.length > 5000) this.lines.splice(0, this.lines.length - 5000);
  }

  /** The complete lines written since the previous call. */
  drain(): string[] {
    const l = this.lines;
    this.lines = [];
    return l;
  }
}
