/*
 * The consumer's public surface: the value model shared with the runtime, and everything that
 * turns it into dtrace's text or into NDJSON. Explicit list; nothing here loads the compiler.
 */

export type {
  AggEntry,
  AggFunction,
  AggParams,
  AggSnapshot,
  AggValue,
  DataRecord,
  DInt,
  DropKind,
  DropReport,
  DStack,
  DSymbol,
  DType,
  DValue,
  FaultReport,
  Firing,
  PrintMember,
  RuntimeSink,
  Consumer,
} from '../program/value-model.js';

export { parseFormat, isFormatError, FormatErrorCode, POINTER_WIDTH } from '../program/printf-format.js';
export type {
  ArgKind,
  Conversion,
  FormatError,
  FormatFlags,
  FormatSegment,
  LengthModifier,
  ParsedFormat,
} from '../program/printf-format.js';
export { formatPrintf, formatConversion, resolveSpec } from './printf.js';
export type { FormatContext } from './printf.js';

export {
  QUANTIZE_BUCKETS,
  QUANTIZE_ZERO,
  quantizeBucket,
  quantizeBucketValue,
  quantizeBucketCount,
  lquantizeBucket,
  lquantizeLevels,
  llquantizeBucket,
  bucketLayout,
} from './buckets.js';
export type { BucketInfo } from './buckets.js';

export {
  DEFAULT_STACK_INDENT,
  formatTraceValue,
  formatTraceInt,
  formatTraceString,
  formatStack,
  formatSymbol,
  formatRawBytes,
  frameText,
  symbolText,
  addressText,
} from './trace-format.js';
export type { TraceFormatOptions } from './trace-format.js';

export { formatYTime, formatTTime } from './time-format.js';

export { averageOf, stddevOf, scalarOf, emptyValue, isDistribution, countsOf } from './agg-values.js';
export {
  compareKeys,
  compareKeyValue,
  compareValues,
  sortEntries,
  sortAll,
  joinAggregations,
} from './aggregate-sort.js';
export type { AggSortOptions, SortedEntry, JoinedRow } from './aggregate-sort.js';
export { formatDistribution, quantizeLine } from './quantize-table.js';
export {
  formatKeyColumn,
  formatValueColumn,
  formatEntry,
  printAggregation,
  printUnprinted,
  printa,
  printaFormatted,
} from './aggregate-print.js';
export type { AggPrintOptions } from './aggregate-print.js';

export { faultMessage, dropMessage, dropTag } from './messages.js';
export { formatRecord, cachedFormat } from './record-format.js';
export type { DisplayOptions } from './record-format.js';
export { TextConsumer, printAggregations } from './text-consumer.js';
export type { TextConsumerOptions } from './text-consumer.js';
export { dynamicOptions } from './options.js';
export type { DynamicOptions, RawOptions } from './options.js';
export { JsonConsumer, jsonInt, jsonValue, jsonAggValue, jsonAggregation } from './json-consumer.js';
export type { JsonConsumerOptions } from './json-consumer.js';
