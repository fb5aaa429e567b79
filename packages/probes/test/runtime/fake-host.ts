/*
 * Test doubles: a Host with a manual clock and timers, a recording RuntimeSink, and a helper
 * that compiles a script against a registry with a small test provider.
 */

import type { Host, ThreadInfo } from '../../src/provider/host.js';
import { ProbeRegistry } from '../../src/provider/registry.js';
import { Provider } from '../../src/provider/provider.js';
import { installProfileProvider } from '../../src/provider/profile.js';
import type { Probe } from '../../src/provider/probe.js';
import type { DropReport, FaultReport, Firing, RuntimeSink } from '../../src/program/value-model.js';
import { compile, type CompileOptions } from '../../src/lang/compile.js';
import type { SourceUnit } from '../../src/lang/diagnostics.js';
import { createRuntime, type Runtime } from '../../src/runtime/runtime.js';
import type { Program } from '../../src/program/program.js';

export class FakeHost implements Host {
  now = 1000;
  tid = 1;
  readonly ncpus = 1;
  private timers: { period: number; next: number; fn: () => void }[] = [];
  timestamp(): number {
    return this.now;
  }
  vtimestamp(): number {
    return this.now;
  }
  walltimestamp(): bigint {
    return 1_700_000_000_000_000_000n + BigInt(this.now);
  }
  thread(): ThreadInfo {
    return { tid: this.tid, pid: 42, ppid: 1, execname: 'zsched', zonename: 'global', cpu: 0, curthread: 0xfeed, errno: 0 };
  }
  every(periodNs: number, fn: () => void): () => void {
    const t = { period: periodNs, next: this.now + periodNs, fn };
    this.timers.push(t);
    return () => {
      this.timers = this.timers.filter((x) => x !== t);
    };
  }
  advance(ns: number): void {
    const end = this.now + ns;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.now = due.next;
      due.next += due.period;
      due.fn();
    }
    this.now = end;
  }
  stack() {
    return [{ module: 'genunix', func: 'zone_key_create', offset: 0x10 }];
  }
  symbol() {
    return null;
  }
  chill(): void {}
}

export class RecordingSink implements RuntimeSink {
  readonly firings: Firing[] = [];
  readonly faults: FaultReport[] = [];
  readonly drops: DropReport[] = [];
  readonly errors: string[] = [];
  firing(f: Firing): void {
    this.firings.push(f);
  }
  fault(f: FaultReport): void {
    this.faults.push(f);
  }
  drop(d: DropReport): void {
    this.drops.push(d);
  }
  error(m: string): void {
    this.errors.push(m);
  }
  /** The values of all trace() records, in order. */
  traced(): unknown[] {
    return this.firings.flatMap((f) => f.records.filter((r) => r.kind === 'trace').map((r) => (r as { value: unknown }).value));
  }
}

export const ZONE_TYPES = {
  zone_t: { zone_id: 'zoneid_t', zone_name: 'string', zone_status: 'zone_status_t' },
  'struct zsd_entry': { zsd_key: 'zone_key_t', zsd_flags: 'uint16_t' },
};

export interface Rig {
  registry: ProbeRegistry;
  host: FakeHost;
  sink: RecordingSink;
  probes: { work: Probe; zone: Probe; other: Probe };
}

export function rig(): Rig {
  const registry = new ProbeRegistry();
  // The caller installs the profile provider (the tracing handle does), as here.
  installProfileProvider(registry);
  const p = new Provider('test', registry);
  return {
    registry,
    host: new FakeHost(),
    sink: new RecordingSink(),
    probes: {
      work: p.probe('mod', 'worker', 'work', ['int', 'string']),
      zone: p.probe('genunix', 'zone_create', 'zsd-create', ['zone_t *', 'zone_key_t']),
      other: p.probe('mod', 'other', 'tick', []),
    },
  };
}

export function compileOk(r: Rig, text: string, extra: Partial<CompileOptions> = {}, kind: SourceUnit['kind'] = 'script'): Program {
  const res = compile([{ text, kind, name: kind === 'script' ? 't.d' : text }], { registry: r.registry, types: ZONE_TYPES, ...extra });
  if (!res.program) throw new Error(`compile failed: ${JSON.stringify(res.diagnostics)}`);
  return res.program;
}

export function compileErr(text: string, extra: Partial<CompileOptions> = {}): { code: string; message: string; line?: number; column?: number } {
  const r = rig();
  const res = compile([{ text, kind: 'script', name: 't.d' }], { registry: r.registry, types: ZONE_TYPES, ...extra });
  if (res.program) throw new Error('expected a compile error');
  return res.diagnostics[0]!;
}

/** Compiles, starts, runs `act`, stops; returns the rig and runtime. */
export function run(text: string, act: (r: Rig) => void = () => {}, extra: Partial<CompileOptions> = {}): { r: Rig; rt: Runtime } {
  const r = rig();
  const program = compileOk(r, text, extra);
  const rt = createRuntime(program, { host: r.host, registry: r.registry, sink: r.sink });
  rt.start();
  act(r);
  rt.stop();
  return { r, rt };
}
