/*
 * One cold compile of the 1,000-clause bench script, in a process of its own: a one-clause
 * compile first (what loading the compiler costs is not counted), then the big one, whose time
 * in milliseconds is printed. bench/lang.ts runs it several times and reports the median, as a
 * single cold compile depends on when V8's background compiler gets to the hot functions.
 */

import { compile } from '../../packages/probes/src/lang/compile.js';
import { ProbeRegistry } from '../../packages/probes/src/provider/registry.js';
import { Provider } from '../../packages/probes/src/provider/provider.js';

export function benchClauses(): string[] {
  const clauses: string[] = [];
  for (let i = 0; i < 1000; i++) clauses.push(`bench:::work /arg0 == ${i}/ { @c${i % 10}[probefunc, arg0] = count(); self->x${i % 7} = timestamp; printf("%d %s\\n", arg0, probename); }`);
  return clauses;
}

function compileMs(script: string): number {
  const registry = new ProbeRegistry();
  new Provider('bench', registry).probe('mod', 'worker', 'work', ['int']);
  const t0 = performance.now();
  const res = compile([{ text: script, kind: 'script', name: 'bench.d' }], { registry });
  const ms = performance.now() - t0;
  if (!res.program) throw new Error(JSON.stringify(res.diagnostics));
  return ms;
}

if (process.argv[2] === '--run') {
  const clauses = benchClauses();
  compileMs(clauses[0]!);
  process.stdout.write(`${compileMs(clauses.join('\n'))}\n`);
}
