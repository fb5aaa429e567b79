/*
 * How the service traces itself: which D script (the `--trace script.d` flag, or the TRACE
 * environment variable holding a probe description and its actions, as `dtrace -n` takes it),
 * and a tracer started on the service's own registry that writes dtrace's output to stdout and
 * its messages to stderr.
 *
 * This is the programmatic tracer's whole cost to an application: the import below, one
 * startTracing() call, and one stop() when the program wants the aggregations.
 */

import { readFileSync } from 'node:fs';
import { startTracing, type Tracer } from '@zsdtrace/probes';
import type { ProbeRegistry } from '@zsdtrace/probes/provider';

export interface TraceScript {
  readonly text: string;
  /** The file name for a --trace script (errors then cite `line N`); absent for TRACE. */
  readonly name?: string;
}

/** The script to trace with, if any: `--trace` wins over TRACE. Throws if the file is unreadable. */
export function traceScript(file: string | undefined, env: NodeJS.ProcessEnv): TraceScript | null {
  if (file !== undefined) return { text: readFileSync(file, 'utf8'), name: file };
  const text = env.TRACE;
  return text !== undefined && text.trim() !== '' ? { text } : null;
}

export interface TraceIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** The script called exit(): its output is complete. */
  readonly onExit?: (status: number) => void;
}

/** Starts tracing the service; throws DCompileError if the script does not compile. */
export function traceService(registry: ProbeRegistry, script: TraceScript, io: TraceIo): Tracer {
  return startTracing(script.text, {
    registry,
    out: io.out,
    err: io.err,
    ...(script.name !== undefined ? { name: script.name } : {}),
    ...(io.onExit ? { onExit: io.onExit } : {}),
  });
}
