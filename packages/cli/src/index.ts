/*
 * The CLI package's programmatic surface: `main(argv, io)` runs zsdtrace in-process (tests drive
 * it with their own streams).
 */

export { main } from './main.js';
export type { Io } from './io.js';
export { parseArgs, UsageError } from './args.js';
export type { CliArgs } from './args.js';
