/*
 * The streams and process hooks a command runs with: the real process in `run()`, in-memory
 * streams in tests. Commands write only through these.
 */

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  readonly stderr: NodeJS.WritableStream;
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** This thread has a large stack (large-stack.ts): deeply nested programs compile here. */
  readonly largeStack?: boolean;
  /** Installs an interrupt handler (SIGINT); returns its remover. */
  onInterrupt?(fn: () => void): () => void;
}

/** The prefix of every message. */
export const PROGNAME = 'zsdtrace';
