/*
 * OpenTelemetry's diag logger, bridged to each exporter's `diag` callback.
 *
 * The SDK reports export errors only through the process-wide `diag` API; without a logger they
 * vanish. The logger is installed once and fans out to every live exporter (normally one per
 * process). Errors, warnings and informational messages pass (the retrying transport reports
 * giving up at `info`); debug and verbose chatter does not (it would carry whole batches).
 * Must not: throw, or install itself more than once.
 */

import { diag, DiagLogLevel } from '@opentelemetry/api';
import type { DiagLogger } from '@opentelemetry/api';

type Sink = (msg: string) => void;

const sinks = new Set<Sink>();
let installed = false;

function render(level: string, message: string, args: unknown[]): string {
  const extra = args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a)))
    .filter((s) => s !== '');
  return `otel ${level}: ${message}${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

function emit(level: string): (message: string, ...args: unknown[]) => void {
  return (message, ...args) => {
    if (sinks.size === 0) return;
    const line = render(level, message, args);
    for (const sink of sinks) {
      try {
        sink(line);
      } catch {
        // A failing sink must not break the SDK or the other sinks.
      }
    }
  };
}

const bridge: DiagLogger = {
  error: emit('error'),
  warn: emit('warn'),
  info: emit('info'),
  debug: () => {},
  verbose: () => {},
};

/** Routes OpenTelemetry diagnostics to `sink` until the returned function is called. */
export function attachDiag(sink: Sink): () => void {
  if (!installed) {
    diag.setLogger(bridge, { logLevel: DiagLogLevel.INFO, suppressOverrideMessage: true });
    installed = true;
  }
  sinks.add(sink);
  return () => {
    sinks.delete(sink);
  };
}
