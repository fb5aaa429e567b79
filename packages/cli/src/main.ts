/*
 * The `zsdtrace` command. Roadmap — what runs where:
 *
 *   args.ts              dtrace(1)'s command line (plus long options) -> CliArgs, usage errors as data
 *   commands/trace/      a tracing run: the engine as host, the tracing handle of @zsdtrace/probes
 *                        (setopt, compile, go, stop, finish), the run loop, the consumer
 *   commands/list/       -l: the probe listing (with -s, the probes a script matches)
 *   commands/verify*     `zsdtrace verify`: explores seeds of the simulated kernel
 *   tui/                 --tui: the Ink dashboard and its wiring to a run
 *   otlp/                --otlp: the OpenTelemetry exporter and its wiring to a run
 *   large-stack*.ts      deeply nested programs: the command again on a thread with a large stack
 *
 * main() dispatches and turns the outcome into dtrace's exit status (0 success, 1 failure,
 * 2 usage, or the value given to exit()). Commands reach the compiler and the runtime only
 * through the handle. The bin is a two-line shim over start.ts, which runs this module's
 * CommonJS bundle (dist/zsdtrace.cjs) through V8's code cache.
 */

import { parseArgs, UsageError } from './args.js';
import { listCommand } from './commands/list/list.js';
import { isLiveCommand } from './commands/trace/live/live-command.js';
import { traceCommand } from './commands/trace/trace.js';
import { PROGNAME, type Io } from './io.js';
import { LargeStackNeeded, runOnLargeStack } from './large-stack.js';
import { errnoText } from './output.js';
import { usageText, versionText } from './usage.js';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'verify') {
    const { runVerify } = await import('./commands/verify/command.js');
    return runVerify(argv.slice(1), io);
  }
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${PROGNAME}: ${e.message}\n${usageText(PROGNAME)}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout.write(usageText(PROGNAME));
    return 0;
  }
  const modes = [args.list, args.version].filter(Boolean).length;
  if (modes > 1) {
    io.stderr.write(`${PROGNAME}: only one of the [-lV] options can be specified at a time\n`);
    return 2;
  }
  if (args.version) {
    io.stdout.write(versionText(PROGNAME));
    return 0;
  }
  if (args.pids.length > 0 && args.command !== undefined) {
    io.stderr.write(`${PROGNAME}: -c and -p cannot be given together\n`);
    return 2;
  }
  if (args.pids.length > 0 || isLiveCommand(args.command)) {
    const { traceLive } = await import('./commands/trace/live/live-session.js');
    if (args.programs.length === 0 && !args.list) {
      io.stderr.write(usageText(PROGNAME));
      return 2;
    }
    return traceLive(args, io);
  }
  if (args.list) return listCommand(args, io);
  if (args.programs.length === 0) {
    io.stderr.write(usageText(PROGNAME));
    return 2;
  }
  try {
    return await traceCommand(args, io);
  } catch (e) {
    if (!(e instanceof LargeStackNeeded)) throw e;
    const onLargeStack = runOnLargeStack(argv, io);
    if (onLargeStack) return onLargeStack;
    io.stderr.write(`${e.failure}\n`);
    return 1;
  }
}

/** The process entry: real streams, SIGINT, exit status; an internal error asks for a report. */
export async function run(): Promise<void> {
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    // dtrace(1) installs one handler for SIGINT and SIGTERM: both end the run with END and
    // the aggregations, and a second signal of either kind aborts.
    onInterrupt(fn) {
      process.on('SIGINT', fn);
      process.on('SIGTERM', fn);
      return () => {
        process.off('SIGINT', fn);
        process.off('SIGTERM', fn);
      };
    },
  };
  // Anything thrown outside main()'s promise (a timer, a stream callback) is an internal error
  // too: reported with a request for a report and exit status 2, never a bare stack.
  const internal = (e: unknown): void => {
    const err = e as Error;
    process.stderr.write(`${PROGNAME}: internal error: ${err?.stack ?? String(e)}\n${PROGNAME}: please report this with the command line that caused it\n`);
    process.exit(2);
  };
  process.on('uncaughtException', internal);
  process.on('unhandledRejection', internal);
  // A failed write to stdout (the reader of a pipe gone, a full disk) ends the run with a
  // message and status 1. dtrace(1) is killed by SIGPIPE instead (status 141 in a shell, no
  // message) and reports other write errors as failures; one clean rule covers both here.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(`${PROGNAME}: failed to write to standard output: ${errnoText(e)}\n`);
    process.exit(1);
  });
  let status: number;
  try {
    status = await main(process.argv.slice(2), io);
  } catch (e) {
    const err = e as Error;
    process.stderr.write(
      `${PROGNAME}: internal error: ${err.stack ?? err.message}\n${PROGNAME}: please report this with the command line that caused it\n`,
    );
    status = 2;
  }
  process.exitCode = status;
  // Let pending writes drain, then leave even if a library left a timer behind.
  setTimeout(() => process.exit(status), 50).unref();
}
