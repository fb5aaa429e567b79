/*
 * The cost of an enabled probe that traces speculatively, against the same data recorded
 * directly, and against a probe that only counts — measured in one process with the real
 * compiler and runtime, records handed to a sink that keeps nothing.
 *
 * The speculative clause does what speculative tracing scripts do on every event: take a
 * speculation, speculate into it, record a printf, and commit (every 4th event) or discard it.
 */

import { compile } from '../packages/probes/src/lang/compile.js';
import { createRuntime } from '../packages/probes/src/runtime/runtime.js';
import { ProbeRegistry } from '../packages/probes/src/provider/registry.js';
import { Provider } from '../packages/probes/src/provider/provider.js';
import { createNodeHost } from '../packages/probes/src/provider/node-host.js';
import type { RuntimeSink } from '../packages/probes/src/program/value-model.js';
import type { Probe } from '../packages/probes/src/provider/probe.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const N = 1_000_000;
let firings = 0;
let drops = 0;
const sink: RuntimeSink = {
  firing() {
    firings++;
  },
  fault() {},
  drop(d) {
    drops += d.count;
  },
  error() {},
};

function setup(script: string): { probe: Probe; flush: () => void } {
  const registry = new ProbeRegistry();
  const probe = new Provider('bench', registry).probe('mod', 'worker', 'work', ['int']);
  const res = compile([{ text: script, kind: 'script', name: 'bench.d' }], { registry, options: { nspec: '4', bufsize: '64m' } });
  if (!res.program) throw new Error(JSON.stringify(res.diagnostics));
  const rt = createRuntime(res.program, { host: createNodeHost(), registry, sink });
  rt.start();
  return { probe, flush: () => rt.flushDrops() };
}

function nsPerFiring(probe: Probe, flush: () => void): number {
  const run = (n: number): void => {
    for (let i = 0; i < n; i++) {
      if (probe.enabled) probe.fire(i);
      // Consume the principal buffer now and then, as the consumer loop does.
      if ((i & 0xffff) === 0) flush();
    }
  };
  run(N / 10);
  const t0 = process.hrtime.bigint();
  run(N);
  return Number(process.hrtime.bigint() - t0) / N;
}

export default async function (report: Report): Promise<void> {
  const spec = setup(`
bench:::work { self->spec = speculation(); }
bench:::work /self->spec/ { speculate(self->spec); printf("work %d\\n", arg0); }
bench:::work /self->spec && (arg0 & 3) == 0/ { commit(self->spec); self->spec = 0; }
bench:::work /self->spec/ { discard(self->spec); self->spec = 0; }
`);
  firings = 0;
  drops = 0;
  const s = nsPerFiring(spec.probe, spec.flush);
  const committed = firings;
  const direct = setup('bench:::work { printf("work %d\\n", arg0); }');
  const d = nsPerFiring(direct.probe, direct.flush);
  const count = setup('bench:::work { @ = count(); }');
  const c = nsPerFiring(count.probe, count.flush);
  report({ name: 'speculation: speculate + printf + commit/discard', value: s, unit: 'ns/firing', note: `${committed} records committed, ${drops} drops` });
  report({ name: 'speculation: the same printf recorded directly', value: d, unit: 'ns/firing' });
  report({ name: 'speculation: @ = count() only', value: c, unit: 'ns/firing' });
  report({ name: 'speculation / direct printf', value: s / d, unit: 'x' });
}
