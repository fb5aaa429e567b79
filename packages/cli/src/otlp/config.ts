/*
 * Where and how spans are sent, from flags and the OpenTelemetry environment variables.
 *
 * Input: the `--otlp [URL]` flag value, options and an environment. Output: the URL, the wire
 * protocol, request headers and resource attributes. Rules follow the OTLP exporter
 * specification: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as is, OTEL_EXPORTER_OTLP_ENDPOINT is
 * a base URL to which `/v1/traces` is appended, and an explicit flag wins over both. The header
 * and resource lists are `key=value` pairs separated by commas, values percent-decoded (W3C
 * Baggage octets). Pure functions: nothing here reads process.env unless given it.
 */

import type { OtlpProtocol } from './types.js';

export const DEFAULT_OTLP_URL = 'http://localhost:4318/v1/traces';
export const DEFAULT_SERVICE_NAME = 'zsdtrace';

type Env = NodeJS.ProcessEnv;

function nonEmpty(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s === undefined || s === '' ? undefined : s;
}

/** The traces endpoint: flag, then the traces-specific variable, then the base URL, then default. */
export function resolveOtlpUrl(flagValue: string | undefined, env: Env): string {
  const flag = nonEmpty(flagValue);
  if (flag !== undefined) return flag;
  const traces = nonEmpty(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
  if (traces !== undefined) return traces;
  const base = nonEmpty(env['OTEL_EXPORTER_OTLP_ENDPOINT']);
  if (base !== undefined) return `${base.replace(/\/+$/, '')}/v1/traces`;
  return DEFAULT_OTLP_URL;
}

/**
 * The protocol: the explicit option, then OTEL_EXPORTER_OTLP_TRACES_PROTOCOL /
 * OTEL_EXPORTER_OTLP_PROTOCOL (`http/json`, `http/protobuf`), then protobuf, the OTLP default.
 * `grpc` is not offered: it is reported through `warn` and protobuf over HTTP is used.
 */
export function resolveOtlpProtocol(
  option: OtlpProtocol | undefined,
  env: Env,
  warn: (msg: string) => void = () => {},
): OtlpProtocol {
  if (option !== undefined) return option;
  const v = nonEmpty(env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) ?? nonEmpty(env['OTEL_EXPORTER_OTLP_PROTOCOL']);
  if (v === undefined || v === 'http/protobuf') return 'protobuf';
  if (v === 'http/json') return 'json';
  warn(`OTLP protocol '${v}' is not supported; using http/protobuf`);
  return 'protobuf';
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses `k1=v1,k2=v2`; malformed members (no `=`, empty key) are skipped, as the SDKs do. */
export function parseKeyValueList(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === undefined) return out;
  for (const member of text.split(',')) {
    const eq = member.indexOf('=');
    if (eq <= 0) continue;
    const key = decode(member.slice(0, eq).trim());
    if (key === '') continue;
    out[key] = decode(member.slice(eq + 1).trim());
  }
  return out;
}

/** Request headers: generic variable, then the traces variable, then explicit options. */
export function resolveOtlpHeaders(options: Record<string, string> | undefined, env: Env): Record<string, string> {
  return {
    ...parseKeyValueList(env['OTEL_EXPORTER_OTLP_HEADERS']),
    ...parseKeyValueList(env['OTEL_EXPORTER_OTLP_TRACES_HEADERS']),
    ...options,
  };
}

/**
 * Resource attributes. OTEL_RESOURCE_ATTRIBUTES first; OTEL_SERVICE_NAME overrides its
 * service.name (specification precedence); the run's own facts (workload, seed, algorithm) are
 * set last because they describe what was actually traced.
 */
export function resolveResourceAttributes(
  run: { workload: string; seed: number; algorithm: string },
  env: Env,
): Record<string, string | number> {
  const attrs: Record<string, string | number> = {
    'service.name': DEFAULT_SERVICE_NAME,
    ...parseKeyValueList(env['OTEL_RESOURCE_ATTRIBUTES']),
  };
  const service = nonEmpty(env['OTEL_SERVICE_NAME']);
  if (service !== undefined) attrs['service.name'] = service;
  attrs['zsd.workload'] = run.workload;
  attrs['zsd.seed'] = run.seed;
  attrs['zsd.algorithm'] = run.algorithm;
  return attrs;
}
