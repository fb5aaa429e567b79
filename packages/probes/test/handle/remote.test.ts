/*
 * The tracing handle on a remote system (a process that compiles and runs the program itself):
 * the same sequence setopt → compile → go → stop → finish, with the system's compilation taken
 * as compile()'s outcome, its records (those sent before go() first) reaching the consumer, and
 * stop, the unprinted aggregations and exit()'s status coming from its run.
 */

import { describe, expect, it } from 'vitest';
import { openTrace, type RemoteCompilation, type RemoteRun, type RemoteSystem } from '../../src/handle/index.js';
import { resolveOptions } from '../../src/program/options.js';
import type { Program } from '../../src/program/program.js';
import type { AggSnapshot, Consumer, Firing, RuntimeSink } from '../../src/program/value-model.js';
import { ProbeRegistry } from '../../src/provider/registry.js';
import { FakeHost, RecordingSink } from '../runtime/fake-host.js';

class RecordingConsumer extends RecordingSink implements Consumer {
  readonly finished: { unprinted: readonly AggSnapshot[]; status: number }[] = [];
  finish(unprinted: readonly AggSnapshot[], status: number): void {
    this.finished.push({ unprinted, status });
  }
}

const firing = (value: number): Firing => ({
  cpu: 0, probeId: 1, provider: 'dtrace', module: '', func: '', name: 'BEGIN', records: [{ kind: 'trace', value, type: { kind: 'int', size: 8, signed: true } }],
} as unknown as Firing);

const AGG = { id: 1, name: 'n', fn: 'count', entries: [{ keys: [], value: 3 }] } as unknown as AggSnapshot;

/** A remote system driven by hand: what it compiled, what it sent, what it did when stopped. */
class FakeRemote implements RemoteSystem {
  sink: RuntimeSink | null = null;
  readonly early: Firing[] = [];
  stops = 0;
  exitStatus: number | null = null;
  private readonly exitCbs: ((s: number) => void)[] = [];

  constructor(private readonly outcome: RemoteCompilation) {}

  compile(): RemoteCompilation {
    return this.outcome;
  }

  send(f: Firing): void {
    if (this.sink) this.sink.firing(f);
    else this.early.push(f);
  }

  callExit(status: number): void {
    this.exitStatus = status;
    for (const cb of this.exitCbs) cb(status);
  }

  run(sink: RuntimeSink): RemoteRun {
    const self = this;
    return {
      start() {
        self.sink = sink;
        for (const f of self.early.splice(0)) sink.firing(f);
      },
      stop() {
        self.stops++;
        self.send(firing(99));
      },
      get exited() {
        return self.exitStatus !== null;
      },
      get exitStatus() {
        return self.exitStatus ?? 0;
      },
      onExit: (cb) => void self.exitCbs.push(cb),
      unprinted: () => [AGG],
    };
  }
}

function program(quiet: boolean): Program {
  return {
    options: resolveOptions(quiet ? { quiet: true } : {}),
    explicitOptions: [], units: [{ matched: 2, description: 'node*:::http-server-request ' }],
    aggregations: [], aggDefs: [], clauses: [], enablings: [], constants: [], globals: [], selfVars: [], thisVars: [], epids: [],
  };
}

function open(remote: FakeRemote) {
  return openTrace({ host: new FakeHost(), registry: new ProbeRegistry(), remote });
}

describe('tracing handle on a remote system', () => {
  it('takes the system’s compilation, delivers its records from go() on, stops it and finishes with its aggregations', () => {
    const remote = new FakeRemote({ ok: true, program: program(false) });
    const handle = open(remote);
    expect(handle.setopt('quiet')).toBeNull();
    expect(handle.setopt('bufsize', 'lots')).toMatch(/^failed to set -x bufsize=lots: /);
    const r = handle.compile([{ kind: 'n', text: 'node*:::http-server-request { @n = count(); }' }]);
    expect(r.ok).toBe(true);
    expect(handle.matchNotices()).toEqual(["zsdtrace: description 'node*:::http-server-request ' matched 2 probes"]);
    remote.send(firing(1));
    const consumer = new RecordingConsumer();
    handle.go(consumer);
    remote.send(firing(2));
    expect(consumer.traced()).toEqual([1, 2]);
    handle.stop();
    handle.stop();
    expect(remote.stops).toBe(1);
    expect(handle.finish()).toBe(0);
    expect(consumer.traced()).toEqual([1, 2, 99]);
    expect(consumer.finished).toEqual([{ unprinted: [AGG], status: 0 }]);
  });

  it('reports exit() from the system: the handle’s callbacks, then its status at the end', () => {
    const remote = new FakeRemote({ ok: true, program: program(true) });
    const handle = open(remote);
    expect(handle.compile([{ kind: 'n', text: 'BEGIN { exit(4); }' }]).ok).toBe(true);
    const statuses: number[] = [];
    handle.onExit((s) => statuses.push(s));
    const consumer = new RecordingConsumer();
    handle.go(consumer);
    remote.callExit(4);
    expect(statuses).toEqual([4]);
    expect(handle.exited).toBe(true);
    expect(handle.finish()).toBe(4);
    expect(consumer.finished.map((f) => f.status)).toEqual([4]);
  });

  it('returns the system’s compile error as the handle’s failure', () => {
    const remote = new FakeRemote({ ok: false, message: 'zsdtrace: invalid probe specifier x: probe description x does not match any probes' });
    const handle = open(remote);
    const r = handle.compile([{ kind: 'n', text: 'x' }]);
    expect(r).toEqual({ ok: false, failure: { message: 'zsdtrace: invalid probe specifier x: probe description x does not match any probes', diagnostics: [] } });
    expect(handle.program).toBeNull();
  });
});
