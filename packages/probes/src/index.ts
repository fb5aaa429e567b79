/*
 * @zsdtrace/probes: the public surface, listed explicitly. The provider API (also available on
 * its own as `@zsdtrace/probes/provider`), the D compiler, the runtime, and the consumer that
 * turns runtime output into dtrace's text or NDJSON.
 */

// Provider API.
export {
  Probe,
  Provider,
  ProbeRegistry,
  parseProbeDescription,
  formatProbeDescription,
  globMatch,
  isGlob,
  matchProbe,
  createNodeHost,
} from './provider/index.js';
export { installProfileProvider, profilePeriod } from './provider/profile.js';
export type { ProbeArg, ProbeHandler, ProbeFactory, ProbeDescription, ProbeNames, Host, ThreadInfo, StackFrame } from './provider/index.js';

// Compiler.
export { compile } from './lang/compile.js';
export type { CompileOptions, CompileResult } from './lang/compile.js';
export type { TypeLibrary } from './lang/library.js';
export { formatDiagnostic } from './lang/diagnostics.js';
export type { Diagnostic, SourceUnit } from './lang/diagnostics.js';
export { ERROR_TAGS, isErrorTag } from './program/error-tags.js';
export type { ErrorTag } from './program/error-tags.js';

// Compiled program and options.
export type { Program, ProgramUnitInfo, AggregationInfo, AggDef, CompiledClause, Enabling, VariableInfo } from './program/program.js';
export { OPTIONS, DEFAULT_OPTIONS, OptionError, validateOption, isDynamicOption, isOptionName, resolveOptions } from './program/options.js';
export type { OptionKind, OptionName, ProgramOptions, RawOptionTable } from './program/options.js';
export { parseSize, parseTime, parseCInteger, TIME_UNITS, OPTION_TIME } from './program/quantities.js';
export type { TimeSyntax, BareTimeUnit } from './program/quantities.js';
export { outputBytes } from './program/raw-bytes.js';
export { LIMITS } from './program/limits.js';

// Runtime.
export { createRuntime } from './runtime/runtime.js';
export type { Runtime, RuntimeOptions, RuntimeUsage } from './runtime/runtime.js';
export { FaultCode, faultText } from './runtime/fault.js';

// Consumer.
export {
  parseFormat,
  isFormatError,
  FormatErrorCode,
  POINTER_WIDTH,
  formatPrintf,
  formatConversion,
  resolveSpec,
  QUANTIZE_BUCKETS,
  QUANTIZE_ZERO,
  quantizeBucket,
  quantizeBucketValue,
  quantizeBucketCount,
  lquantizeBucket,
  lquantizeLevels,
  llquantizeBucket,
  bucketLayout,
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
  formatYTime,
  formatTTime,
  averageOf,
  stddevOf,
  scalarOf,
  emptyValue,
  isDistribution,
  countsOf,
  compareKeys,
  compareKeyValue,
  compareValues,
  sortEntries,
  sortAll,
  joinAggregations,
  formatDistribution,
  quantizeLine,
  formatKeyColumn,
  formatValueColumn,
  formatEntry,
  printAggregation,
  printUnprinted,
  printa,
  printaFormatted,
  faultMessage,
  dropMessage,
  dropTag,
  formatRecord,
  cachedFormat,
  TextConsumer,
  printAggregations,
  dynamicOptions,
  JsonConsumer,
  jsonInt,
  jsonValue,
  jsonAggValue,
  jsonAggregation,
} from './consumer/index.js';
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
  ArgKind,
  Conversion,
  FormatError,
  FormatFlags,
  FormatSegment,
  LengthModifier,
  ParsedFormat,
  FormatContext,
  BucketInfo,
  TraceFormatOptions,
  AggSortOptions,
  SortedEntry,
  JoinedRow,
  AggPrintOptions,
  DisplayOptions,
  TextConsumerOptions,
  DynamicOptions,
  JsonConsumerOptions,
  RawOptions,
} from './consumer/index.js';

// The tracing handle: the one run sequence (open, setopt, compile, go, work, stop, finish).
export { openTrace, TraceHandle, loadSources, foldLineMarkers, PreprocessError, consumerOptions, createConsumer } from './handle/index.js';
export type { OpenOptions, CompileOutcome, CompileFailure, GoOptions, RemoteCompilation, RemoteRun, RemoteSystem, TraceCounters, ProgramSource, CppOptions, ConsumerFormat, ConsumerOutput } from './handle/index.js';

// Programmatic tracer: a program traces itself with a D script.
export { startTracing, DCompileError } from './tracer/index.js';
export type { Tracer, TracerOptions } from './tracer/index.js';

// Live tracing of Node.js processes: the wire between the agent and zsdtrace.
export { encode, LineDecoder, NODE_PROBES, nodeTypes } from './live/index.js';
export type { AgentMessage, ConsumerMessage, Counters, HttpSpanEvent, ListedProbe, LiveConfig } from './live/index.js';
