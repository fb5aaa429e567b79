/*
 * The wire between an agent running a D program inside a traced Node.js process and the
 * zsdtrace that started it: newline-separated JSON messages over a Unix socket (or the pipe a
 * `-c` child inherits). What crosses is the runtime's plain data (firings, faults, drops,
 * aggregation snapshots), so the consumer on the other side prints exactly what it prints for
 * any other host. JSON has no bigint or byte array: those travel tagged and are revived.
 */

import type { ProgramOptions } from '../program/options.js';
import type { ProgramUnitInfo } from '../program/program.js';
import type { AggSnapshot, DropReport, FaultReport, Firing } from '../program/value-model.js';
import type { SourceUnit } from '../lang/diagnostics.js';

/** What the agent needs to compile and run the program in the target. */
export interface LiveConfig {
  readonly units: readonly SourceUnit[];
  readonly options: Readonly<Record<string, string | true>>;
  readonly macroArgs: readonly string[];
  /** $pid and $ppid (zsdtrace's own) and $target. */
  readonly macros: { readonly pid: number; readonly ppid: number; readonly target: number };
  /** The Unix socket zsdtrace listens on. */
  readonly socket: string;
  /** Send a span event per HTTP request (--otlp). */
  readonly spans: boolean;
  /** List the probes instead of tracing (-l); the listing's descriptions are the units. */
  readonly list?: boolean;
}

/** One probe as `-l` lists it. */
export interface ListedProbe {
  readonly id: number;
  readonly provider: string;
  readonly module: string;
  readonly func: string;
  readonly name: string;
  readonly args: readonly string[];
}

/** An HTTP exchange the target saw, for --otlp (times in ns since the epoch). */
export interface HttpSpanEvent {
  readonly kind: 'server' | 'client';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly startNs: string;
  readonly endNs: string;
  readonly serverAddress: string;
  readonly serverPort: number;
  readonly peerAddress: string;
  readonly peerPort: number;
  readonly scheme: string;
  readonly protocolVersion: string;
  readonly userAgent: string;
  /** The W3C traceparent header the request carried, if any. */
  readonly traceparent: string;
  readonly error: string;
}

export interface Counters {
  readonly firings: number;
  readonly errors: number;
  readonly drops: Readonly<Record<string, number>>;
}

/** From the agent to zsdtrace. */
export type AgentMessage =
  | { readonly t: 'hello'; readonly pid: number; readonly execname: string; readonly argv: readonly string[] }
  /** Compiled: each unit's description and matches (dtrace's notices), the program's options (pragmas included). */
  | { readonly t: 'compiled'; readonly units: readonly ProgramUnitInfo[]; readonly options: ProgramOptions }
  | { readonly t: 'compile-error'; readonly message: string }
  | { readonly t: 'list'; readonly probes: readonly ListedProbe[] }
  | { readonly t: 'firing'; readonly f: Firing }
  | { readonly t: 'fault'; readonly f: FaultReport }
  | { readonly t: 'drop'; readonly d: DropReport }
  | { readonly t: 'error'; readonly message: string }
  | { readonly t: 'options'; readonly options: ProgramOptions }
  | { readonly t: 'snapshot'; readonly aggs: readonly AggSnapshot[]; readonly counters: Counters }
  | { readonly t: 'span'; readonly span: HttpSpanEvent }
  /** The target process is exiting (dtrace's `pid N has exited`); END follows. */
  | { readonly t: 'exiting'; readonly code: number }
  /** The target is being killed by a signal (dtrace's `pid N terminated by SIGTERM`); END follows. */
  | { readonly t: 'signaled'; readonly signal: string }
  /** The script called exit(); END follows. */
  | { readonly t: 'exit'; readonly status: number }
  /** END ran: the aggregations never printed, and how the run ended. */
  | { readonly t: 'end'; readonly unprinted: readonly AggSnapshot[]; readonly exited: boolean; readonly status: number }
  /** The agent is gone from the target: every subscriber, timer and handle removed. */
  | { readonly t: 'detached' };

/** From zsdtrace to the agent. */
export type ConsumerMessage =
  | { readonly t: 'snapshot' }
  /** Stop tracing: END, the final aggregations, then detach. */
  | { readonly t: 'stop' }
  /** The inspector connection is closed: the agent may close the inspector. */
  | { readonly t: 'inspector-closed' };

/** One message as a line of the wire. */
export function encode(msg: AgentMessage | ConsumerMessage): string {
  return JSON.stringify(msg, replacer) + '\n';
}

function replacer(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return { $big: v.toString() };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  return v;
}

function reviver(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.$big === 'string' && Object.keys(o).length === 1) return BigInt(o.$big);
    if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return new Uint8Array(Buffer.from(o.$bytes, 'base64'));
  }
  return v;
}

/** Splits a byte stream into messages; a line that is not JSON is reported, never thrown. */
export class LineDecoder<M> {
  private rest = '';

  constructor(
    private readonly onMessage: (m: M) => void,
    private readonly onBad: (line: string) => void = () => {},
  ) {}

  push(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      start = nl + 1;
      if (line === '') continue;
      let m: M;
      try {
        m = JSON.parse(line, reviver) as M;
      } catch {
        this.onBad(line);
        continue;
      }
      this.onMessage(m);
    }
    this.rest = text.slice(start);
  }
}
