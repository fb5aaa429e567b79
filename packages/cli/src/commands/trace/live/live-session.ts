/*
 * A tracing run on live Node.js processes (`-c 'node app.js'`, `-p PID`): the D program runs
 * inside each target (the agent), and this side is dtrace's consumer: it prints the "matched"
 * notices, every record, fault and drop as they stream in, dtrace's `pid N has exited`, and at
 * the end the aggregations never printed (combined over the targets). Ctrl-C, --duration or a
 * target's exit() stop every target: END runs there, the final aggregations come back, `-p`
 * targets are left as they were and a `-c` command is killed, as dtrace does.
 */

import { resolveOptions, validateOption, type AgentMessage, type Consumer, type LiveConfig, type ProgramOptions } from '@zsdtrace/probes';
import type { CliArgs } from '../../../args.js';
import { makeConsumer } from '../consumer.js';
import { openOutput } from '../../../output.js';
import { PROGNAME, type Io } from '../../../io.js';
import { LogBuffer } from '../../../tui/log-buffer.js';
import { LiveSnapshots } from './snapshots.js';
import { agentPath } from './agent-path.js';
import { attachAgent, GrabError, inspectorClosed } from './attach.js';
import { launch } from './launch.js';
import { mergeAggregations } from './merge.js';
import { LiveServer, type AgentConnection } from './server.js';
import { readUnits } from './units.js';
import type { LiveOtlp } from './otlp-live.js';
import { LiveTargets, type LiveObserver } from './targets.js';

/** Runs the trace; resolves with zsdtrace's exit status. */
export async function traceLive(args: CliArgs, io: Io, observer?: LiveObserver): Promise<number> {
  const err = (s: string): void => void io.stderr.write(s);
  for (const [name, value] of Object.entries(args.options)) {
    const why = validateOption(name, value);
    if (why !== null) {
      err(`${PROGNAME}: failed to set -x ${name}${value === true ? '' : `=${value}`}: ${why}\n`);
      return 1;
    }
  }
  const units = readUnits(args);
  if ('error' in units) {
    err(`${PROGNAME}: ${units.error}\n`);
    return 1;
  }
  if (units.length === 0 && !args.list) {
    err(`${PROGNAME}: no probes specified\n`);
    return 2;
  }

  const out = openOutput(args.output, io.stdout);
  // While the dashboard is up, trace output goes to its log panel; what END prints and the
  // final aggregations go to stdout after it has left the screen.
  const tuiLive = args.tui && io.stdout.isTTY === true && io.stdin?.isTTY === true;
  const log = new LogBuffer();
  let target: (s: string) => void = tuiLive ? (s) => log.append(s) : (s) => out.write(s);
  // The consumer is built from the options the program runs with in the target (its pragmas
  // included), as the handle builds it for the simulated kernel.
  let sink: Consumer | null = null;
  const consumer = (options?: ProgramOptions): Consumer =>
    (sink ??= makeConsumer(args.format, options ?? resolveOptions(args.options), (s) => target(s), err));

  let otlp: LiveOtlp | null = null;
  const snapshots = new LiveSnapshots();
  const targets: LiveTargets = new LiveTargets({
    snapshot: (pid, aggs, counters) => {
      snapshots.update(pid, aggs, counters);
      observer?.snapshot?.(pid, aggs, counters);
    },
    span: (pid, span) => {
      otlp?.span(pid, span);
      observer?.span?.(pid, span);
    },
  });
  if (args.otlp !== undefined) {
    // Loaded only when asked for: OpenTelemetry's modules cost start-up time.
    const { startLiveOtlp } = await import('./otlp-live.js');
    otlp = startLiveOtlp(args, io.env, err, () => [...targets.execnames.values()][0] ?? 'node');
  }
  const server = await LiveServer.start(
    (c, m) => targets.message(c, m),
    (c) => targets.closed(c),
  );
  const cfg: LiveConfig = {
    units,
    options: args.options,
    macroArgs: args.macroArgs,
    macros: { pid: process.pid, ppid: process.ppid, target: args.pids[0] ?? 0 },
    socket: server.path,
    spans: args.otlp !== undefined,
    list: args.list,
  };
  let status = 0;
  let matchedShown = false;
  let matchedTotal = 0;
  let programOptions: ProgramOptions | null = null;
  targets.on = {
    compiled(m) {
      if (matchedShown) return;
      matchedShown = true;
      matchedTotal = m.matched.reduce((a, b) => a + b, 0);
      programOptions = m.options;
      consumer(m.options);
      if (!m.options.quiet) for (const n of m.notices) err(`${n}\n`);
    },
    compileError(message) {
      if (status === 0) err(`${message}\n`);
      status = 1;
    },
    record(m) {
      const s = consumer();
      if (m.t === 'firing') s.firing(m.f);
      else if (m.t === 'fault') s.fault(m.f);
      else if (m.t === 'drop') s.drop(m.d);
      else if (m.t === 'error') s.error(m.message);
      else if (m.t === 'options') s.options?.(m.options);
    },
    exited(pid) {
      err(`${PROGNAME}: pid ${pid} has exited\n`);
    },
  };

  const removeInterrupt = io.onInterrupt?.(() => {
    if (targets.stopping) targets.abort();
    else targets.stopAll();
  });
  const timer = args.durationNs !== undefined ? setTimeout(() => targets.stopAll(), args.durationNs / 1e6) : null;

  try {
    const agent = agentPath();
    if (args.pids.length > 0) {
      for (const pid of args.pids) {
        targets.expect(pid);
        try {
          const a = await attachAgent(pid, agent, cfg);
          targets.attached(a.pid, a.openedInspector);
          // Node.js processes share the default inspector port: the next one can open it only
          // once this one's agent has closed it again.
          if (a.openedInspector && pid !== args.pids.at(-1)) await inspectorClosed(a.port);
        } catch (e) {
          if (!(e instanceof GrabError)) throw e;
          err(`${PROGNAME}: ${e.message}\n`);
          targets.stopAll();
          status = 1;
          break;
        }
      }
    } else {
      const launched = launch(args.command!, agent, cfg, server.file('config.json'), io.env);
      const failed = await new Promise<string | null>((resolve) => {
        launched.child.once('spawn', () => resolve(null));
        launched.child.once('error', (e: NodeJS.ErrnoException) =>
          resolve(e.code === 'ENOENT' ? 'No such file or directory' : e.code === 'EACCES' ? 'Permission denied' : e.message),
        );
      });
      if (failed !== null) {
        err(`${PROGNAME}: failed to execute ${args.command!.trim().split(/\s+/)[0]}: ${failed}\n`);
        server.close();
        return 1;
      }
      targets.command(launched.child, server.adopt(launched.pipe));
    }
    if (args.tui && status === 0) {
      const { runLiveDashboard } = await import('./dashboard-live.js');
      const what = args.pids.length > 0 ? `pid ${args.pids.join(', ')}` : args.command!;
      await runLiveDashboard({ args, io, targets, snapshots, log, out, live: tuiLive, what, matched: () => matchedTotal });
      target = (s) => out.write(s);
    }
    await targets.done;
  } finally {
    removeInterrupt?.();
    if (timer) clearTimeout(timer);
    server.close();
  }
  if (targets.aborted) {
    await out.close();
    return 1;
  }
  if (args.list) {
    const { printLiveListing } = await import('./list-live.js');
    io.stdout.write(printLiveListing(targets.listings, args));
    await out.close();
    return status;
  }
  if (status !== 0) {
    await out.close();
    return status;
  }
  const ends = targets.ends();
  const final = mergeAggregations(ends.map((e) => e.unprinted), {
    aggsortkey: (programOptions as ProgramOptions | null)?.aggsortkey ?? false,
    aggsortrev: (programOptions as ProgramOptions | null)?.aggsortrev ?? false,
  });
  const exit = ends.find((e) => e.exited);
  const code = exit ? exit.status : 0;
  consumer().finish(final, code);
  await out.close();
  if (otlp) await otlp.finish();
  return code;
}

export type { AgentConnection, AgentMessage };
