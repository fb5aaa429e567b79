/*
 * The `zsdtrace` command: dispatches to `verify`, the probe listing (-l), the version (-V) or a
 * tracing run, and turns the outcome into dtrace's exit status (0 success, 1 failure, 2 usage,
 * or the value given to exit()). The bin is a two-line shim that imports this bundle.
 */

import { readFileSync } from 'node:fs';
import { createEngine, engineTypes, loadWorkload, WorkloadError } from '@zsdtrace/core';
import { compile, formatDiagnostic, installProfileProvider } from '@zsdtrace/probes';
import { parseArgs, UsageError } from './args.js';
import { listHeader, listRow, listVerbose, selectProbes } from './list.js';
import { PROGNAME, traceSession, type Io } from './session.js';
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
  const { isLiveCommand, traceLive } = await import('./live/live-session.js');
  if (args.pids.length > 0 || isLiveCommand(args.command)) {
    if (args.programs.length === 0 && !args.list) {
      io.stderr.write(usageText(PROGNAME));
      return 2;
    }
    return traceLive(args, io);
  }
  if (args.list) return list(args, io);
  if (args.programs.length === 0) {
    io.stderr.write(usageText(PROGNAME));
    return 2;
  }
  return traceSession(args, io);
}

function list(args: ReturnType<typeof parseArgs>, io: Io): number {
  let engine;
  try {
    engine = createEngine({ workload: loadWorkload(args.command ?? args.workload ?? 'illumos', args.params) });
  } catch (e) {
    if (e instanceof WorkloadError) {
      io.stderr.write(`${PROGNAME}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  installProfileProvider(engine.registry);
  const specs = args.programs.filter((p) => p.kind !== 's');
  const selected = specs.length > 0 || args.programs.length === 0 ? selectProbes(engine.registry, specs) : [];
  if (typeof selected === 'string') {
    io.stderr.write(`${PROGNAME}: invalid probe specifier ${selected}: invalid probe description\n`);
    return 1;
  }
  // -l -s script.d lists the probes the script's clauses match, as dtrace does.
  const chosen = new Set(selected);
  for (const p of args.programs.filter((q) => q.kind === 's')) {
    let text: string;
    try {
      text = readFileSync(p.value, 'utf8');
    } catch {
      io.stderr.write(`${PROGNAME}: failed to open ${p.value}: No such file or directory\n`);
      return 1;
    }
    const unit = { text, kind: 'script' as const, name: p.value };
    const r = compile([unit], {
      registry: engine.registry,
      types: engineTypes,
      macroArgs: args.macroArgs,
      options: { ...args.options, zdefs: true, defaultargs: true },
    });
    if (!r.program) {
      const d = r.diagnostics[0]!;
      io.stderr.write(formatDiagnostic(d, unit, { errtags: args.options.errtags !== undefined, progname: PROGNAME }) + '\n');
      return 1;
    }
    for (const e of r.program.enablings) {
      const probe = engine.registry.byId(e.probeId);
      if (probe) chosen.add(probe);
    }
  }
  const probes = [...chosen].sort((x, y) => x.id - y.id);
  let out = listHeader();
  for (const p of probes) {
    out += listRow(p);
    if (args.verbose) out += listVerbose(p);
  }
  io.stdout.write(out);
  return 0;
}

/** The process entry: real streams, SIGINT, exit status; an internal error asks for a report. */
export async function run(): Promise<void> {
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    onInterrupt(fn) {
      process.on('SIGINT', fn);
      return () => process.off('SIGINT', fn);
    },
  };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  let status: number;
  try {
    status = await main(process.argv.slice(2), io);
  } catch (e) {
    const err = e as Error;
    process.stderr.write(
      `${PROGNAME}: internal error: ${err.stack ?? err.message}\n${PROGNAME}: please report this with the command line that caused it\n`,
    );
    status = 1;
  }
  process.exitCode = status;
  // Let pending writes drain, then leave even if a library left a timer behind.
  setTimeout(() => process.exit(status), 50).unref();
}
