/*
 * What the D runtime asks of the traced system: the current thread, the clocks, timers for
 * tick/profile probes, stacks and chill(). packages/core implements it on virtual time; a plain
 * Node.js program uses the process's clocks (see node-host.ts).
 */

export interface ThreadInfo {
  readonly tid: number;
  readonly pid: number;
  readonly ppid: number;
  /** The simulated thread's name: `zsched`, `zoneadmd`, `modload`, … */
  readonly execname: string;
  readonly zonename: string;
  readonly cpu: number;
  /** Address of the thread structure (the `curthread` variable). */
  readonly curthread: number;
  readonly errno: number;
}

/** One frame of a simulated kernel stack: ``module`function+0xoffset``. */
export interface StackFrame {
  readonly module: string;
  readonly func: string;
  readonly offset: number;
}

export interface Host {
  /** Monotonic nanoseconds (D `timestamp`). */
  timestamp(): number;
  /** Per-thread on-CPU nanoseconds (D `vtimestamp`). */
  vtimestamp(): number;
  /** Nanoseconds since the Unix epoch (D `walltimestamp`). */
  walltimestamp(): bigint;
  /** The thread on which the current probe fired. */
  thread(): ThreadInfo;
  /** Calls `fn` every `periodNs` nanoseconds of this host's clock; returns a cancel function. */
  every(periodNs: number, fn: () => void): () => void;
  /** The current thread's stack, innermost frame first (may be empty). */
  stack(): readonly StackFrame[];
  /** Resolves an address to a frame (for `%a`, func(), sym(), mod()); null if unknown. */
  symbol(addr: number): StackFrame | null;
  /** Delays the current thread by `ns` (chill()). Hosts that cannot delay ignore it. */
  chill(ns: number): void;
  /**
   * The engine object at a simulated address (a zone, a thread, …), for D's engine structs
   * reached through an address: `((zone_t *)arg0)->zone_name`, `curthread->t_tid`. Hosts
   * without addressable objects leave it out (the read faults with an invalid address).
   */
  object?(addr: number): object | null;
  /** Number of CPUs (for profile-N probes, per-CPU drop reports). */
  readonly ncpus: number;
  /**
   * Fires `fn` once per sample of the host's own profiler, about every `periodNs` (profile-N
   * probes), with stack()/ustack() giving the sampled stack; hosts without one leave it out
   * and profile probes run on every().
   */
  profile?(periodNs: number, fn: () => void): () => void;
  /** The user-level stack (ustack()/jstack()), innermost first; the kernel has none. */
  ustack?(): readonly StackFrame[];
}
