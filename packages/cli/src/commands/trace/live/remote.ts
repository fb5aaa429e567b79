/*
 * The live targets as the tracing handle's remote system (handle/remote.ts): the program is
 * compiled and run in each target by its agent; this side holds what came back. compile()
 * gives the first target's compilation (the session waits for it before compiling), and the
 * run delivers the records the targets stream (BEGIN's included, kept until go()), stops the
 * targets, and gives the aggregations never printed, combined over them, and exit()'s status.
 * Nothing here prints: the handle's consumer does.
 */

import type { AgentMessage, AggSnapshot, Program, RemoteCompilation, RemoteRun, RemoteSystem, RuntimeSink } from '@zsdtrace/probes';
import { mergeAggregations } from './merge.js';
import type { LiveTargets } from './targets.js';

type Compiled = Extract<AgentMessage, { t: 'compiled' }>;
type RecordMessage = Extract<AgentMessage, { t: 'firing' | 'fault' | 'drop' | 'error' | 'options' }>;

/** The program as a target reported it: its options and units; the code stays in the targets. */
function reportedProgram(m: Compiled): Program {
  return {
    options: m.options,
    explicitOptions: [],
    units: m.units,
    aggregations: [],
    aggDefs: [],
    clauses: [],
    enablings: [],
    constants: [],
    globals: [],
    selfVars: [],
    thisVars: [],
    epids: [],
  };
}

export class RemoteTargets implements RemoteSystem {
  private outcome: RemoteCompilation | null = null;
  private readonly answered: Promise<void>;
  private answer!: () => void;
  private readonly pending: RecordMessage[] = [];
  private sink: RuntimeSink | null = null;
  private readonly exitCbs: ((status: number) => void)[] = [];
  private exitStatus: number | null = null;

  constructor(private readonly targets: LiveTargets) {
    this.answered = new Promise((resolve) => (this.answer = resolve));
  }

  /** The first target compiled the program. */
  compiled(m: Compiled): void {
    if (this.outcome) return;
    this.outcome = { ok: true, program: reportedProgram(m) };
    this.answer();
  }

  /** A target failed to compile it; true when this is the run's compilation (the first answer). */
  failed(message: string): boolean {
    if (this.outcome) return false;
    this.outcome = { ok: false, message };
    this.answer();
    return true;
  }

  /** Resolves once a target answered (true), or when the run ended without an answer. */
  async settled(): Promise<boolean> {
    await Promise.race([this.answered, this.targets.done]);
    return this.outcome !== null;
  }

  /** A record a target's runtime produced, in the order that target sent it. */
  record(m: RecordMessage): void {
    if (this.sink) deliver(this.sink, m);
    else this.pending.push(m);
  }

  /** A target's script called exit(). */
  exited(status: number): void {
    if (this.exitStatus !== null) return;
    this.exitStatus = status;
    for (const cb of this.exitCbs.splice(0)) cb(status);
  }

  compile(): RemoteCompilation {
    if (!this.outcome) throw new Error('internal error: compile() before a target answered; please report');
    return this.outcome;
  }

  run(sink: RuntimeSink): RemoteRun {
    const remote = this;
    const targets = this.targets;
    const program = this.outcome?.ok ? this.outcome.program : null;
    if (!program) throw new Error('internal error: go() without a compiled program; please report');
    // exit()'s status: the first target's END says whether its script called it.
    const ended = (): { exited: boolean; status: number } => {
      const end = targets.ends().find((e) => e.exited);
      if (end) return { exited: true, status: end.status };
      return remote.exitStatus === null ? { exited: false, status: 0 } : { exited: true, status: remote.exitStatus };
    };
    return {
      start() {
        remote.sink = sink;
        for (const m of remote.pending.splice(0)) deliver(sink, m);
      },
      stop: () => targets.stopAll(),
      get exited() {
        return ended().exited;
      },
      get exitStatus() {
        return ended().status;
      },
      onExit: (cb) => void remote.exitCbs.push(cb),
      // END's aggregations never printed, combined over the targets, in the program's order.
      unprinted: (): AggSnapshot[] =>
        mergeAggregations(
          targets.ends().map((e) => e.unprinted),
          { aggsortkey: program.options.aggsortkey, aggsortrev: program.options.aggsortrev },
        ),
    };
  }
}

function deliver(sink: RuntimeSink, m: RecordMessage): void {
  if (m.t === 'firing') sink.firing(m.f);
  else if (m.t === 'fault') sink.fault(m.f);
  else if (m.t === 'drop') sink.drop(m.d);
  else if (m.t === 'error') sink.error(m.message);
  else sink.options?.(m.options);
}
