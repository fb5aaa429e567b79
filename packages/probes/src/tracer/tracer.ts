/*
 * The programmatic tracer: a Node.js program traces itself with a D script in three lines.
 *
 *   const tracer = startTracing(`app:::request-done { @[args[1]] = count(); }`, { registry });
 *   …                                        // the program runs; its probe sites fire
 *   process.stdout.write(tracer.stop());     // END, then what dtrace(1) would have printed
 *
 * It drives the tracing handle (handle/handle.ts) on a Node host: compile the script against the
 * program's own registry, go (BEGIN, probes enabled); on stop() (or when the script calls
 * exit()) finish: END, drops, dtrace's post-loop newline and the aggregations never printed.
 * The text is dtrace's own (consumer/text-consumer.ts): probe lines unless quiet, records, the
 * exit print.
 *
 * Output goes to `out` as it is produced when the caller gives one (a long-running program
 * streams it and nothing is retained); otherwise it is kept, and `output` / stop() return it.
 * Faults, drops and runtime errors go to `err` (stderr by default), as dtrace prints them.
 * Compile errors throw DCompileError; nothing the script does at run time ever throws into the
 * program (the runtime catches it at the probe).
 */

import type { AggSnapshot } from '../program/value-model.js';
import type { TextConsumer } from '../consumer/text-consumer.js';
import { createConsumer } from '../handle/consumer-factory.js';
import { openTrace, type TraceHandle } from '../handle/handle.js';
import type { ProgramSource } from '../handle/sources.js';
import type { Host } from '../provider/host.js';
import { createNodeHost } from '../provider/node-host.js';
import type { ProbeRegistry } from '../provider/registry.js';
import { DCompileError } from './compile-error.js';

/** The prefix of every message, as the CLI's. */
const PROGNAME = 'zsdtrace';

export interface TracerOptions {
  /** The registry on which the program declared its providers. */
  readonly registry: ProbeRegistry;
  /** Clocks, thread and timers; a plain Node.js host (createNodeHost) by default. */
  readonly host?: Host;
  /** dtrace -q: no probe lines, only what the script prints. */
  readonly quiet?: boolean;
  /** Receives the trace output as it is produced; when given, nothing is retained. */
  readonly out?: (s: string) => void;
  /** Receives faults, drops and runtime errors (`zsdtrace: …\n`); process.stderr by default. */
  readonly err?: (s: string) => void;
  /** dtrace -x options (`{ aggsortkey: true, strsize: '64' }`). */
  readonly options?: Record<string, string | true>;
  /**
   * Compile the text as a script file of this name (dtrace -s: `line N:` in errors, `$0`)
   * rather than as a probe description (dtrace -n).
   */
  readonly name?: string;
  /** Called once after the script called exit(): END has run and the output is complete. */
  readonly onExit?: (status: number) => void;
}

export interface Tracer {
  /** The aggregations now, sorted as dtrace sorts them. */
  snapshot(): AggSnapshot[];
  /** Every aggregation now, in the format dtrace prints them at exit (no leading newline). */
  print(): string;
  /** Stops tracing (once): fires END, prints the unprinted aggregations; returns `output`. */
  stop(): string;
  /** Everything printed so far (empty when an `out` receives the output). */
  readonly output: string;
  /** True once stop() ran or the script called exit(). */
  readonly stopped: boolean;
  /** True if the script called exit(); `exitStatus` is then its value. */
  readonly exited: boolean;
  readonly exitStatus: number;
}

/** Compiles `script`, fires BEGIN and enables its probes; throws DCompileError if it fails to compile. */
export function startTracing(script: string, opts: TracerOptions): Tracer {
  const handle = openTrace({ host: opts.host ?? createNodeHost(), registry: opts.registry, progname: PROGNAME });
  const options: Record<string, string | true> = { ...opts.options };
  if (opts.quiet) options.quiet = true;
  for (const [name, value] of Object.entries(options)) {
    const why = handle.setopt(name, value);
    if (why !== null) throw new DCompileError(`${PROGNAME}: ${why}`, [{ code: 'D_XOPT', message: why, unit: 0 }]);
  }
  const source: ProgramSource = opts.name !== undefined ? { kind: 'script', text: script, name: opts.name } : { kind: 'n', text: script };
  const r = handle.compile([source]);
  if (!r.ok) throw new DCompileError(r.failure.message, r.failure.diagnostics);
  return new ScriptTracer(handle, opts);
}

class ScriptTracer implements Tracer {
  private text = '';
  private readonly consumer: TextConsumer;
  private finished = false;

  constructor(
    private readonly handle: TraceHandle,
    opts: TracerOptions,
  ) {
    const options = handle.options;
    const out = opts.out ?? ((s: string): void => void (this.text += s));
    const err = opts.err ?? ((s: string): void => void process.stderr.write(s));
    this.consumer = createConsumer('text', options, { out, err, progname: PROGNAME });
    // exit() ends tracing as in dtrace: END runs and the aggregations are printed. The runtime
    // calls this at the end of the firing that called exit(), so stopping here is not re-entrant.
    handle.onExit((status) => {
      this.finish();
      opts.onExit?.(status);
    });
    handle.go(this.consumer);
  }

  get output(): string {
    return this.text;
  }

  get stopped(): boolean {
    return this.finished;
  }

  get exited(): boolean {
    return this.handle.exited;
  }

  get exitStatus(): number {
    return this.handle.exitStatus;
  }

  snapshot(): AggSnapshot[] {
    return this.handle.snapshot();
  }

  print(): string {
    return this.consumer.printAggregations(this.handle.snapshot());
  }

  stop(): string {
    this.finish();
    return this.text;
  }

  /** dtrace's end of run (d-language.md 2.8, steps 4 and 6): END, drops, newline, aggregations. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.handle.finish();
  }
}
