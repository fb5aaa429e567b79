/*
 * The agent: what zsdtrace loads into a traced Node.js process (preloaded by `-c`, evaluated
 * through the inspector by `-p`). It compiles the D program against the process's own probes,
 * runs it there (an enabled probe costs what it costs in a program tracing itself), and streams
 * what the runtime produces back over the wire. Stopping (zsdtrace's request, exit(), or the
 * process exiting) fires END, sends the final aggregations and removes everything the agent
 * added: subscribers, observers, profiler sessions, timers, listeners and its socket.
 */

import type { AggSnapshot, DropReport, FaultReport, Firing, RuntimeSink } from '../program/value-model.js';
import { compile } from '../lang/compile.js';
import { formatDiagnostic } from '../lang/diagnostics.js';
import type { Program } from '../program/program.js';
import { installProfileProvider } from '../provider/profile.js';
import { createRuntime, type Runtime } from '../runtime/runtime.js';
import { AgentChannel } from './agent-channel.js';
import { createLiveHost, execName, type LiveHost } from './live-host.js';
import { LiveRegistry } from './live-registry.js';
import { NodeProvider } from './node-provider.js';
import { nodeTypes } from './node-types.js';
import { v8Sampler } from './sampler.js';
import { traceHttpSpans } from './spans.js';
import type { ConsumerMessage, LiveConfig } from './wire.js';

const PROGNAME = 'zsdtrace';
/** How long a `-c` agent waits for the program's own providers before a no-match is final. */
const DECLARE_WAIT_MS = 1000;

/** One traced run inside this process. */
class Agent {
  private readonly host: LiveHost = createLiveHost();
  private readonly registry = new LiveRegistry();
  private readonly channel: AgentChannel;
  private runtime: Runtime | null = null;
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
    this.registry.node = new NodeProvider(this.registry, `node${process.pid}`, this.host);
    this.host.sampler = v8Sampler;
    this.channel.send({ t: 'hello', pid: process.pid, execname: execName(), argv: process.argv });
    process.on('exit', this.onProcessExit);
  }

  /** Compiles and starts; a `-c` agent retries a no-match until the program declared its probes. */
  begin(waitForDeclarations: boolean): void {
    const deadline = Date.now() + DECLARE_WAIT_MS;
    const attempt = (): void => {
      if (this.finished) return;
      this.registry.mirrorProgram();
      installProfileProvider(this.registry);
      if (this.cfg.list) return this.list();
      const r = compile(this.cfg.units, {
        registry: this.registry,
        types: nodeTypes,
        macroArgs: this.cfg.macroArgs,
        macros: { ...this.cfg.macros, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 },
        options: this.cfg.options,
      });
      if (r.program) return this.run(r.program);
      const d = r.diagnostics[0]!;
      if (waitForDeclarations && d.code === 'D_PDESC_ZERO' && Date.now() < deadline) {
        setTimeout(attempt, 10);
        return;
      }
      const unit = this.cfg.units[d.unit] ?? this.cfg.units[0]!;
      const errtags = this.cfg.options.errtags !== undefined;
      this.channel.send({ t: 'compile-error', message: formatDiagnostic(d, unit, { errtags, progname: PROGNAME }) });
      this.stop(false);
    };
    attempt();
  }

  private list(): void {
    installProfileProvider(this.registry);
    const probes = this.registry.probes.map((p) => ({
      id: p.id, provider: p.provider, module: p.module, func: p.func, name: p.name, args: p.args.map((a) => a.type),
    }));
    this.channel.send({ t: 'list', probes });
    this.stop(false);
  }

  private run(program: Program): void {
    const quiet = program.options.quiet;
    this.channel.send({ t: 'compiled', matched: program.units.map((u) => u.matched), quiet });
    const send = this.channel.send.bind(this.channel);
    const sink: RuntimeSink = {
      firing: (f: Firing) => send({ t: 'firing', f }),
      fault: (f: FaultReport) => send({ t: 'fault', f }),
      drop: (d: DropReport) => send({ t: 'drop', d }),
      error: (message: string) => send({ t: 'error', message }),
      options: (options) => send({ t: 'options', options }),
    };
    const runtime = createRuntime(program, { host: this.host, registry: this.registry, sink });
    this.runtime = runtime;
    runtime.onExit((status) => {
      send({ t: 'exit', status });
      // Not inside the firing that called exit(): END runs on a clean stack.
      setImmediate(() => this.stop());
    });
    if (this.cfg.spans) this.cleanups.push(traceHttpSpans((span) => send({ t: 'span', span })));
    runtime.start();
    const switchNs = Math.max(1_000_000, program.options.switchrate || 1e9);
    this.cleanups.push(this.host.every(switchNs, () => runtime.flushDrops()));
  }

  private onMessage(m: ConsumerMessage): void {
    switch (m.t) {
      case 'snapshot': {
        const rt = this.runtime;
        if (rt) this.channel.send({ t: 'snapshot', aggs: rt.snapshot(), counters: rt.counters() });
        return;
      }
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
    const rt = this.runtime;
    if (rt) {
      rt.stop();
      rt.flushDrops();
      const unprinted: AggSnapshot[] = rt.unprinted();
      if (report) this.channel.send({ t: 'end', unprinted, exited: rt.exited, status: rt.exitStatus });
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
