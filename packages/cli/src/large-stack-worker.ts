/*
 * The large-stack thread's entry (large-stack.ts): main() with streams that post their bytes
 * to the parent, interrupts from the parent, and `largeStack` set so the compiler allows the
 * deep limits.
 */

import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from './io.js';
import type { LargeStackMessage } from './large-stack.js';
import { main } from './main.js';

const port = parentPort!;
const { argv, env } = workerData as { argv: string[]; env: NodeJS.ProcessEnv };
const post = (m: LargeStackMessage): void => port.postMessage(m);
const sink = (fd: 1 | 2): Writable =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      post({ fd, data: new Uint8Array(chunk) });
      done();
    },
  });
const interrupts = new Set<() => void>();
port.on('message', (m) => {
  if (m === 'interrupt') for (const fn of interrupts) fn();
});
const io: Io = {
  stdout: sink(1),
  stderr: sink(2),
  env,
  largeStack: true,
  onInterrupt(fn) {
    interrupts.add(fn);
    return () => interrupts.delete(fn);
  },
};
main(argv, io).then(
  (status) => post({ status }),
  (e: unknown) => post({ internal: (e as Error)?.stack ?? String(e) }),
);
