/*
 * The tracing handle's public surface (handle.ts): open a handle on a host, set options, compile,
 * go, work, stop, finish.
 */

export { openTrace, TraceHandle } from './handle.js';
export type { OpenOptions, CompileOutcome, CompileFailure, GoOptions, TraceCounters } from './handle.js';
export type { RemoteCompilation, RemoteRun, RemoteSystem } from './remote.js';
export { loadSources } from './sources.js';
export type { ProgramSource } from './sources.js';
export type { CppOptions } from './cpp.js';
export { foldLineMarkers, PreprocessError } from './cpp.js';
export { consumerOptions, createConsumer } from './consumer-factory.js';
export type { ConsumerFormat, ConsumerOutput } from './consumer-factory.js';
