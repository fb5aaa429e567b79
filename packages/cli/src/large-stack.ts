/*
 * Deeply nested D programs on a thread with a large stack. Every phase of the compiler, V8's
 * parser of the generated code and the probes' evaluation recurse once per level of nesting;
 * the main thread's stack (about 1 MB) holds LIMITS.defaultStackNesting levels. When a program
 * is deeper, the compiler says so (a D_NEST_DEPTH diagnostic marked `largeStack`) before
 * anything has been printed, and main() runs the whole command again on a worker thread with
 * LIMITS.largeStackMb of stack, where the limits are LIMITS.nesting and
 * LIMITS.expressionDepth (docs/limits.md). Normal programs never pay for the thread.
 *
 * The worker's output comes back as messages and is written to this thread's streams in order;
 * an interrupt is passed on. The worker entry is large-stack-worker.ts (built beside the bundle).
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LIMITS } from '@zsdtrace/probes';
import { PROGNAME, type Io } from './io.js';

/** Thrown by a command whose program needs the large stack, before it printed anything. */
export class LargeStackNeeded extends Error {
  readonly code = 'E_LARGE_STACK' as const;
  /** The message to print where no large-stack thread can be started. */
  constructor(readonly failure: string) {
    super('program needs a large stack');
  }
}

/** What the worker posts: output, then its exit status (or an internal error). */
export type LargeStackMessage = { fd: 1 | 2; data: Uint8Array } | { status: number } | { internal: string };

function workerUrl(base: string): URL | null {
  for (const rel of ['./large-stack-worker.js', '../large-stack-worker.js']) {
    const js = new URL(rel, base);
    if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return js;
  }
  return null;
}

/** Runs `argv` on a large-stack thread; null where the worker entry is not built (tests on src/). */
export function runOnLargeStack(argv: readonly string[], io: Io, base: string = import.meta.url): Promise<number> | null {
  const url = workerUrl(base);
  if (!url) return null;
  return new Promise<number>((resolve) => {
    const worker = new Worker(url, {
      workerData: { argv: [...argv], env: { ...io.env } },
      resourceLimits: { stackSizeMb: LIMITS.largeStackMb },
      stdout: true,
      stderr: true,
    });
    const removeInterrupt = io.onInterrupt?.(() => worker.postMessage('interrupt'));
    let status: number | null = null;
    worker.on('message', (m: LargeStackMessage) => {
      if ('fd' in m) (m.fd === 1 ? io.stdout : io.stderr).write(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
      else if ('status' in m) {
        status = m.status;
        void worker.terminate();
      } else {
        io.stderr.write(`${PROGNAME}: internal error: ${m.internal}\n${PROGNAME}: please report this with the command line that caused it\n`);
        status = 2;
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      io.stderr.write(`${PROGNAME}: internal error: ${e.stack ?? e.message}\n${PROGNAME}: please report this with the command line that caused it\n`);
      status ??= 2;
    });
    worker.on('exit', () => {
      removeInterrupt?.();
      resolve(status ?? 2);
    });
  });
}
