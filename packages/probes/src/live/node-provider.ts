/*
 * The `node<pid>` provider inside a traced Node.js process, rebuilt on what current Node.js
 * publishes: diagnostics_channel for http, net and undici (fetch), PerformanceObserver for GC.
 * A probe subscribes to its channel only while it is enabled, so a process with nothing enabled
 * carries no subscriber at all, and disabling removes every subscriber, listener and observer
 * it added (the process is left exactly as before).
 */

import * as dc from 'node:diagnostics_channel';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Program } from '../program/program.js';
import type { Probe } from '../provider/probe.js';
import type { ProbeRegistry } from '../provider/registry.js';
import { GC_TYPE, NODE_PROBES, type NodeConnection, type NodeHttpRequest, type NodeProbeName } from './node-types.js';

/** What the provider needs from the host: firing at a time other than now (GC entries). */
export interface NodeClock {
  /** Runs `fn` with the D `timestamp` reading `ns` (a monotonic, hrtime-based time). */
  at(ns: number, fn: () => void): void;
  /** performance.now() milliseconds to the host's monotonic nanoseconds. */
  fromPerformance(ms: number): number;
}

type Msg = Record<string, unknown>;
type AnySocket = {
  _handle?: { fd?: number } | null;
  remoteAddress?: string;
  remotePort?: number;
  writableLength?: number;
  once?: (ev: string, fn: () => void) => void;
  removeListener?: (ev: string, fn: () => void) => void;
};

/**
 * The socket as node_connection_t (fd -1 when the handle has none, as for a pipe). Like the
 * pointer the former provider passed, it is read when a clause reads a member, not before: a
 * firing whose clauses never look at the connection costs no socket call.
 */
class SocketConnection implements NodeConnection {
  constructor(
    private readonly s: AnySocket,
    private readonly fallback?: { host: string; port: number },
  ) {}
  get fd(): number {
    const fd = this.s._handle?.fd;
    return typeof fd === 'number' ? fd : -1;
  }
  get remoteAddress(): string {
    return this.s.remoteAddress ?? this.fallback?.host ?? '';
  }
  get remotePort(): number {
    return this.s.remotePort ?? this.fallback?.port ?? 0;
  }
  get bufferSize(): number {
    return this.s.writableLength ?? 0;
  }
}

export function connectionOf(socket: unknown, fallback?: { host: string; port: number }): NodeConnection {
  return new SocketConnection((socket ?? {}) as AnySocket, fallback);
}

/** node_http_request_t over an http.IncomingMessage or ClientRequest, read member by member. */
class RequestView implements NodeHttpRequest {
  constructor(
    private readonly r: { url?: string; path?: string; method?: string },
    private readonly forwarded: (r: unknown) => string,
  ) {}
  get url(): string {
    return this.r.url ?? this.r.path ?? '';
  }
  get method(): string {
    return this.r.method ?? '';
  }
  get forwardedFor(): string {
    return this.forwarded(this.r);
  }
}

const forwardedFor = (r: unknown): string => header(r, 'x-forwarded-for');

/**
 * Which of a probe's arguments the enabled clauses read (bit i: args[i]); the positional
 * arguments that are copies of a struct's members are computed only when read.
 */
export type ArgsRead = (probe: Probe) => number;

/** The arguments (bit i: a<i>) the clauses enabled on `probeId` read. */
export function argsRead(program: Program, probeId: number): number {
  let mask = 0;
  for (const en of program.enablings) {
    if (en.probeId !== probeId) continue;
    for (const c of en.clauses) {
      // Clause sources name the probe's arguments a0…a9 and hold no user text (program.ts).
      for (const m of program.clauses[c.clause]!.source.matchAll(/\ba(\d)\b/g)) mask |= 1 << Number(m[1]);
    }
  }
  return mask;
}

function header(req: unknown, name: string): string {
  const r = req as { headers?: Record<string, unknown>; getHeader?: (n: string) => unknown };
  const v = typeof r.getHeader === 'function' ? r.getHeader(name) : r.headers?.[name];
  return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
}

/** An undici request's header (its headers are a raw string or a flat name/value array). */
export function undiciHeader(headers: unknown, name: string): string {
  if (typeof headers === 'string') {
    const m = new RegExp(`(?:^|\\r\\n)${name}:\\s*([^\\r\\n]*)`, 'i').exec(headers);
    return m ? m[1]! : '';
  }
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
  }
  return '';
}

/** `host:port` of a ClientRequest (its Host header, else its host and the default port). */
function clientTarget(req: unknown): { host: string; port: number } {
  const r = req as { host?: string; protocol?: string };
  const h = header(req, 'host');
  const m = /^(.*?)(?::(\d+))?$/.exec(h);
  const port = m?.[2] ? Number(m[2]) : r.protocol === 'https:' ? 443 : 80;
  return { host: r.host ?? m?.[1] ?? '', port };
}

function originTarget(origin: unknown): { host: string; port: number } {
  try {
    const u = new URL(String(origin));
    return { host: u.hostname, port: Number(u.port) || (u.protocol === 'https:' ? 443 : 80) };
  } catch {
    return { host: '', port: 0 };
  }
}

export class NodeProvider {
  /** The provider's probes, by probe. */
  private readonly mine = new Map<Probe, NodeProbeName>();
  private gcObserver: PerformanceObserver | null = null;
  private readonly gcProbes = new Set<Probe>();
  /** Set by the agent once the program is compiled; until then every argument is computed. */
  argsRead: ArgsRead = () => ~0;

  constructor(
    registry: ProbeRegistry,
    readonly name: string,
    private readonly clock: NodeClock,
  ) {
    for (const [probeName, d] of Object.entries(NODE_PROBES)) {
      const p = registry.declare(name, 'node', d.func, probeName, d.args.map((type) => ({ type })));
      this.mine.set(p, probeName as NodeProbeName);
    }
  }

  /** Starts firing `probe` if it is one of this provider's; returns what stops it, else null. */
  activate(probe: Probe): (() => void) | null {
    const which = this.mine.get(probe);
    if (which === undefined) return null;
    const read = this.argsRead(probe);
    const fireConn = (c: NodeConnection, statusCode?: number): void => fireConnection(probe, read, c, statusCode);
    switch (which) {
      case 'http-server-request':
        return on('http.server.request.start', requestFiring(probe, read, (m) => [m.request, m.socket, undefined, forwardedFor]));
      case 'http-server-response':
        return on('http.server.response.finish', (m) => fireConn(connectionOf(m.socket), status(m.response)));
      case 'http-client-request':
        return both(
          on('http.client.request.start', requestFiring(probe, read, (m) => {
            const r = m.request as { socket?: unknown };
            return [r, r.socket, clientTarget(r), forwardedFor];
          })),
          on('undici:request:create', requestFiring(probe, read, (m) => {
            const r = m.request as { origin?: unknown; headers?: unknown };
            return [r, null, originTarget(r.origin), () => undiciHeader(r.headers, 'x-forwarded-for')];
          })),
        );
      case 'http-client-response':
        return both(
          on('http.client.response.finish', (m) => {
            const r = m.request as { socket?: unknown };
            fireConn(connectionOf(r.socket, clientTarget(r)), status(m.response));
          }),
          on('undici:request:headers', (m) => {
            const r = m.request as { origin?: unknown };
            fireConn(connectionOf(null, originTarget(r.origin)), status(m.response));
          }),
        );
      case 'net-server-connection':
        return on('net.server.socket', (m) => fireConn(connectionOf(m.socket)));
      case 'net-stream-end':
        return this.streamEnd(probe, fireConn);
      case 'gc-start':
      case 'gc-done':
        return this.gc(probe);
      case 'net-socket-read':
      case 'net-socket-write':
        // Node.js publishes no event per read or write; these probes never fire.
        return () => {};
    }
  }

  /** net-stream-end: an `end` listener on each socket accepted or opened while enabled. */
  private streamEnd(probe: Probe, fireConn: (c: NodeConnection) => void): () => void {
    const watched = new Map<AnySocket, () => void>();
    const watch = (m: Msg): void => {
      const s = m.socket as AnySocket;
      if (typeof s?.once !== 'function' || watched.has(s)) return;
      const onEnd = (): void => {
        watched.delete(s);
        s.removeListener?.('close', onEnd);
        s.removeListener?.('end', onEnd);
        fireConn(connectionOf(s));
      };
      watched.set(s, onEnd);
      s.once('end', onEnd);
      s.once('close', onEnd);
    };
    const off = both(on('net.server.socket', watch), on('net.client.socket', watch));
    return () => {
      off();
      for (const [s, fn] of watched) {
        s.removeListener?.('end', fn);
        s.removeListener?.('close', fn);
      }
      watched.clear();
    };
  }

  /** gc-start / gc-done: one GC observer while either is enabled, firing at the GC's own times. */
  private gc(probe: Probe): () => void {
    this.gcProbes.add(probe);
    if (!this.gcObserver) {
      this.gcObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) this.fireGc(e);
      });
      this.gcObserver.observe({ entryTypes: ['gc'] });
    }
    return () => {
      this.gcProbes.delete(probe);
      if (this.gcProbes.size === 0 && this.gcObserver) {
        this.gcObserver.disconnect();
        this.gcObserver = null;
      }
    };
  }

  private fireGc(e: PerformanceEntry): void {
    const detail = (e as { detail?: { kind?: number; flags?: number } }).detail ?? {};
    const type = GC_TYPE[(detail.kind ?? 0) as keyof typeof GC_TYPE] ?? detail.kind ?? 0;
    const flags = detail.flags ?? 0;
    const start = this.clock.fromPerformance(e.startTime);
    const done = this.clock.fromPerformance(e.startTime + e.duration);
    for (const p of this.gcProbes) {
      const which = this.mine.get(p);
      if (which === 'gc-start' && p.enabled) this.clock.at(start, () => p.fire(type, flags));
    }
    for (const p of this.gcProbes) {
      const which = this.mine.get(p);
      if (which === 'gc-done' && p.enabled) this.clock.at(done, () => p.fire(type, flags));
    }
  }
}

/** A request, its socket, where it goes when the socket does not say, its X-Forwarded-For. */
type RequestParts = [request: unknown, socket: unknown, fallback: { host: string; port: number } | undefined, forwarded: (r: unknown) => string];

/**
 * The firing of an http-*-request probe: args[0] and args[1] are the translated structs, read
 * lazily; args[2..6] copy their members and are computed only when a clause reads them.
 */
function requestFiring(probe: Probe, read: number, parts: (m: Msg) => RequestParts): (m: Msg) => void {
  return (m) => {
    const [r, socket, fallback, forwarded] = parts(m);
    const req = new RequestView(r as { url?: string }, forwarded);
    const c = connectionOf(socket, fallback);
    probe.fire(
      req,
      c,
      read & 4 ? c.remoteAddress : undefined,
      read & 8 ? c.remotePort : undefined,
      read & 16 ? req.method : undefined,
      read & 32 ? req.url : undefined,
      read & 64 ? c.fd : undefined,
    );
  };
}

/** args[0..3] as the former provider passed them; args[4], the HTTP status, on responses. */
function fireConnection(probe: Probe, read: number, c: NodeConnection, statusCode?: number): void {
  probe.fire(c, read & 2 ? c.remoteAddress : undefined, read & 4 ? c.remotePort : undefined, read & 8 ? c.fd : undefined, statusCode);
}

function status(res: unknown): number {
  const code = (res as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : 0;
}

/** Subscribes to a channel; returns the unsubscribe. */
export function on(channel: string, fn: (m: Msg) => void): () => void {
  // A subscriber's exception would be rethrown into the program: never let one out.
  const handler = (m: unknown): void => {
    try {
      fn(m as Msg);
    } catch {
      /* a message of an unexpected shape: this event is not traced */
    }
  };
  dc.subscribe(channel, handler);
  return () => void dc.unsubscribe(channel, handler);
}

function both(a: () => void, b: () => void): () => void {
  return () => {
    a();
    b();
  };
}
