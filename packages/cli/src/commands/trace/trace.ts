/*
 * `zsdtrace -s script.d` (and -n/-P/-m/-f/-i): one tracing run of the simulated kernel, driven
 * through the tracing handle (@zsdtrace/probes, handle/handle.ts):
 *
 *   1. load the workload (-c W, --workload W, or the endless `illumos` churn) and create the
 *      engine, which declares its providers on a fresh probe registry; open a handle on it;
 *   2. set every -x option (dtrace fails on a bad one before compiling), compile every unit as
 *      one program, print dtrace's "matched N probes" notices;
 *   3. go: a consumer (text, JSON, or the dashboard's log) receives the output; BEGIN fires;
 *   4. drive the engine (run-loop.ts) until exit(), the end of a -c workload, --duration, or an
 *      interrupt; the dashboard and the exporter watch the run meanwhile;
 *   5. finish: END, drops, the aggregations never printed; report findings, flush spans, and
 *      return the exit status (exit()'s value, or 0/1).
 */

import { performance } from 'node:perf_hooks';
import { createEngine, engineLibraries, loadWorkload, WorkloadError, type Workload } from '@zsdtrace/core';
import { openTrace, type ProgramSource } from '@zsdtrace/probes';
import type { CliArgs, ProgramArg } from '../../args.js';
import { PROGNAME, type Io } from '../../io.js';
import { LargeStackNeeded } from '../../large-stack.js';
import { openOutput, OutputError, type OutputStream } from '../../output.js';
import type { OtlpHandle } from '../../otlp/wiring.js';
import { LogBuffer } from '../../tui/log-buffer.js';
import { makeConsumer } from './consumer.js';
import { drive, RunState } from './run-loop.js';

const CONTINUE_AFTER = ['use-after-free', 'lock-order'] as const;

/** The command line's -s/-n/… arguments as the handle's sources, in order. */
export function programSources(programs: readonly ProgramArg[]): ProgramSource[] {
  return programs.map((p) => (p.kind === 's' ? { kind: 'file', path: p.value } : { kind: p.kind, text: p.value }));
}

export async function traceCommand(args: CliArgs, io: Io): Promise<number> {
  const err = (s: string): void => {
    io.stderr.write(s);
  };

  // 1. The workload, the engine, the handle.
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
  const handle = openTrace({
    host: engine.host,
    registry: engine.registry,
    libraries: engineLibraries,
    macros: { pid: process.pid, ppid: process.ppid, target: 0, uid: 0, gid: 0 },
    cpp: args.cpp,
    progname: PROGNAME,
    ...(io.largeStack ? { largeStack: true } : {}),
  });

  // 2. Options, then compile.
  for (const [name, value] of Object.entries(args.options)) {
    const why = handle.setopt(name, value);
    if (why !== null) {
      err(`${PROGNAME}: ${why}\n`);
      return 1;
    }
  }
  if (args.programs.length === 0) {
    err(`${PROGNAME}: no probes specified\n`);
    return 2;
  }
  const compiled = handle.compile(programSources(args.programs), args.macroArgs);
  if (!compiled.ok) {
    if (compiled.failure.diagnostics[0]?.largeStack && !io.largeStack) throw new LargeStackNeeded(compiled.failure.message);
    err(`${compiled.failure.message}\n`);
    return 1;
  }
  const program = compiled.program;
  if (args.compileOnly) return 0;
  if (!program.options.quiet) for (const line of handle.matchNotices()) err(`${line}\n`);
  const buffers = handle.enableProblem();
  if (buffers.problem !== null) {
    err(`${PROGNAME}: could not enable tracing: ${buffers.problem}\n`);
    return 1;
  }
  for (const n of buffers.notices) err(`${PROGNAME}: ${n}\n`);

  // 3. Output, consumer, exporters; go.
  const state = new RunState();
  let out: OutputStream;
  try {
    out = openOutput(args.output, io.stdout, () => {
      state.exitRequested = true;
    });
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    err(`${PROGNAME}: ${e.message}\n`);
    return 1;
  }
  // The dashboard needs a terminal on both ends; without one it falls back to periodic text.
  const tuiWanted = args.tui;
  const tuiLive = tuiWanted && io.stdout.isTTY === true && io.stdin?.isTTY === true;
  const log = new LogBuffer();
  // While the dashboard is up, trace output goes to its log panel; END's output and the final
  // aggregations go to stdout after it has left the screen.
  let target: (s: string) => void = tuiLive ? (s) => log.append(s) : (s) => out.write(s);
  const consumer = makeConsumer(args.format, program.options, (s) => target(s), err);

  let otlp: OtlpHandle | null = null;
  if (args.otlp !== undefined) {
    // Loaded only when asked for: OpenTelemetry's modules cost start-up time.
    const { startOtlp } = await import('../../otlp/wiring.js');
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
  handle.onExit(() => {
    state.exitRequested = true;
  });
  // The principal buffer is consumed, and drops reported, every switchrate of the traced
  // system's clock (dtrace's consumer loop); statusrate paces nothing else here.
  handle.go(consumer, { periodicWork: true });

  // 4. Drive the engine.
  const run = (): Promise<void> =>
    drive(engine, handle, state, {
      fast: finite || args.fast,
      finite,
      ...(args.durationNs !== undefined ? { limitNs: args.durationNs } : {}),
      onWallLimit: (wallMs, virtualNs) =>
        err(`${PROGNAME}: --duration: ${(wallMs / 1000).toFixed(1)} s of wall time passed at ${(virtualNs / 1e6).toFixed(3)} ms of virtual time; stopping the --fast run there\n`),
      startWall,
    });
  try {
    if (tuiWanted) {
      const { runDashboardSession } = await import('../../tui/wiring.js');
      await runDashboardSession({
        args, io, engine, handle, state, log, out, workloadName, startWall, otlp,
        live: tuiLive,
        drive: run,
      });
      target = (s) => out.write(s);
    } else {
      await run();
    }
  } finally {
    removeInterrupt?.();
  }
  if (state.aborted) {
    await out.close();
    return 1;
  }

  // 5. END, drops, the final aggregations, findings, spans.
  const status = handle.finish();
  await out.close();
  for (const f of engine.findings()) {
    const what = (CONTINUE_AFTER as readonly string[]).includes(f.kind) ? 'found' : 'stopped';
    err(`${PROGNAME}: the simulated kernel ${what}: ${f.message}\n${indent(f.report)}\n`);
  }
  if (otlp) await otlp.finish();
  if (out.failure !== null) {
    err(`${PROGNAME}: ${out.failure}\n`);
    return 1;
  }
  return status;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `    ${l}`))
    .join('\n');
}
