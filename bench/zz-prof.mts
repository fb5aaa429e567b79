import { compile } from '../packages/probes/src/lang/compile.js';
import { ProbeRegistry } from '../packages/probes/src/provider/registry.js';
import { Provider } from '../packages/probes/src/provider/provider.js';
const clauses: string[] = [];
for (let i = 0; i < 1000; i++) clauses.push(`bench:::work /arg0 == ${i}/ { @c${i % 10}[probefunc, arg0] = count(); self->x${i % 7} = timestamp; printf("%d %s\\n", arg0, probename); }`);
const big = clauses.join('\n');
const registry = new ProbeRegistry();
new Provider('bench', registry).probe('mod', 'worker', 'work', ['int']);
compile([{ text: clauses[0]!, kind: 'script', name: 'b.d' }], { registry });
const times: number[] = [];
for (let k = 0; k < Number(process.env.K ?? 10); k++) {
  const t0 = performance.now();
  const r = compile([{ text: big, kind: 'script', name: 'b.d' }], { registry });
  times.push(performance.now() - t0);
  if (!r.program) throw new Error('x');
}
console.log(times.map((t) => t.toFixed(1)).join(' '));
