/*
 * A tracing run on live Node.js processes (`-c 'node app.js'`, `-p PID`): the D program runs
 * inside each target (the agent), and this side is dtrace's consumer. It follows the run
 * sequence of the simulated kernel's trace (trace.ts), through the same tracing handle, on a
 * host that is remote (remote.ts): the records arrive over the targets' channels.
 *
 *   1. open a handle on the remote targets; set every -x option (a bad one fails first);
 *   2. read the units (files, cpp) and start the targets with them: attach to each -p pid, or
 *      run the -c command; each agent compiles the program against its own probes;
 *   3. compile: the handle takes the first target's compilation (or its error), prints dtrace's
 *      "matched N probes" notices;
 *   4. go: the consumer receives every record, fault and drop as it streams in (BEGIN's too);
 *      the targets run until they are gone, Ctrl-C, --duration or exit() (dtrace's
 *      `pid N has exited` and its other notices are printed as the targets end);
 *   5. finish: END has run in every target; the aggregations never printed, combined over the
 *      targets, and the exit status come from the handle. `-p` targets are left as they were,
 *      a `-c` command is killed, as dtrace does.
 */

import { createNodeHost, openTrace, ProbeRegistry, type AgentMessage, type Consumer, type LiveConfig } from '@zsdtrace/probes';
import type { CliArgs } from '../../../args.js';
import { makeConsumer } from '../consumer.js';
import { openOutput } from '../../../output.js';
import { programSources } from '../trace.js';
import { PROGNAME, type Io } from '../../../io.js';
import { LogBuffer } from '../../../tui/log-buffer.js';
import { LiveSnapshots } from './snapshots.js';
import { agentPath } from './agent-path.js';
import { attachAgent, GrabError, inspectorClosed } from './attach.js';
import { launch } from './launch.js';
import { RemoteTargets } from './remote.js';
import { LiveServer, type AgentConnection } from './server.js';
import { readUnits } from './units.js';
import type { LiveOtlp } from './otlp-live.js';
import { LiveTargets, type LiveObserver } from './targets.js';

/** Runs the trace; resolves with zsdtrace's exit status. */
export async function traceLive(args: CliArgs, io: Io, observer?: LiveObserver): Promise<number> {
  const err = (s: string): void => void io.stderr.write(s);
  const snapshots = new LiveSnapshots();
  let otlp: LiveOtlp | null = null;
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

  // 1. The handle on the remote targets; options.
  const remote = new RemoteTargets(targets);
  const handle = openTrace({ host: createNodeHost(), registry: new ProbeRegistry(), cpp: args.cpp, progname: PROGNAME, remote });
  for (const [name, value] of Object.entries(args.options)) {
    const why = handle.setopt(name, value);
    if (why !== null) {
      err(`${PROGNAME}: ${why}\n`);
      return 1;
    }
  }

  // 2. The units, sent to the targets to compile there.
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
  targets.on = {
    compiled: (m) => remote.compiled(m),
    compileError(message) {
      // The first answer is the run's compilation (the handle reports it); a later target's
      // failure is reported as it comes.
      if (remote.failed(message)) return;
      if (status === 0) err(`${message}\n`);
      status = 1;
    },
    record: (m) => remote.record(m),
    exit: (s) => remote.exited(s),
    exited(pid, how) {
      // dtrace's prochandler: the signal, a non-zero status, or plainly exited.
      if (how.signal) err(`${PROGNAME}: pid ${pid} terminated by ${how.signal}\n`);
      else if (how.code) err(`${PROGNAME}: pid ${pid} exited with status ${how.code}\n`);
      else err(`${PROGNAME}: pid ${pid} has exited\n`);
    },
  };

  let going = false;
  // Ctrl-C and --duration stop the trace as dtrace_stop does (END runs in the targets); a
  // second Ctrl-C leaves at once.
  const stop = (): void => (going ? handle.stop() : targets.stopAll());
  const removeInterrupt = io.onInterrupt?.(() => {
    if (targets.stopping) targets.abort();
    else stop();
  });
  const timer = args.durationNs !== undefined ? setTimeout(stop, args.durationNs / 1e6) : null;

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

    // 3. Compile: the first target's answer.
    if (!args.list && status === 0 && (await remote.settled())) {
      const compiled = handle.compile(programSources(args.programs), args.macroArgs);
      if (!compiled.ok) {
        err(`${compiled.failure.message}\n`);
        status = 1;
      } else {
        if (!compiled.program.options.quiet) for (const n of handle.matchNotices()) err(`${n}\n`);
        // 4. Go: the consumer is built from the options the program runs with in the target
        // (its pragmas included), as for the simulated kernel.
        const consumer: Consumer = makeConsumer(args.format, compiled.program.options, (s) => target(s), err);
        handle.go(consumer);
        going = true;
        if (args.tui) {
          const { runLiveDashboard } = await import('./dashboard-live.js');
          const what = args.pids.length > 0 ? `pid ${args.pids.join(', ')}` : args.command!;
          const matched = compiled.program.units.reduce((n, u) => n + u.matched, 0);
          await runLiveDashboard({ args, io, targets, snapshots, log, out, live: tuiLive, what, matched: () => matched });
          target = (s) => out.write(s);
        }
      }
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
  if (!going) {
    // No target ever answered (the command started no Node.js process): nothing was traced,
    // and the run ends as an empty one does.
    makeConsumer(args.format, handle.options, (s) => out.write(s), err).finish([], 0);
    await out.close();
    return 0;
  }
  // 5. END ran in the targets: the final aggregations and the status.
  const code = handle.finish();
  await out.close();
  if (otlp) await otlp.finish();
  return code;
}

export type { AgentConnection, AgentMessage };
