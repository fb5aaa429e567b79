/*
 * Connects a run to the OpenTelemetry exporter: the engine's trace events feed it, virtual time
 * is mapped onto the wall clock at the start of the run, names of zones, keys and threads are
 * resolved from the engine's state, and at exit the spans are flushed (bounded by the export
 * timeout) and what was and was not delivered is reported on stderr.
 */

import type { Engine } from '@zsdtrace/core';
import type { CliArgs } from '../args.js';
import { createOtlpExporter, formatOtlpReport, resolveOtlpUrl } from './index.js';

export interface OtlpHandle {
  stats(): { spans: number; exported: number; dropped: number; failed: number };
  finish(): Promise<void>;
}

export function startOtlp(
  args: CliArgs,
  engine: Engine,
  workload: string,
  env: NodeJS.ProcessEnv,
  err: (s: string) => void,
): OtlpHandle {
  const url = resolveOtlpUrl(typeof args.otlp === 'string' ? args.otlp : undefined, env);
  const names = nameResolver(engine);
  const exporter = createOtlpExporter({
    url,
    ...(args.otlpProtocol !== undefined ? { protocol: args.otlpProtocol } : {}),
    env,
    resource: { workload, seed: args.seed, algorithm: args.algorithm },
    wallEpochNs: BigInt(Date.now()) * 1_000_000n,
    ...(args.otlpFilter !== undefined ? { filter: args.otlpFilter } : {}),
    ...(args.otlpTimeoutMs !== undefined ? { exportTimeoutMs: args.otlpTimeoutMs } : {}),
    names,
    diag: (m: string) => err(`zsdtrace: otlp: ${m}\n`),
  });
  const remove = engine.onEvent(exporter.listener);
  return {
    stats: () => exporter.stats(),
    finish: async () => {
      remove();
      const report = await exporter.shutdown();
      for (const line of formatOtlpReport(report, url)) err(`${line}\n`);
    },
  };
}

function nameResolver(engine: Engine): { zone(id: number): string; thread(tid: number): string; key(k: number): string } {
  const zones = new Map<number, string>();
  const threads = new Map<number, string>();
  const keys = new Map<number, string>();
  const refresh = (): void => {
    const s = engine.state();
    for (const z of s.zones) zones.set(z.id, z.name);
    for (const t of s.threads) threads.set(t.tid, t.name);
    for (const k of s.keys) keys.set(k.key, k.name);
  };
  const get = (m: Map<number, string>, id: number, fallback: string): string => {
    let v = m.get(id);
    if (v === undefined) {
      refresh();
      v = m.get(id);
      if (v === undefined) {
        v = fallback;
        m.set(id, v);
      }
    }
    return v;
  };
  return {
    zone: (id) => get(zones, id, id === 0 ? 'global' : `zone${id}`),
    thread: (tid) => get(threads, tid, `thread-${tid}`),
    key: (k) => get(keys, k, `key${k}`),
  };
}
