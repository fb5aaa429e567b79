/*
 * OpenTelemetry export for `zsdtrace --otlp` (DESIGN.md section 4): engine trace events become
 * OTLP/HTTP spans, a trace per engine operation. The public surface of this folder, listed
 * explicitly; docs/jaeger.md describes how to view the result.
 */

export { createOtlpExporter, OtlpConfigError, OTLP_DEFAULTS } from './exporter.js';
export {
  DEFAULT_OTLP_URL,
  DEFAULT_SERVICE_NAME,
  resolveOtlpUrl,
  resolveOtlpProtocol,
  resolveOtlpHeaders,
  resolveResourceAttributes,
  parseKeyValueList,
} from './config.js';
export { parseOtlpFilter, OTLP_OPERATIONS } from './filter.js';
export type { OtlpFilter, OtlpFilterResult } from './filter.js';
export { formatOtlpReport } from './report.js';
export type { OtlpExporter, OtlpNames, OtlpOptions, OtlpProtocol, OtlpReport, OtlpStats } from './types.js';
