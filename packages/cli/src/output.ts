/*
 * Where trace output goes: stdout, or the -o file opened for appending as dtrace does. Writes
 * are synchronous for files and buffered for pipes, and `close()` waits until everything has
 * been handed to the OS, so nothing printed before exit is lost.
 */

import { closeSync, openSync, writeSync } from 'node:fs';

export interface OutputStream {
  write(s: string): void;
  close(): Promise<void>;
}

export function openOutput(path: string | undefined, stdout: NodeJS.WritableStream): OutputStream {
  if (path !== undefined) {
    const fd = openSync(path, 'a');
    return {
      write: (s) => {
        writeSync(fd, s);
      },
      close: async () => closeSync(fd),
    };
  }
  let pending = '';
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    stdout.write(chunk);
  };
  return {
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
