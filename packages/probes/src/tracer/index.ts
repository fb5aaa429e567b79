/*
 * The programmatic tracer's public surface: startTracing() and what it returns or throws.
 * Loading it loads the compiler; programs that only carry probes import
 * `@zsdtrace/probes/provider` instead.
 */

export { startTracing } from './tracer.js';
export type { Tracer, TracerOptions } from './tracer.js';
export { DCompileError } from './compile-error.js';
