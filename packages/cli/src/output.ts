/*
 * Where trace output goes: stdout, or the -o file opened for appending as dtrace does. Writes
 * are synchronous for files and buffered for pipes, and `close()` waits until everything has
 * been handed to the OS, so nothing printed before exit is lost.
 */

import { closeSync, openSync, writeSync } from 'node:fs';
import { outputBytes } from '@zsdtrace/probes';

export interface OutputStream {
  write(s: string): void;
  close(): Promise<void>;
  /** dtrace's message for the first failed write to the -o file (ENOSPC, EIO …), or null. */
  readonly failure: string | null;
}

/** -o names a file that cannot be opened for appending; the message is dtrace's. */
export class OutputError extends Error {
  readonly code = 'E_OUTPUT' as const;
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EIO: 'I/O error',
  EFBIG: 'File too large',
  EPIPE: 'Broken pipe',
};

export function errnoText(e: unknown): string {
  const code = String((e as NodeJS.ErrnoException).code);
  return Object.hasOwn(ERRNO_TEXT, code) ? ERRNO_TEXT[code]! : code;
}

export function openOutput(path: string | undefined, stdout: NodeJS.WritableStream, onFailure?: (message: string) => void): OutputStream {
  if (path !== undefined) {
    let fd: number;
    try {
      if (path === '') throw Object.assign(new Error('empty path'), { code: 'ENOENT' });
      fd = openSync(path, 'a');
    } catch (e) {
      throw new OutputError(`failed to open output file '${path}': ${errnoText(e)}`);
    }
    // A failed write is reported once and ends the output; the run is told to stop.
    let failure: string | null = null;
    return {
      write: (s) => {
        if (failure !== null) return;
        try {
          const bytes = outputBytes(s);
          if (typeof bytes === 'string') writeSync(fd, bytes);
          else writeSync(fd, bytes);
        } catch (e) {
          failure = `failed to write to output file '${path}': ${errnoText(e)}`;
          onFailure?.(failure);
        }
      },
      close: async () => closeSync(fd),
      get failure() {
        return failure;
      },
    };
  }
  let pending = '';
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    stdout.write(outputBytes(chunk));
  };
  return {
    failure: null,
    write: (s) => {
      pending += s;
      if (pending.length > 65536) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        flush();
        if (stdout.write('')) resolve();
        else stdout.once('drain', () => resolve());
      }),
  };
}
