/*
 * The agent: what zsdtrace loads into a traced Node.js process (preloaded by `-c`, evaluated
 * through the inspector by `-p`). It compiles the D program against the process's own probes,
 * runs it there (an enabled probe costs what it costs in a program tracing itself), and streams
 * what the runtime produces back over the wire. Stopping (zsdtrace's request, exit(), or the
 * process exiting) fires END, sends the final aggregations and removes everything the agent
 * added: subscribers, observers, profiler sessions, timers, listeners and its socket.
 */

import { openTrace, type TraceHandle } from '../handle/handle.js';
import type { ProgramSource } from '../handle/sources.js';
import type { AggSnapshot, Consumer, DropReport, FaultReport, Firing } from '../program/value-model.js';
import { AgentChannel } from './agent-channel.js';
import { createLiveHost, execName, type LiveHost } from './live-host.js';
import { LiveRegistry } from './live-registry.js';
import { argsRead, NodeProvider } from './node-provider.js';
import { nodeTypes } from './node-types.js';
import { v8Sampler } from './sampler.js';
import { traceHttpSpans } from './spans.js';
import type { ConsumerMessage, LiveConfig } from './wire.js';

/**
 * How long a `-c` agent waits for the program's own providers (declared when its modules load,
 * which a TypeScript loader can make slow) before a no-match is final.
 */
const DECLARE_WAIT_MS = 10_000;

/**
 * Signals whose default action ends the process and that a listener may catch. While tracing,
 * the agent listens to them so that a process killed by one still runs END and sends its
 * aggregations (dtrace keeps them in the kernel); then it dies of the same signal. A program
 * that handles the signal itself keeps its own behaviour: the agent then does nothing.
 */
const FATAL_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** One traced run inside this process: the tracing handle on the live host, a wire consumer. */
class Agent {
  private readonly host: LiveHost = createLiveHost();
  private readonly registry = new LiveRegistry();
  private readonly node: NodeProvider;
  private readonly channel: AgentChannel;
  private readonly handle: TraceHandle;
  private tracing = false;
  private readonly cleanups: (() => void)[] = [];
  private finished = false;
  private readonly onProcessExit = (code: number): void => {
    this.channel.send({ t: 'exiting', code });
    this.stop();
  };

  constructor(
    private readonly cfg: LiveConfig,
    path: string | null,
    private readonly closeInspector: () => void,
  ) {
    this.channel = new AgentChannel(path, (m) => this.onMessage(m), () => this.stop(false));
    this.node = new NodeProvider(this.registry, `node${process.pid}`, this.host);
    this.registry.node = this.node;
    this.host.sampler = v8Sampler;
    this.handle = openTrace({
      host: this.host,
      registry: this.registry,
      types: nodeTypes,
      macros: { ...cfg.macros, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 },
      progname: 'zsdtrace',
    });
    this.channel.send({ t: 'hello', pid: process.pid, execname: execName(), argv: process.argv });
    process.on('exit', this.onProcessExit);
  }

  /** Compiles and starts; a `-c` agent retries a no-match until the program declared its probes. */
  begin(waitForDeclarations: boolean): void {
    if (this.cfg.list) {
      this.registry.mirrorProgram();
      return this.list();
    }
    for (const [name, value] of Object.entries(this.cfg.options)) {
      // zsdtrace ran cpp already: the units are its output.
      if (name === 'cpp') continue;
      const why = this.handle.setopt(name, value);
      if (why !== null) return this.fail(`zsdtrace: ${why}`);
    }
    const sources: ProgramSource[] = this.cfg.units.map((u) =>
      u.kind === 'script' ? { kind: 'script', text: u.text, name: u.name ?? '' } : { kind: u.kind, text: u.text },
    );
    const deadline = Date.now() + DECLARE_WAIT_MS;
    const attempt = (): void => {
      if (this.finished) return;
      this.registry.mirrorProgram();
      const r = this.handle.compile(sources, this.cfg.macroArgs);
      if (r.ok) return this.run();
      if (waitForDeclarations && r.failure.diagnostics[0]?.code === 'D_PDESC_ZERO' && Date.now() < deadline) {
        setTimeout(attempt, 10);
        return;
      }
      this.fail(r.failure.message);
    };
    attempt();
  }

  private fail(message: string): void {
    this.channel.send({ t: 'compile-error', message });
    this.stop(false);
  }

  private list(): void {
    const probes = this.registry.probes.map((p) => ({
      id: p.id, provider: p.provider, module: p.module, func: p.func, name: p.name, args: p.args.map((a) => a.type),
    }));
    this.channel.send({ t: 'list', probes });
    this.stop(false);
  }

  private run(): void {
    const program = this.handle.program!;
    this.node.argsRead = (probe) => argsRead(program, probe.id);
    this.channel.send({ t: 'compiled', units: program.units, options: this.handle.options });
    const send = this.channel.send.bind(this.channel);
    const consumer: Consumer = {
      firing: (f: Firing) => send({ t: 'firing', f }),
      fault: (f: FaultReport) => send({ t: 'fault', f }),
      drop: (d: DropReport) => send({ t: 'drop', d }),
      error: (message: string) => send({ t: 'error', message }),
      options: (options) => send({ t: 'options', options }),
      finish: (unprinted: readonly AggSnapshot[], status: number) =>
        send({ t: 'end', unprinted: [...unprinted], exited: this.handle.exited, status }),
    };
    this.handle.onExit((status) => {
      send({ t: 'exit', status });
      // Not inside the firing that called exit(): END runs on a clean stack.
      setImmediate(() => this.stop());
    });
    if (this.cfg.spans) this.cleanups.push(traceHttpSpans((span) => send({ t: 'span', span })));
    this.cleanups.push(this.onFatalSignals());
    this.tracing = true;
    this.handle.go(consumer, { periodicWork: true });
  }

  /** Listens to FATAL_SIGNALS while tracing; returns what removes the listeners. */
  private onFatalSignals(): () => void {
    const handlers = FATAL_SIGNALS.map((signal) => {
      const handler = (): void => {
        // The program's own listener decides what the signal does.
        if (process.listenerCount(signal) > 1) return;
        this.channel.send({ t: 'signaled', signal });
        // END, the final aggregations, and every listener removed: the signal's default
        // action is back, and the process dies of it as it would have untraced.
        this.stop();
        process.kill(process.pid, signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
    return () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
  }

  private onMessage(m: ConsumerMessage): void {
    switch (m.t) {
      case 'snapshot':
        if (this.tracing && !this.finished) this.channel.send({ t: 'snapshot', aggs: this.handle.snapshot(), counters: this.handle.counters() });
        return;
      case 'stop':
        this.stop();
        return;
      case 'inspector-closed':
        this.closeInspector();
        return;
    }
  }

  /** END, the final aggregations, then every trace of the agent removed from the process. */
  stop(report = true): void {
    if (this.finished) return;
    this.finished = true;
    process.off('exit', this.onProcessExit);
    for (const c of this.cleanups.splice(0)) c();
    if (this.tracing) {
      if (report) this.handle.finish();
      else this.handle.stop();
    }
    this.channel.send({ t: 'detached' });
    this.channel.close();
    active.delete(this);
  }
}

const active = new Set<Agent>();

/** `-p`: called through the inspector with the run's configuration. */
export function attach(cfg: LiveConfig, closeInspector: () => void = () => {}): void {
  const agent = new Agent(cfg, cfg.socket, closeInspector);
  active.add(agent);
  agent.begin(false);
}

/** `-c`: the preload of every Node.js process the command starts (configuration in a file). */
export function preload(cfg: LiveConfig, cliPid: number): void {
  const own = process.ppid === cliPid && AgentChannel.inherited();
  // The command's own process is $target; its descendants read it from the rewritten file.
  const config = own ? { ...cfg, macros: { ...cfg.macros, target: process.pid } } : cfg;
  const agent = new Agent(config, own ? null : cfg.socket, () => {});
  active.add(agent);
  agent.begin(true);
}
