/*
 * Endpoint, protocol, header and resource resolution (OTLP exporter specification rules), the
 * --otlp-filter syntax, and the exit report's wording.
 */

import { describe, expect, it } from 'vitest';
import {
  formatOtlpReport,
  parseKeyValueList,
  parseOtlpFilter,
  resolveOtlpHeaders,
  resolveOtlpProtocol,
  resolveOtlpUrl,
  resolveResourceAttributes,
} from '../../src/otlp/index.js';
import type { OtlpReport } from '../../src/otlp/index.js';

describe('resolveOtlpUrl', () => {
  it('defaults to the local OTLP/HTTP port of Jaeger and the Collector', () => {
    expect(resolveOtlpUrl(undefined, {})).toBe('http://localhost:4318/v1/traces');
  });
  it('appends /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT, a base URL', () => {
    expect(resolveOtlpUrl(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('http://collector:4318/v1/traces');
    expect(resolveOtlpUrl(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
  });
  it('uses OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is, over the base URL', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/custom' };
    expect(resolveOtlpUrl(undefined, env)).toBe('http://b:9999/custom');
  });
  it('lets the flag win over the environment', () => {
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/custom' };
    expect(resolveOtlpUrl('http://flag:4318/v1/traces', env)).toBe('http://flag:4318/v1/traces');
    expect(resolveOtlpUrl('', env)).toBe('http://b:9999/custom');
  });
});

describe('protocol, headers and resource', () => {
  it('picks the protocol from the option, then the environment, then protobuf', () => {
    expect(resolveOtlpProtocol('json', { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' })).toBe('json');
    expect(resolveOtlpProtocol(undefined, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('json');
    expect(resolveOtlpProtocol(undefined, { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('protobuf');
    expect(resolveOtlpProtocol(undefined, {})).toBe('protobuf');
    const warned: string[] = [];
    expect(resolveOtlpProtocol(undefined, { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, (m) => warned.push(m))).toBe('protobuf');
    expect(warned).toEqual(["OTLP protocol 'grpc' is not supported; using http/protobuf"]);
  });
  it('parses key=value lists with percent-decoding and skips malformed members', () => {
    expect(parseKeyValueList('a=1, b = x%20y ,bad,=v,c=')).toEqual({ a: '1', b: 'x y', c: '' });
  });
  it('layers headers: generic, traces-specific, explicit', () => {
    const env = { OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=1', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=2,c=2' };
    expect(resolveOtlpHeaders({ c: '3' }, env)).toEqual({ a: '1', b: '2', c: '3' });
  });
  it('names the service zsdtrace unless OTEL_SERVICE_NAME or the attributes say otherwise', () => {
    const run = { workload: 'illumos', seed: 7, algorithm: 'legacy' };
    expect(resolveResourceAttributes(run, {})).toEqual({
      'service.name': 'zsdtrace', 'zsd.workload': 'illumos', 'zsd.seed': 7, 'zsd.algorithm': 'legacy',
    });
    expect(resolveResourceAttributes(run, { OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attrs' })['service.name']).toBe('from-attrs');
    expect(resolveResourceAttributes(run, { OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attrs', OTEL_SERVICE_NAME: 'svc' })['service.name']).toBe('svc');
    // The run's own facts are not overridable: they describe what was traced.
    expect(resolveResourceAttributes(run, { OTEL_RESOURCE_ATTRIBUTES: 'zsd.seed=1' })['zsd.seed']).toBe(7);
  });
});

describe('parseOtlpFilter', () => {
  const ops = (text: string | undefined): string[] => {
    const r = parseOtlpFilter(text);
    if (!r.ok) throw new Error(r.message);
    return [...r.filter.ops].sort();
  };
  it('selects everything by default and with all', () => {
    expect(ops(undefined)).toHaveLength(6);
    expect(ops('all')).toHaveLength(6);
  });
  it('exports only the listed operations', () => {
    expect(ops('zone_key_create,zone_destroy')).toEqual(['zone_destroy', 'zone_key_create']);
    const r = parseOtlpFilter('zone_key_create');
    expect(r.ok && r.filter.orphans).toBe(false);
  });
  it('starts from all when the list begins with an exclusion', () => {
    expect(ops('-zone_boot')).not.toContain('zone_boot');
    expect(ops('-zone_boot')).toHaveLength(5);
    expect(ops('all,-zone_boot,-zone_create')).toEqual(ops('-zone_boot,-zone_create'));
    const r = parseOtlpFilter('-zone_boot');
    expect(r.ok && r.filter.text).toBe('zone_create,zone_shutdown,zone_destroy,zone_key_create,zone_key_delete');
  });
  it('reports an unknown operation as a user error with a stable code', () => {
    const r = parseOtlpFilter('zone_key_create,zone_reboot');
    expect(r).toMatchObject({ ok: false, code: 'OTLP_BAD_FILTER' });
    expect(!r.ok && r.message).toContain("'zone_reboot'");
  });
});

describe('formatOtlpReport', () => {
  const base: OtlpReport = {
    url: 'http://localhost:4318/v1/traces', protocol: 'protobuf', spans: 1234, exported: 1234, dropped: 0,
    failed: 0, retries: 0, pending: 0, unfinished: 0, timedOut: false, reasons: [],
  };
  it('prints one line when everything was delivered', () => {
    expect(formatOtlpReport(base, base.url)).toEqual(['zsdtrace: otlp: 1234 spans exported to http://localhost:4318/v1/traces']);
  });
  it('accounts for every undelivered span with its reason', () => {
    const r: OtlpReport = {
      ...base, exported: 1000, dropped: 200, failed: 34, unfinished: 2, timedOut: true,
      reasons: [{ reason: 'export queue full (maxQueueSize 10)', spans: 200 }, { reason: 'export failed: HTTP 503', spans: 34 }],
    };
    expect(formatOtlpReport(r, r.url)).toEqual([
      'zsdtrace: otlp: 1000 spans exported to http://localhost:4318/v1/traces',
      'zsdtrace: otlp: 234 spans not delivered (200 dropped, 34 failed) of 1234',
      'zsdtrace: otlp:   200: export queue full (maxQueueSize 10)',
      'zsdtrace: otlp:   34: export failed: HTTP 503',
      'zsdtrace: otlp: gave up waiting for the collector at the export timeout',
      'zsdtrace: otlp: 2 spans still open at exit, ended there and marked zsd.unfinished',
    ]);
  });
});
