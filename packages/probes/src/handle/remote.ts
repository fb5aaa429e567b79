/*
 * A traced system in another process (a live Node.js target) as the handle sees it: the program
 * is compiled and run there, against that system's own probes, and what its runtime produces
 * crosses a channel. The system implements two small interfaces; the handle adapts its run to
 * the runtime interface it drives, so that go(), stop(), finish() and the exit status work the
 * same for every host. Drops and errors travel as records; usage and counters stay over there.
 */

import type { ProgramOptions } from '../program/options.js';
import type { Program } from '../program/program.js';
import type { AggSnapshot, DropKind, RuntimeSink } from '../program/value-model.js';
import type { Runtime, RuntimeUsage } from '../runtime/runtime.js';

/** How the system compiled the program: the program as it reported it, or dtrace's message. */
export type RemoteCompilation =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly message: string };

export interface RemoteSystem {
  /** The system's compilation of the units it was given (the caller waits for it first). */
  compile(): RemoteCompilation;
  /** Starts the system's run: its records reach `sink` from start() on. */
  run(sink: RuntimeSink): RemoteRun;
}

/** The program running in the remote system. */
export interface RemoteRun {
  /** From now on the system's records, those sent so far first, reach the sink. */
  start(): void;
  /** Asks the system to stop: END runs there, its output comes back as records. */
  stop(): void;
  /** The script called exit(), and its value. */
  readonly exited: boolean;
  readonly exitStatus: number;
  onExit(cb: (status: number) => void): void;
  /** The aggregations never printed, once the system stopped. */
  unprinted(): AggSnapshot[];
}

const NONE = { used: 0, max: 0 } as const;

/** The runtime interface over a remote run. */
export function remoteRuntime(run: RemoteRun, options: ProgramOptions): Runtime {
  return {
    options,
    start: () => run.start(),
    stop: () => run.stop(),
    get exited() {
      return run.exited;
    },
    get exitStatus() {
      return run.exitStatus;
    },
    onExit: (cb) => run.onExit(cb),
    snapshot: () => run.unprinted(),
    unprinted: () => run.unprinted(),
    clear: () => {},
    setOption: (name) => `option ${name} cannot be changed in a running remote target`,
    counters: () => ({ firings: 0, errors: 0, drops: {} as Record<DropKind, number> }),
    usage: (): RuntimeUsage => ({ dynvars: NONE, aggEntries: NONE, buffer: NONE }),
    flushDrops: () => {},
    snapAggregations: () => {},
  };
}
