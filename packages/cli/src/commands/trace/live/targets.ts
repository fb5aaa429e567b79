/*
 * The targets of a live run and where each one stands: connected or not, stopping, ended
 * (END's final aggregations received), gone. The run is over when every target named on the
 * command line (-p pids, the -c command's process) is gone; processes the command started
 * later are traced too and stopped with it. Messages are handed to the session's callbacks
 * in the order each target sent them.
 */

import type { ChildProcess } from 'node:child_process';
import type { AgentMessage, AggSnapshot, Counters, HttpSpanEvent, ListedProbe } from '@zsdtrace/probes';
import type { AgentConnection } from './server.js';

/** Receives the live data the dashboard and the exporter use. */
export interface LiveObserver {
  snapshot?(pid: number, aggs: readonly AggSnapshot[], counters: Counters): void;
  span?(pid: number, span: HttpSpanEvent): void;
}

type EndMessage = Extract<AgentMessage, { t: 'end' }>;
type Compiled = Extract<AgentMessage, { t: 'compiled' }>;

export interface TargetCallbacks {
  compiled(m: Compiled): void;
  compileError(message: string): void;
  record(m: Extract<AgentMessage, { t: 'firing' | 'fault' | 'drop' | 'error' | 'options' }>): void;
  /** A target's script called exit(). */
  exit(status: number): void;
  exited(pid: number, how: Ending): void;
}

/** How a target process ended, as far as is known: its exit status or the signal that killed it. */
export interface Ending {
  readonly code?: number | null;
  readonly signal?: string | null;
}

interface Target {
  readonly pid: number;
  readonly primary: boolean;
  conn: AgentConnection | null;
  openedInspector: boolean;
  end: EndMessage | null;
  exitedShown: boolean;
  detached: boolean;
  gone: boolean;
}

/** How long stopped targets may take to send END's output. */
const STOP_GRACE_MS = 5000;
/** How long an agent loaded with -p may take to connect. */
const CONNECT_WAIT_MS = 10_000;

export class LiveTargets {
  on: TargetCallbacks = { compiled() {}, compileError() {}, record() {}, exit() {}, exited() {} };
  stopping = false;
  aborted = false;
  readonly listings: ListedProbe[][] = [];
  /** Each target's executable name, from its agent's hello. */
  readonly execnames = new Map<number, string>();
  readonly done: Promise<void>;
  private finish!: () => void;
  private readonly byPid = new Map<number, Target>();
  private readonly byConn = new Map<AgentConnection, Target>();
  private child: ChildProcess | null = null;
  private childGone = false;
  /** zsdtrace killed the command itself (the trace ended first), as dtrace kills what it created. */
  private childKilled = false;
  private grace: NodeJS.Timeout | null = null;

  constructor(private readonly observer?: LiveObserver) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  private target(pid: number, primary: boolean): Target {
    let t = this.byPid.get(pid);
    if (!t) {
      t = { pid, primary, conn: null, openedInspector: false, end: null, exitedShown: false, detached: false, gone: false };
      this.byPid.set(pid, t);
    }
    return t;
  }

  /** A -p target about to be attached. */
  expect(pid: number): void {
    this.target(pid, true);
  }

  /** The agent is loaded in `pid`; it closes the inspector once we are off it, if we opened it. */
  attached(pid: number, openedInspector: boolean): void {
    const t = this.target(pid, true);
    t.openedInspector = openedInspector;
    if (openedInspector && t.conn) t.conn.send({ t: 'inspector-closed' });
    // An agent that was loaded but never connects (its process stopped, say) ends the run.
    setTimeout(() => {
      if (t.conn !== null || t.gone) return;
      t.gone = true;
      this.on.compileError(`zsdtrace: failed to grab pid ${pid}: its agent did not connect`);
      this.stopAll();
    }, CONNECT_WAIT_MS).unref();
  }

  /** The -c command's process and its agent's pipe. */
  command(child: ChildProcess, conn: AgentConnection): void {
    this.child = child;
    const t = this.target(child.pid!, true);
    t.conn = conn;
    this.byConn.set(conn, t);
    child.once('exit', (code, signal) => {
      this.childGone = true;
      if (!t.exitedShown) {
        t.exitedShown = true;
        // The kill that ends a trace is zsdtrace's own, not the command's fate.
        this.on.exited(t.pid, this.childKilled ? {} : { code, signal });
      }
      this.check();
    });
  }

  message(c: AgentConnection, m: AgentMessage): void {
    let t = this.byConn.get(c);
    if (m.t === 'hello' && !t) {
      t = this.target(m.pid, false);
      t.conn = c;
      this.byConn.set(c, t);
      if (t.openedInspector) c.send({ t: 'inspector-closed' });
      if (this.stopping) c.send({ t: 'stop' });
    }
    if (!t) return;
    switch (m.t) {
      case 'hello':
        this.execnames.set(m.pid, m.execname);
        return;
      case 'compiled':
        return this.on.compiled(m);
      case 'compile-error':
        this.on.compileError(m.message);
        return this.stopAll();
      case 'list':
        this.listings.push([...m.probes]);
        return;
      case 'snapshot':
        return this.observer?.snapshot?.(t.pid, m.aggs, m.counters);
      case 'span':
        return this.observer?.span?.(t.pid, m.span);
      case 'exit':
        // exit() in one target ends the run for all, as in dtrace.
        this.on.exit(m.status);
        return this.stopAll();
      case 'exiting':
        if (t.primary && !t.exitedShown) {
          t.exitedShown = true;
          this.on.exited(t.pid, { code: m.code });
        }
        return;
      case 'signaled':
        if (t.primary && !t.exitedShown) {
          t.exitedShown = true;
          this.on.exited(t.pid, { signal: m.signal });
        }
        return;
      case 'end':
        t.end = m;
        return;
      case 'detached':
        t.detached = true;
        return;
      case 'firing':
      case 'fault':
      case 'drop':
      case 'error':
      case 'options':
        return this.on.record(m);
    }
  }

  closed(c: AgentConnection): void {
    const t = this.byConn.get(c);
    if (!t) return;
    t.gone = true;
    if (t.primary && !t.detached && !t.exitedShown && this.child === null && !alive(t.pid)) {
      t.exitedShown = true;
      this.on.exited(t.pid, {});
    }
    this.check();
  }

  /** Asks every connected target for its aggregations now (the dashboard). */
  requestSnapshots(): void {
    if (this.stopping) return;
    for (const t of this.byPid.values()) if (!t.gone) t.conn?.send({ t: 'snapshot' });
  }

  /** Asks every target to stop (END, final aggregations, detach). */
  stopAll(): void {
    if (!this.stopping) {
      this.stopping = true;
      this.grace = setTimeout(() => this.finish(), STOP_GRACE_MS);
      this.grace.unref();
    }
    for (const t of this.byPid.values()) t.conn?.send({ t: 'stop' });
    this.check();
  }

  /** A second Ctrl-C: leave now. */
  abort(): void {
    this.aborted = true;
    this.killChild();
    this.finish();
  }

  ends(): EndMessage[] {
    return [...this.byPid.values()].flatMap((t) => (t.end ? [t.end] : []));
  }

  /** Pretends the unconnected targets are gone (a -p attach failed). */
  private settled(t: Target): boolean {
    if (t.gone) return true;
    if (t.conn === null && this.stopping) return true;
    return this.child !== null && t.pid === this.child.pid && this.childGone && t.conn === null;
  }

  private check(): void {
    const primaries = [...this.byPid.values()].filter((t) => t.primary);
    const cmd = this.child ? this.byPid.get(this.child.pid!) : undefined;
    // The command's process is done when its agent hung up (END sent) or it exited untraced.
    if (cmd && cmd.gone && !this.childGone) this.killChild();
    const over = primaries.every((t) => this.settled(t)) && (this.child === null || this.childGone);
    if (!over) return;
    const others = [...this.byPid.values()].filter((t) => !t.primary && !t.gone);
    if (others.length > 0) {
      if (!this.stopping) this.stopAll();
      return;
    }
    if (this.grace) clearTimeout(this.grace);
    this.finish();
  }

  private killChild(): void {
    const c = this.child;
    if (!c || this.childGone || c.pid === undefined) return;
    // Once the trace is stopping, the kill is the end of the trace; otherwise the agent hung up
    // because the process is dying anyway, of whatever it dies of.
    if (this.stopping || this.aborted) this.childKilled = true;
    try {
      process.kill(c.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
