/*
 * The service's provider: `app`, with the probes an operator of this service would want.
 *
 *   app:node-app:handleRequest:request-start   args[0] method (string), args[1] url (string)
 *   app:node-app:handleRequest:request-done    args[0] url, args[1] status (int),
 *                                              args[2] latency in nanoseconds (uint64_t)
 *   app:node-app:query:query                   args[0] sql text, args[1] rows (int),
 *                                              args[2] latency in nanoseconds (uint64_t)
 *
 * Only the provider API is imported (no compiler): carrying probes costs nothing until a tracer
 * enables them. Probe sites elsewhere are always `if (p.enabled) p.fire(…)`.
 */

import { Provider, type Probe, type ProbeRegistry } from '@zsdtrace/probes/provider';

export interface AppProbes {
  readonly requestStart: Probe;
  readonly requestDone: Probe;
  readonly query: Probe;
}

/** The module column of every probe, as dtrace shows the executable of a USDT provider. */
export const MODULE = 'node-app';

/** Declares the `app` provider's probes on `registry` (declaring twice returns the same probes). */
export function declareAppProbes(registry: ProbeRegistry): AppProbes {
  const app = new Provider('app', registry);
  return {
    requestStart: app.probe(MODULE, 'handleRequest', 'request-start', [
      { type: 'string', name: 'method' },
      { type: 'string', name: 'url' },
    ]),
    requestDone: app.probe(MODULE, 'handleRequest', 'request-done', [
      { type: 'string', name: 'url' },
      { type: 'int', name: 'status' },
      { type: 'uint64_t', name: 'latency' },
    ]),
    query: app.probe(MODULE, 'query', 'query', [
      { type: 'string', name: 'sql' },
      { type: 'int', name: 'rows' },
      { type: 'uint64_t', name: 'latency' },
    ]),
  };
}

const origin = process.hrtime.bigint();

/**
 * Monotonic nanoseconds since the module loaded, for probe latencies. A clock read costs about
 * as much as a disabled probe site costs nothing (toolchain.md: ~72 ns), so callers read it only
 * when the probe that reports it is enabled.
 */
export function nowNs(): number {
  return Number(process.hrtime.bigint() - origin);
}
